use super::*;
use crate::engine::calibration::responses::{Record, ResponseFile};
use crate::engine::calibration::simulate::{draw_items, Design};
use crate::engine::rng::Rng;

/// `n` English learners with θ ~ N(0, 1) answering `design`'s items.
fn simulate(design: &Design, n: usize, seed: u64) -> Matrix {
    let mut rng = Rng::new(seed);
    let learners: Vec<(String, f64)> = (0..n).map(|_| ("en".to_string(), rng.normal())).collect();
    Matrix::new(&design.run(&learners, &mut rng))
}

/// RMSE of a and of b against the truth, items matched by id.
fn rmse(calibration: &Calibration, truth: &[(String, ItemParams)]) -> (f64, f64) {
    let (mut sa, mut sb) = (0.0, 0.0);
    for (id, p) in truth {
        let e = calibration.items.iter().find(|i| &i.id == id).expect("every item estimated");
        sa += (e.params.a - p.a).powi(2);
        sb += (e.params.b - p.b).powi(2);
    }
    let k = truth.len() as f64;
    ((sa / k).sqrt(), (sb / k).sqrt())
}

#[test]
fn two_pl_recovers_known_parameters_with_honest_standard_errors() {
    let truth = draw_items(20, 0.35, &mut Rng::new(1));
    let data = simulate(&Design::complete(truth.clone()), 1_000, 2);
    let c = fit(&data, &Options::new(Model::TwoPl));
    assert!(c.converged && c.iterations < 100, "{} iterations", c.iterations);
    assert!(c.last_change < 1e-4);
    let (ra, rb) = rmse(&c, &truth);
    assert!(ra < 0.12 && rb < 0.15, "RMSE(a) {ra:.3}, RMSE(b) {rb:.3}");
    // Errors divided by their SE should look standard normal: root mean square near 1.
    let mut z = Vec::new();
    for (e, (_, p)) in c.items.iter().zip(&truth) {
        z.push((e.params.a - p.a) / e.se_a.unwrap());
        z.push((e.params.b - p.b) / e.se_b);
    }
    let rms = (z.iter().map(|x| x * x).sum::<f64>() / z.len() as f64).sqrt();
    assert!((0.6..1.5).contains(&rms), "errors are {rms:.2} SEs on average");
    assert!(c.items.iter().all(|i| i.n == 1_000 && i.params.c == 0.0));
    assert_eq!(c.abilities.len(), 1_000);
}

/// EM's stopping rule stops near the maximum, not merely where it slows down.
#[test]
fn the_tolerance_stops_near_the_maximum() {
    let truth = draw_items(10, 0.35, &mut Rng::new(3));
    let data = simulate(&Design::complete(truth), 300, 4);
    let loose = fit(&data, &Options::new(Model::TwoPl));
    let tight = fit(&data, &Options { tolerance: 1e-8, max_iterations: 5_000, ..Options::new(Model::TwoPl) });
    assert!(tight.converged);
    for (x, y) in loose.items.iter().zip(&tight.items) {
        assert!(
            (x.params.a - y.params.a).abs() < 2e-3 && (x.params.b - y.params.b).abs() < 2e-3,
            "{x:?} {y:?}"
        );
    }
    assert!(tight.log_likelihood >= loose.log_likelihood - 1e-6);
}

#[test]
fn the_marginal_log_likelihood_matches_a_fine_quadrature() {
    let truth = draw_items(8, 0.35, &mut Rng::new(5));
    let data = simulate(&Design::complete(truth), 100, 6);
    let c = fit(&data, &Options::new(Model::TwoPl));
    let params: Vec<ItemParams> = c.items.iter().map(|i| i.params).collect();
    // ∫ L(θ) φ(θ) dθ by the midpoint rule on 4,001 points from −8 to 8.
    let mut total = 0.0;
    for learner in data.learners() {
        let mut sum = 0.0;
        for k in 0..4_000 {
            let theta = -8.0 + (k as f64 + 0.5) * 0.004;
            let like: f64 = learner
                .responses
                .iter()
                .map(|&(i, right)| if right { params[i].p(theta) } else { 1.0 - params[i].p(theta) })
                .product();
            sum += like * (-0.5 * theta * theta).exp() * 0.004 / (2.0 * std::f64::consts::PI).sqrt();
        }
        total += sum.ln();
    }
    assert!((total - c.log_likelihood).abs() < 1e-6 * total.abs(), "{total} vs {}", c.log_likelihood);
}

#[test]
fn rasch_fixes_a_at_one() {
    let truth: Vec<(String, ItemParams)> = draw_items(15, 0.0, &mut Rng::new(7));
    assert!(truth.iter().all(|(_, p)| p.a == 1.0));
    let data = simulate(&Design::complete(truth.clone()), 800, 8);
    let c = fit(&data, &Options::new(Model::Rasch));
    assert!(c.converged);
    assert!(c.items.iter().all(|i| i.params.a == 1.0 && i.se_a.is_none() && i.se_b > 0.0));
    let (_, rb) = rmse(&c, &truth);
    assert!(rb < 0.12, "RMSE(b) {rb:.3}");
}

