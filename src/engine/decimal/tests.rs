use proptest::prelude::*;

use super::fixed;

#[test]
fn writes_the_decimals_asked() {
    assert_eq!(fixed(0.349, 2), "0.35");
    assert_eq!(fixed(-1.5, 2), "-1.50");
    assert_eq!(fixed(-0.001, 2), "0.00", "no minus sign on a zero");
    assert_eq!(fixed(100.0 / 3.0, 5), "33.33333");
    assert_eq!(fixed(2.5, 0), "3", "halves away from zero");
    assert_eq!(fixed(1.25, 1), "1.3");
}

proptest! {
    /// The same text as the standard formatter, except at (near-)exact halves, where that one
    /// rounds the binary value to even.
    #[test]
    fn agrees_with_the_standard_formatter(x in -1000.0f64..1000.0, places in 0u32..6) {
        let scaled = x.abs() * 10f64.powi(places as i32);
        prop_assume!((scaled - scaled.floor() - 0.5).abs() > 1e-6);
        let standard = format!("{x:.p$}", p = places as usize);
        // The standard formatter keeps the sign of a negative number rounded to zero ("-0.00").
        let standard = standard.strip_prefix('-').filter(|s| s.chars().all(|c| c == '0' || c == '.')).map_or(standard.clone(), str::to_string);
        prop_assert_eq!(fixed(x, places), standard);
    }
}
