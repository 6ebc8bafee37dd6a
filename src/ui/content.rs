//! Fetching content files from the app's own origin at run time.

use std::rc::Rc;

use gloo::net::http::Request;

use super::state::ContentStatus;
use crate::engine::content::{Content, BANK_FILE, SETTINGS_FILE};

/// Fetches one file as text; paths are relative to the page so the app works under any path.
async fn fetch_text(path: &str) -> Result<String, ContentStatus> {
    let unreachable = |detail: String| ContentStatus::Unreachable(format!("{path}: {detail}"));
    let response = Request::get(path).send().await.map_err(|e| unreachable(e.to_string()))?;
    if !response.ok() {
        return Err(unreachable(format!("HTTP {}", response.status())));
    }
    response.text().await.map_err(|e| unreachable(e.to_string()))
}

/// Fetches and validates the bank and the assessment settings.
pub async fn fetch_content() -> Result<Rc<Content>, ContentStatus> {
    let bank = fetch_text(BANK_FILE).await?;
    let settings = fetch_text(SETTINGS_FILE).await?;
    Content::parse(&bank, &settings)
        .map(Rc::new)
        .map_err(|problems| ContentStatus::Invalid(Rc::new(problems)))
}
