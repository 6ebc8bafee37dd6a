use serde_json::{json, Value};

use super::*;
use crate::engine::bank::{Difficulty, Domain, Subtopic};
use crate::engine::result_code::{Response, Submission};
use crate::engine::sorted::{SortedMap, SortedSet};
use crate::engine::testing::SETTINGS;

const HOME: &str = "https://school.example/kafaa/";

fn text(en: &str) -> Localized {
    Localized(SortedMap::from([
        ("en".to_string(), en.to_string()),
        ("fr".to_string(), format!("{en} (fr)")),
        ("ar".to_string(), format!("{en} (ar)")),
    ]))
}

fn choices(ids: &[&str]) -> Vec<Choice> {
    ids.iter().map(|id| Choice { id: id.to_string(), text: text(&format!("Option {id}")) }).collect()
}

fn item(id: &str, question: Question) -> Item {
    Item {
        id: id.into(),
        domain: "d".into(),
        subtopic: "s".into(),
        difficulty: Difficulty::Medium,
        tags: vec![],
        stem: text(&format!("Stem of {id}")),
        code: None,
        irt: Difficulty::Medium.default_irt(&question),
        question,
        explanation: text("Because"),
    }
}

/// One item of each type: single choice (key b), multiple select (a and c), true/false
/// (true), ordering (c, a, b) and matching (a→t2, b→t1); the last id needs escaping.
fn bank() -> Bank {
    let mut sql = item("q/5 é", Question::TrueFalse { answer: false });
    sql.code = Some("SELECT 1;".into());
    Bank::new(
        "test".into(),
        vec!["en".into(), "fr".into(), "ar".into()],
        text("Bank"),
        vec![Domain {
            id: "d".into(),
            title: text("Domain"),
            description: text("About"),
            subtopics: vec![Subtopic { id: "s".into(), title: text("S"), frameworks: vec![] }],
        }],
        vec![
            item("single", Question::SingleChoice { options: choices(&["a", "b", "c"]), answer: "b".into() }),
            item(
                "multiple",
                Question::MultipleSelect {
                    options: choices(&["a", "b", "c"]),
                    answers: SortedSet::from(["a".into(), "c".into()]),
                },
            ),
            item("tf", Question::TrueFalse { answer: true }),
            item(
                "order",
                Question::Ordering {
                    options: choices(&["a", "b", "c"]),
                    order: vec!["c".into(), "a".into(), "b".into()],
                },
            ),
            item(
                "match",
                Question::Matching {
                    options: choices(&["a", "b"]),
                    targets: choices(&["t1", "t2"]),
                    pairs: SortedMap::from([("a".into(), "t2".into()), ("b".into(), "t1".into())]),
                },
            ),
            sql,
        ],
    )
}

fn session(languages: &[&str]) -> Session {
    Session {
        id: "00000000000000aa".into(),
        title: "Classe de 3e B".into(),
        domains: vec!["d".into()],
        mode: "fixed".into(),
        items_per_domain: None,
        minutes: None,
        languages: languages.iter().map(|l| l.to_string()).collect(),
        seed: 1,
        public_key: String::new(),
        questions: None,
    }
}

fn submission(label: &str, answers: Vec<(&str, Option<Answer>)>) -> Submission {
    Submission {
        session: "00000000000000aa".into(),
        label: label.into(),
        responses: answers
            .into_iter()
            .enumerate()
            .map(|(i, (item, answer))| Response { item: item.into(), answer, seconds: 10 + i as u32 })
            .collect(),
    }
}

/// Amina answers everything right; Bilal answers wrong, skips the true/false item, and his
/// code names an item the bank does not have.
fn class() -> Vec<Submission> {
    let pairs = |p: &[(&str, &str)]| p.iter().map(|(s, t)| (s.to_string(), t.to_string())).collect();
    vec![
        submission(
            "Amina",
            vec![
                ("single", Some(Answer::Choice("b".into()))),
                ("multiple", Some(Answer::Choices(["a".to_string(), "c".to_string()].into()))),
                ("tf", Some(Answer::Bool(true))),
                ("order", Some(Answer::Order(vec!["c".into(), "a".into(), "b".into()]))),
                ("match", Some(Answer::Pairs(pairs(&[("a", "t2"), ("b", "t1")])))),
                ("q/5 é", Some(Answer::Bool(false))),
            ],
        ),
        submission(
            "بلال",
            vec![
                ("single", Some(Answer::Choice("a".into()))),
                ("multiple", Some(Answer::Choices(["b".to_string()].into()))),
                ("tf", None),
                ("gone", Some(Answer::Bool(true))),
                ("order", Some(Answer::Order(vec!["a".into(), "b".into(), "c".into()]))),
                ("match", Some(Answer::Pairs(pairs(&[("a", "t1"), ("b", "t2")])))),
            ],
        ),
    ]
}

