use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

fn item(id: &str) -> Value {
    json!({
        "id": id, "domain": "d1", "subtopic": "s1", "type": "single_choice", "difficulty": "easy",
        "stem": {"en": "Which?"},
        "options": [{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}],
        "answer": "a",
        "explanation": {"en": "Because."}
    })
}

/// A domain file for domain `d1` with one sub-topic `s1`.
fn bank_with(items: Vec<Value>) -> Value {
    json!({
        "schema": 1, "domain": "d1",
        "subtopics": [{"id": "s1", "title": {"en": "S1"}, "frameworks": ["DigComp 2.2 1.1"]}],
        "items": items
    })
}

fn index(languages: &[&str]) -> Index {
    let text = json!({
        "schema": 1, "id": "test", "languages": languages, "title": {"en": "Test", "fr": "Test"},
        "domains": [{"id": "d1", "file": "domains/d1.json", "title": {"en": "D1", "fr": "D1"},
                     "description": {"en": "First", "fr": "Premier"}}]
    });
    Index::parse("content/index.json", &text.to_string()).expect("valid index")
}

/// Reads a domain file of `d1` and assembles the bank.
fn parse_in(languages: &[&str], v: &Value) -> Result<Bank, Vec<Problem>> {
    let index = index(languages);
    let file = DomainFile::parse(&index, &index.domains[0], &v.to_string())?;
    Ok(Bank::assemble(&index, |id| (id == "d1").then_some(&file)))
}

fn parse(v: &Value) -> Result<Bank, Vec<Problem>> {
    parse_in(&["en"], v)
}

fn problems(v: &Value) -> Vec<(Option<String>, String, ProblemKind)> {
    parse(v).expect_err("bank should be refused").into_iter().map(|p| (p.item, p.path, p.kind)).collect()
}

#[test]
fn a_valid_bank_reads_into_the_model() {
    let mut tf = item("i2");
    tf["type"] = json!("true_false");
    tf["answer"] = json!(false);
    tf.as_object_mut().unwrap().remove("options");
    let mut ms = item("i3");
    ms["type"] = json!("multiple_select");
    ms["options"] = json!([{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}, {"id": "c", "text": {"en": "C"}}]);
    ms["answer"] = json!(["a", "c"]);
    ms["code"] = json!("print(1)");
    let bank = parse(&bank_with(vec![item("i1"), tf, ms])).expect("valid");
    assert_eq!(bank.items.len(), 3);
    assert_eq!(
        bank.items[0].question,
        Question::SingleChoice {
            options: vec![
                Choice { id: "a".into(), text: Localized::en("A") },
                Choice { id: "b".into(), text: Localized::en("B") }
            ],
            answer: "a".into()
        }
    );
    assert_eq!(bank.items[1].question, Question::TrueFalse { answer: false });
    assert_eq!(bank.items[2].code.as_deref(), Some("print(1)"));
    assert!(
        matches!(&bank.items[2].question, Question::MultipleSelect { answers, .. } if answers.len() == 2)
    );
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let index = index(&["en"]);
    let err = DomainFile::parse(&index, &index.domains[0], "{\n  \"schema\": 1,\n  oops\n}").unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].kind, ProblemKind::Syntax { line: 3, column: 3 });
    assert_eq!(err[0].to_string(), "content/domains/d1.json: is not valid JSON (line 3, column 3)");
}

#[test]
fn every_broken_item_is_reported_with_its_id_and_field() {
    let mut no_answer = item("i2");
    no_answer.as_object_mut().unwrap().remove("answer");
    let mut bad_option = item("i3");
    bad_option["answer"] = json!("z");
    let mut bad_difficulty = item("i4");
    bad_difficulty["difficulty"] = json!("extreme");
    let found = problems(&bank_with(vec![item("i1"), no_answer, bad_option, bad_difficulty]));
    assert_eq!(
        found,
        vec![
            (Some("i2".into()), "items[1].answer".into(), ProblemKind::Missing),
            (Some("i3".into()), "items[2].answer".into(), ProblemKind::UnknownOption { id: "z".into() }),
            (
                Some("i4".into()),
                "items[3].difficulty".into(),
                ProblemKind::UnknownDifficulty { found: "extreme".into() }
            ),
        ]
    );
}

