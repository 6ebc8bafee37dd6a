use proptest::prelude::*;

use super::*;

fn item(a: f64, b: f64, c: f64) -> ItemParams {
    ItemParams { a, b, c }
}

/// Item parameters, responses, and catsim's θ and SE.
type Case<'a> = (&'a [(f64, f64, f64)], &'a [bool], f64, f64);

/// Maximum-likelihood θ and SE computed by catsim 0.21.0 (scripts/catsim/reference_cases.py).
#[test]
fn mle_agrees_with_catsim_to_three_decimals() {
    let cases: [Case; 6] = [
        (
            &[(1.0, -1.0, 0.0), (1.2, 0.0, 0.0), (0.8, 1.0, 0.0), (1.5, 0.5, 0.0)],
            &[true, true, false, false],
            0.116919,
            0.911312,
        ),
        (
            &[(1.0, -1.0, 0.0), (1.2, 0.0, 0.0), (0.8, 1.0, 0.0), (1.5, 0.5, 0.0)],
            &[true, false, true, false],
            -0.225479,
            0.944707,
        ),
        (
            &[
                (0.7, -2.0, 0.0),
                (1.9, -0.5, 0.0),
                (1.1, 0.3, 0.0),
                (1.4, 1.2, 0.0),
                (0.9, 2.1, 0.0),
                (1.6, -1.1, 0.0),
            ],
            &[true, true, true, false, false, true],
            0.790788,
            0.874066,
        ),
        (
            &[(1.3, -0.4, 0.2), (0.9, 0.8, 0.25), (1.7, 0.1, 0.2), (1.1, -1.3, 0.25), (2.0, 1.5, 0.2)],
            &[true, false, true, true, false],
            0.586205,
            0.980201,
        ),
        (
            &[
                (1.0, 0.0, 0.0),
                (1.0, 0.0, 0.0),
                (1.0, 0.0, 0.0),
                (2.0, 1.0, 0.0),
                (2.0, 1.0, 0.0),
                (2.0, 1.0, 0.0),
            ],
            &[true, true, false, true, false, false],
            0.661386,
            0.546007,
        ),
        (&[(0.5, -3.0, 0.0), (2.5, 3.0, 0.0), (1.0, 0.0, 0.0)], &[true, false, true], 1.939355, 1.396763),
    ];
    for (params, answers, theta, se) in cases {
        let responses: Vec<Response> =
            params.iter().zip(answers).map(|(&(a, b, c), &r)| (item(a, b, c), r)).collect();
        let est = mle(&responses).expect("mixed pattern");
        assert!((est.theta - theta).abs() < 5e-4, "θ {} vs catsim {theta}", est.theta);
        assert!((est.se - se).abs() < 5e-4, "SE {} vs catsim {se}", est.se);
    }
}

/// P(θ) and I(θ) from catsim's `irt.icc` and `irt.inf`.
#[test]
fn probability_and_information_agree_with_catsim() {
    let cases = [
        ((1.0, 0.0, 0.0), -1.0, 0.268941421, 0.196611933),
        ((1.0, 0.0, 0.0), 0.0, 0.5, 0.25),
        ((1.0, 0.0, 0.0), 1.3, 0.785834983, 0.168298362),
        ((1.8, -0.7, 0.0), -1.0, 0.368187582, 0.753706576),
        ((1.8, -0.7, 0.0), 0.0, 0.779026108, 0.557747957),
        ((1.8, -0.7, 0.0), 1.3, 0.973403006, 0.083882283),
        ((1.2, 0.5, 0.2), -1.0, 0.313480852, 0.063455509),
        ((1.2, 0.5, 0.2), 0.0, 0.483474955, 0.193165388),
        ((1.2, 0.5, 0.2), 1.3, 0.778497444, 0.214243156),
    ];
    for ((a, b, c), theta, p, info) in cases {
        let it = item(a, b, c);
        assert!((it.p(theta) - p).abs() < 1e-9);
        assert!((it.information(theta) - info).abs() < 1e-9);
    }
}