/// The statements as text, read back by serde_json: the tests check what a record store reads.
fn written(report: &ClassReport, session: &Session, bank: &Bank) -> Value {
    serde_json::from_str(&statements(report, session, bank, HOME).to_string()).expect("JSON")
}

fn export(languages: &[&str]) -> Vec<Value> {
    let (bank, session) = (bank(), session(languages));
    let report = ClassReport::build(&bank, &SETTINGS, &session, &class());
    match written(&report, &session, &bank) {
        Value::Array(list) => list,
        other => panic!("not an array: {other}"),
    }
}

#[test]
fn responses_and_patterns_follow_the_xapi_formats() {
    let bank = bank();
    let q = |id: &str| &bank.item(id).unwrap().question;
    let cases = [
        ("single", Answer::Choice("a".into()), "a", "b"),
        ("multiple", Answer::Choices(["c".to_string(), "b".to_string()].into()), "b[,]c", "a[,]c"),
        ("multiple", Answer::Choices(SortedSet::new()), "", "a[,]c"),
        ("tf", Answer::Bool(false), "false", "true"),
        ("order", Answer::Order(vec!["b".into(), "c".into(), "a".into()]), "b[,]c[,]a", "c[,]a[,]b"),
        (
            "match",
            Answer::Pairs(SortedMap::from([("b".into(), "t2".into()), ("a".into(), "t1".into())])),
            "a[.]t1[,]b[.]t2",
            "a[.]t2[,]b[.]t1",
        ),
    ];
    for (id, answer, given, pattern) in cases {
        assert_eq!(response(q(id), &answer).as_deref(), Some(given), "{id}");
        assert_eq!(response(q(id), &key(q(id))).as_deref(), Some(pattern), "{id}");
    }
    // An answer of another shape (a forged code) has no response in the item's format.
    assert_eq!(response(q("tf"), &Answer::Choice("a".into())), None);
    assert_eq!(response(q("single"), &Answer::Bool(true)), None);
}

#[test]
fn uuids_are_deterministic_version_4_variant_1() {
    for name in ["", "a", "registration\n00000000000000aa\nx", "statement\nélève"] {
        let id = uuid(name);
        assert_eq!(id, uuid(name));
        assert_eq!(id.len(), 36, "{id}");
        for (i, c) in id.chars().enumerate() {
            if [8, 13, 18, 23].contains(&i) {
                assert_eq!(c, '-', "{id}");
            } else {
                assert!(c.is_ascii_hexdigit() && !c.is_ascii_uppercase(), "{id}");
            }
        }
        assert_eq!(id.as_bytes()[14], b'4', "version nibble in {id}");
        assert!(b"89ab".contains(&id.as_bytes()[19]), "variant bits in {id}");
    }
    assert_ne!(uuid("a"), uuid("b"));
}

#[test]
fn timestamps_are_utc_dates_written_by_hand() {
    assert_eq!(timestamp(0.0), "1970-01-01T00:00:00.000Z");
    assert_eq!(timestamp(1_709_210_096_789.0), "2024-02-29T12:34:56.789Z");
    assert_eq!(timestamp(1_796_637_600_000.0), "2026-12-07T10:00:00.000Z");
    assert_eq!(timestamp(946_684_799_999.0), "1999-12-31T23:59:59.999Z");
    assert_eq!(timestamp(951_868_800_000.0), "2000-03-01T00:00:00.000Z");
    assert_eq!(timestamp(-1.0), "1969-12-31T23:59:59.999Z");
    // Every day of 1999 to 2001 follows the one before (2000 is a leap year).
    let days: Vec<(i64, u32, u32)> = (10_592..11_688).map(civil_from_days).collect();
    assert_eq!(days[0], (1999, 1, 1));
    assert_eq!(days.iter().filter(|d| d.0 == 2000).count(), 366);
    assert!(days.contains(&(2000, 2, 29)) && !days.contains(&(2001, 2, 29)));
    assert_eq!(*days.last().unwrap(), (2001, 12, 31));
}

#[test]
fn one_answered_statement_per_answered_response_and_one_completed_per_student() {
    let list = export(&["en", "fr", "ar"]);
    let verbs: Vec<(&str, &str)> = list
        .iter()
        .map(|s| {
            let verb = s["verb"]["id"].as_str().unwrap();
            (s["actor"]["name"].as_str().unwrap(), verb.rsplit('/').next().unwrap())
        })
        .collect();
    // Bilal's skipped item and the item the bank does not have have no statement.
    let expected = [("Amina", 6), ("بلال", 4)]
        .iter()
        .flat_map(|(who, n)| std::iter::repeat_n((*who, "answered"), *n).chain([(*who, "completed")]))
        .collect::<Vec<_>>();
    assert_eq!(verbs, expected);
    let ids: SortedSet<&str> = list.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), list.len(), "statement ids are distinct");
    assert_eq!(list, export(&["en", "fr", "ar"]), "exporting twice gives the same statements");
    for s in &list {
        assert_eq!(s["version"], "1.0.3");
        assert_eq!(s["context"]["platform"], "Kafaa");
        assert!(s["context"].get("language").is_none(), "three languages: none stated");
        assert!(s.get("timestamp").is_none(), "a result code has no clock time");
    }
    let registrations = |who: &str| -> SortedSet<&str> {
        list.iter()
            .filter(|s| s["actor"]["name"] == who)
            .map(|s| s["context"]["registration"].as_str().unwrap())
            .collect()
    };
    assert_eq!(registrations("Amina").len(), 1);
    assert_ne!(registrations("Amina"), registrations("بلال"));
    assert_eq!(
        list[7]["actor"],
        json!({
            "objectType": "Agent",
            "name": "بلال",
            "account": { "homePage": HOME, "name": "بلال" },
        })
    );
}

