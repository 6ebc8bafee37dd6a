//! Small wrappers over browser APIs, each tolerant of their absence.

use wasm_bindgen::JsValue;

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A fresh seed for drawing a quiz (53 random bits, all a JS number holds exactly).
pub fn fresh_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Sets `lang` and `dir` on `<html>`.
pub fn set_document_language(code: &str, dir: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Sets the tab title, which screen readers announce on page changes.
pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// A date and time in the user's locale conventions for `lang`.
pub fn format_date(ms: f64, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.to_locale_string(lang, &JsValue::UNDEFINED).into()
}
