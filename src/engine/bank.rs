//! The question bank: its model, and the reader that validates its files.
//!
//! The bank is an index (`content/index.json`: languages and domains) and one file per domain
//! (sub-topics and items), fetched only when a quiz needs that domain. The reader walks the
//! JSON by hand instead of deriving `Deserialize`, so that one bad item does not hide the
//! others: it collects every problem, each with its file, item and field. The format is
//! documented for authors in `static/content/README.md`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::engine::json::{Map, Value};

use super::assessment::Pilots;
use super::irt::ItemParams;
use super::localized::Localized;
use super::problem::{Expected, Problem, ProblemKind, Range};
use super::rng::Rng;
use super::sorted::{SortedMap, SortedSet};
use super::sorting::sort_stable_by;

/// The bank format version this code reads.
pub const BANK_SCHEMA: u64 = 1;

/// A validated question bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Bank {
    pub id: String,
    pub languages: Vec<String>,
    pub title: Localized,
    pub domains: Vec<Domain>,
    pub items: Vec<Item>,
    /// Item position by id: adaptive selection looks items up at every step, and a class
    /// report of 2,000 students some 200,000 times.
    index: HashMap<String, usize, BuildHasherDefault<IdHasher>>,
    /// Positions of each domain's items (by decreasing peak information), and each item's
    /// sub-topic as a position in its domain's list: adaptive selection scans them at every
    /// step, so they are computed once.
    by_domain: SortedMap<String, Vec<usize>>,
    subtopic_index: Vec<usize>,
    /// Per item position: a pilot, asked but never scored (see `assessment::Pilots`).
    pilots: Vec<bool>,
}

/// FNV-1a for item ids: short strings, looked up far more often than SipHash (the standard
/// hasher, made to resist chosen keys) is cheap for; with it, item lookups were a tenth of
/// a class report's time in wasm. Ids come from the bank's own files: at worst, chosen ids
/// make their own bank slow, never wrong.
struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Domain {
    pub id: String,
    pub title: Localized,
    pub description: Localized,
    pub subtopics: Vec<Subtopic>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subtopic {
    pub id: String,
    pub title: Localized,
    /// References to competence frameworks (e.g. "DigComp 2.2 4.1", "ISTQB FL 4").
    pub frameworks: Vec<String>,
}

/// The bank's index: what every screen needs before any item is loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub id: String,
    pub languages: Vec<String>,
    pub title: Localized,
    pub domains: Vec<DomainEntry>,
}

/// A domain as the index lists it, with the file holding its items.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainEntry {
    pub id: String,
    /// Relative to the index, e.g. `domains/web.json`.
    pub file: String,
    pub title: Localized,
    pub description: Localized,
}

/// A domain file: the domain's sub-topics and items.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainFile {
    pub subtopics: Vec<Subtopic>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub domain: String,
    pub subtopic: String,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    pub stem: Localized,
    /// A snippet of code, a formula or a log, shown preformatted and left-to-right.
    pub code: Option<String>,
    pub question: Question,
    pub explanation: Localized,
    /// Calibrated parameters, or defaults derived from the authored difficulty.
    pub irt: ItemParams,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// IRT parameters for an item not yet calibrated: unit discrimination, a difficulty one
    /// logit below or above the middle for easy and hard items, and a lower asymptote at the
    /// question's chance rate ([`Question::chance`]): a true/false item is answered right half
    /// the time by someone who knows nothing, and scoring it as if it were not over-estimates
    /// low scorers (about +0.4 logit in the psychometrics review's simulation).
    pub fn default_irt(self, question: &Question) -> ItemParams {
        let b = match self {
            Difficulty::Easy => -1.0,
            Difficulty::Medium => 0.0,
            Difficulty::Hard => 1.0,
        };
        ItemParams { a: 1.0, b, c: question.chance() }
    }
}

/// One answer option.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub text: Localized,
}

/// What the learner does, and what counts as right.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    SingleChoice {
        options: Vec<Choice>,
        answer: String,
    },
    MultipleSelect {
        options: Vec<Choice>,
        answers: SortedSet<String>,
    },
    TrueFalse {
        answer: bool,
    },
    /// Put `options` (listed shuffled) into the order `order`.
    Ordering {
        options: Vec<Choice>,
        order: Vec<String>,
    },
    /// Match each option to one of `targets`; `pairs` maps option ids to target ids.
    Matching {
        options: Vec<Choice>,
        targets: Vec<Choice>,
        pairs: SortedMap<String, String>,
    },
}

