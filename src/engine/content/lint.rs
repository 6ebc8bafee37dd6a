//! The item-writing lint: cues a test-wise learner can use without knowing the subject (the
//! key is the longest option, "false" is usually right, an ordering item is already in order),
//! terms translated two ways, and invisible direction marks. The content review found each of
//! these in the bank; the lint keeps them out. (An ordering item listed in its answer's order
//! is refused by the reader itself, as invalid.) Limits are per domain, since a learner takes
//! a domain at a time.

use std::fmt;

use super::glossary::{find_word, normalize, Glossary};
use crate::engine::bank::{Bank, Item, Question};
use crate::engine::localized::Localized;
use crate::engine::sorted::{SortedMap, SortedSet};

/// At most this share of a domain's single-choice items may have a key strictly longer than
/// every other option (in any language): above it, "pick the longest" beats knowing.
pub const KEY_LONGEST_MAX: f64 = 0.35;
/// The share of a domain's true/false items keyed true: outside it, always answering the
/// commoner value scores above chance.
pub const KEYED_TRUE: std::ops::RangeInclusive<f64> = 0.40..=0.60;
/// At most this share of a domain's multiple-select items may have keys of one size: when most
/// keys are "3 of 5", picking three is a strategy.
pub const ONE_KEY_SIZE_MAX: f64 = 0.5;
/// Two items of different domains whose English words overlap this much (Jaccard) are
/// listed as possible duplicate concepts, for an author to judge.
pub const DUPLICATE_OVERLAP: f64 = 0.5;

/// Characters that set text direction by hand. The app isolates Latin runs in right-to-left
/// text itself, so a mark in the bank only fights it.
const DIRECTION_MARKS: [char; 12] = [
    '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// One rule broken, by a domain as a whole (`item` is `None`) or by one item.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub domain: String,
    pub item: Option<String>,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{}, item {item}: {}", self.domain, self.message),
            None => write!(f, "{}: {}", self.domain, self.message),
        }
    }
}

/// The figures the limits are checked on, per domain, for the content report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub domain: String,
    pub single_choice: usize,
    /// Single-choice items whose key is strictly the longest option, per language.
    pub key_longest: SortedMap<String, usize>,
    pub true_false: usize,
    pub keyed_true: usize,
    /// Multiple-select items per key size.
    pub key_sizes: SortedMap<usize, usize>,
}

