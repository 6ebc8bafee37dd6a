//! A teacher's own questions: brought from their quiz files ([`super::interchange`]) and kept
//! on the device in Kafaa's own domain-file format, so that they are checked by the same
//! reader, with the same precise problems, as Kafaa's bank ([`DomainFile::parse_own`]). Each
//! question is in the language it was written in, with translations optional; categories
//! from the files become sub-topics.

pub mod editing;

use super::json::{object, Map, Value};

use super::bank::{Choice, Difficulty, DomainFile, Item, Question, Subtopic};
use super::interchange::Draft;
use super::localized::Localized;
use super::problem::Problem;

/// The domain the teacher's questions form, beside Kafaa's.
pub const DOMAIN: &str = "mine";
/// How problems name the teacher's questions.
pub const FILE: &str = "my-questions.json";
/// The sub-topic of questions filed under no category.
pub const UNFILED: &str = "unfiled";

/// The teacher's questions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnBank {
    pub subtopics: Vec<Subtopic>,
    pub items: Vec<Item>,
}

/// What adding drafts did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Added {
    pub ids: Vec<String>,
    /// Drafts already in the bank (the same file imported twice), by line.
    pub already: Vec<usize>,
    /// Drafts the bank's reader refused, with its problems (by the draft's line).
    pub refused: Vec<(usize, Vec<Problem>)>,
}

impl OwnBank {
    /// Reads the stored questions, or every problem in them.
    pub fn parse(text: &str) -> Result<OwnBank, Vec<Problem>> {
        let file = DomainFile::parse_own(FILE, DOMAIN, text)?;
        Ok(OwnBank { subtopics: file.subtopics, items: file.items })
    }

    pub fn to_json(&self) -> String {
        let file = object([
            ("schema", Value::from(super::bank::BANK_SCHEMA)),
            ("domain", Value::from(DOMAIN)),
            ("subtopics", Value::Array(self.subtopics.iter().map(subtopic_json).collect())),
            ("items", Value::Array(self.items.iter().map(item_json).collect())),
        ]);
        file.to_string()
    }

    /// The questions as a domain file, to join Kafaa's bank in a session.
    pub fn domain_file(&self) -> DomainFile {
        DomainFile { subtopics: self.subtopics.clone(), items: self.items.clone() }
    }

    /// Adds drafts read from a file in `lang`, at `difficulty`; each is checked as the bank
    /// checks its items and left out, with its problems, if it does not pass.
    pub fn add(&mut self, drafts: &[Draft], lang: &str, difficulty: Difficulty) -> Added {
        let mut added = Added::default();
        for draft in drafts {
            let id = content_id(draft, lang);
            if self.items.iter().any(|i| i.id == id) {
                added.already.push(draft.line);
                continue;
            }
            let subtopic = self.subtopic_for(&draft.category, lang);
            let item = Item {
                id,
                domain: DOMAIN.to_string(),
                subtopic,
                difficulty,
                tags: Vec::new(),
                stem: one(lang, &draft.text),
                code: None,
                question: draft.question.clone(),
                explanation: if draft.feedback.is_empty() {
                    Localized::default()
                } else {
                    one(lang, &draft.feedback)
                },
                irt: difficulty.default_irt(&draft.question),
            };
            let mut candidate = OwnBank { subtopics: self.subtopics.clone(), items: vec![item.clone()] };
            candidate.subtopics.retain(|s| s.id == item.subtopic);
            match OwnBank::parse(&candidate.to_json()) {
                Ok(_) => {
                    added.ids.push(item.id.clone());
                    self.items.push(item);
                }
                Err(problems) => added.refused.push((draft.line, problems)),
            }
        }
        self.subtopics.retain(|s| self.items.iter().any(|i| i.subtopic == s.id));
        added
    }

    /// Puts `item` in place of the question with its id, or adds it; under `category`.
    /// Checked as the bank checks its items: refused, with the problems, if it does not pass.
    pub fn put(&self, mut item: Item, category: &str, lang: &str) -> Result<OwnBank, Vec<Problem>> {
        let mut next = self.clone();
        item.subtopic = next.subtopic_for(category, lang);
        item.domain = DOMAIN.to_string();
        item.irt = item.difficulty.default_irt(&item.question);
        let single = OwnBank {
            subtopics: next.subtopics.iter().filter(|s| s.id == item.subtopic).cloned().collect(),
            items: vec![item.clone()],
        };
        OwnBank::parse(&single.to_json())?;
        match next.items.iter_mut().find(|i| i.id == item.id) {
            Some(old) => *old = item,
            None => next.items.push(item),
        }
        next.subtopics.retain(|s| next.items.iter().any(|i| i.subtopic == s.id));
        Ok(next)
    }