impl Item {
    /// The item as an attempt shows it: its options, and a matching item's targets, in an
    /// order drawn from `seed` (the attempt's) and the item's id, so that the order in the file
    /// carries no cue and two learners see different orders, while a reload shows the same.
    /// An ordering item never starts in its answer's order. Answers name options by id, so
    /// scoring and result codes do not depend on the order shown.
    pub fn shuffled(&self, seed: u64) -> Item {
        let mut rng = Rng::for_key(seed, &self.id);
        let mut item = self.clone();
        match &mut item.question {
            Question::SingleChoice { options, .. } | Question::MultipleSelect { options, .. } => {
                rng.shuffle(options)
            }
            Question::Ordering { options, order } => {
                rng.shuffle(options);
                if options.len() > 1 && options.iter().map(|o| &o.id).eq(order.iter()) {
                    options.rotate_left(1);
                }
            }
            Question::Matching { options, targets, .. } => {
                rng.shuffle(options);
                rng.shuffle(targets);
            }
            Question::TrueFalse { .. } => {}
        }
        item
    }
}

/// Types reserved by the format for later versions; named so authors get a clear message.
const RESERVED_TYPES: [&str; 1] = ["short_answer"];

impl Bank {
    /// Assembles a bank from validated parts (the reader, synthetic banks for simulation).
    pub fn new(
        id: String,
        languages: Vec<String>,
        title: Localized,
        domains: Vec<Domain>,
        items: Vec<Item>,
    ) -> Bank {
        let index = items.iter().enumerate().map(|(i, item)| (item.id.clone(), i)).collect();
        let mut by_domain: SortedMap<String, Vec<usize>> = SortedMap::new();
        for (i, item) in items.iter().enumerate() {
            by_domain.entry(item.domain.clone()).or_default().push(i);
        }
        // Most informative first, ties broken by id. The insertion sort of `sorting` rather
        // than `sort_unstable_by`, whose code cost the first load 1.5 KB gzip (2.8 KB of
        // quicksort alone, twiggy); a domain holds tens of items.
        let information: Vec<f64> = items.iter().map(|item| item.irt.max_information()).collect();
        for positions in by_domain.values_mut() {
            sort_stable_by(positions, |&x, &y| {
                information[y].total_cmp(&information[x]).then_with(|| items[x].id.cmp(&items[y].id))
            });
        }
        let subtopic_index = items
            .iter()
            .map(|item| {
                let domain = domains.iter().find(|d| d.id == item.domain);
                domain.and_then(|d| d.subtopics.iter().position(|s| s.id == item.subtopic)).unwrap_or(0)
            })
            .collect();
        let pilots = vec![false; items.len()];
        Bank { id, languages, title, domains, items, index, by_domain, subtopic_index, pilots }
    }

    /// The bank with the settings' pilot items marked as such.
    pub fn with_pilots(mut self, pilots: &Pilots) -> Bank {
        for (flag, item) in self.pilots.iter_mut().zip(&self.items) {
            *flag = pilots.contains(&item.id);
        }
        self
    }

    /// Whether the item at `position` is an unscored pilot.
    pub fn is_pilot_at(&self, position: usize) -> bool {
        self.pilots.get(position).copied().unwrap_or(false)
    }

    /// Whether the item `id` is an unscored pilot.
    pub fn is_pilot(&self, id: &str) -> bool {
        self.position(id).is_some_and(|p| self.is_pilot_at(p))
    }