#[test]
fn declared_languages_are_required_everywhere() {
    let found: Vec<_> = parse_in(&["en", "fr"], &bank_with(vec![item("i1")]))
        .expect_err("French is missing")
        .into_iter()
        .map(|p| (p.item, p.path, p.kind))
        .collect();
    // Sub-topic title, stem, two options, explanation.
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(found.iter().all(|(_, _, k)| *k == ProblemKind::MissingLanguage { lang: "fr".into() }));
    assert!(found.contains(&(
        Some("i1".into()),
        "items[0].options[1].text".into(),
        ProblemKind::MissingLanguage { lang: "fr".into() }
    )));
}

#[test]
fn references_types_and_ids_are_checked() {
    let mut unknown_domain = item("i2");
    unknown_domain["domain"] = json!("nope");
    let mut unknown_sub = item("i3");
    unknown_sub["subtopic"] = json!("nope");
    let mut ordering = item("i4");
    ordering["type"] = json!("short_answer");
    let mut weird = item("i5");
    weird["type"] = json!("essay");
    let mut all_right = item("i6");
    all_right["type"] = json!("multiple_select");
    all_right["options"] = json!([{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}, {"id": "c", "text": {"en": "C"}}]);
    all_right["answer"] = json!(["a", "b", "c"]);
    let mut same_text = item("i7");
    same_text["options"][1]["text"]["en"] = json!("A");
    let found = problems(&bank_with(vec![
        item("i1"),
        unknown_domain,
        unknown_sub,
        ordering,
        weird,
        all_right,
        same_text,
        item("i1"),
    ]));
    let kinds: Vec<ProblemKind> = found.iter().map(|(_, _, k)| k.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            ProblemKind::UnknownDomain { id: "nope".into() },
            ProblemKind::UnknownSubtopic { id: "nope".into() },
            ProblemKind::UnsupportedType { found: "short_answer".into() },
            ProblemKind::UnknownType { found: "essay".into() },
            ProblemKind::BadAnswerSet,
            ProblemKind::DuplicateOptionText { lang: "en".into() },
            ProblemKind::DuplicateId { id: "i1".into() },
        ]
    );
    assert_eq!(found[6].1, "items[7].id");
}

#[test]
fn wrong_types_and_schema_are_reported() {
    let mut bank = bank_with(vec![item("i1")]);
    bank["schema"] = json!(7);
    assert_eq!(
        problems(&bank),
        vec![(None, "schema".into(), ProblemKind::UnsupportedSchema { found: "7".into() })]
    );
    let mut other = bank_with(vec![item("i1")]);
    other["domain"] = json!("d9");
    assert_eq!(
        problems(&other),
        vec![(None, "domain".into(), ProblemKind::UnknownDomain { id: "d9".into() })]
    );

    let mut bank = bank_with(vec![json!("not an item")]);
    bank["subtopics"] = json!([]);
    let found = problems(&bank);
    assert!(found.contains(&(None, "subtopics".into(), ProblemKind::Empty)), "{found:?}");

    let bank = bank_with(vec![json!(3)]);
    assert_eq!(
        problems(&bank),
        vec![(None, "items[0]".into(), ProblemKind::WrongType { expected: Expected::Object }),]
    );

    assert_eq!(
        problems(&json!([])),
        vec![(None, "".into(), ProblemKind::WrongType { expected: Expected::Object })]
    );
}

#[test]
fn a_domain_file_without_items_is_an_error() {
    assert_eq!(problems(&bank_with(vec![])), vec![(None, "items".into(), ProblemKind::Empty)]);
}

