//! Questions in the formats other quiz tools keep them: Moodle's GIFT, Aiken and Moodle XML.
//!
//! Schools already hold their quizzes in Moodle, so a teacher brings them as they are. Each
//! reader turns a file into [`Draft`]s — questions in the one language the teacher says the
//! file is in — and reports every question it could not take with its line ([`Skipped`]),
//! so nothing is lost silently. The writers ([`gift::write`], [`moodle_xml::write`]) turn
//! drafts back into files; writing then reading gives the same drafts (property tests).
//! Texts are kept as plain text: HTML and Markdown are turned into text ([`text`]), never
//! shown as markup.

pub mod aiken;
pub mod gift;
pub mod moodle_xml;
pub mod text;
mod xml;

use super::bank::{Choice, Question};
use super::decimal::fixed;
use super::localized::Localized;

/// A question read from a file, before it joins the teacher's bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The line the question starts on (1-based), to point the teacher at it.
    pub line: usize,
    /// The question's name in the file (GIFT `::title::`, Moodle XML `<name>`); may be empty.
    pub title: String,
    /// The category it was filed under (GIFT `$CATEGORY:`, Moodle XML category), without
    /// Moodle's `$course$/top/` prefix; may be empty.
    pub category: String,
    pub text: String,
    /// Options and targets carry their text in the file's language only.
    pub question: Question,
    /// General feedback, with any per-answer feedback after it (Kafaa shows one
    /// explanation per question, so per-answer feedback is kept there rather than dropped).
    pub feedback: String,
}

/// What a reader made of a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub drafts: Vec<Draft>,
    pub skipped: Vec<Skipped>,
    /// Questions taken with a change the teacher should know about.
    pub notes: Vec<Note>,
}

/// A question left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub title: String,
    pub reason: Reason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A question type Kafaa cannot ask, by the format's own name for it (`shortanswer`,
    /// `numerical`, `essay`, `description`, `cloze`, ...).
    Unsupported(String),
    /// The file's syntax is broken here (an unclosed brace or element, a stray answer line).
    Malformed,
    /// No answer is marked right.
    NoRightAnswer,
    /// Fewer than two options (or matching pairs).
    TooFewOptions,
    /// Two options with the same text: the learner could not tell them apart.
    DuplicateOption,
    /// Every option is marked right: there is nothing to choose.
    EveryOptionRight,
    /// The question has no text.
    EmptyText,
    /// An Aiken question without its `ANSWER:` line, or naming a letter it does not have.
    BadAnswerLine,
}

/// A question that was taken, changed in a way the teacher should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub kind: NoteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// Partial credit (a weight between 0 and 100%) is scored all or nothing here: the
    /// options with a positive weight are the right ones.
    AllOrNothing,
    /// An option with part of the credit, in a question with one right answer, counts as
    /// wrong here.
    PartialCreditDropped,
    /// A missing-word question: the blank is shown as `_____` in the text.
    MissingWord,
}

/// The formats a teacher's file can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Gift,
    Aiken,
    MoodleXml,
}

impl FileFormat {
    /// The format of a file, from its name and text: XML by its `.xml` name or its first
    /// character, Aiken when it has `ANSWER:` lines and no braces, GIFT otherwise.
    pub fn of(name: &str, text: &str) -> FileFormat {
        let text = text.trim_start_matches('\u{feff}').trim_start();
        if name.to_ascii_lowercase().ends_with(".xml") || text.starts_with('<') {
            FileFormat::MoodleXml
        } else if !text.contains('{') && text.lines().any(|l| l.trim_start().starts_with("ANSWER")) {
            FileFormat::Aiken
        } else {
            FileFormat::Gift
        }
    }

    /// Reads a file in this format, its texts in `lang`.
    pub fn read(self, text: &str, lang: &str) -> Imported {
        match self {
            FileFormat::Gift => gift::read(text, lang),
            FileFormat::Aiken => aiken::read(text, lang),
            FileFormat::MoodleXml => moodle_xml::read(text, lang),
        }
    }
}

/// Option ids as Kafaa's bank writes them: `a`, `b`, ... `z`, then `a1`, `b1`, ...
pub fn option_id(i: usize) -> String {
    let letter = char::from(b'a' + (i % 26) as u8);
    match i / 26 {
        0 => letter.to_string(),
        round => format!("{letter}{round}"),
    }
}