#[test]
fn one_pl_estimates_one_common_a() {
    let truth: Vec<(String, ItemParams)> = draw_items(15, 0.0, &mut Rng::new(9))
        .into_iter()
        .map(|(id, p)| (id, ItemParams { a: 1.6, ..p }))
        .collect();
    let data = simulate(&Design::complete(truth.clone()), 800, 10);
    let c = fit(&data, &Options::new(Model::OnePl));
    let a = c.items[0].params.a;
    assert!(c.items.iter().all(|i| i.params.a == a && i.se_a == c.items[0].se_a));
    assert!((a - 1.6).abs() < 0.1, "common a {a:.3}");
    let se_a = c.items[0].se_a.unwrap();
    assert!(se_a > 0.0 && se_a < 0.1, "SE(a) {se_a}");
    let (_, rb) = rmse(&c, &truth);
    assert!(rb < 0.12, "RMSE(b) {rb:.3}");
}

/// With guessing in the data, the 3PL given the right c recovers b; a 2PL does not.
#[test]
fn three_pl_with_fixed_c_recovers_b_where_two_pl_is_biased() {
    let truth: Vec<(String, ItemParams)> = draw_items(20, 0.2, &mut Rng::new(11))
        .into_iter()
        .map(|(id, p)| (id, ItemParams { a: p.a * 1.5, c: 0.25, ..p }))
        .collect();
    let data = simulate(&Design::complete(truth.clone()), 1_500, 12);
    let guessing = truth.iter().map(|(id, p)| (id.clone(), p.c)).collect();
    let three = fit(&data, &Options { guessing, ..Options::new(Model::ThreePl) });
    assert!(three.converged);
    assert!(three.items.iter().all(|i| i.params.c == 0.25));
    let (ra3, rb3) = rmse(&three, &truth);
    let two = fit(&data, &Options::new(Model::TwoPl));
    let (_, rb2) = rmse(&two, &truth);
    assert!(rb3 < 0.2 && ra3 < 0.3, "3PL RMSE(a) {ra3:.3}, RMSE(b) {rb3:.3}");
    assert!(rb2 > 2.0 * rb3, "2PL RMSE(b) {rb2:.3} against 3PL {rb3:.3}");
    // Items missing from `guessing` get c = 0, and c is kept below 0.5.
    let odd = SortedMap::from([("i00".to_string(), 0.9)]);
    let c = fit(&data, &Options { guessing: odd, max_iterations: 3, ..Options::new(Model::ThreePl) });
    assert_eq!(c.items[0].params.c, 0.49);
    assert_eq!(c.items[1].params.c, 0.0);
}

/// Twenty learners, an item everyone got right and one nobody did: the priors keep every
/// estimate finite and moderate; without them, estimates stop at the bounds.
#[test]
fn priors_keep_tiny_samples_finite() {
    let mut rng = Rng::new(13);
    let records = (0..20).map(|i| {
        let theta = rng.normal();
        let mut answers = vec![("all-right".to_string(), true), ("all-wrong".to_string(), false)];
        for j in 0..5 {
            let p = ItemParams { a: 1.0, b: j as f64 - 2.0, c: 0.0 }.p(theta);
            answers.push((format!("item-{j}"), rng.uniform() < p));
        }
        Record::new(if i % 2 == 0 { "en" } else { "fr" }, "quick", answers)
    });
    let data = Matrix::new(&ResponseFile::anonymous(records));
    for model in Model::ALL {
        let c = fit(&data, &Options::new(model));
        for i in &c.items {
            let p = i.params;
            assert!(p.a.is_finite() && p.b.is_finite() && i.se_b.is_finite(), "{model:?} {i:?}");
            assert!((0.2..=5.0).contains(&p.a) && p.b.abs() < 8.0, "{model:?} {i:?}");
            assert!(i.se_a.is_none_or(|s| s.is_finite() && s > 0.0));
        }
        let b = |id: &str| c.items.iter().find(|i| i.id == id).unwrap().params.b;
        assert!(b("all-right") < -1.0 && b("all-wrong") > 1.0, "{model:?}");
    }
    let ml = fit(&data, &Options { priors: None, ..Options::new(Model::TwoPl) });
    assert!(ml.items.iter().all(|i| i.params.a.is_finite() && i.params.b.abs() <= 15.0));
}

/// Each learner answers 10 of 30 items drawn at random: missing answers are ignored.
#[test]
fn sparse_data_is_calibrated() {
    let truth = draw_items(30, 0.35, &mut Rng::new(15));
    let design = Design { per_learner: Some(10), ..Design::complete(truth.clone()) };
    let data = simulate(&design, 3_000, 16);
    assert!(data.learners().iter().all(|l| l.responses.len() == 10));
    let c = fit(&data, &Options::new(Model::TwoPl));
    assert!(c.converged);
    let (ra, rb) = rmse(&c, &truth);
    assert!(ra < 0.2 && rb < 0.2, "RMSE(a) {ra:.3}, RMSE(b) {rb:.3}");
    let n: usize = c.items.iter().map(|i| i.n).sum();
    assert_eq!(n, 30_000);
}

#[test]
fn nothing_to_fit_is_no_items() {
    let c = fit(&Matrix::new(&ResponseFile::default()), &Options::new(Model::TwoPl));
    assert!(c.items.is_empty() && c.abilities.is_empty() && c.converged);
    assert_eq!(c.log_likelihood, 0.0);
}

#[test]
fn model_ids_round_trip() {
    for m in Model::ALL {
        assert_eq!(Model::from_id(m.id()), Some(m));
    }
    assert_eq!(Model::from_id("4pl"), None);
}
