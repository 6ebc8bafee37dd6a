//! Moodle XML (<https://docs.moodle.org/en/Moodle_XML_format>): `<quiz>` holding
//! `<question type="...">` elements — `multichoice` (one right answer or several, by
//! `fraction` percentages), `truefalse`, `matching` (`<subquestion>`s; one with no text is a
//! distractor) and `ordering` (answers in their right order) — and `category` pseudo-questions
//! that file the questions after them.

use std::fmt::Write as _;

use super::gift::moodle_category;
use super::text::Format;
use super::xml::{self, Element};
use super::{
    choices, has_duplicates, matched, option_id, weighted, with_answer_feedback, Draft, Imported, Reason,
    Skipped,
};
use crate::engine::bank::Question;

/// Reads a Moodle XML file whose texts are in `lang`. A file that is not XML is reported as
/// one skipped entry at the line where it stops being XML.
pub fn read(source: &str, lang: &str) -> Imported {
    let mut imported = Imported::default();
    let root = match xml::parse(source.trim_start_matches('\u{feff}')) {
        Ok(root) if root.name == "quiz" => root,
        Ok(root) => {
            imported.skipped.push(Skipped {
                line: root.line,
                title: String::new(),
                reason: Reason::Malformed,
            });
            return imported;
        }
        Err(e) => {
            imported.skipped.push(Skipped { line: e.line, title: String::new(), reason: Reason::Malformed });
            return imported;
        }
    };
    let mut category = String::new();
    for q in root.elements("question") {
        let kind = q.attribute("type").unwrap_or("");
        if kind == "category" {
            category = moodle_category(&q.child("category").map(Element::text_child).unwrap_or_default());
            continue;
        }
        let title = q.child("name").map(|n| Format::Plain.to_plain(&n.text_child())).unwrap_or_default();
        let skip = |reason| Skipped { line: q.line, title: title.clone(), reason };
        let text = formatted(q.child("questiontext"));
        let built = match kind {
            "multichoice" => multichoice(q, lang, &mut imported.notes),
            "truefalse" => true_false(q),
            "matching" => matching(q, lang),
            "ordering" => ordering(q, lang),
            other => Err(Reason::Unsupported(if other.is_empty() { "?".into() } else { other.into() })),
        };
        match built {
            Ok(_) if text.is_empty() => imported.skipped.push(skip(Reason::EmptyText)),
            Ok((question, per_answer)) => imported.drafts.push(Draft {
                line: q.line,
                title,
                category: category.clone(),
                text,
                question,
                feedback: with_answer_feedback(formatted(q.child("generalfeedback")), &per_answer),
            }),
            Err(reason) => imported.skipped.push(skip(reason)),
        }
    }
    imported
}

/// An element holding `<text>` in the format its `format` attribute names (Moodle's
/// auto-format when it names none or one this reader does not know), as plain text.
fn formatted(element: Option<&Element>) -> String {
    let Some(element) = element else { return String::new() };
    let format = element.attribute("format").and_then(Format::named).unwrap_or(Format::Moodle);
    format.to_plain(&element.text_child())
}

type Feedback = Vec<(String, String)>;

/// Answers with their text and feedback, in file order.
fn answers(q: &Element) -> impl Iterator<Item = (&Element, String)> {
    q.elements("answer").map(|a| (a, formatted(Some(a))))
}

fn multichoice(
    q: &Element,
    lang: &str,
    notes: &mut Vec<super::Note>,
) -> Result<(Question, Feedback), Reason> {
    let mut list = Vec::new();
    let mut feedback = Vec::new();
    for (a, text) in answers(q) {
        let weight =
            a.attribute("fraction").and_then(|f| f.trim().parse::<f64>().ok()).filter(|w| w.is_finite());
        if text.is_empty() {
            return Err(Reason::Malformed);
        }
        feedback.push((text.clone(), formatted(a.child("feedback"))));
        list.push((text, weight.unwrap_or(0.0)));
    }
    Ok((weighted(lang, list, q.line, notes)?, feedback))
}

fn true_false(q: &Element) -> Result<(Question, Feedback), Reason> {
    let mut answer = None;
    let mut feedback = Vec::new();
    for (a, text) in answers(q) {
        let right =
            a.attribute("fraction").and_then(|f| f.trim().parse::<f64>().ok()).is_some_and(|w| w > 0.0);
        let value = match text.to_lowercase().as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(Reason::Malformed),
        };
        if right {
            answer = Some(value);
        }
        feedback.push((String::new(), formatted(a.child("feedback"))));
    }
    let answer = answer.ok_or(Reason::NoRightAnswer)?;
    Ok((Question::TrueFalse { answer }, feedback))
}

fn matching(q: &Element, lang: &str) -> Result<(Question, Feedback), Reason> {
    let pairs = q.elements("subquestion").map(|sub| {
        let right = sub.child("answer").map(Element::text_child).unwrap_or_default();
        Ok((formatted(Some(sub)), Format::Plain.to_plain(&right)))
    });
    Ok((matched(lang, pairs)?, Vec::new()))
}