    /// An id no question has: `base`, else `base-2`, `base-3`, ... (a duplicate asks what its
    /// original asks, so its content id is taken).
    pub fn fresh_id(&self, base: &str) -> String {
        let taken = |id: &str| self.items.iter().any(|i| i.id == id);
        if !taken(base) {
            return base.to_string();
        }
        (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_default()
    }

    /// The category a question is filed under, in `lang` (empty when unfiled).
    pub fn category_of(&self, item: &Item, lang: &str) -> String {
        let found = self.subtopics.iter().find(|s| s.id == item.subtopic && s.id != UNFILED);
        found.map(|s| s.title.get(lang).to_string()).unwrap_or_default()
    }

    /// Removes a question; its category goes too when it was the last one in it.
    pub fn remove(&mut self, id: &str) {
        self.items.retain(|i| i.id != id);
        self.subtopics.retain(|s| self.items.iter().any(|i| i.subtopic == s.id));
    }

    /// The questions as drafts in `lang` (for export), each under its category.
    pub fn drafts(&self, lang: &str) -> Vec<Draft> {
        self.items.iter().map(|item| draft_of(item, lang, &self.category_of(item, lang))).collect()
    }

    fn subtopic_for(&mut self, category: &str, lang: &str) -> String {
        if category.is_empty() {
            if !self.subtopics.iter().any(|s| s.id == UNFILED) {
                self.subtopics.push(Subtopic {
                    id: UNFILED.into(),
                    title: one(lang, "-"),
                    frameworks: Vec::new(),
                });
            }
            return UNFILED.to_string();
        }
        if let Some(s) = self.subtopics.iter().find(|s| s.title.0.values().any(|t| t == category)) {
            return s.id.clone();
        }
        let n = (1..).find(|n| !self.subtopics.iter().any(|s| s.id == format!("c{n}"))).unwrap_or(1);
        let id = format!("c{n}");
        self.subtopics.push(Subtopic { id: id.clone(), title: one(lang, category), frameworks: Vec::new() });
        id
    }
}

/// A new question's id, from what it asks (FNV-1a of its language, text and question): a
/// deleted question's id is never given to another, so an old result code never names a
/// different question, and importing the same file twice adds nothing twice.
pub fn content_id(draft: &Draft, lang: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("{lang}\u{0}{}\u{0}{:?}", draft.text, draft.question).bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("my-{:010x}", hash >> 24)
}

/// An item as a draft in `lang`: its code, if any, after its text (the formats have no
/// place of their own for it).
pub fn draft_of(item: &Item, lang: &str, category: &str) -> Draft {
    let mut text = item.stem.get(lang).to_string();
    if let Some(code) = &item.code {
        text.push_str("\n\n");
        text.push_str(code);
    }
    let mut question = item.question.clone();
    let pick = |choices: &mut Vec<Choice>| {
        for c in choices {
            c.text = one(lang, c.text.get(lang));
        }
    };
    match &mut question {
        Question::SingleChoice { options, .. }
        | Question::MultipleSelect { options, .. }
        | Question::Ordering { options, .. } => pick(options),
        Question::Matching { options, targets, .. } => {
            pick(options);
            pick(targets);
        }
        Question::TrueFalse { .. } => {}
    }
    Draft {
        line: 0,
        title: item.id.clone(),
        category: category.to_string(),
        text,
        question,
        feedback: item.explanation.get(lang).to_string(),
    }
}

fn one(lang: &str, text: &str) -> Localized {
    Localized([(lang.to_string(), text.to_string())].into())
}

fn subtopic_json(s: &Subtopic) -> Value {
    object([("id", Value::from(&s.id)), ("title", s.title.to_value())])
}

fn choices_json(choices: &[Choice]) -> Value {
    Value::Array(
        choices.iter().map(|c| object([("id", Value::from(&c.id)), ("text", c.text.to_value())])).collect(),
    )
}

/// An item in the bank's format (`static/content/README.md`).
pub fn item_json(item: &Item) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), Value::from(&item.id));
    o.insert("domain".into(), Value::from(&item.domain));
    o.insert("subtopic".into(), Value::from(&item.subtopic));
    let difficulty = match item.difficulty {
        Difficulty::Easy => "easy",
        Difficulty::Medium => "medium",
        Difficulty::Hard => "hard",
    };
    o.insert("difficulty".into(), Value::from(difficulty));
    if !item.tags.is_empty() {
        o.insert("tags".into(), Value::from(item.tags.clone()));
    }
    o.insert("stem".into(), item.stem.to_value());
    if let Some(code) = &item.code {
        o.insert("code".into(), Value::from(code));
    }
    let (kind, answer) = match &item.question {
        Question::SingleChoice { options, answer } => {
            o.insert("options".into(), choices_json(options));
            ("single_choice", Value::from(answer))
        }
        Question::MultipleSelect { options, answers } => {
            o.insert("options".into(), choices_json(options));
            ("multiple_select", Value::from(answers))
        }
        Question::TrueFalse { answer } => ("true_false", Value::from(*answer)),
        Question::Ordering { options, order } => {
            o.insert("options".into(), choices_json(options));
            ("ordering", Value::from(order.clone()))
        }
        Question::Matching { options, targets, pairs } => {
            o.insert("options".into(), choices_json(options));
            o.insert("targets".into(), choices_json(targets));
            ("matching", Value::from(pairs))
        }
    };
    o.insert("type".into(), Value::from(kind));
    o.insert("answer".into(), answer);
    if !item.explanation.0.is_empty() {
        o.insert("explanation".into(), item.explanation.to_value());
    }
    Value::Object(o)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
