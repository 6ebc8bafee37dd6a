//! Fetching content files from the app's own origin at run time.
//!
//! Plain `fetch` through web-sys rather than an HTTP wrapper crate: two GETs of text need
//! nothing more, and the wasm stays smaller.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::state::ContentStatus;
use crate::engine::content::{Content, BANK_FILE, SETTINGS_FILE};

/// Fetches one file as text; paths are relative to the page so the app works under any path.
async fn fetch_text(path: &str) -> Result<String, ContentStatus> {
    let unreachable = |detail: String| ContentStatus::Unreachable(format!("{path}: {detail}"));
    let describe = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{e:?}"))
    };
    let window = web_sys::window().ok_or_else(|| unreachable("no browser window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|e| unreachable(describe(e)))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| unreachable("the answer is not an HTTP response".into()))?;
    if !response.ok() {
        return Err(unreachable(format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|e| unreachable(describe(e)))?;
    let text = JsFuture::from(text).await.map_err(|e| unreachable(describe(e)))?;
    text.as_string().ok_or_else(|| unreachable("the file is not text".into()))
}

/// Fetches and validates the bank and the assessment settings.
pub async fn fetch_content() -> Result<Rc<Content>, ContentStatus> {
    let bank = fetch_text(BANK_FILE).await?;
    let settings = fetch_text(SETTINGS_FILE).await?;
    Content::parse(&bank, &settings)
        .map(Rc::new)
        .map_err(|problems| ContentStatus::Invalid(Rc::new(problems)))
}