    /// The bank made of the domains loaded so far, in the index's order.
    pub fn assemble<'a>(index: &Index, loaded: impl Fn(&str) -> Option<&'a DomainFile>) -> Bank {
        let mut domains = Vec::new();
        let mut items = Vec::new();
        for entry in &index.domains {
            let Some(file) = loaded(&entry.id) else { continue };
            domains.push(Domain {
                id: entry.id.clone(),
                title: entry.title.clone(),
                description: entry.description.clone(),
                subtopics: file.subtopics.clone(),
            });
            items.extend(file.items.iter().cloned());
        }
        Bank::new(index.id.clone(), index.languages.clone(), index.title.clone(), domains, items)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).and_then(|&i| self.items.get(i))
    }

    /// The position of an item in `items`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Positions in `items` of a domain's items, most informative at their peak first.
    pub fn positions_in(&self, domain: &str) -> &[usize] {
        self.by_domain.get(domain).map_or(&[], Vec::as_slice)
    }

    /// The sub-topic of the item at `position`, as a position in its domain's sub-topics.
    pub fn subtopic_index(&self, position: usize) -> usize {
        self.subtopic_index.get(position).copied().unwrap_or(0)
    }

    pub fn items_in<'a, 'd>(&'a self, domain: &'d str) -> impl Iterator<Item = &'a Item> + use<'a, 'd> {
        self.items.iter().filter(move |i| i.domain == domain)
    }
}

impl Question {
    /// The probability of a right answer by blind guessing, as the question is scored (all or
    /// nothing): one of k options; a non-empty subset of k; one of k! orders; one injective
    /// assignment of k options to t targets (t!/(t−k)! of them); true or false.
    pub fn chance(&self) -> f64 {
        let factorial = |from: usize, to: usize| (from..=to).map(|x| x as f64).product::<f64>();
        let ways = match self {
            Question::SingleChoice { options, .. } => options.len() as f64,
            Question::MultipleSelect { options, .. } => 2f64.powi(options.len() as i32) - 1.0,
            Question::TrueFalse { .. } => 2.0,
            Question::Ordering { options, .. } => factorial(1, options.len()),
            Question::Matching { options, targets, .. } => {
                factorial(targets.len().saturating_sub(options.len()) + 1, targets.len())
            }
        };
        if ways >= 1.0 {
            1.0 / ways
        } else {
            0.0
        }
    }

    pub fn options(&self) -> &[Choice] {
        match self {
            Question::SingleChoice { options, .. }
            | Question::MultipleSelect { options, .. }
            | Question::Ordering { options, .. }
            | Question::Matching { options, .. } => options,
            Question::TrueFalse { .. } => &[],
        }
    }
}

/// Parses JSON text, or reports where it is not JSON.
fn json(file: &str, text: &str) -> Result<Value, Vec<Problem>> {
    Value::parse(text).map_err(|e| vec![Problem::from_json(file, &e)])
}

impl Index {
    /// Reads and validates the index; `file` names it in problems.
    pub fn parse(file: &str, text: &str) -> Result<Index, Vec<Problem>> {
        let value = json(file, text)?;
        let mut reader = Reader { file, item: None, problems: Vec::new(), own: false };
        match reader.index(&value) {
            Some(index) if reader.problems.is_empty() => Ok(index),
            _ => Err(reader.problems),
        }
    }

    pub fn entry(&self, id: &str) -> Option<&DomainEntry> {
        self.domains.iter().find(|d| d.id == id)
    }
}

impl DomainFile {
    /// Reads and validates the file of domain `entry`, in the index's languages.
    pub fn parse(index: &Index, entry: &DomainEntry, text: &str) -> Result<DomainFile, Vec<Problem>> {
        let file = format!("content/{}", entry.file);
        let value = json(&file, text)?;
        let mut reader = Reader { file: &file, item: None, problems: Vec::new(), own: false };
        match reader.domain_file(&value, &index.languages, &entry.id) {
            Some(domain) if reader.problems.is_empty() => Ok(domain),
            _ => Err(reader.problems),
        }
    }

    /// Reads the file of domain `entry` as the build splits it by language
    /// (`content/<lang>/domains/<id>.json`, see [`super::content::split`]): its texts in `lang`
    /// only, so that a learner fetches only the language in use.
    pub fn parse_in(entry: &DomainEntry, lang: &str, text: &str) -> Result<DomainFile, Vec<Problem>> {
        let file = format!("content/{lang}/{}", entry.file);
        let value = json(&file, text)?;
        let mut reader = Reader { file: &file, item: None, problems: Vec::new(), own: false };
        match reader.domain_file(&value, &[lang.to_string()], &entry.id) {
            Some(domain) if reader.problems.is_empty() => Ok(domain),
            _ => Err(reader.problems),
        }
    }

