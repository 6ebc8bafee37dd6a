//! Everything the app fetches to run a quiz: the question bank and the assessment settings.

use super::assessment::Settings;
use super::bank::Bank;
use super::problem::Problem;

/// Paths of the content files, relative to the app.
pub const BANK_FILE: &str = "content/bank.json";
pub const SETTINGS_FILE: &str = "content/assessment.json";

#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub bank: Bank,
    pub settings: Settings,
}

impl Content {
    /// Validates both files and reports the problems of both.
    pub fn parse(bank: &str, settings: &str) -> Result<Content, Vec<Problem>> {
        match (Bank::parse(BANK_FILE, bank), Settings::parse(SETTINGS_FILE, settings)) {
            (Ok(bank), Ok(settings)) => Ok(Content { bank, settings }),
            (bank, settings) => Err(bank.err().into_iter().chain(settings.err()).flatten().collect()),
        }
    }
}
