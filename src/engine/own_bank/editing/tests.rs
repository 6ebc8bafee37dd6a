use super::*;
use crate::engine::interchange::gift;
use crate::engine::own_bank::OwnBank;
use crate::engine::problem::ProblemKind;

fn bank() -> OwnBank {
    let mut bank = OwnBank::default();
    let quiz = "$CATEGORY: Web\n\nWhich port? {=443 ~80 ~21####By default.}\n\nDNS maps names. {F}\n\nWhich verbs? {~%50%GET ~%50%HEAD ~%-100%DELETE}\n\nMatch {=IP -> Network =TCP -> Transport = -> Physical}";
    bank.add(&gift::read(quiz, "en").drafts, "en", Difficulty::Easy);
    bank
}

#[test]
fn every_stored_question_comes_back_unchanged_from_the_editor() {
    let mut bank = bank();
    let xml = "<quiz><question type=\"ordering\"><questiontext><text>Order</text></questiontext><answer fraction=\"1\"><text>SYN</text></answer><answer fraction=\"2\"><text>SYN-ACK</text></answer><answer fraction=\"3\"><text>ACK</text></answer></question></quiz>";
    bank.add(&crate::engine::interchange::moodle_xml::read(xml, "en").drafts, "en", Difficulty::Hard);
    for item in &bank.items {
        let category = bank.category_of(item, "en");
        let edited = Editing::of(item, &category);
        let mut again = edited.to_item(&item.id);
        again.subtopic = item.subtopic.clone();
        assert_eq!(&again, item);
        assert_eq!(bank.put(again, &category, "en").expect("valid"), bank);
    }
}

#[test]
fn a_translation_and_a_new_question_are_checked_by_the_bank() {
    let bank = bank();
    let mut e = Editing::of(&bank.items[0], "Web");
    e.languages.push("ar".into());
    e.stem.insert("ar".into(), "أي منفذ؟".into());
    let problems = bank.put(e.to_item(&bank.items[0].id), "Web", "en").unwrap_err();
    // The options and the explanation lack their Arabic: each said where.
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "items[0].options[0].text",
            "items[0].options[1].text",
            "items[0].options[2].text",
            "items[0].explanation"
        ]
    );
    assert!(problems.iter().all(|p| p.kind == ProblemKind::MissingLanguage { lang: "ar".into() }));
    for (i, text) in ["443", "80", "21"].iter().enumerate() {
        e.options[i].insert("ar".into(), text.to_string());
    }
    e.explanation.insert("ar".into(), "افتراضيًا.".into());
    let next = bank.put(e.to_item(&bank.items[0].id), "Web", "en").expect("complete");
    assert_eq!(next.items[0].stem.get("ar"), "أي منفذ؟");
    assert_eq!(next.items.len(), bank.items.len());

    // A new one left empty: the problems of an empty question, and nothing added.
    let empty = Editing::new("fr");
    let problems = bank.put(empty.to_item(&bank.fresh_id("my-new")), "", "fr").unwrap_err();
    assert!(
        problems.iter().any(|p| p.path == "items[0].stem" && p.kind == ProblemKind::Empty),
        "{problems:?}"
    );
    // With its text only, its options are said to lack theirs.
    let mut stem_only = Editing::new("fr");
    stem_only.stem.insert("fr".into(), "Lequel ?".into());
    let problems = bank.put(stem_only.to_item("my-new"), "", "fr").unwrap_err();
    assert!(problems.iter().any(|p| p.path == "items[0].options[0].text"
        && p.kind == ProblemKind::MissingLanguage { lang: "fr".into() }));
    // Filled in, as a multiple select with two right options out of three.
    let mut e = Editing::new("fr");
    e.kind = Kind::Multiple;
    e.stem.insert("fr".into(), "Lesquels sont des navigateurs ?".into());
    for (i, t) in ["Firefox", "Chromium", "Linux"].iter().enumerate() {
        e.options[i].insert("fr".into(), t.to_string());
    }
    e.right = SortedSet::from([0, 1]);
    let next = bank.put(e.to_item(&bank.fresh_id("my-new")), "Navigateurs", "fr").expect("valid");
    assert_eq!(next.items.len(), bank.items.len() + 1);
    assert_eq!(next.category_of(next.items.last().unwrap(), "fr"), "Navigateurs");
}

#[test]
fn a_duplicate_gets_an_id_of_its_own_and_a_preview_is_in_one_language() {
    let bank = bank();
    let original = &bank.items[0];
    let id = bank.fresh_id(&original.id);
    assert_eq!(id, format!("{}-2", original.id));
    let copy = Editing::of(original, "Web").to_item(&id);
    let next = bank.put(copy, "Web", "en").unwrap();
    assert_eq!(next.fresh_id(&original.id), format!("{}-3", original.id));

    let mut e = Editing::of(original, "Web");
    e.languages.push("fr".into());
    e.stem.insert("fr".into(), "Quel port ?".into());
    let preview = e.preview("fr");
    assert_eq!(preview.stem.0.len(), 1);
    assert_eq!(preview.stem.get("fr"), "Quel port ?");
    assert!(
        preview.question.options().iter().all(|o| o.text.0.is_empty()),
        "no French options yet: shown empty"
    );
}
