use super::*;

fn settings() -> Settings {
    Settings::parse("s.json", include_str!("../../../static/content/assessment.json"))
        .expect("valid settings")
}

/// The targets for the quick check on a 200-item 2PL bank.
#[test]
fn quick_check_meets_its_targets_on_a_200_item_bank() {
    let settings = settings();
    let bank = synthetic_bank(1, 200, 42);
    let r = simulate(&bank, &settings, settings.mode("quick").unwrap(), 400, 7);
    assert!(r.rmse <= 0.40, "RMSE {}", r.rmse);
    assert!(r.mean_length <= 20.0, "mean length {}", r.mean_length);
    assert!(r.bias.abs() <= 0.05, "bias {}", r.bias);
    // The reported SE is honest: close to the actual error.
    assert!((r.mean_se - r.rmse).abs() < 0.08, "SE {} vs RMSE {}", r.mean_se, r.rmse);
}

#[test]
fn the_full_assessment_is_more_precise_than_the_quick_check() {
    let settings = settings();
    let bank = synthetic_bank(1, 200, 43);
    let quick = simulate(&bank, &settings, settings.mode("quick").unwrap(), 150, 1);
    let full = simulate(&bank, &settings, settings.mode("full").unwrap(), 150, 1);
    assert!(full.rmse < quick.rmse, "{} vs {}", full.rmse, quick.rmse);
    assert!(full.mean_length > quick.mean_length);
}