/// Moodle's ordering question lists its items in their right order (each answer's
/// `fraction` is its place). Kafaa keeps options in another order than the answer's, so the
/// list is turned by one.
fn ordering(q: &Element, lang: &str) -> Result<(Question, Feedback), Reason> {
    let mut items: Vec<(f64, String)> = Vec::new();
    for (i, (a, text)) in answers(q).enumerate() {
        if text.is_empty() {
            return Err(Reason::Malformed);
        }
        let place =
            a.attribute("fraction").and_then(|f| f.trim().parse::<f64>().ok()).filter(|w| w.is_finite());
        items.push((place.unwrap_or(i as f64), text));
    }
    crate::engine::sorting::sort_stable_by(&mut items, |x, y| x.0.total_cmp(&y.0));
    let texts: Vec<String> = items.into_iter().map(|(_, t)| t).collect();
    // Kafaa's ordering questions have three items at least: two leave one guess in two.
    if texts.len() < 3 {
        return Err(Reason::TooFewOptions);
    }
    if has_duplicates(&texts) {
        return Err(Reason::DuplicateOption);
    }
    let order: Vec<String> = (0..texts.len()).map(option_id).collect();
    let mut options = choices(lang, texts, option_id);
    options.rotate_left(1);
    Ok((Question::Ordering { options, order }, Vec::new()))
}

/// Writes drafts as Moodle XML, every text in plain-text format.
pub fn write(drafts: &[Draft], lang: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let mut category: Option<&str> = None;
    for draft in drafts {
        if category != Some(&draft.category) {
            category = Some(&draft.category);
            let path = if draft.category.is_empty() {
                "$course$/top".to_string()
            } else {
                format!("$course$/top/{}", draft.category)
            };
            let _ = writeln!(
                out,
                "  <question type=\"category\">\n    <category><text>{}</text></category>\n  </question>",
                xml::escape(&path)
            );
        }
        let kind = match &draft.question {
            Question::SingleChoice { .. } | Question::MultipleSelect { .. } => "multichoice",
            Question::TrueFalse { .. } => "truefalse",
            Question::Matching { .. } => "matching",
            Question::Ordering { .. } => "ordering",
        };
        let _ = writeln!(out, "  <question type=\"{kind}\">");
        let _ = writeln!(out, "    <name><text>{}</text></name>", xml::escape(&draft.title));
        let _ = writeln!(out, "    {}", plain_text("questiontext", &draft.text));
        let _ = writeln!(out, "    {}", plain_text("generalfeedback", &draft.feedback));
        out.push_str(
            "    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n",
        );
        body(&mut out, &draft.question, lang);
        out.push_str("  </question>\n");
    }
    out.push_str("</quiz>\n");
    out
}

fn plain_text(element: &str, text: &str) -> String {
    format!("<{element} format=\"plain_text\"><text>{}</text></{element}>", xml::escape(text))
}

fn answer(out: &mut String, fraction: &str, text: &str) {
    let _ = writeln!(
        out,
        "    <answer fraction=\"{fraction}\" format=\"plain_text\"><text>{}</text></answer>",
        xml::escape(text)
    );
}

fn body(out: &mut String, question: &Question, lang: &str) {
    match question {
        Question::SingleChoice { options, answer: right } => {
            out.push_str("    <single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n");
            for o in options {
                answer(out, if &o.id == right { "100" } else { "0" }, o.text.get(lang));
            }
        }
        Question::MultipleSelect { options, answers } => {
            out.push_str("    <single>false</single>\n    <shuffleanswers>true</shuffleanswers>\n");
            let (right, wrong) = super::select_weights(answers.len());
            for o in options {
                answer(out, if answers.contains(&o.id) { &right } else { wrong }, o.text.get(lang));
            }
        }
        Question::TrueFalse { answer: right } => {
            answer(out, if *right { "100" } else { "0" }, "true");
            answer(out, if *right { "0" } else { "100" }, "false");
        }
        Question::Matching { options, targets, pairs } => {
            out.push_str("    <shuffleanswers>true</shuffleanswers>\n");
            let mut used = Vec::new();
            for o in options {
                let target = targets.iter().find(|t| pairs.get(&o.id) == Some(&t.id));
                let right = target.map(|t| t.text.get(lang)).unwrap_or_default();
                used.extend(target.map(|t| &t.id));
                subquestion(out, o.text.get(lang), right);
            }
            for t in targets.iter().filter(|t| !used.contains(&&t.id)) {
                subquestion(out, "", t.text.get(lang));
            }
        }
        Question::Ordering { options, order } => {
            out.push_str("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n");
            for (place, id) in order.iter().enumerate() {
                let text = options.iter().find(|o| &o.id == id).map(|o| o.text.get(lang)).unwrap_or_default();
                answer(out, &(place + 1).to_string(), text);
            }
        }
    }
}

fn subquestion(out: &mut String, left: &str, right: &str) {
    let _ = writeln!(
        out,
        "    <subquestion format=\"plain_text\"><text>{}</text><answer><text>{}</text></answer></subquestion>",
        xml::escape(left),
        xml::escape(right)
    );
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
