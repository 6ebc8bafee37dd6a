use serde_json::{json, Value};

use super::*;
use crate::engine::bank::{DomainFile, Index};

/// A two-language bank of one domain, "web", holding `items` (JSON values; `domain`,
/// `subtopic`, `difficulty` and `explanation` are filled in).
fn bank(items: Vec<Value>) -> Bank {
    let index = json!({
        "schema": 1, "id": "t", "languages": ["en", "ar"], "title": {"en": "t", "ar": "t"},
        "domains": [{"id": "web", "file": "domains/web.json", "title": {"en": "Web", "ar": "ويب"},
                     "description": {"en": "d", "ar": "د"}}]
    });
    let index = Index::parse("index.json", &index.to_string()).unwrap();
    let items: Vec<Value> = items
        .into_iter()
        .map(|mut i| {
            i["domain"] = json!("web");
            i["subtopic"] = json!("s");
            i["difficulty"] = json!("easy");
            i["explanation"] = json!({"en": "why", "ar": "لماذا"});
            i
        })
        .collect();
    let file = json!({"schema": 1, "domain": "web",
        "subtopics": [{"id": "s", "title": {"en": "S", "ar": "س"}, "frameworks": []}], "items": items});
    let file = DomainFile::parse(&index, index.entry("web").unwrap(), &file.to_string()).unwrap();
    Bank::assemble(&index, |_| Some(&file))
}

fn text(en: &str, ar: &str) -> Value {
    json!({"en": en, "ar": ar})
}

fn single(id: &str, options: &[&str], answer: &str) -> Value {
    let options: Vec<Value> = options
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": ((b'a' + i as u8) as char).to_string(), "text": text(t, t)}))
        .collect();
    json!({"id": id, "type": "single_choice", "stem": text("Pick one", "اختر"), "options": options, "answer": answer})
}

fn true_false(id: &str, answer: bool) -> Value {
    json!({"id": id, "type": "true_false", "stem": text("A claim", "ادعاء"), "answer": answer})
}

fn glossary() -> Glossary {
    Glossary::parse(
        r#"{"schema": 1, "terms": [
            {"en": "code", "ar": ["كود"], "avoid": {"ar": ["شيفرة"]}},
            {"en": "QR code", "ar": ["رمز QR"]}]}"#,
    )
    .unwrap()
}

fn messages(lint: &Lint) -> Vec<String> {
    lint.violations.iter().map(ToString::to_string).collect()
}

#[test]
fn a_domain_whose_keys_are_mostly_the_longest_option_is_reported() {
    // 2 of 3 keys are the longest option: 67% > 35%.
    let items = vec![
        single("w1", &["short", "the longest of all"], "b"),
        single("w2", &["the longest of all", "short"], "a"),
        single("w3", &["the longest of all", "short"], "b"),
    ];
    let lint = lint(&bank(items), &glossary());
    assert_eq!(lint.figures[0].key_longest_share(), 2.0 / 3.0);
    assert_eq!(
        messages(&lint),
        ["web: the key is strictly the longest option in 67% of single-choice items (at most 35%)"]
    );
    // A key as long as another option is not strictly the longest.
    let tied = vec![single("w1", &["same", "four", "x"], "a")];
    assert_eq!(super::lint(&bank(tied), &glossary()).figures[0].key_longest_share(), 0.0);
}

#[test]
fn true_false_keys_must_be_balanced() {
    let skewed: Vec<Value> = (0..4).map(|i| true_false(&format!("t{i}"), i == 0)).collect();
    assert_eq!(
        messages(&lint(&bank(skewed), &glossary())),
        ["web: 1 of 4 true/false items are keyed true (25%; 40–60% wanted)"]
    );
    let balanced: Vec<Value> = (0..4).map(|i| true_false(&format!("t{i}"), i % 2 == 0)).collect();
    assert!(lint(&bank(balanced), &glossary()).violations.is_empty());
}

#[test]
fn multiple_select_keys_of_one_size_are_reported() {
    let ms = |id: &str, answer: &[&str]| {
        let options = ["a", "b", "c", "d"].map(|o| json!({"id": o, "text": text(o, o)}));
        json!({"id": id, "type": "multiple_select", "stem": text("Pick", "اختر"), "answer": answer, "options": options})
    };
    let same = vec![ms("m1", &["a", "b"]), ms("m2", &["c", "d"]), ms("m3", &["a", "d"])];
    assert_eq!(
        messages(&lint(&bank(same), &glossary())),
        ["web: 3 of 3 multiple-select keys have 2 options (at most 50% of one size)"]
    );
    let varied = vec![ms("m1", &["a", "b"]), ms("m2", &["c"]), ms("m3", &["a", "b", "d"])];
    assert!(lint(&bank(varied), &glossary()).violations.is_empty());
}

#[test]
fn matching_answers_in_file_order_are_reported() {
    let options = ["a", "b", "c"].map(|o| json!({"id": o, "text": text(o, o)}));
    let shuffled = json!({"id": "o2", "type": "ordering", "stem": text("Order", "رتب"), "options": options,
                          "answer": ["b", "a", "c"]});
    let targets = ["t1", "t2", "t3"].map(|t| json!({"id": t, "text": text(t, t)}));
    let matching = json!({"id": "x1", "type": "matching", "stem": text("Match", "طابق"), "options": options,
                          "targets": targets, "answer": {"a": "t1", "b": "t2", "c": "t3"}});
    let lint = lint(&bank(vec![shuffled, matching]), &glossary());
    assert_eq!(
        messages(&lint),
        ["web, item x1: every option is paired with the target at its own position; list the targets shuffled"]
    );
}

#[test]
fn terms_follow_the_glossary_and_longer_terms_hide_shorter_ones() {
    let item = |id: &str, en: &str, ar: &str| json!({"id": id, "type": "true_false", "stem": text(en, ar), "answer": id.ends_with('t')});
    let items = vec![
        item("g1t", "Read the code", "اقرأ الكود"),
        item("g2f", "Read the code", "اقرأ الشيفرة"),
        item("g3t", "Scan the QR code", "امسح رمز QR"),
        item("g4f", "Scan the QR code", "امسح الكود"),
    ];
    assert_eq!(
        messages(&lint(&bank(items), &glossary())),
        [
            "web, item g2f: stem (ar) translates \"code\" without the glossary's كود",
            "web, item g2f: stem (ar) says شيفرة for \"code\"; the glossary avoids it",
            "web, item g4f: stem (ar) translates \"QR code\" without the glossary's رمز QR",
        ]
    );
}

#[test]
fn invisible_direction_marks_are_reported() {
    let items = vec![single("w1", &["\u{200F}GET", "POST"], "b")];
    assert_eq!(
        messages(&lint(&bank(items), &glossary())),
        [
            "web, item w1: options[a] (ar) carries the invisible direction mark U+200F; the app sets direction itself",
            "web, item w1: options[a] (en) carries the invisible direction mark U+200F; the app sets direction itself",
        ]
    );
}
