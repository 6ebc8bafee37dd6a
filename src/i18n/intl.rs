//! Plural categories and number formatting from the browser's `Intl`, which carries CLDR's
//! rules for every locale. Natively (tests, tools) a simple English rule stands in.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
        type PluralRules;
        #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "PluralRules")]
        fn new(locale: &str) -> Result<PluralRules, JsValue>;
        #[wasm_bindgen(method)]
        fn select(this: &PluralRules, n: f64) -> String;

        #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
        type NumberFormat;
        #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "NumberFormat")]
        fn new(locale: &str) -> Result<NumberFormat, JsValue>;
        #[wasm_bindgen(method)]
        fn format(this: &NumberFormat, n: f64) -> String;
    }

    /// An unknown locale (a data mistake) falls back to "other" rather than failing.
    pub fn plural_category(locale: &str, n: usize) -> String {
        PluralRules::new(locale).map_or_else(|_| "other".to_string(), |rules| rules.select(n as f64))
    }

    pub fn number(locale: &str, n: usize) -> String {
        NumberFormat::new(locale).map_or_else(|_| n.to_string(), |f| f.format(n as f64))
    }

    /// `x` to one decimal place, in the locale's digits and separator ("1.6", "1,6").
    pub fn decimal(locale: &str, x: f64) -> String {
        let tenths = (x * 10.0).round();
        NumberFormat::new(locale).map_or_else(|_| super::tenths(tenths as i64), |f| f.format(tenths / 10.0))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn plural_category(_locale: &str, n: usize) -> String {
        if n == 1 { "one" } else { "other" }.to_string()
    }

    pub fn number(_locale: &str, n: usize) -> String {
        n.to_string()
    }

    pub fn decimal(_locale: &str, x: f64) -> String {
        super::tenths((x * 10.0).round() as i64)
    }
}

pub use imp::{decimal, number, plural_category};

/// A count of tenths as a decimal number ("16" → "1.6"), with integer formatting only: float
/// formatting would add its tables to the wasm for a fallback.
fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}