#[test]
fn an_answered_statement_describes_the_interaction() {
    let list = export(&["ar"]);
    let matching = &list[4];
    assert_eq!(
        matching["object"],
        json!({
            "objectType": "Activity",
            "id": "https://school.example/kafaa/xapi/item/match",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "name": text("Stem of match"),
                "description": text("Stem of match"),
                "interactionType": "matching",
                "correctResponsesPattern": ["a[.]t2[,]b[.]t1"],
                "source": [
                    { "id": "a", "description": text("Option a") },
                    { "id": "b", "description": text("Option b") },
                ],
                "target": [
                    { "id": "t1", "description": text("Option t1") },
                    { "id": "t2", "description": text("Option t2") },
                ],
            },
        })
    );
    assert_eq!(
        matching["result"],
        json!({ "success": true, "response": "a[.]t2[,]b[.]t1", "duration": "PT14S" })
    );
    assert_eq!(matching["verb"]["id"], "http://adlnet.gov/expapi/verbs/answered");
    assert_eq!(
        matching["context"]["contextActivities"]["parent"][0]["id"],
        "https://school.example/kafaa/xapi/session/00000000000000aa"
    );
    assert_eq!(matching["context"]["language"], "ar", "the session allows Arabic only");
    let kinds: Vec<&str> =
        list[..6].iter().map(|s| s["object"]["definition"]["interactionType"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["choice", "choice", "true-false", "sequencing", "matching", "true-false"]);
    assert!(list[2]["object"]["definition"].get("choices").is_none());
    assert_eq!(list[3]["object"]["definition"]["choices"].as_array().unwrap().len(), 3);
    // The id is escaped; the description carries the code snippet.
    let sql = &list[5]["object"];
    assert_eq!(sql["id"], "https://school.example/kafaa/xapi/item/q%2F5%20%C3%A9");
    assert_eq!(sql["definition"]["description"]["fr"], "Stem of q/5 é (fr)\n\nSELECT 1;");
    // Bilal's wrong answers.
    assert_eq!(list[7]["result"]["success"], false);
    assert_eq!(list[8]["result"]["response"], "b");
    assert_eq!(list[9]["result"], json!({ "success": false, "response": "a[,]b[,]c", "duration": "PT14S" }));
}

#[test]
fn a_completed_statement_carries_the_overall_score() {
    let list = export(&["en"]);
    let amina = &list[6];
    assert_eq!(amina["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
    assert_eq!(
        amina["object"],
        json!({
            "objectType": "Activity",
            "id": "https://school.example/kafaa/xapi/session/00000000000000aa",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/assessment",
                "name": { "und": "Classe de 3e B" },
            },
        })
    );
    // 10 + 11 + ... + 15 seconds.
    let score = json!({ "raw": 6, "min": 0, "max": 6, "scaled": 1.0 });
    assert_eq!(amina["result"], json!({ "completion": true, "score": score, "duration": "PT75S" }));
    assert!(amina["context"].get("contextActivities").is_none());
    // Bilal: the skipped item counts as wrong, the unknown one not at all.
    let bilal = &list[11];
    assert_eq!(bilal["result"]["score"], json!({ "raw": 0, "min": 0, "max": 5, "scaled": 0.0 }));
    assert_eq!(bilal["context"]["language"], "en");
}

#[test]
fn an_attempt_with_times_has_timestamps() {
    let (bank, session) = (bank(), session(&["en"]));
    let mut report = ClassReport::build(&bank, &SETTINGS, &session, &class()[..1]);
    let start = 1_796_637_600_000.0; // 2026-12-07T10:00:00Z
    report.students[0].attempt.started_at = start;
    report.students[0].attempt.finished_at = Some(start + 80_000.0);
    let Value::Array(list) = written(&report, &session, &bank) else { panic!("an array") };
    // Each item when the student moved on: 10 s, then 11 s more, ...
    assert_eq!(list[0]["timestamp"], "2026-12-07T10:00:10.000Z");
    assert_eq!(list[1]["timestamp"], "2026-12-07T10:00:21.000Z");
    assert_eq!(list[6]["timestamp"], "2026-12-07T10:01:20.000Z");
}
