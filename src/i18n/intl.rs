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
        NumberFormat::new(locale).map_or_else(|_| super::fixed(x, 1), |f| f.format(tenths / 10.0))
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
        super::fixed(x, 1)
    }
}

pub use imp::{decimal, number, plural_category};

/// The fallback when `Intl` cannot format (and natively): integer formatting only.
use crate::engine::decimal::fixed;