    /// This file with the texts of `other` added: the same domain's file in other languages.
    /// `None` when the two do not name the same sub-topics, items and options in the same
    /// places (files of two versions of the app), so that a text never lands on another item
    /// or option.
    pub fn with_texts_of(&self, mut other: DomainFile) -> Option<DomainFile> {
        let mut merged = self.clone();
        let (into, from) = (merged.texts_mut(), other.texts_mut());
        if into.len() != from.len() || into.iter().zip(&from).any(|((a, _), (b, _))| a != b) {
            return None;
        }
        for ((_, into), (_, from)) in into.into_iter().zip(from) {
            for (lang, text) in std::mem::take(&mut from.0) {
                into.0.insert(lang, text);
            }
        }
        Some(merged)
    }

    /// Every text of the file with the id of what it belongs to, in a fixed order: sub-topic
    /// titles, then each item's stem and explanation (the item's id), options and targets
    /// (their ids).
    fn texts_mut(&mut self) -> Vec<(&str, &mut Localized)> {
        let mut texts: Vec<(&str, &mut Localized)> =
            self.subtopics.iter_mut().map(|s| (s.id.as_str(), &mut s.title)).collect();
        for item in &mut self.items {
            texts.push((&item.id, &mut item.stem));
            texts.push((&item.id, &mut item.explanation));
            let (options, targets): (&mut [Choice], &mut [Choice]) = match &mut item.question {
                Question::SingleChoice { options, .. }
                | Question::MultipleSelect { options, .. }
                | Question::Ordering { options, .. } => (options, &mut []),
                Question::Matching { options, targets, .. } => (options, targets),
                Question::TrueFalse { .. } => (&mut [], &mut []),
            };
            texts.extend(options.iter_mut().chain(targets.iter_mut()).map(|c| (c.id.as_str(), &mut c.text)));
        }
        texts
    }

    /// Reads a teacher's own questions, kept in this same format and checked with the same
    /// problems (`file` names it in them), except that a question is in the languages its stem
    /// has — one at least, translations optional, its options and explanation in the same
    /// ones — and its explanation may be left out.
    pub fn parse_own(file: &str, domain: &str, text: &str) -> Result<DomainFile, Vec<Problem>> {
        let value = json(file, text)?;
        let mut reader = Reader { file, item: None, problems: Vec::new(), own: true };
        match reader.domain_file(&value, &[], domain) {
            Some(domain) if reader.problems.is_empty() => Ok(domain),
            _ => Err(reader.problems),
        }
    }
}

/// Walks the JSON, collecting problems; returns `None` for a part too broken to build.
struct Reader<'f> {
    file: &'f str,
    item: Option<String>,
    problems: Vec<Problem>,
    /// Reading a teacher's own questions (see [`DomainFile::parse_own`]).
    own: bool,
}

