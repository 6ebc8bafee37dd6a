//! The terminology glossary (`static/content/glossary.json`): one French and one Arabic word
//! per technical term, so a learner who meets "firewall" in two domains meets one Arabic word.
//! The lint ([`super::lint`]) checks every text of the bank against it.

use serde::Deserialize;

use crate::engine::sorted::SortedMap;

/// Where the glossary lives, relative to `static/`.
pub const GLOSSARY_FILE: &str = "content/glossary.json";

#[derive(Clone, Debug, PartialEq)]
pub struct Glossary {
    /// Terms, longest English term first, so "QR code" is matched before "code".
    pub terms: Vec<Term>,
}

/// One English term and the forms other languages must use for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub en: String,
    /// Per language: the accepted forms (one of them must appear).
    pub forms: SortedMap<String, Vec<String>>,
    /// Per language: forms that must not appear where the term is used.
    pub avoid: SortedMap<String, Vec<String>>,
    /// The domains the term is checked in (all when empty): "model" is a trained model in
    /// AI and data, but a phone's model elsewhere.
    pub domains: Vec<String>,
}

impl Term {
    pub fn applies_to(&self, domain: &str) -> bool {
        self.domains.is_empty() || self.domains.iter().any(|d| d == domain)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: u32,
    /// Documentation for authors, read by people only.
    #[serde(default, rename = "about")]
    _about: Option<serde::de::IgnoredAny>,
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
struct RawTerm {
    en: String,
    #[serde(default)]
    avoid: SortedMap<String, Vec<String>>,
    #[serde(default)]
    domains: Vec<String>,
    /// Guidance for authors, read by people only.
    #[serde(default, rename = "note")]
    _note: Option<serde::de::IgnoredAny>,
    #[serde(flatten)]
    forms: SortedMap<String, Vec<String>>,
}

impl Glossary {
    /// Reads the glossary; every problem (bad JSON, an empty term or form, a term listed twice)
    /// is named with the term it is in.
    pub fn parse(text: &str) -> Result<Glossary, Vec<String>> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| vec![format!("{GLOSSARY_FILE}: {e}")])?;
        let mut problems = Vec::new();
        if raw.schema != 1 {
            problems.push(format!("{GLOSSARY_FILE}: schema {} is not supported (expected 1)", raw.schema));
        }
        let mut terms: Vec<Term> = Vec::new();
        for (i, t) in raw.terms.into_iter().enumerate() {
            let at = format!("{GLOSSARY_FILE}, terms[{i}] ({:?})", t.en);
            if t.en.trim().is_empty() {
                problems.push(format!("{at}: the English term is empty"));
            }
            if terms.iter().any(|x| x.en.eq_ignore_ascii_case(&t.en)) {
                problems.push(format!("{at}: the term is listed twice"));
            }
            if t.forms.is_empty() {
                problems.push(format!("{at}: no language lists a form"));
            }
            for (lang, forms) in t.forms.iter().chain(&t.avoid) {
                if forms.is_empty() || forms.iter().any(|f| f.trim().is_empty()) {
                    problems.push(format!("{at}: {lang} has an empty list or an empty form"));
                }
            }
            terms.push(Term { en: t.en, forms: t.forms, avoid: t.avoid, domains: t.domains });
        }
        terms.sort_by_key(|t| std::cmp::Reverse(t.en.chars().count()));
        if problems.is_empty() {
            Ok(Glossary { terms })
        } else {
            Err(problems)
        }
    }
}

/// Where `term` occurs in `text` as a whole word (any case, with a plural "s"/"es"), as byte
/// ranges of `text`.
pub fn find_word(text: &str, term: &str) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let needle = term.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&needle) {
        let start = from + at;
        let mut end = start + needle.len();
        let before = lower[..start].chars().next_back();
        let rest = &lower[end..];
        if let Some(suffix) =
            ["es", "s"].iter().find(|s| rest.starts_with(*s) && !word(rest[s.len()..].chars().next()))
        {
            end += suffix.len();
        }
        if !word(before) && !word(lower[end..].chars().next()) {
            found.push(start..end);
        }
        from = start + needle.len().max(1);
    }
    found
}

/// Text as the glossary compares it: lower case, without Arabic short vowels, shadda or
/// tatweel, so "دالّة" and "دالة" are one form.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