/// Matching targets' ids: `t1`, `t2`, ...
pub fn target_id(i: usize) -> String {
    format!("t{}", i + 1)
}

/// Choices from texts in one language, with ids from `id`.
fn choices(lang: &str, texts: impl IntoIterator<Item = String>, id: fn(usize) -> String) -> Vec<Choice> {
    texts.into_iter().enumerate().map(|(i, text)| Choice { id: id(i), text: one(lang, text) }).collect()
}

fn one(lang: &str, text: String) -> Localized {
    Localized([(lang.to_string(), text)].into())
}

/// Whether two options read the same (the learner could not tell them apart).
fn has_duplicates(texts: &[String]) -> bool {
    texts.iter().enumerate().any(|(i, t)| texts[..i].contains(t))
}

/// The question a file's list of answers makes, choosing between one right answer and
/// several from their weights (percentages): one option at 100% and none other above 0 is a
/// single choice; several above 0 make a multiple select, scored all or nothing.
fn weighted(
    lang: &str,
    answers: Vec<(String, f64)>,
    line: usize,
    notes: &mut Vec<Note>,
) -> Result<Question, Reason> {
    let texts: Vec<String> = answers.iter().map(|(t, _)| t.clone()).collect();
    if texts.len() < 2 {
        return Err(Reason::TooFewOptions);
    }
    if has_duplicates(&texts) {
        return Err(Reason::DuplicateOption);
    }
    let full: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].1 >= 99.99).collect();
    let positive: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].1 > 0.0).collect();
    let options = choices(lang, texts, option_id);
    match (full.as_slice(), positive.len()) {
        (_, 0) => Err(Reason::NoRightAnswer),
        ([right], n) => {
            if n > 1 {
                notes.push(Note { line, kind: NoteKind::PartialCreditDropped });
            }
            Ok(Question::SingleChoice { answer: option_id(*right), options })
        }
        ([], 1) => {
            notes.push(Note { line, kind: NoteKind::AllOrNothing });
            Ok(Question::SingleChoice { answer: option_id(positive[0]), options })
        }
        _ if positive.len() == options.len() => Err(Reason::EveryOptionRight),
        _ => {
            if full.is_empty() {
                notes.push(Note { line, kind: NoteKind::AllOrNothing });
            }
            Ok(Question::MultipleSelect {
                answers: positive.iter().map(|&i| option_id(i)).collect(),
                options,
            })
        }
    }
}

/// A matching question from its (left, right) pairs in file order: a pair with no left is a
/// distractor target. Every right text must be there and differ; two options at least.
fn matched(
    lang: &str,
    pairs: impl Iterator<Item = Result<(String, String), Reason>>,
) -> Result<Question, Reason> {
    let mut lefts = Vec::new();
    let mut rights: Vec<String> = Vec::new();
    let mut map = crate::engine::sorted::SortedMap::new();
    for pair in pairs {
        let (left, right) = pair?;
        if right.is_empty() {
            return Err(Reason::Malformed);
        }
        if rights.contains(&right) {
            return Err(Reason::DuplicateOption);
        }
        rights.push(right);
        if !left.is_empty() {
            map.insert(option_id(lefts.len()), target_id(rights.len() - 1));
            lefts.push(left);
        }
    }
    if lefts.len() < 2 {
        return Err(Reason::TooFewOptions);
    }
    if has_duplicates(&lefts) {
        return Err(Reason::DuplicateOption);
    }
    Ok(Question::Matching {
        options: choices(lang, lefts, option_id),
        targets: choices(lang, rights, target_id),
        pairs: map,
    })
}

/// The weights a writer gives a multiple select's options so that the right ones share 100%
/// and each wrong one takes it all away, as Moodle expects.
fn select_weights(right: usize) -> (String, &'static str) {
    let share = 100.0 / right.max(1) as f64;
    let mut text = fixed(share, 5);
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    (text, "-100")
}

/// Folds per-answer feedback into the question's feedback, as `option: feedback` lines (or
/// the feedback alone where no option is named).
fn with_answer_feedback(general: String, per_answer: &[(String, String)]) -> String {
    let mut out = general;
    for (option, feedback) in per_answer.iter().filter(|(_, f)| !f.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        if !option.is_empty() {
            out.push_str(option);
            out.push_str(": ");
        }
        out.push_str(feedback);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
