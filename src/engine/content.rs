//! Everything the app fetches to run a quiz: the bank's index, the assessment settings, and
//! the domain files loaded so far (each fetched the first time a quiz needs its domain); and
//! the authors' checks on what the files say ([`lint`], against the [`glossary`]).

pub mod bidi;
pub mod glossary;
pub mod lint;
pub mod split;

use super::assessment::Settings;
use super::bank::{Bank, Domain, DomainEntry, DomainFile, Index};
use super::localized::Localized;
use super::own_bank;
use super::problem::Problem;
use super::sorted::SortedMap;

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

/// A domain file as loaded so far: the languages its texts are in, and the file.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    languages: Vec<String>,
    file: DomainFile,
}

/// Paths of the content files, relative to the app.
pub const INDEX_FILE: &str = "content/index.json";
pub const SETTINGS_FILE: &str = "content/assessment.json";

#[derive(Clone, Debug)]
pub struct Content {
    pub index: Index,
    pub settings: Settings,
    loaded: SortedMap<String, Loaded>,
    /// A teacher's own questions, as a session carries them (domain `own_bank::DOMAIN`): the
    /// text they came as, and the domain they form. Not in the index, so no page offers them
    /// but the session's.
    own: Option<(String, Domain, DomainFile)>,
    /// The bank made of the loaded domains; rebuilt when a domain arrives.
    pub bank: Bank,
}

/// A content is equal only to itself. It is built once per load and shared (`Rc`), and
/// compared only where pages get it as a prop: there the same content is the same `Rc`, and a
/// derived, deep comparison walked the whole bank on each render and cost every document
/// its code (about 2 KB of wasm before gzip).
impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
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
                Ok(Content { index, settings, loaded: SortedMap::new(), own: None, bank })
            }
            (index, settings) => Err(index.err().into_iter().chain(settings.err()).flatten().collect()),
        }
    }

    /// The content with one more domain file, in every language (as authors write it),
    /// validated against the index. For tools and tests; the app loads one language at a time
    /// ([`Content::with_language`]).
    pub fn with_domain(&self, domain: &str, text: &str) -> Result<Content, Vec<Problem>> {
        let entry = self.entry(domain)?;
        let file = DomainFile::parse(&self.index, entry, text)?;
        Ok(self.with_loaded(domain, Loaded { languages: self.index.languages.clone(), file }))
    }

    /// The content with domain `domain`'s texts in `lang`, from its file as the build splits
    /// it (`content/<lang>/domains/<id>.json`), validated against the index. Added to the
    /// languages loaded before; a file that differs from them in anything but its texts (two
    /// versions of the app) replaces them, and the others are fetched again when needed.
    pub fn with_language(&self, domain: &str, lang: &str, text: &str) -> Result<Content, Vec<Problem>> {
        let entry = self.entry(domain)?;
        let file = DomainFile::parse_in(entry, lang, text)?;
        let loaded = match self.loaded.get(domain) {
            Some(before) => match before.file.with_texts_of(file.clone()) {
                Some(file) => {
                    let mut languages = before.languages.clone();
                    if !languages.iter().any(|l| l == lang) {
                        languages.push(lang.to_string());
                    }
                    Loaded { languages, file }
                }
                None => Loaded { languages: vec![lang.to_string()], file },
            },
            None => Loaded { languages: vec![lang.to_string()], file },
        };
        Ok(self.with_loaded(domain, loaded))
    }

    fn entry(&self, domain: &str) -> Result<&DomainEntry, Vec<Problem>> {
        self.index.entry(domain).ok_or_else(|| {
            vec![Problem {
                file: INDEX_FILE.to_string(),
                item: None,
                path: "domains".to_string(),
                kind: super::problem::ProblemKind::UnknownDomain { id: domain.to_string() },
            }]
        })
    }

    fn with_loaded(&self, domain: &str, file: Loaded) -> Content {
        let mut loaded = self.loaded.clone();
        loaded.insert(domain.to_string(), file);
        self.with_parts(loaded, self.own.clone())
    }

    /// This content's index and settings with other domains loaded. (Not `clone` then a
    /// change: a derived `Clone` of the whole content, bank included, cost the first load
    /// 1 KB.)
    fn with_parts(
        &self,
        loaded: SortedMap<String, Loaded>,
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

    /// Whether `domain`'s questions are at hand, in any language.
    pub fn has(&self, domain: &str) -> bool {
        self.loaded.contains_key(domain) || (domain == own_bank::DOMAIN && self.own.is_some())
    }

    /// Whether `domain`'s questions are at hand with their texts in `lang` (the teacher's
    /// own questions come in the languages they were written in, all at once).
    pub fn is_loaded(&self, domain: &str, lang: &str) -> bool {
        match self.loaded.get(domain) {
            Some(loaded) => loaded.languages.iter().any(|l| l == lang),
            None => domain == own_bank::DOMAIN && self.own.is_some(),
        }
    }
}

/// The bank of Kafaa's loaded domains in the index's order, then the teacher's.
fn assemble(
    index: &Index,
    settings: &Settings,
    loaded: &SortedMap<String, Loaded>,
    own: Option<&(String, Domain, DomainFile)>,
) -> Bank {
    let bank = Bank::assemble(index, |id| loaded.get(id).map(|l| &l.file));
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
