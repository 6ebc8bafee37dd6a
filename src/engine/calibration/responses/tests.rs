use proptest::prelude::*;

use super::*;

const FILE: &str = "class.json";

fn kinds(text: &str) -> Vec<(String, Option<String>, ProblemKind)> {
    ResponseFile::parse(FILE, text)
        .expect_err("refused")
        .into_iter()
        .map(|p| {
            assert_eq!(p.file, FILE);
            (p.path, p.item, p.kind)
        })
        .collect()
}

fn record(language: &str, responses: &[(&str, bool)]) -> Record {
    Record::new(language, "quick", responses.iter().map(|(i, r)| (i.to_string(), *r)))
}

#[test]
fn reads_a_file_and_sorts_its_records() {
    let text = r#"{"schema": 1, "kind": "kafaa-responses", "records": [
        {"language": "fr", "mode": "full", "responses": {"web-02": 0, "web-01": 1}},
        {"language": "ar", "mode": "quick", "responses": {"web-01": 1}}
    ]}"#;
    let file = ResponseFile::parse(FILE, text).unwrap();
    assert_eq!(file.records.len(), 2);
    assert_eq!(file.records[0], record("ar", &[("web-01", true)]));
    assert_eq!(file.records[1].language, "fr");
    assert_eq!(file.records[1].mode, "full");
    assert_eq!(
        file.records[1].responses,
        SortedMap::from([("web-01".into(), true), ("web-02".into(), false)])
    );
}

#[test]
fn the_dashboard_file_keeps_no_order_and_no_empty_record() {
    let class = vec![
        record("fr", &[("b", true), ("a", false)]),
        record("en", &[]),
        record("ar", &[("a", true)]),
        record("en", &[("a", true)]),
    ];
    let mut reversed = class.clone();
    reversed.reverse();
    let file = ResponseFile::anonymous(class);
    assert_eq!(file, ResponseFile::anonymous(reversed), "the class's order does not show");
    let languages: Vec<&str> = file.records.iter().map(|r| r.language.as_str()).collect();
    assert_eq!(languages, ["ar", "en", "fr"]);
    assert_eq!(ResponseFile::parse(FILE, &file.to_json()), Ok(file));
}

#[test]
fn an_item_listed_twice_keeps_its_first_answer() {
    let r = record("en", &[("a", true), ("a", false)]);
    assert_eq!(r.responses, SortedMap::from([("a".into(), true)]));
}