#[test]
fn eap_without_responses_is_the_prior() {
    let e = eap(&[]);
    assert!(e.theta.abs() < 1e-9);
    assert!((e.se - 1.0).abs() < 0.01);
}

#[test]
fn uniform_patterns_have_no_mle_but_a_finite_eap() {
    let items = [item(1.0, 0.0, 0.0), item(1.5, 1.0, 0.0)];
    let right: Vec<Response> = items.iter().map(|&i| (i, true)).collect();
    let wrong: Vec<Response> = items.iter().map(|&i| (i, false)).collect();
    assert_eq!(mle(&right), None);
    assert_eq!(mle(&wrong), None);
    assert_eq!(mle(&[]), None);
    assert!(eap(&right).theta > 0.3 && eap(&wrong).theta < -0.3);
}

fn arb_item() -> impl Strategy<Value = ItemParams> {
    (0.01f64..6.0, -8.0f64..8.0, 0.0f64..0.6).prop_map(|(a, b, c)| item(a, b, c))
}

proptest! {
    #[test]
    fn never_nan_for_any_pattern_or_bank(items in prop::collection::vec((arb_item(), any::<bool>()), 0..40)) {
        let e = eap(&items);
        prop_assert!(e.theta.is_finite() && e.se.is_finite());
        prop_assert!((THETA_MIN..=THETA_MAX).contains(&e.theta));
        if let Some(m) = mle(&items) {
            prop_assert!(m.theta.is_finite() && !m.se.is_nan());
        }
        for (it, _) in &items {
            prop_assert!(it.information(e.theta).is_finite());
        }
    }

    #[test]
    fn theta_rises_with_each_extra_right_answer(items in prop::collection::vec(arb_item(), 1..25)) {
        // On a fixed item set, turning one more answer right never lowers the estimate.
        let mut previous = f64::NEG_INFINITY;
        for rights in 0..=items.len() {
            let responses: Vec<Response> = items.iter().enumerate().map(|(i, &it)| (it, i < rights)).collect();
            let e = eap(&responses).theta;
            prop_assert!(e >= previous - 1e-9, "{e} < {previous} at {rights} right");
            previous = e;
        }
    }

    #[test]
    fn information_peaks_near_b(a in 0.2f64..4.0, b in -3.0f64..3.0, c in 0.0f64..0.4, d in 0.3f64..3.0) {
        // For 2PL the maximum is at b; for 3PL slightly above it (catsim's max_info formula).
        let it = item(a, b, c);
        let peak = b + (0.5 + 0.5 * (1.0 + 8.0 * c).sqrt()).ln() / a;
        prop_assert!(it.information(peak) >= it.information(peak + d) - 1e-12);
        prop_assert!(it.information(peak) >= it.information(peak - d) - 1e-12);
        if c == 0.0 {
            prop_assert!((peak - b).abs() < 1e-12);
        }
    }

    #[test]
    fn max_information_bounds_information_everywhere(it in arb_item(), theta in -6.0f64..6.0) {
        let max = it.max_information();
        prop_assert!(it.information(theta) <= max * (1.0 + 1e-9) + 1e-12);
        let peak = it.b + (0.5 + 0.5 * (1.0 + 8.0 * it.c).sqrt()).ln() / it.a;
        prop_assert!((it.information(peak) - max).abs() <= 1e-9 * max.max(1.0));
    }

    #[test]
    fn se_shrinks_as_items_are_added(items in prop::collection::vec((arb_item(), any::<bool>()), 1..30)) {
        let mut previous = f64::INFINITY;
        for n in 1..=items.len() {
            let theta = 0.7;
            let info = test_information(theta, &items[..n]);
            let se = 1.0 / info.sqrt();
            prop_assert!(se <= previous + 1e-12);
            previous = se;
        }
    }
}
