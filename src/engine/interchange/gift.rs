//! Moodle's GIFT format (<https://docs.moodle.org/en/GIFT_format>): questions separated by
//! blank lines, `//` comment lines, `$CATEGORY:` lines, an optional `::title::`, an optional
//! `[format]`, and the answers in braces — `=right ~wrong` with `%50%` weights and
//! `#feedback`, `{T}`/`{FALSE}`, `=left -> right` pairs — with `####` general feedback and
//! the escapes `\~ \= \# \{ \} \: \\ \n`. The reader follows Moodle's own (qformat_gift) in
//! how it tells question types apart, so a file means here what it means in Moodle.

use std::fmt::Write as _;

use super::text::Format;
use super::{matched, weighted, with_answer_feedback, Draft, Imported, Note, NoteKind, Reason, Skipped};
use crate::engine::bank::Question;

/// The escapable characters, each kept as a private-use character while the structure is
/// read, so that an escaped brace or tilde is never taken for syntax.
const ESCAPES: [(char, char); 7] = [
    (':', '\u{e000}'),
    ('#', '\u{e001}'),
    ('=', '\u{e002}'),
    ('{', '\u{e003}'),
    ('}', '\u{e004}'),
    ('~', '\u{e005}'),
    ('n', '\u{e006}'),
];
const BACKSLASH: char = '\u{e007}';

/// Reads a GIFT file whose texts are in `lang`.
pub fn read(text: &str, lang: &str) -> Imported {
    let mut imported = Imported::default();
    let mut category = String::new();
    for (line, lines) in blocks(text.trim_start_matches('\u{feff}')) {
        let mut body: &[&str] = &lines;
        let mut line = line;
        if let Some(named) = body.first().and_then(|l| l.trim_start().strip_prefix("$CATEGORY:")) {
            category = moodle_category(named);
            body = &body[1..];
            line += 1;
        }
        let joined = body.join("\n");
        if joined.trim().is_empty() {
            continue;
        }
        question(&joined, line, lang, &category, &mut imported);
    }
    imported
}

/// Moodle's category path without the `$course$/top/` (or `$system$/`, ...) it starts with.
pub(super) fn moodle_category(path: &str) -> String {
    let mut path = path.trim();
    if path.starts_with('$') {
        path = path[1..].find('$').map_or(path, |end| path[end + 2..].trim_start_matches('/'));
    }
    path.strip_prefix("top/").unwrap_or(if path == "top" { "" } else { path }).trim().to_string()
}

/// The file's questions: runs of lines between blank lines, comment lines left out (they do
/// not end a question), each with the number of its first line.
fn blocks(text: &str) -> Vec<(usize, Vec<&str>)> {
    let mut out: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            open = false;
        } else if trimmed.starts_with("//") {
            continue;
        } else if open {
            if let Some(last) = out.last_mut() {
                last.1.push(line);
            }
        } else {
            out.push((i + 1, vec![line]));
            open = true;
        }
    }
    out
}

fn escape_pre(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push(BACKSLASH),
            Some(next) => match ESCAPES.iter().find(|(e, _)| *e == next) {
                Some((_, kept)) => out.push(*kept),
                None => {
                    out.push('\\');
                    out.push(next);
                }
            },
            None => out.push('\\'),
        }
    }
    out
}

fn escape_post(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            BACKSLASH => '\\',
            '\u{e006}' => '\n',
            c => ESCAPES.iter().find(|(_, p)| *p == c).map_or(c, |(e, _)| *e),
        })
        .collect()
}

/// A text's `[format]` prefix, and the text without it.
fn format_of(text: &str, default: Format) -> (Format, &str) {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix('[') {
        if let Some(end) = rest.find(']') {
            if let Some(format) = Format::named(&rest[..end]) {
                return (format, &rest[end + 1..]);
            }
        }
    }
    (default, trimmed)
}

/// A text as the learner reads it: escapes restored, markup read as text.
fn plain(text: &str, format: Format) -> String {
    format.to_plain(&escape_post(text))
}

