//! Everything the app fetches to run a quiz: the bank's index, the assessment settings, and
//! the domain files loaded so far (each fetched the first time a quiz needs its domain); and
//! the authors' checks on what the files say ([`lint`], against the [`glossary`]).

pub mod bidi;
pub mod glossary;
pub mod lint;

use std::collections::BTreeMap;

use super::assessment::Settings;
use super::bank::{Bank, Domain, DomainFile, Index};
use super::localized::Localized;
use super::own_bank;
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
    /// A teacher's own questions, as a session carries them (domain `own_bank::DOMAIN`): the
    /// text they came as, and the domain they form. Not in the index, so no page offers them
    /// but the session's.
    own: Option<(String, Domain, DomainFile)>,
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
                Ok(Content { index, settings, loaded: BTreeMap::new(), own: None, bank })
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
        Ok(self.with_parts(loaded, self.own.clone()))
    }

    /// This content's index and settings with other domains loaded. (Not `clone` then a
    /// change: a derived `Clone` of the whole content, bank included, cost the first load
    /// 1 KB.)
    fn with_parts(
        &self,
        loaded: BTreeMap<String, DomainFile>,
        own: Option<(String, Domain, DomainFile)>,
    ) -> Content {
        let bank = assemble(&self.index, &self.settings, &loaded, own.as_ref());
        Content { index: self.index.clone(), settings: self.settings.clone(), loaded, own, bank }
    }

    /// The content with a teacher's own questions (`text`, as `OwnBank::to_json` wrote it)
    /// as the domain `own_bank::DOMAIN`, titled with the session's `title`, in place of any
    /// before.
    pub fn with_own(&self, title: &str, text: &str) -> Result<Content, Vec<Problem>> {
        let file = DomainFile::parse_own(own_bank::FILE, own_bank::DOMAIN, text)?;
        // Inserted one by one: collecting into a map pulls in the standard library's stable
        // sort (3.5 KB of wasm, twiggy).
        let mut name = Localized::default();
        for l in &self.index.languages {
            name.0.insert(l.clone(), title.to_string());
        }
        let domain = Domain {
            id: own_bank::DOMAIN.to_string(),
            title: name.clone(),
            description: name,
            subtopics: file.subtopics.clone(),
        };
        Ok(self.with_parts(self.loaded.clone(), Some((text.to_string(), domain, file))))
    }

    /// The text of the teacher's questions in the bank, if any.
    pub fn own_text(&self) -> Option<&str> {
        self.own.as_ref().map(|(text, _, _)| text.as_str())
    }

    pub fn is_loaded(&self, domain: &str) -> bool {
        self.loaded.contains_key(domain) || (domain == own_bank::DOMAIN && self.own.is_some())
    }
}

/// The bank of Kafaa's loaded domains in the index's order, then the teacher's.
fn assemble(
    index: &Index,
    settings: &Settings,
    loaded: &BTreeMap<String, DomainFile>,
    own: Option<&(String, Domain, DomainFile)>,
) -> Bank {
    let bank = Bank::assemble(index, |id| loaded.get(id));
    let bank = match own {
        None => bank,
        Some((_, domain, file)) => {
            let mut domains = bank.domains;
            domains.push(domain.clone());
            let mut items = bank.items;
            items.extend(file.items.iter().cloned());
            Bank::new(bank.id, bank.languages, bank.title, domains, items)
        }
    };
    bank.with_pilots(&settings.pilots)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