#[test]
fn ordering_and_matching_are_read_and_checked() {
    let mut ordering = item("o1");
    ordering["type"] = json!("ordering");
    ordering["options"] = json!([{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}, {"id": "c", "text": {"en": "C"}}]);
    ordering["answer"] = json!(["b", "c", "a"]);
    let mut matching = item("m1");
    matching["type"] = json!("matching");
    matching["options"] = json!([{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}]);
    matching["targets"] = json!([{"id": "t1", "text": {"en": "1"}}, {"id": "t2", "text": {"en": "2"}}, {"id": "t3", "text": {"en": "3"}}]);
    matching["answer"] = json!({"a": "t2", "b": "t1"});
    let bank = parse(&bank_with(vec![ordering.clone(), matching.clone()])).expect("valid");
    assert!(matches!(&bank.items[0].question, Question::Ordering { order, .. } if order == &["b", "c", "a"]));
    assert!(matches!(&bank.items[1].question, Question::Matching { pairs, .. } if pairs.len() == 2));

    let mut in_order = ordering.clone();
    in_order["id"] = json!("o2");
    in_order["answer"] = json!(["a", "b", "c"]);
    let mut missing = ordering.clone();
    missing["id"] = json!("o3");
    missing["answer"] = json!(["a", "b"]);
    let mut twice = matching.clone();
    twice["id"] = json!("m2");
    twice["answer"] = json!({"a": "t1", "b": "t1"});
    let mut unknown = matching.clone();
    unknown["id"] = json!("m3");
    unknown["answer"] = json!({"a": "t9", "b": "t1"});
    assert_eq!(
        problems(&bank_with(vec![in_order, missing, twice, unknown])),
        vec![
            (Some("o2".into()), "items[0].options".into(), ProblemKind::AlreadyInOrder),
            (Some("o3".into()), "items[1].answer".into(), ProblemKind::BadOrder),
            (Some("m2".into()), "items[2].answer".into(), ProblemKind::BadPairs),
            (Some("m3".into()), "items[3].answer.a".into(), ProblemKind::UnknownOption { id: "t9".into() }),
            (Some("m3".into()), "items[3].answer".into(), ProblemKind::BadPairs),
        ]
    );
}

#[test]
fn the_index_checks_its_domain_entries() {
    let text = json!({
        "schema": 1, "id": "x", "languages": ["en"], "title": {"en": "X"},
        "domains": [{"id": "d1", "file": "../secret.json", "title": {"en": "D1"}, "description": {"en": "x"}},
                    {"id": "d2", "file": "domains/d2.json", "title": {"en": "D2"}, "description": {"en": "x"}},
                    {"id": "d2", "file": "domains/d3.json", "title": {"en": "D3"}, "description": {"en": "x"}}]
    });
    let err = Index::parse("content/index.json", &text.to_string()).unwrap_err();
    let found: Vec<String> = err.iter().map(|p| format!("{}: {}", p.path, p.kind)).collect();
    assert_eq!(
        found,
        [
            "domains[0].file: must be a .json file inside content/",
            "domains[2].id: id \"d2\" is used more than once"
        ]
    );
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[a-z0-9_ ]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("type".to_string()),
                    Just("answer".to_string()),
                    Just("options".to_string()),
                    Just("en".to_string()),
                    Just("items".to_string()),
                    "[a-z]{1,5}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_is_read_or_refused_without_panic(v in arb_json()) {
        let _ = parse(&v);
    }

    #[test]
    fn any_single_field_change_in_a_valid_item_is_read_or_refused(field in 0usize..8, replacement in arb_json()) {
        let mut it = item("i1");
        let keys = ["id", "domain", "subtopic", "type", "difficulty", "stem", "options", "answer"];
        it[keys[field]] = replacement;
        if let Err(problems) = parse(&bank_with(vec![it])) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_panic(s in "\\PC{0,200}") {
        let index = index(&["en"]);
        let _ = DomainFile::parse(&index, &index.domains[0], &s);
    }
}