fn question(raw: &str, line: usize, lang: &str, category: &str, imported: &mut Imported) {
    let mut text = escape_pre(raw.trim());
    let mut title = String::new();
    if let Some(rest) = text.strip_prefix("::") {
        if let Some(end) = rest.find("::") {
            title = escape_post(&rest[..end]).trim().to_string();
            text = rest[end + 2..].trim().to_string();
        } else {
            text = rest.to_string();
        }
    }
    let skip = |reason: Reason| Skipped { line, title: title.clone(), reason };
    let (start, finish) = (text.find('{'), text.find('}'));
    let (start, finish) = match (start, finish) {
        (None, None) => return imported.skipped.push(skip(Reason::Unsupported("description".into()))),
        (Some(s), Some(f)) if s < f => (s, f),
        _ => return imported.skipped.push(skip(Reason::Malformed)),
    };
    let mut answers = text[start + 1..finish].trim();
    let after = text[finish + 1..].trim();
    let missing_word = !after.is_empty();
    let stem = if missing_word {
        format!("{}_____{}", &text[..start], &text[finish + 1..])
    } else {
        text[..start].to_string()
    };
    let mut general = "";
    if let Some(at) = answers.rfind("####") {
        general = &answers[at + 4..];
        answers = answers[..at].trim();
    }
    let (format, stem) = format_of(&stem, Format::Moodle);
    let stem = plain(stem, format);
    let general = {
        let (f, g) = format_of(general, format);
        plain(g, f)
    };
    let kind = kind_of(answers);
    if let Some(unsupported) = kind.unsupported() {
        return imported.skipped.push(skip(Reason::Unsupported(unsupported.into())));
    }
    if stem.is_empty() {
        return imported.skipped.push(skip(Reason::EmptyText));
    }
    let mut notes = Vec::new();
    let built = match kind {
        Kind::Choice => choice(answers, format, lang, line, &mut notes),
        Kind::Matching => matching(answers, format, lang),
        Kind::TrueFalse => Ok(true_false(answers, format)),
        _ => Err(Reason::Malformed),
    };
    match built {
        Ok((question, per_answer)) => {
            if missing_word {
                notes.push(Note { line, kind: NoteKind::MissingWord });
            }
            imported.notes.extend(notes);
            imported.drafts.push(Draft {
                line,
                title,
                category: category.to_string(),
                text: stem,
                question,
                feedback: with_answer_feedback(general, &per_answer),
            });
        }
        Err(reason) => imported.skipped.push(skip(reason)),
    }
}

/// Question types as Moodle tells them apart from the text between the braces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Essay,
    Numerical,
    Choice,
    Matching,
    TrueFalse,
    ShortAnswer,
}

impl Kind {
    /// Moodle's name for a type Kafaa cannot ask.
    fn unsupported(self) -> Option<&'static str> {
        match self {
            Kind::Essay => Some("essay"),
            Kind::Numerical => Some("numerical"),
            Kind::ShortAnswer => Some("shortanswer"),
            _ => None,
        }
    }
}

fn kind_of(answers: &str) -> Kind {
    if answers.is_empty() {
        Kind::Essay
    } else if answers.starts_with('#') {
        Kind::Numerical
    } else if answers.contains('~') {
        Kind::Choice
    } else if answers.contains('=') && answers.contains("->") {
        Kind::Matching
    } else if matches!(answers.split('#').next().map(str::trim), Some("T" | "TRUE" | "F" | "FALSE")) {
        Kind::TrueFalse
    } else {
        Kind::ShortAnswer
    }
}

/// Per-answer feedback, as (option text, feedback) pairs.
type Feedback = Vec<(String, String)>;

fn choice(
    answers: &str,
    format: Format,
    lang: &str,
    line: usize,
    notes: &mut Vec<Note>,
) -> Result<(Question, Feedback), Reason> {
    let mut list = Vec::new();
    let mut feedback = Vec::new();
    let answers = answers.replace('=', "~=");
    for part in answers.split('~').map(str::trim).filter(|p| !p.is_empty()) {
        let (weight, rest) = if let Some(right) = part.strip_prefix('=') {
            (100.0, right)
        } else if let Some((weight, rest)) = percent(part) {
            (weight, rest)
        } else {
            (0.0, part)
        };
        let (answer, comment) = rest.split_once('#').unwrap_or((rest, ""));
        let (f, answer) = format_of(answer, format);
        let answer = plain(answer, f);
        if answer.is_empty() {
            return Err(Reason::Malformed);
        }
        feedback.push((answer.clone(), plain(comment, format)));
        list.push((answer, weight));
    }
    let question = weighted(lang, list, line, notes)?;
    Ok((question, feedback))
}

