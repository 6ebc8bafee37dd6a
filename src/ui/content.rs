//! Fetching content files from the app's own origin at run time.

use std::rc::Rc;

use gloo::net::http::Request;

use super::state::BankStatus;
use crate::engine::bank::Bank;

/// The question bank, relative to the page so the app works under any path.
pub const BANK_URL: &str = "content/bank.json";

/// Fetches and validates the bank.
pub async fn fetch_bank() -> Result<Rc<Bank>, BankStatus> {
    let response = Request::get(BANK_URL).send().await.map_err(|e| BankStatus::Unreachable(e.to_string()))?;
    if !response.ok() {
        return Err(BankStatus::Unreachable(format!("HTTP {}", response.status())));
    }
    let text = response.text().await.map_err(|e| BankStatus::Unreachable(e.to_string()))?;
    Bank::parse(BANK_URL, &text).map(Rc::new).map_err(|problems| BankStatus::Invalid(Rc::new(problems)))
}
