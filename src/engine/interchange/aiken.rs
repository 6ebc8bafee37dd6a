//! The Aiken format (<https://docs.moodle.org/en/Aiken_format>): a question's text, its
//! options as `A. text` or `A) text`, then `ANSWER: A`. One right answer per question;
//! texts are plain.

use super::{weighted, Draft, Imported, Reason, Skipped};

/// Reads an Aiken file whose texts are in `lang`.
pub fn read(text: &str, lang: &str) -> Imported {
    let mut imported = Imported::default();
    let mut current: Option<Pending> = None;
    for (i, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(letter) = answer_line(line) {
            match current.take() {
                Some(pending) if !pending.options.is_empty() => pending.finish(letter, lang, &mut imported),
                Some(pending) => imported.skipped.push(pending.skipped(Reason::TooFewOptions)),
                None => imported.skipped.push(Skipped {
                    line: i + 1,
                    title: String::new(),
                    reason: Reason::Malformed,
                }),
            }
        } else if let (Some(pending), Some((letter, option))) = (current.as_mut(), option_line(line)) {
            pending.options.push((letter, option.to_string()));
        } else {
            // A text line: a new question's first, or more of the current one's text.
            if let Some(pending) = current.as_mut().filter(|p| p.options.is_empty()) {
                pending.text.push('\n');
                pending.text.push_str(line);
                continue;
            }
            if let Some(unfinished) = current.take() {
                imported.skipped.push(unfinished.skipped(Reason::BadAnswerLine));
            }
            current = Some(Pending { line: i + 1, text: line.to_string(), options: Vec::new() });
        }
    }
    if let Some(unfinished) = current {
        imported.skipped.push(unfinished.skipped(Reason::BadAnswerLine));
    }
    imported
}

/// A question read up to its options, waiting for its `ANSWER:` line.
struct Pending {
    line: usize,
    text: String,
    options: Vec<(char, String)>,
}

impl Pending {
    fn skipped(&self, reason: Reason) -> Skipped {
        Skipped { line: self.line, title: String::new(), reason }
    }

    fn finish(self, letter: char, lang: &str, imported: &mut Imported) {
        if !self.options.iter().any(|(l, _)| *l == letter) {
            return imported.skipped.push(self.skipped(Reason::BadAnswerLine));
        }
        let weights =
            self.options.iter().map(|(l, text)| (text.clone(), if *l == letter { 100.0 } else { 0.0 }));
        match weighted(lang, weights.collect(), self.line, &mut imported.notes) {
            Ok(question) => imported.drafts.push(Draft {
                line: self.line,
                title: String::new(),
                category: String::new(),
                text: self.text,
                question,
                feedback: String::new(),
            }),
            Err(reason) => imported.skipped.push(self.skipped(reason)),
        }
    }
}

/// `A. text` or `A) text`: the letter and the text.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let text = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    text.starts_with([' ', '\t']).then(|| (letter, text.trim())).filter(|(_, t)| !t.is_empty())
}

/// `ANSWER: B` (the colon optional, as Moodle reads it): the letter.
fn answer_line(line: &str) -> Option<char> {
    let rest = line.strip_prefix("ANSWER")?;
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    let mut chars = rest.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    // "ANSWERING machines ..." is a question's text, not its answer.
    chars.as_str().trim().is_empty().then_some(letter)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
