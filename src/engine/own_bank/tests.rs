use super::*;
use crate::engine::interchange::{gift, moodle_xml};
use crate::engine::problem::ProblemKind;
use serde_json::{json, Value};

const QUIZ: &str = "$CATEGORY: Networks\n\n::Port::Which port does HTTPS use? {=443 ~80 ~21####443 by default.}\n\nDNS maps names to addresses. {T}\n\n$CATEGORY: Web\n\nWhich are HTTP verbs? {~%50%GET ~%50%POST ~%-100%FETCH}\n\nMatch {=HTML -> structure =CSS -> style = -> storage}";

fn imported(lang: &str) -> OwnBank {
    let mut bank = OwnBank::default();
    let added = bank.add(&gift::read(QUIZ, lang).drafts, lang, Difficulty::Medium);
    assert_eq!(added.ids.len(), 4, "{added:?}");
    bank
}

#[test]
fn imported_questions_are_stored_in_the_bank_format_and_read_back_the_same() {
    let bank = imported("fr");
    let read = OwnBank::parse(&bank.to_json()).expect("valid");
    assert_eq!(read, bank);
    let categories: Vec<&str> = read.subtopics.iter().map(|s| s.title.get("fr")).collect();
    assert_eq!(categories, ["Networks", "Web"]);
    assert!(read.items.iter().all(|i| i.domain == DOMAIN && i.stem.0.keys().eq(["fr"])));
    assert_eq!(read.items[0].explanation.get("fr"), "443 by default.");
    assert!(read.items[1].explanation.0.is_empty());
}

#[test]
fn the_same_file_twice_adds_nothing_twice() {
    let mut bank = imported("en");
    let again = bank.add(&gift::read(QUIZ, "en").drafts, "en", Difficulty::Medium);
    assert_eq!((again.ids.len(), again.already.len()), (0, 4));
    // In another language they are other questions.
    assert_eq!(bank.add(&gift::read(QUIZ, "ar").drafts, "ar", Difficulty::Easy).ids.len(), 4);
}

#[test]
fn a_deleted_question_takes_its_category_and_its_id_with_it() {
    let mut bank = imported("en");
    let gone = bank.items[2].id.clone();
    bank.remove(&gone);
    bank.remove(&bank.items[2].id.clone());
    assert_eq!(bank.subtopics.len(), 1);
    assert!(bank.items.iter().all(|i| i.id != gone));
}

#[test]
fn a_translation_must_cover_the_whole_question() {
    let bank = imported("en");
    let mut value: Value = serde_json::from_str(&bank.to_json()).unwrap();
    value["items"][0]["stem"]["fr"] = json!("Quel port utilise HTTPS ?");
    let problems = OwnBank::parse(&value.to_string()).unwrap_err();
    assert!(problems.iter().all(|p| p.file == FILE && p.item.as_deref() == Some(bank.items[0].id.as_str())));
    assert!(problems.iter().any(|p| p.path == "items[0].options[0].text"
        && p.kind == ProblemKind::MissingLanguage { lang: "fr".into() }));
    assert!(problems
        .iter()
        .any(|p| p.path == "items[0].explanation"
            && p.kind == ProblemKind::MissingLanguage { lang: "fr".into() }));
}

#[test]
fn a_question_the_bank_would_refuse_is_left_out_with_its_problems() {
    let mut drafts = gift::read(QUIZ, "en").drafts;
    // Two options only: a multiple select needs three.
    if let Question::MultipleSelect { options, .. } = &mut drafts[2].question {
        options.truncate(2);
    }
    let mut bank = OwnBank::default();
    let added = bank.add(&drafts, "en", Difficulty::Hard);
    assert_eq!(added.ids.len(), 3);
    assert_eq!(added.refused.len(), 1);
    assert_eq!(added.refused[0].0, drafts[2].line);
    assert!(bank.items.iter().all(|i| i.difficulty == Difficulty::Hard));
}

#[test]
fn kafaa_items_export_to_both_formats_and_read_back_as_the_same_questions() {
    let (bank, problems) = crate::engine::content::whole_bank(|path| {
        std::fs::read_to_string(format!("static/content/{path}")).expect("shipped content")
    })
    .expect("index");
    assert!(problems.is_empty());
    for lang in ["en", "fr", "ar"] {
        let drafts: Vec<Draft> = bank.items.iter().map(|i| draft_of(i, lang, &i.domain)).collect();
        let gift = gift::write(&drafts, lang);
        let from_gift = gift::read(&gift.text, lang);
        assert!(from_gift.skipped.is_empty(), "{:?}", from_gift.skipped);
        let orderings = drafts.iter().filter(|d| matches!(d.question, Question::Ordering { .. })).count();
        assert_eq!(gift.left_out.len(), orderings);
        let xml = moodle_xml::read(&moodle_xml::write(&drafts, lang), lang);
        assert!(xml.skipped.is_empty(), "{:?}", xml.skipped);
        assert_eq!(xml.drafts.len(), drafts.len());
        for (read, draft) in xml.drafts.iter().zip(&drafts) {
            assert_eq!(
                (&read.title, &read.text, &read.feedback, &read.category),
                (&draft.title, &draft.text, &draft.feedback, &draft.category)
            );
            assert_eq!(same_answers(&read.question), same_answers(&draft.question), "{}", draft.title);
        }
    }
}

/// What a question asks and counts as right, by text rather than by id (ids are given anew
/// on reading).
fn same_answers(question: &Question) -> (Vec<String>, Vec<String>) {
    let text = |options: &[Choice], id: &str| {
        options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.text.0.values().next().cloned().unwrap_or_default())
            .unwrap_or_default()
    };
    let mut all: Vec<String> =
        question.options().iter().map(|o| o.text.0.values().next().cloned().unwrap_or_default()).collect();
    all.sort();
    let right = match question {
        Question::SingleChoice { options, answer } => vec![text(options, answer)],
        Question::MultipleSelect { options, answers } => {
            let mut r: Vec<String> = answers.iter().map(|a| text(options, a)).collect();
            r.sort();
            r
        }
        Question::TrueFalse { answer } => vec![answer.to_string()],
        Question::Ordering { options, order } => order.iter().map(|a| text(options, a)).collect(),
        Question::Matching { options, targets, pairs } => {
            let mut r: Vec<String> =
                pairs.iter().map(|(o, t)| format!("{}->{}", text(options, o), text(targets, t))).collect();
            r.extend(targets.iter().map(|t| t.text.0.values().next().cloned().unwrap_or_default()));
            r.sort();
            r
        }
    };
    (all, right)
}

#[test]
fn exported_questions_imported_again_are_already_there() {
    let mut bank = imported("fr");
    for written in [gift::write(&bank.drafts("fr"), "fr").text, moodle_xml::write(&bank.drafts("fr"), "fr")] {
        let again = crate::engine::interchange::FileFormat::of("x", &written).read(&written, "fr");
        let added = bank.add(&again.drafts, "fr", Difficulty::Medium);
        assert_eq!((added.ids.len(), added.already.len()), (0, 4), "{written}");
    }
}