#[test]
fn the_chance_of_a_blind_guess_follows_the_question_type() {
    let choices = |n: usize| {
        (0..n).map(|i| Choice { id: format!("o{i}"), text: Localized::en("x") }).collect::<Vec<_>>()
    };
    let single = Question::SingleChoice { options: choices(4), answer: "o0".into() };
    let multiple = Question::MultipleSelect { options: choices(5), answers: ["o0".to_string()].into() };
    let ordering = Question::Ordering { options: choices(4), order: vec![] };
    let matching = Question::Matching { options: choices(4), targets: choices(5), pairs: Default::default() };
    assert_eq!(Question::TrueFalse { answer: true }.chance(), 0.5);
    assert_eq!(single.chance(), 0.25);
    assert_eq!(multiple.chance(), 1.0 / 31.0);
    assert_eq!(ordering.chance(), 1.0 / 24.0);
    // 5 × 4 × 3 × 2 ways to give four options distinct targets among five.
    assert_eq!(matching.chance(), 1.0 / 120.0);
}

#[test]
fn irt_parameters_are_read_checked_or_derived_from_difficulty() {
    let mut calibrated = item("i1");
    calibrated["irt"] = json!({"a": 1.7, "b": -0.4, "c": 0.2});
    let mut hard = item("i2");
    hard["difficulty"] = json!("hard");
    let bank = parse(&bank_with(vec![calibrated, hard])).expect("valid");
    assert_eq!(bank.items[0].irt, ItemParams { a: 1.7, b: -0.4, c: 0.2 });
    // A hard single choice between two options: b = 1, guessed right half the time.
    assert_eq!(bank.items[1].irt, ItemParams { a: 1.0, b: 1.0, c: 0.5 });

    let mut bad = item("i3");
    bad["irt"] = json!({"a": 0, "b": 9, "c": "x"});
    assert_eq!(
        problems(&bank_with(vec![bad])),
        vec![
            (
                Some("i3".into()),
                "items[0].irt.a".into(),
                ProblemKind::OutOfRange { range: Range::AboveZeroAtMostFour }
            ),
            (
                Some("i3".into()),
                "items[0].irt.b".into(),
                ProblemKind::OutOfRange { range: Range::MinusFourToFour }
            ),
            (
                Some("i3".into()),
                "items[0].irt.c".into(),
                ProblemKind::WrongType { expected: Expected::Number }
            ),
        ]
    );
}

#[test]
fn options_are_shown_in_an_order_of_the_attempt_that_a_reload_keeps() {
    let choices = |n: usize| {
        (0..n).map(|i| Choice { id: format!("o{i}"), text: Localized::en("x") }).collect::<Vec<_>>()
    };
    let mut item = crate::engine::testing::sample_bank(1, 1).items[0].clone();
    item.question = Question::SingleChoice { options: choices(5), answer: "o0".into() };
    let ids = |i: &Item| i.question.options().iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    // The same seed gives the same order; across seeds the key's place varies.
    assert_eq!(ids(&item.shuffled(7)), ids(&item.shuffled(7)));
    let places: SortedSet<usize> =
        (0..40).map(|seed| ids(&item.shuffled(seed)).iter().position(|id| id == "o0").unwrap()).collect();
    assert_eq!(places.len(), 5, "the key appears in every position");
    // Shuffling changes the order shown, never the key or the set of options.
    let shown = item.shuffled(3);
    assert_eq!(crate::engine::score::key(&shown.question), crate::engine::score::key(&item.question));
    let mut sorted = ids(&shown);
    sorted.sort();
    assert_eq!(sorted, ids(&item));
}

proptest! {
    #[test]
    fn an_ordering_item_never_starts_in_its_answer_order(seed: u64, n in 2usize..7) {
        let options: Vec<Choice> = (0..n).map(|i| Choice { id: format!("o{i}"), text: Localized::en("x") }).collect();
        let order: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
        let mut item = crate::engine::testing::sample_bank(1, 1).items[0].clone();
        item.question = Question::Ordering { options, order: order.clone() };
        let shown = item.shuffled(seed);
        let shown: Vec<String> = shown.question.options().iter().map(|o| o.id.clone()).collect();
        prop_assert_ne!(shown, order);
    }
}
