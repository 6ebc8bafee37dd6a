//! What the page shows if the app hits a bug it cannot recover from (a panic): without this,
//! the wasm stops and the page freezes with no word. The page's loader (`Trunk.toml`) draws
//! the notice, as it does when the app cannot start; the app gives it the words in the
//! interface language.

use wasm_bindgen::prelude::*;

use super::content::cached_catalog;

#[wasm_bindgen]
extern "C" {
    /// Defined by the loader: replaces the page with `text` and a button that reloads.
    #[wasm_bindgen(js_namespace = window, js_name = kafaaStopped, catch)]
    fn stopped(text: &str, reload: &str) -> Result<(), JsValue>;
}

/// Shows the notice in place of the page on any panic.
pub fn install() {
    std::panic::set_hook(Box::new(|_| notify()));
}

/// Asks the loader for the notice, worded from the catalog of the page's language (English
/// if that one is not at hand); nothing happens where there is no loader.
pub fn notify() {
    let lang = gloo::utils::document().document_element().and_then(|e| e.get_attribute("lang"));
    if let Some(catalog) =
        cached_catalog(lang.as_deref().unwrap_or_default()).or_else(|| cached_catalog("en"))
    {
        let _ = stopped(catalog.messages.notice_crashed(), catalog.messages.notice_update_reload());
    }
}