impl Figures {
    /// The worst language's share of single-choice items keyed by their longest option.
    pub fn key_longest_share(&self) -> f64 {
        let worst = self.key_longest.values().copied().max().unwrap_or(0);
        share(worst, self.single_choice)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lint {
    pub figures: Vec<Figures>,
    pub violations: Vec<Violation>,
    /// Pairs of item ids in different domains that may ask the same concept.
    pub near_duplicates: Vec<(String, String)>,
}

/// Checks every item of `bank` against the limits above and the glossary.
pub fn lint(bank: &Bank, glossary: &Glossary) -> Lint {
    let mut out = Lint::default();
    for domain in &bank.domains {
        let mut figures = Figures { domain: domain.id.clone(), ..Figures::default() };
        for item in bank.items_in(&domain.id) {
            let mut report = |message: String| {
                out.violations.push(Violation {
                    domain: domain.id.clone(),
                    item: Some(item.id.clone()),
                    message,
                })
            };
            tally(item, &bank.languages, &mut figures, &mut report);
            for (path, text) in texts(item) {
                marks(path.as_str(), text, &mut report);
                terms(path.as_str(), text, &domain.id, glossary, &mut report);
            }
        }
        limits(&figures, &mut out.violations);
        out.figures.push(figures);
    }
    out.near_duplicates = near_duplicates(bank);
    out
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

/// Adds the item to its domain's figures and reports a matching item whose answer pairs
/// options and targets in file order.
fn tally(item: &Item, languages: &[String], figures: &mut Figures, report: &mut impl FnMut(String)) {
    match &item.question {
        Question::SingleChoice { options, answer } => {
            figures.single_choice += 1;
            for lang in languages {
                let len = |text: &Localized| text.get(lang).chars().count();
                let key = options.iter().find(|o| &o.id == answer).map_or(0, |o| len(&o.text));
                if options.iter().filter(|o| &o.id != answer).all(|o| len(&o.text) < key) {
                    *figures.key_longest.entry(lang.clone()).or_default() += 1;
                }
            }
        }
        Question::TrueFalse { answer } => {
            figures.true_false += 1;
            figures.keyed_true += usize::from(*answer);
        }
        Question::MultipleSelect { answers, .. } => *figures.key_sizes.entry(answers.len()).or_default() += 1,
        // An ordering item listed in its answer's order is refused by the reader already.
        Question::Ordering { .. } => {}
        Question::Matching { options, targets, pairs } => {
            let in_order = options.len() > 1
                && options.iter().zip(targets).all(|(o, t)| pairs.get(&o.id) == Some(&t.id));
            if in_order {
                report(
                    "every option is paired with the target at its own position; list the targets shuffled"
                        .to_string(),
                );
            }
        }
    }
}

/// Every translated text of an item, with where it is.
fn texts(item: &Item) -> Vec<(String, &Localized)> {
    let mut out = vec![("stem".to_string(), &item.stem)];
    let (options, targets) = match &item.question {
        Question::SingleChoice { options, .. }
        | Question::MultipleSelect { options, .. }
        | Question::Ordering { options, .. } => (options.as_slice(), &[][..]),
        Question::Matching { options, targets, .. } => (options.as_slice(), targets.as_slice()),
        Question::TrueFalse { .. } => (&[][..], &[][..]),
    };
    out.extend(options.iter().map(|o| (format!("options[{}]", o.id), &o.text)));
    out.extend(targets.iter().map(|t| (format!("targets[{}]", t.id), &t.text)));
    out.push(("explanation".to_string(), &item.explanation));
    out
}

fn marks(path: &str, text: &Localized, report: &mut impl FnMut(String)) {
    for (lang, s) in &text.0 {
        if let Some(c) = s.chars().find(|c| DIRECTION_MARKS.contains(c)) {
            report(format!(
                "{path} ({lang}) carries the invisible direction mark U+{:04X}; the app sets direction itself",
                c as u32
            ));
        }
    }
}

/// Reports a text whose English uses a glossary term while another language does not use
/// the term's form, or uses a form to avoid. Longer terms are matched first and hide what
/// they cover, so "QR code" is not also "code".
fn terms(path: &str, text: &Localized, domain: &str, glossary: &Glossary, report: &mut impl FnMut(String)) {
    let Some(english) = text.0.get("en") else { return };
    let mut english = english.clone();
    for term in glossary.terms.iter().filter(|t| t.applies_to(domain)) {
        let found = find_word(&english, &term.en);
        if found.is_empty() {
            continue;
        }
        for range in found {
            english.replace_range(range.clone(), &" ".repeat(range.len()));
        }
        for (lang, forms) in &term.forms {
            let Some(translated) = text.0.get(lang).map(|s| normalize(s)) else { continue };
            if !forms.iter().any(|f| translated.contains(&normalize(f))) {
                report(format!(
                    "{path} ({lang}) translates \"{}\" without the glossary's {}",
                    term.en,
                    forms.join(" / ")
                ));
            }
        }
        for (lang, avoid) in &term.avoid {
            let Some(translated) = text.0.get(lang).map(|s| normalize(s)) else { continue };
            if let Some(bad) = avoid.iter().find(|f| translated.contains(&normalize(f))) {
                report(format!("{path} ({lang}) says {bad} for \"{}\"; the glossary avoids it", term.en));
            }
        }
    }
}

fn limits(f: &Figures, violations: &mut Vec<Violation>) {
    let mut report =
        |message: String| violations.push(Violation { domain: f.domain.clone(), item: None, message });
    if f.key_longest_share() > KEY_LONGEST_MAX {
        report(format!(
            "the key is strictly the longest option in {:.0}% of single-choice items (at most {:.0}%)",
            100.0 * f.key_longest_share(),
            100.0 * KEY_LONGEST_MAX
        ));
    }
    let true_share = share(f.keyed_true, f.true_false);
    if f.true_false >= 2 && !KEYED_TRUE.contains(&true_share) {
        report(format!(
            "{} of {} true/false items are keyed true ({:.0}%; {:.0}–{:.0}% wanted)",
            f.keyed_true,
            f.true_false,
            100.0 * true_share,
            100.0 * KEYED_TRUE.start(),
            100.0 * KEYED_TRUE.end()
        ));
    }
    let multiple: usize = f.key_sizes.values().sum();
    if let Some((size, n)) = f.key_sizes.iter().max_by_key(|(_, n)| **n) {
        if multiple >= 3 && share(*n, multiple) > ONE_KEY_SIZE_MAX {
            report(format!(
                "{n} of {multiple} multiple-select keys have {size} options (at most {:.0}% of one size)",
                100.0 * ONE_KEY_SIZE_MAX
            ));
        }
    }
}

/// The English words that carry an item's concept: its stem, code and options, without
/// short and common words.
fn words(item: &Item) -> SortedSet<String> {
    const COMMON: [&str; 24] = [
        "the", "and", "for", "this", "that", "which", "what", "with", "from", "are", "you", "your", "all",
        "one", "does", "its", "not", "can", "into", "each", "select", "apply", "most", "when",
    ];
    let mut text = item.stem.get("en").to_string();
    text.push(' ');
    text.push_str(item.code.as_deref().unwrap_or(""));
    for (path, t) in texts(item) {
        if path.starts_with("options") || path.starts_with("targets") {
            text.push(' ');
            text.push_str(t.get("en"));
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(&w.as_str()))
        .collect()
}

fn near_duplicates(bank: &Bank) -> Vec<(String, String)> {
    let all: Vec<(&Item, SortedSet<String>)> = bank.items.iter().map(|i| (i, words(i))).collect();
    let mut out = Vec::new();
    for (n, (a, wa)) in all.iter().enumerate() {
        for (b, wb) in &all[n + 1..] {
            if a.domain == b.domain || wa.is_empty() || wb.is_empty() {
                continue;
            }
            let common = wa.intersection(wb).count();
            if share(common, wa.len() + wb.len() - common) >= DUPLICATE_OVERLAP {
                out.push((a.id.clone(), b.id.clone()));
            }
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
