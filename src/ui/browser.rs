//! Small wrappers over browser APIs, each tolerant of their absence or of bad input.

use std::future::Future;

use wasm_bindgen::prelude::*;

use crate::i18n::Language;

#[wasm_bindgen]
extern "C" {
    type LocaleDate;
    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new(ms: f64) -> LocaleDate;
    #[wasm_bindgen(method, catch, js_name = toLocaleString)]
    fn to_locale_string(this: &LocaleDate, locale: &str) -> Result<String, JsValue>;
}

/// Where the chosen interface language is kept.
const LANGUAGE_KEY: &str = "kafaa.lang";

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

/// A date and time in `locale`'s conventions; an unknown locale falls back to the default.
pub fn format_date(ms: f64, locale: &str) -> String {
    let date = LocaleDate::new(ms);
    date.to_locale_string(locale).or_else(|_| date.to_locale_string("en")).unwrap_or_default()
}

/// The language to start in: the one chosen before on this device, else the first of the
/// browser's preferred languages that Kafaa has, else English.
pub fn preferred_language(languages: &[Language]) -> Option<Language> {
    let known = |code: &str| {
        let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
        languages.iter().find(|l| l.code == primary).cloned()
    };
    if let Some(chosen) = super::storage::local().and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten()) {
        if let Some(l) = known(&chosen) {
            return Some(l);
        }
    }
    let navigator = gloo::utils::window().navigator();
    navigator.languages().iter().filter_map(|v| v.as_string()).find_map(|code| known(&code))
}

/// Resolves in a later task of the event loop, so that work at start-up is split into short
/// tasks (the browser can handle input in between) instead of one long one.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Remembers the user's choice of language.
pub fn save_language(code: &str) {
    if let Some(storage) = super::storage::local() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
    }
}

/// Starts `task` now, to be awaited later: two fetches so started run at once.
pub fn started(task: impl Future<Output = ()> + 'static) -> wasm_bindgen_futures::JsFuture {
    wasm_bindgen_futures::JsFuture::from(wasm_bindgen_futures::future_to_promise(async move {
        task.await;
        Ok(JsValue::UNDEFINED)
    }))
}

/// The text of a file the user picked; empty when it cannot be read (the readers then say
/// what is wrong with it).
pub async fn file_text(file: web_sys::File) -> String {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

/// Saves `text` as a file named `name`, made on this device when the user asks: a Blob
/// behind a temporary link, its address revoked once the download has started, so that no
/// key or class list sits in the page as a link. Where the browser refuses, nothing is saved
/// and the page stays as it was.
pub fn download(name: &str, mime: &str, text: &str) {
    let save = || -> Option<()> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&format!("{mime};charset=utf-8"));
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link: web_sys::HtmlAnchorElement =
            gloo::utils::document().create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // Freed a little later rather than at once: some browsers read the address only
        // after the click has returned.
        let revoke = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
            .ok()?;
        Some(())
    };
    let _ = save();
}

/// This page's address without its fragment, to build links to other routes of it.
pub fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Copies `text` to the clipboard; `false` where the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the browser's print dialog (the print style sheet keeps only the report).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
