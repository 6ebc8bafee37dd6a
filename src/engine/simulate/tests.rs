use super::*;
use crate::engine::testing::SETTINGS;

#[test]
fn the_band_is_honest_and_lengths_stay_within_the_rule_on_a_2pl_bank() {
    let bank = synthetic_bank(1, 200, 42);
    let quick = measure(&bank, &SETTINGS, SETTINGS.mode("quick").unwrap(), 600, 7);
    let Rule::Adaptive(rule) = &SETTINGS.mode("quick").unwrap().rule else { panic!("quick is adaptive") };
    assert!(quick.items_min >= rule.min_items && quick.items_max <= rule.max_items, "{quick:?}");
    assert!((0.75..=0.85).contains(&quick.coverage), "coverage {}", quick.coverage);
    assert!(quick.bias.abs() <= 0.06, "bias {}", quick.bias);
    // A discriminating bank places most learners right.
    assert!(quick.right_level >= 0.6, "{}", quick.right_level);
    // A retest avoids the items just seen: the bank has plenty.
    assert!(quick.retest_repeat < 0.05, "{}", quick.retest_repeat);
}

#[test]
fn the_full_assessment_is_more_precise_than_the_quick_check() {
    let bank = synthetic_bank(1, 200, 43);
    let quick = measure(&bank, &SETTINGS, SETTINGS.mode("quick").unwrap(), 200, 1);
    let full = measure(&bank, &SETTINGS, SETTINGS.mode("full").unwrap(), 200, 1);
    assert!(full.rmse < quick.rmse, "{} vs {}", full.rmse, quick.rmse);
    assert!(full.items_mean > quick.items_mean);
}

#[test]
fn a_fixed_form_is_the_same_for_everyone() {
    let bank = synthetic_bank(1, 60, 44);
    let fixed = measure(&bank, &SETTINGS, SETTINGS.mode("fixed").unwrap(), 50, 1);
    assert_eq!(fixed.max_exposure, 1.0);
    assert_eq!(fixed.overlap, 1.0);
}

#[test]
fn the_fingerprint_changes_with_settings_and_parameters() {
    let mut bank = synthetic_bank(1, 10, 45);
    let before = fingerprint("{}", &bank);
    assert_eq!(before, fingerprint("{}\n", &bank), "surrounding space does not count");
    assert_ne!(before, fingerprint("{\"x\": 1}", &bank));
    bank.items[3].irt.b += 0.5;
    assert_ne!(before, fingerprint("{}", &bank));
}

#[test]
fn the_precision_file_reads_back_what_was_written_and_refuses_anything_else() {
    let bank = synthetic_bank(1, 40, 46);
    let file = precision_file("{}", &SETTINGS, &bank, 20);
    let text = serde_json::to_string_pretty(&file).unwrap();
    assert_eq!(PrecisionFile::parse(&text), Some(file));
    assert_eq!(PrecisionFile::parse("{"), None);
    assert_eq!(PrecisionFile::parse(&text.replace("\"schema\": 1", "\"schema\": 2")), None);
    assert_eq!(
        PrecisionFile::parse(&text.replacen("\"coverage\": ", "\"coverage\": \"x\", \"was\": ", 1)),
        None
    );
}

proptest::proptest! {
    /// Any text, however hostile, is read or refused without a panic.
    #[test]
    fn any_text_is_read_or_refused(text in "\\PC{0,300}") {
        let _ = PrecisionFile::parse(&text);
    }
}