/// A `%50%` weight at the start of an answer, and what follows it.
fn percent(part: &str) -> Option<(f64, &str)> {
    let rest = part.strip_prefix('%')?;
    let end = rest.find('%')?;
    let weight: f64 = rest[..end].trim().parse().ok()?;
    weight.is_finite().then_some((weight, rest[end + 1..].trim_start()))
}

fn matching(answers: &str, format: Format, lang: &str) -> Result<(Question, Feedback), Reason> {
    let pairs = answers.split('=').map(str::trim).filter(|p| !p.is_empty()).map(|part| {
        let (left, right) = part.split_once("->").ok_or(Reason::Malformed)?;
        Ok((plain(left, format), plain(right, format)))
    });
    Ok((matched(lang, pairs)?, Vec::new()))
}

fn true_false(answers: &str, format: Format) -> (Question, Feedback) {
    let mut parts = answers.split('#');
    let answer = matches!(parts.next().map(str::trim), Some("T" | "TRUE"));
    // `{T#shown when wrong#shown when right}`: both kept, in that order, without a label.
    (Question::TrueFalse { answer }, parts.map(|f| (String::new(), plain(f, format))).collect())
}

/// A GIFT file written from drafts, and the titles of those GIFT cannot hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    /// Ordering questions (GIFT has no such type) and matching questions with `->` in an
    /// option, by title or text.
    pub left_out: Vec<String>,
}

/// Writes drafts as GIFT, in plain-text format so that nothing in them is read as markup.
pub fn write(drafts: &[Draft], lang: &str) -> Written {
    let mut text = String::new();
    let mut left_out = Vec::new();
    let mut category = "";
    for draft in drafts {
        let Some(answers) = answers(&draft.question, lang) else {
            left_out.push(if draft.title.is_empty() { draft.text.clone() } else { draft.title.clone() });
            continue;
        };
        if draft.category != category {
            category = &draft.category;
            let _ = writeln!(text, "$CATEGORY: $course$/top/{}\n", category.replace('\n', " "));
        }
        if !draft.title.is_empty() {
            let _ = write!(text, "::{}::", escape(&draft.title));
        }
        let _ = write!(text, "[plain]{}{{\n{answers}", escape(&draft.text));
        if !draft.feedback.is_empty() {
            let _ = writeln!(text, "####{}", escape(&draft.feedback));
        }
        text.push_str("}\n\n");
    }
    Written { text, left_out }
}

/// The lines between a question's braces, or `None` for a type GIFT cannot hold.
fn answers(question: &Question, lang: &str) -> Option<String> {
    let mut out = String::new();
    match question {
        Question::TrueFalse { answer } => out.push_str(if *answer { "TRUE\n" } else { "FALSE\n" }),
        Question::SingleChoice { options, answer } => {
            for o in options {
                let text = o.text.get(lang);
                // A wrong option's text that starts like a weight gets an explicit one.
                let mark = match (&o.id == answer, text.starts_with('%')) {
                    (true, _) => "=",
                    (false, false) => "~",
                    (false, true) => "~%0%",
                };
                let _ = writeln!(out, "{mark}{}", escape(text));
            }
        }
        Question::MultipleSelect { options, answers } => {
            let (right, wrong) = super::select_weights(answers.len());
            for o in options {
                let weight = if answers.contains(&o.id) { &right } else { wrong };
                let _ = writeln!(out, "~%{weight}%{}", escape(o.text.get(lang)));
            }
        }
        Question::Matching { options, targets, pairs } => {
            let mut used = Vec::new();
            for o in options {
                let target = targets.iter().find(|t| pairs.get(&o.id) == Some(&t.id))?;
                // GIFT has no escape for the arrow: such a pair cannot be written.
                if o.text.get(lang).contains("->") {
                    return None;
                }
                used.push(&target.id);
                let _ = writeln!(out, "={} -> {}", escape(o.text.get(lang)), escape(target.text.get(lang)));
            }
            for t in targets.iter().filter(|t| !used.contains(&&t.id)) {
                let _ = writeln!(out, "= -> {}", escape(t.text.get(lang)));
            }
        }
        Question::Ordering { .. } => return None,
    }
    Some(out)
}

/// A text with GIFT's special characters escaped and its line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