impl Reader<'_> {
    fn report(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            item: self.item.clone(),
            path: path.to_string(),
            kind,
        });
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map> {
        let obj = value.as_object();
        if obj.is_none() {
            self.report(path, ProblemKind::WrongType { expected: Expected::Object });
        }
        obj
    }

    fn field<'v>(&mut self, obj: &'v Map, key: &str, path: &str) -> Option<&'v Value> {
        let v = obj.get(key);
        if v.is_none() {
            self.report(&join(path, key), ProblemKind::Missing);
        }
        v
    }

    fn string(&mut self, obj: &Map, key: &str, path: &str) -> Option<String> {
        let value = self.field(obj, key, path)?;
        let path = join(path, key);
        match value.as_str() {
            Some("") => {
                self.report(&path, ProblemKind::Empty);
                None
            }
            Some(s) => Some(s.to_string()),
            None => {
                self.report(&path, ProblemKind::WrongType { expected: Expected::String });
                None
            }
        }
    }

    fn array<'v>(&mut self, obj: &'v Map, key: &str, path: &str) -> Option<&'v Vec<Value>> {
        let value = self.field(obj, key, path)?;
        let arr = value.as_array();
        if arr.is_none() {
            self.report(&join(path, key), ProblemKind::WrongType { expected: Expected::Array });
        }
        arr
    }

    /// A text with every language in `langs`, each non-empty.
    ///
    /// Like the other readers, it returns what it could read even when it reported a problem:
    /// any problem refuses the bank anyway, and going on finds the problems further down.
    fn localized(&mut self, obj: &Map, key: &str, path: &str, langs: &[String]) -> Option<Localized> {
        let value = self.field(obj, key, path)?;
        let path = join(path, key);
        let map = self.object(value, &path)?;
        let mut out = SortedMap::new();
        for (lang, text) in map {
            match text.as_str() {
                Some(t) if !t.trim().is_empty() => {
                    out.insert(lang.clone(), t.to_string());
                }
                Some(_) => self.report(&join(&path, lang), ProblemKind::Empty),
                None => {
                    self.report(&join(&path, lang), ProblemKind::WrongType { expected: Expected::String })
                }
            }
        }
        for lang in langs {
            if !map.contains_key(lang) {
                self.report(&path, ProblemKind::MissingLanguage { lang: lang.clone() });
            }
        }
        Some(Localized(out))
    }

    /// A list of objects with unique ids, each built by `build`; entries that cannot be built
    /// are reported and left out.
    fn list<T>(
        &mut self,
        obj: &Map,
        key: &str,
        path: &str,
        mut build: impl FnMut(&mut Self, &Map, &str) -> Option<T>,
        id_of: impl Fn(&T) -> &str,
    ) -> Option<Vec<T>> {
        let arr = self.array(obj, key, path)?;
        if arr.is_empty() {
            self.report(&join(path, key), ProblemKind::Empty);
            return None;
        }
        let mut out = Vec::new();
        let mut seen = SortedSet::new();
        for (i, entry) in arr.iter().enumerate() {
            let path = format!("{}[{i}]", join(path, key));
            let Some(entry_obj) = self.object(entry, &path) else { continue };
            if let Some(t) = build(self, entry_obj, &path) {
                if seen.insert(id_of(&t).to_string()) {
                    out.push(t);
                } else {
                    self.report(&join(&path, "id"), ProblemKind::DuplicateId { id: id_of(&t).to_string() });
                }
            }
        }
        Some(out)
    }

    /// Checks the `schema` field; `false` when the file cannot be read at all.
    fn schema(&mut self, obj: &Map) -> bool {
        match obj.get("schema") {
            None => self.report("schema", ProblemKind::Missing),
            Some(Value::Number(n)) if n.as_u64() == Some(BANK_SCHEMA) => {}
            Some(other) => {
                self.report("schema", ProblemKind::UnsupportedSchema { found: other.to_string() });
                return false;
            }
        }
        true
    }

    fn index(&mut self, value: &Value) -> Option<Index> {
        let obj = self.object(value, "")?;
        if !self.schema(obj) {
            return None;
        }
        let id = self.string(obj, "id", "");
        let languages = self.languages(obj);
        let langs = languages.clone().unwrap_or_default();
        let title = self.localized(obj, "title", "", &langs);
        let domains = self.list(obj, "domains", "", |r, o, p| r.entry(o, p, &langs), |d| &d.id);
        Some(Index { id: id?, languages: languages?, title: title?, domains: domains? })
    }

    fn entry(&mut self, obj: &Map, path: &str, langs: &[String]) -> Option<DomainEntry> {
        let id = self.string(obj, "id", path);
        let file = self.string(obj, "file", path).and_then(|f| {
            // A plain relative path to a JSON file inside the content folder.
            let safe = f.ends_with(".json") && !f.starts_with('/') && !f.split('/').any(|part| part == "..");
            if !safe {
                self.report(&join(path, "file"), ProblemKind::OutOfRange { range: Range::JsonFileInContent });
            }
            safe.then_some(f)
        });
        let title = self.localized(obj, "title", path, langs);
        let description = self.localized(obj, "description", path, langs);
        Some(DomainEntry { id: id?, file: file?, title: title?, description: description? })
    }

    fn domain_file(&mut self, value: &Value, langs: &[String], domain: &str) -> Option<DomainFile> {
        let obj = self.object(value, "")?;
        if !self.schema(obj) {
            return None;
        }
        if let Some(named) = self.string(obj, "domain", "") {
            if named != domain {
                self.report("domain", ProblemKind::UnknownDomain { id: named });
            }
        }
        let subtopics = self.list(
            obj,
            "subtopics",
            "",
            |r, o, p| {
                let frameworks = match o.get("frameworks") {
                    None => Some(Vec::new()),
                    Some(_) => r.strings(o, "frameworks", p),
                };
                Some(Subtopic {
                    id: r.string(o, "id", p)?,
                    title: r.localized(o, "title", p, langs)?,
                    frameworks: frameworks?,
                })
            },
            |s| &s.id,
        );
        let known = Domain {
            id: domain.to_string(),
            title: Localized::default(),
            description: Localized::default(),
            subtopics: subtopics.clone().unwrap_or_default(),
        };
        let items = self.list(
            obj,
            "items",
            "",
            |r, o, p| r.item(o, p, langs, std::slice::from_ref(&known)),
            |i| &i.id,
        );
        Some(DomainFile { subtopics: subtopics?, items: items? })
    }

    fn languages(&mut self, obj: &Map) -> Option<Vec<String>> {
        let arr = self.array(obj, "languages", "")?;
        let mut langs = Vec::new();
        for (i, v) in arr.iter().enumerate() {
            match v.as_str() {
                Some(s) if !s.is_empty() => {
                    if langs.iter().any(|l| l == s) {
                        self.report(
                            &format!("languages[{i}]"),
                            ProblemKind::DuplicateId { id: s.to_string() },
                        );
                    } else {
                        langs.push(s.to_string());
                    }
                }
                _ => self.report(
                    &format!("languages[{i}]"),
                    ProblemKind::WrongType { expected: Expected::String },
                ),
            }
        }
        if langs.is_empty() {
            self.report("languages", ProblemKind::Empty);
            return None;
        }
        Some(langs)
    }

    fn item(&mut self, obj: &Map, path: &str, langs: &[String], domains: &[Domain]) -> Option<Item> {
        let id = self.string(obj, "id", path);
        self.item = id.clone();
        let own_langs: Vec<String>;
        let langs = if self.own {
            own_langs = obj
                .get("stem")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            if own_langs.is_empty() && obj.contains_key("stem") {
                self.report(&join(path, "stem"), ProblemKind::Empty);
            }
            &own_langs
        } else {
            langs
        };
        let item = self.item_fields(obj, path, langs, domains);
        let Some(item) = item else {
            // Still check the IRT block, so its problems are reported with the others.
            let _ = self.irt(obj, path, None);
            self.item = None;
            return None;
        };
        let (domain, subtopic, difficulty, tags, stem, code, question, explanation) = item;
        let irt = self.irt(obj, path, Some((difficulty, &question)));
        self.item = None;
        Some(Item {
            id: id?,
            domain,
            subtopic,
            difficulty,
            tags,
            stem,
            code,
            question,
            explanation,
            irt: irt?,
        })
    }

    #[allow(clippy::type_complexity)]
    fn item_fields(
        &mut self,
        obj: &Map,
        path: &str,
        langs: &[String],
        domains: &[Domain],
    ) -> Option<(String, String, Difficulty, Vec<String>, Localized, Option<String>, Question, Localized)>
    {
        let domain = self.string(obj, "domain", path);
        let known_domain = domain.as_ref().and_then(|d| {
            let found = domains.iter().find(|x| &x.id == d);
            if found.is_none() {
                self.report(&join(path, "domain"), ProblemKind::UnknownDomain { id: d.clone() });
            }
            found
        });
        let subtopic = self.string(obj, "subtopic", path);
        if let (Some(d), Some(s)) = (known_domain, &subtopic) {
            if !d.subtopics.iter().any(|x| &x.id == s) {
                self.report(&join(path, "subtopic"), ProblemKind::UnknownSubtopic { id: s.clone() });
            }
        }
        let difficulty = self.string(obj, "difficulty", path).and_then(|d| match d.as_str() {
            "easy" => Some(Difficulty::Easy),
            "medium" => Some(Difficulty::Medium),
            "hard" => Some(Difficulty::Hard),
            _ => {
                self.report(&join(path, "difficulty"), ProblemKind::UnknownDifficulty { found: d });
                None
            }
        });
        let tags = self.tags(obj, path);
        let stem = self.localized(obj, "stem", path, langs);
        let code = match obj.get("code") {
            None => Some(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Some(Some(s.clone())),
            Some(Value::String(_)) => {
                self.report(&join(path, "code"), ProblemKind::Empty);
                None
            }
            Some(_) => {
                self.report(&join(path, "code"), ProblemKind::WrongType { expected: Expected::String });
                None
            }
        };
        let question = self.question(obj, path, langs);
        let explanation = match obj.get("explanation") {
            None if self.own => Some(Localized::default()),
            _ => self.localized(obj, "explanation", path, langs),
        };
        known_domain?;
        Some((domain?, subtopic?, difficulty?, tags?, stem?, code?, question?, explanation?))
    }

    /// The optional `irt` block: a in (0, 4], b in [−4, 4], c in [0, 0.5).
    /// The item's `irt` block, or defaults from its difficulty and question when it has none
    /// (`None` when the item's other fields failed: only the block's own problems are wanted).
    fn irt(
        &mut self,
        obj: &Map,
        path: &str,
        defaults: Option<(Difficulty, &Question)>,
    ) -> Option<ItemParams> {
        let Some(value) = obj.get("irt") else { return defaults.map(|(d, q)| d.default_irt(q)) };
        let path = join(path, "irt");
        let block = self.object(value, &path)?;
        let mut number = |key: &str, ok: fn(f64) -> bool, range: Range| {
            let v = self.field(block, key, &path)?;
            let field = join(&path, key);
            match v.as_f64() {
                Some(x) if ok(x) => Some(x),
                Some(_) => {
                    self.report(&field, ProblemKind::OutOfRange { range });
                    None
                }
                None => {
                    self.report(&field, ProblemKind::WrongType { expected: Expected::Number });
                    None
                }
            }
        };
        let a = number("a", |x| x > 0.0 && x <= 4.0, Range::AboveZeroAtMostFour);
        let b = number("b", |x| (-4.0..=4.0).contains(&x), Range::MinusFourToFour);
        let c = number("c", |x| (0.0..0.5).contains(&x), Range::ZeroToBelowHalf);
        Some(ItemParams { a: a?, b: b?, c: c? })
    }

    fn tags(&mut self, obj: &Map, path: &str) -> Option<Vec<String>> {
        match obj.get("tags") {
            None => Some(Vec::new()),
            Some(_) => self.strings(obj, "tags", path),
        }
    }

    /// A list of non-empty texts.
    fn strings(&mut self, obj: &Map, key: &str, path: &str) -> Option<Vec<String>> {
        let value = self.field(obj, key, path)?;
        let path = join(path, key);
        let Some(arr) = value.as_array() else {
            self.report(&path, ProblemKind::WrongType { expected: Expected::Array });
            return None;
        };
        let mut tags = Vec::new();
        for (i, t) in arr.iter().enumerate() {
            match t.as_str() {
                Some(s) if !s.is_empty() => tags.push(s.to_string()),
                _ => {
                    self.report(
                        &format!("{path}[{i}]"),
                        ProblemKind::WrongType { expected: Expected::String },
                    );
                    return None;
                }
            }
        }
        Some(tags)
    }

    fn question(&mut self, obj: &Map, path: &str, langs: &[String]) -> Option<Question> {
        let kind = self.string(obj, "type", path)?;
        let answer_path = join(path, "answer");
        match kind.as_str() {
            "true_false" => {
                let answer = self.answer(obj, path, Expected::Boolean, Value::as_bool)?;
                Some(Question::TrueFalse { answer })
            }
            "single_choice" => {
                let options = self.options(obj, path, langs, 2);
                let answer = self.answer(obj, path, Expected::String, Value::as_str)?;
                let options = options?;
                if !options.iter().any(|o| o.id == answer) {
                    self.report(&answer_path, ProblemKind::UnknownOption { id: answer.to_string() });
                    return None;
                }
                Some(Question::SingleChoice { options, answer: answer.to_string() })
            }
            "multiple_select" => {
                let options = self.options(obj, path, langs, 3);
                let list = self.answer(obj, path, Expected::Array, Value::as_array)?;
                let options = options?;
                let mut answers = SortedSet::new();
                let mut ok = true;
                for (i, a) in list.iter().enumerate() {
                    match a.as_str() {
                        Some(id) if options.iter().any(|o| o.id == id) => {
                            ok &= answers.insert(id.to_string())
                        }
                        Some(id) => {
                            ok = false;
                            self.report(
                                &format!("{answer_path}[{i}]"),
                                ProblemKind::UnknownOption { id: id.to_string() },
                            );
                        }
                        None => {
                            ok = false;
                            self.report(
                                &format!("{answer_path}[{i}]"),
                                ProblemKind::WrongType { expected: Expected::String },
                            );
                        }
                    }
                }
                if answers.len() != list.len() || answers.is_empty() || answers.len() == options.len() {
                    self.report(&answer_path, ProblemKind::BadAnswerSet);
                    return None;
                }
                ok.then_some(Question::MultipleSelect { options, answers })
            }
            "ordering" => {
                let options = self.options(obj, path, langs, 3);
                let list = self.answer(obj, path, Expected::Array, Value::as_array)?;
                let options = options?;
                let order: Vec<String> = list.iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
                let listed = order.iter().map(String::as_str).collect::<SortedSet<_>>();
                let all = options.iter().map(|o| o.id.as_str()).collect::<SortedSet<_>>();
                if order.len() != list.len() || order.len() != options.len() || listed != all {
                    self.report(&answer_path, ProblemKind::BadOrder);
                    return None;
                }
                if options.iter().map(|o| &o.id).eq(order.iter()) {
                    self.report(&join(path, "options"), ProblemKind::AlreadyInOrder);
                    return None;
                }
                Some(Question::Ordering { options, order })
            }
            "matching" => {
                let options = self.options(obj, path, langs, 2);
                let targets = self.choices(obj, "targets", path, langs, 2);
                let map = self.answer(obj, path, Expected::Object, Value::as_object)?;
                let (options, targets) = (options?, targets?);
                let mut pairs = SortedMap::new();
                for (option, target) in map {
                    let target = target.as_str().unwrap_or_default();
                    if !options.iter().any(|o| &o.id == option) {
                        self.report(
                            &join(&answer_path, option),
                            ProblemKind::UnknownOption { id: option.clone() },
                        );
                    } else if !targets.iter().any(|t| t.id == target) {
                        self.report(
                            &join(&answer_path, option),
                            ProblemKind::UnknownOption { id: target.to_string() },
                        );
                    } else {
                        pairs.insert(option.clone(), target.to_string());
                    }
                }
                let used = pairs.values().collect::<SortedSet<_>>();
                if pairs.len() != options.len() || used.len() != pairs.len() {
                    self.report(&answer_path, ProblemKind::BadPairs);
                    return None;
                }
                Some(Question::Matching { options, targets, pairs })
            }
            other if RESERVED_TYPES.contains(&other) => {
                self.report(&join(path, "type"), ProblemKind::UnsupportedType { found: other.to_string() });
                None
            }
            other => {
                self.report(&join(path, "type"), ProblemKind::UnknownType { found: other.to_string() });
                None
            }
        }
    }

    /// The `answer` field in the shape its question type needs, or a problem saying which.
    fn answer<'v, T>(
        &mut self,
        obj: &'v Map,
        path: &str,
        expected: Expected,
        shape: impl Fn(&'v Value) -> Option<T>,
    ) -> Option<T> {
        let found = shape(self.field(obj, "answer", path)?);
        if found.is_none() {
            self.report(&join(path, "answer"), ProblemKind::WrongType { expected });
        }
        found
    }

    fn options(&mut self, obj: &Map, path: &str, langs: &[String], min: usize) -> Option<Vec<Choice>> {
        self.choices(obj, "options", path, langs, min)
    }

    /// A list of at least `min` choices with distinct ids and distinct texts in each language.
    fn choices(
        &mut self,
        obj: &Map,
        key: &str,
        path: &str,
        langs: &[String],
        min: usize,
    ) -> Option<Vec<Choice>> {
        let options = self.list(
            obj,
            key,
            path,
            |r, o, p| Some(Choice { id: r.string(o, "id", p)?, text: r.localized(o, "text", p, langs)? }),
            |c| &c.id,
        )?;
        let opath = join(path, key);
        if options.len() < min {
            self.report(&opath, ProblemKind::TooFewOptions { min, found: options.len() });
            return None;
        }
        for lang in langs {
            let texts = options.iter().map(|o| o.text.get(lang).trim()).collect::<SortedSet<_>>();
            if texts.len() != options.len() {
                self.report(&opath, ProblemKind::DuplicateOptionText { lang: lang.clone() });
                return None;
            }
        }
        Some(options)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
