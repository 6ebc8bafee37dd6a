//! Everything the app fetches to run a quiz: the bank's index, the assessment settings, and
//! the domain files loaded so far (each fetched the first time a quiz needs its domain); and
//! the authors' checks on what the files say ([`lint`], against the [`glossary`]).

pub mod bidi;
pub mod glossary;
pub mod lint;

use std::collections::BTreeMap;

use super::assessment::Settings;
use super::bank::{Bank, DomainFile, Index};
use super::problem::Problem;

/// The whole bank, every domain file read through `read` (given paths such as
/// `domains/web.json`, relative to `content/`), with the problems of the files that could not
/// be used. For the tools and tests that read the files from disk; the app loads domains one
/// by one instead.
pub fn whole_bank(read: impl Fn(&str) -> String) -> Result<(Bank, Vec<Problem>), Vec<Problem>> {
    let index = Index::parse(INDEX_FILE, &read("index.json"))?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for entry in &index.domains {
        match DomainFile::parse(&index, entry, &read(&entry.file)) {
            Ok(file) => files.push((entry.id.clone(), file)),
            Err(p) => problems.extend(p),
        }
    }
    let bank = Bank::assemble(&index, |id| files.iter().find(|(d, _)| d == id).map(|(_, f)| f));
    Ok((bank, problems))
}

/// What files that refer to the content are checked against (guidance data, session
/// links): the bank's domains and languages, and the assessment settings.
pub struct Checks<'a> {
    pub domains: &'a [String],
    pub languages: &'a [String],
    pub settings: &'a Settings,
}

/// Paths of the content files, relative to the app.
pub const INDEX_FILE: &str = "content/index.json";
pub const SETTINGS_FILE: &str = "content/assessment.json";

#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub index: Index,
    pub settings: Settings,
    loaded: BTreeMap<String, DomainFile>,
    /// The bank made of the loaded domains; rebuilt when a domain arrives.
    pub bank: Bank,
}

impl Content {
    /// Validates the index and the settings and reports the problems of both.
    pub fn parse(index: &str, settings: &str) -> Result<Content, Vec<Problem>> {
        match (Index::parse(INDEX_FILE, index), Settings::parse(SETTINGS_FILE, settings)) {
            (Ok(index), Ok(settings)) => {
                let missing = settings.missing_languages(SETTINGS_FILE, &index.languages);
                if !missing.is_empty() {
                    return Err(missing);
                }
                let bank = Bank::assemble(&index, |_| None).with_pilots(&settings.pilots);
                Ok(Content { index, settings, loaded: BTreeMap::new(), bank })
            }
            (index, settings) => Err(index.err().into_iter().chain(settings.err()).flatten().collect()),
        }
    }

    /// The content with one more domain file, validated against the index.
    pub fn with_domain(&self, domain: &str, text: &str) -> Result<Content, Vec<Problem>> {
        let Some(entry) = self.index.entry(domain) else {
            return Err(vec![Problem {
                file: INDEX_FILE.to_string(),
                item: None,
                path: "domains".to_string(),
                kind: super::problem::ProblemKind::UnknownDomain { id: domain.to_string() },
            }]);
        };
        let file = DomainFile::parse(&self.index, entry, text)?;
        let mut loaded = self.loaded.clone();
        loaded.insert(domain.to_string(), file);
        let bank = Bank::assemble(&self.index, |id| loaded.get(id)).with_pilots(&self.settings.pilots);
        Ok(Content { index: self.index.clone(), settings: self.settings.clone(), loaded, bank })
    }

    pub fn is_loaded(&self, domain: &str) -> bool {
        self.loaded.contains_key(domain)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