#[test]
fn merge_joins_files_in_canonical_order() {
    let one = ResponseFile::anonymous([record("fr", &[("a", true)]), record("en", &[("a", false)])]);
    let two = ResponseFile::anonymous([record("en", &[("a", false)]), record("ar", &[("b", true)])]);
    let merged = ResponseFile::merge([one.clone(), two.clone()]);
    assert_eq!(merged.records.len(), 4, "identical records from two learners both count");
    assert_eq!(merged, ResponseFile::merge([two, one]));
    assert!(merged.records.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn wrong_schema_or_kind_stops_reading() {
    let k = kinds(r#"{"schema": 2, "kind": "kafaa-responses", "records": "x"}"#);
    assert_eq!(k, [("schema".into(), None, ProblemKind::UnsupportedSchema { found: "2".into() })]);
    let k = kinds(r#"{"schema": 1, "kind": "kafaa-calibration", "records": []}"#);
    let detail = r#""kafaa-calibration" where this file has "kafaa-responses""#.to_string();
    assert_eq!(k, [("kind".into(), None, ProblemKind::Shape { line: 0, column: 0, detail })]);
    let k = kinds(r#"{"records": []}"#);
    assert_eq!(
        k,
        [("schema".into(), None, ProblemKind::Missing), ("kind".into(), None, ProblemKind::Missing)]
    );
    assert!(matches!(kinds("[1, 2")[0].2, ProblemKind::Syntax { line: 1, .. }));
    assert_eq!(kinds("[]"), [(String::new(), None, ProblemKind::WrongType { expected: Expected::Object })]);
}

#[test]
fn every_bad_value_is_reported_with_its_path_and_item() {
    let text = r#"{"schema": 1, "kind": "kafaa-responses", "records": [
        {"language": "en", "mode": "quick", "responses": {"a": 2, "b": 0.5, "c": true, "d": -1, "e": 1}},
        {"language": "", "mode": 3, "responses": {}},
        {"language": "fr", "mode": "quick"},
        "learner"
    ]}"#;
    let integer = ProblemKind::WrongType { expected: Expected::Integer };
    let range = ProblemKind::OutOfRange { range: Range::ZeroToOne };
    assert_eq!(
        kinds(text),
        [
            ("records[0].responses.a".into(), Some("a".into()), range.clone()),
            ("records[0].responses.b".into(), Some("b".into()), integer.clone()),
            ("records[0].responses.c".into(), Some("c".into()), integer),
            ("records[0].responses.d".into(), Some("d".into()), range),
            ("records[1].language".into(), None, ProblemKind::Empty),
            ("records[1].mode".into(), None, ProblemKind::WrongType { expected: Expected::String }),
            ("records[1].responses".into(), None, ProblemKind::Empty),
            ("records[2].responses".into(), None, ProblemKind::Missing),
            ("records[3]".into(), None, ProblemKind::WrongType { expected: Expected::Object }),
        ]
    );
}

/// Anything that could identify a learner has no field to go in, and is refused.
#[test]
fn unknown_fields_are_refused() {
    let text = r#"{"schema": 1, "kind": "kafaa-responses", "teacher": "Ms K", "records": [
        {"language": "en", "mode": "quick", "name": "Amal", "attempt": "x1", "responses": {"a": 1}}
    ]}"#;
    assert_eq!(
        kinds(text),
        [
            ("teacher".into(), None, ProblemKind::Unexpected),
            // In the file's order.
            ("records[0].name".into(), None, ProblemKind::Unexpected),
            ("records[0].attempt".into(), None, ProblemKind::Unexpected),
        ]
    );
}

#[test]
fn hostile_sizes_are_refused_without_listing_everything() {
    let huge = " ".repeat(MAX_BYTES + 1);
    assert!(matches!(&kinds(&huge)[..], [(path, None, ProblemKind::Shape { .. })] if path.is_empty()));

    let many: Vec<String> = (0..=MAX_ITEMS_PER_RECORD).map(|i| format!("\"i{i}\": 1")).collect();
    let text = format!(
        r#"{{"schema": 1, "kind": "kafaa-responses", "records": [{{"language": "en", "mode": "q", "responses": {{{}}}}}]}}"#,
        many.join(",")
    );
    assert!(
        matches!(&kinds(&text)[..], [(path, None, ProblemKind::Shape { .. })] if path == "records[0].responses")
    );

    let long_id = "x".repeat(MAX_ID_CHARS + 1);
    let long_language = "l".repeat(MAX_LANGUAGE_CHARS + 1);
    let text = format!(
        r#"{{"schema": 1, "kind": "kafaa-responses", "records": [{{"language": "{long_language}", "mode": "q", "responses": {{"{long_id}": 1}}}}]}}"#
    );
    let k = kinds(&text);
    assert_eq!(k.len(), 2);
    assert_eq!(k[0].0, "records[0].language");
    assert_eq!(k[1].0, format!("records[0].responses.{long_id}"));

    // A million bad records give a bounded list of problems.
    let bad = vec![r#"{"language": "en", "mode": "q", "responses": {"a": 7}}"#; 100_000].join(",");
    let text = format!(r#"{{"schema": 1, "kind": "kafaa-responses", "records": [{bad}]}}"#);
    assert_eq!(kinds(&text).len(), super::super::walker::MAX_PROBLEMS);

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(kinds(&deep)[0].2, ProblemKind::Syntax { .. }), "nesting stops at serde_json's limit");
}

fn records() -> impl Strategy<Value = Vec<Record>> {
    let id = "[a-z0-9\\-\"\\\\é ع]{1,12}";
    let record = (
        prop::sample::select(vec!["en", "fr", "ar", "pt-BR"]),
        prop::sample::select(vec!["quick", "full", "fixed"]),
        prop::collection::btree_map(id, any::<bool>(), 1..20),
    )
        .prop_map(|(language, mode, responses)| Record {
            language: language.into(),
            mode: mode.into(),
            responses: responses.into_iter().collect(),
        });
    prop::collection::vec(record, 1..30)
}

proptest! {
    #[test]
    fn writing_then_reading_gives_the_same_file(records in records()) {
        let records: Vec<Record> =
            records.into_iter().filter(|r| r.responses.keys().all(|k| !k.trim().is_empty())).collect();
        prop_assume!(!records.is_empty());
        let file = ResponseFile::anonymous(records);
        prop_assert_eq!(ResponseFile::parse(FILE, &file.to_json()), Ok(file));
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = ResponseFile::parse(FILE, &text);
    }
}

#[test]
fn a_learners_history_gives_one_anonymous_record_per_quiz_in_its_language() {
    use crate::engine::testing::{fixed_attempt, right_answer, sample_bank};
    let bank = sample_bank(2, 6);
    let mut first = fixed_attempt(&bank, &["d0"], 4, 1);
    for i in 0..first.items.len() {
        first.go_to(i);
        // Two right, one wrong, one left unanswered.
        let item = bank.item(&first.items[i]).unwrap();
        match i {
            0 | 1 => first.answer(Some(right_answer(item))),
            2 => first.answer(Some(crate::engine::score::wrong_answer(&item.question))),
            _ => {}
        }
    }
    first.lang = Some("ar".into());
    let mut second = fixed_attempt(&bank, &["d1"], 2, 2);
    for i in 0..second.items.len() {
        second.go_to(i);
        second.answer(Some(right_answer(bank.item(&second.items[i]).unwrap())));
    }
    let file = ResponseFile::of_history(&bank, &[first.clone(), second]);
    assert_eq!(file.records.len(), 2);
    let ar = file.records.iter().find(|r| r.language == "ar").unwrap();
    assert_eq!(ar.mode, first.mode);
    assert_eq!(ar.responses.len(), 3, "the unanswered item is left out");
    assert_eq!(ar.responses.values().filter(|r| **r).count(), 2);
    // An attempt saved before the language was kept says so.
    assert!(file.records.iter().any(|r| r.language == UNDETERMINED));
    let text = file.to_json();
    // Nothing but the language, the mode and the responses: no id, time or label.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    for record in value["records"].as_array().unwrap() {
        let mut keys: Vec<&String> = record.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["language", "mode", "responses"]);
    }
    assert_eq!(ResponseFile::parse(FILE, &text).unwrap(), file);
}
