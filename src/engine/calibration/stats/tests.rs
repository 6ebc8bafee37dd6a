use super::*;

/// Reference values from scipy.stats.chi2.sf.
#[test]
fn chi_square_tail_matches_tables() {
    let cases = [
        (3.841_458_820_694_124, 1, 0.05),
        (6.634_896_601_021_213, 1, 0.01),
        (0.5, 1, 0.479_500_122_186_953_5),
        (18.307_038_053_275_146, 10, 0.05),
        (2.0, 3, 0.572_406_704_470_879_8),
        (40.0, 8, 3.203_719_780_476_998e-6),
        (100.0, 2, 1.928_749_847_963_918e-22),
    ];
    for (x, df, p) in cases {
        let got = chi_square_sf(x, df);
        assert!((got - p).abs() <= 1e-9 * p.max(1e-3), "χ²({df}) sf({x}) = {got}, expected {p}");
    }
    assert_eq!(chi_square_sf(0.0, 4), 1.0);
    assert_eq!(chi_square_sf(5.0, 0), 1.0);
    assert_eq!(chi_square_sf(f64::NAN, 2), 1.0);
}

#[test]
fn ln_gamma_matches_factorials() {
    for (n, fact) in [(1.0, 1.0), (2.0, 1.0), (5.0, 24.0), (11.0, 3_628_800.0)] {
        assert!((ln_gamma(n) - f64::ln(fact)).abs() < 1e-12, "ln Γ({n})");
    }
    assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
}
