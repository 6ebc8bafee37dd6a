use super::*;
use crate::engine::calibration::fit::{fit, Options};
use crate::engine::calibration::matrix::Matrix;
use crate::engine::calibration::simulate::{draw_items, Design};
use crate::engine::rng::Rng;

/// Learners stronger and more varied than the N(0, 1) the fit assumes: θ ~ N(0.5, 1.2²).
fn stronger_sample(truth: &[(String, ItemParams)], model: Model) -> Calibration {
    let mut rng = Rng::new(42);
    let learners: Vec<(String, f64)> =
        (0..2_000).map(|_| ("en".to_string(), 0.5 + 1.2 * rng.normal())).collect();
    let data = Matrix::new(&Design::complete(truth.to_vec()).run(&learners, &mut rng));
    fit(&data, &Options::new(model))
}

fn rmse_b(c: &Calibration, truth: &[(String, ItemParams)]) -> f64 {
    let sum: f64 = c.items.iter().zip(truth).map(|(e, (_, p))| (e.params.b - p.b).powi(2)).sum();
    (sum / truth.len() as f64).sqrt()
}

/// Without linking every b comes out about (b − 0.5)/1.2; anchors put them back.
#[test]
fn anchors_keep_the_current_scale() {
    let truth = draw_items(20, 0.35, &mut Rng::new(41));
    let mut c = stronger_sample(&truth, Model::TwoPl);
    assert!(rmse_b(&c, &truth) > 0.3, "the sample's own scale differs");
    let anchors: SortedMap<String, ItemParams> = truth.iter().step_by(2).cloned().collect();
    let linking = mean_sigma(&c, &anchors).unwrap();
    assert_eq!(linking.anchors.len(), 10);
    assert!((linking.slope - 1.2).abs() < 0.15 && (linking.shift - 0.5).abs() < 0.1, "{linking:?}");
    let mean_theta = |c: &Calibration| c.abilities.iter().map(|e| e.theta).sum::<f64>() / 2_000.0;
    let se_before = c.items[1].se_b;
    linking.apply(&mut c);
    assert!(rmse_b(&c, &truth) < 0.15, "RMSE(b) after linking {:.3}", rmse_b(&c, &truth));
    let rmse_a =
        (c.items.iter().zip(&truth).map(|(e, (_, p))| (e.params.a - p.a).powi(2)).sum::<f64>() / 20.0).sqrt();
    assert!(rmse_a < 0.15, "RMSE(a) after linking {rmse_a:.3}");
    assert!((mean_theta(&c) - 0.5).abs() < 0.1, "abilities on the current scale too");
    assert!((c.items[1].se_b - se_before * linking.slope).abs() < 1e-12);
}

#[test]
fn one_anchor_or_the_rasch_model_only_shift() {
    let truth = draw_items(10, 0.0, &mut Rng::new(43));
    let c = stronger_sample(&truth, Model::Rasch);
    let anchors: SortedMap<String, ItemParams> = truth.iter().take(5).cloned().collect();
    let linking = mean_sigma(&c, &anchors).unwrap();
    assert_eq!(linking.slope, 1.0);
    let one: SortedMap<String, ItemParams> = truth.iter().take(1).cloned().collect();
    let two_pl = stronger_sample(&truth, Model::TwoPl);
    let linking = mean_sigma(&two_pl, &one).unwrap();
    assert_eq!(linking.slope, 1.0);
    assert!((linking.shift - (truth[0].1.b - two_pl.items[0].params.b)).abs() < 1e-12);
    assert_eq!(mean_sigma(&c, &SortedMap::new()), None);
}
