use proptest::prelude::*;

use super::*;
use crate::engine::attempt::Answer;
use crate::engine::testing::session;
use crate::engine::testing::{fixed_attempt, sample_bank};

fn stored_with_history() -> Stored {
    let bank = sample_bank(2, 5);
    let mut s = Stored::new();
    s.current = Some(fixed_attempt(&bank, &["d0"], 3, 1));
    s.current.as_mut().unwrap().answer(Some(Answer::Bool(true)));
    s.finish_current(20.0);
    s.current = Some(fixed_attempt(&bank, &["d1"], 3, 2));
    s.current.as_mut().unwrap().go_to(2);
    s
}

#[test]
fn round_trips() {
    let s = stored_with_history();
    let loaded = load(Some(&s.to_json()));
    assert_eq!(loaded.set_aside, vec![]);
    assert_eq!(loaded.stored, s);
    assert_eq!(loaded.stored.history[0].finished_at, Some(20.0));
    assert_eq!(loaded.stored.current.as_ref().unwrap().current, 2);
}

/// Data saved by the first version (schema 1) loads, upgraded, with nothing lost.
#[test]
fn schema_1_data_is_migrated() {
    let v1 = r#"{"schema":1,"current":{"id":"a","bank":"kafaa-starter","seed":5,"domains":["d0"],
        "items":["d0-0","d0-1"],"answers":[{"choice":"b"},null],"current":1,"started_at":1.0,"finished_at":null},
        "history":[{"id":"h","bank":"kafaa-starter","seed":6,"domains":["d0"],"items":["d0-2"],
        "answers":[{"bool":true}],"current":0,"started_at":2.0,"finished_at":3.0}]}"#;
    let l = load(Some(v1));
    assert_eq!(l.set_aside, vec![]);
    let current = l.stored.current.unwrap();
    assert_eq!(current.mode, "fixed");
    assert_eq!(current.certainties, vec![None, None]);
    assert_eq!(current.answers[0], Some(Answer::Choice("b".into())));
    assert_eq!(current.current, 1);
    assert_eq!(l.stored.history[0].finished_at, Some(3.0));
    assert_eq!(l.stored.schema, STORE_SCHEMA);
}

#[test]
fn nothing_stored_is_an_empty_store() {
    assert_eq!(load(None), Loaded { stored: Stored::new(), set_aside: vec![] });
}

#[test]
fn unreadable_data_is_set_aside_whole() {
    let l = load(Some("{not json"));
    assert_eq!(l.stored, Stored::new());
    assert_eq!(l.set_aside[0].reason, StoreProblem::NotJson);
    assert_eq!(l.set_aside[0].raw, "{not json");
    let l = load(Some(r#"{"schema": 9, "history": []}"#));
    assert_eq!(l.set_aside[0].reason, StoreProblem::NewerSchema(9));
    let l = load(Some(r#"{"history": []}"#));
    assert_eq!(l.set_aside[0].reason, StoreProblem::UnknownSchema);
}

#[test]
fn one_bad_entry_is_set_aside_and_the_rest_kept() {
    let s = stored_with_history();
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    let good = v["history"][0].clone();
    v["history"] = serde_json::json!([{"id": 3}, good]);
    v["current"]["current"] = serde_json::json!(99);
    let l = load(Some(&v.to_string()));
    assert_eq!(l.stored.history, s.history);
    assert_eq!(l.stored.current, None);
    let parts: Vec<Part> = l.set_aside.iter().map(|x| x.part.clone()).collect();
    assert_eq!(parts, vec![Part::Current, Part::History(0)]);
    assert_eq!(l.set_aside[1].raw, r#"{"id":3}"#);
}

proptest! {
    #[test]
    fn any_text_loads_without_panic(raw in "\\PC{0,300}") {
        let l = load(Some(&raw));
        prop_assert_eq!(l.stored.schema, STORE_SCHEMA);
    }

    #[test]
    fn any_byte_change_loads_without_panic(pos in 0usize..2000, byte in 0u8..128) {
        let mut raw = stored_with_history().to_json().into_bytes();
        let i = pos % raw.len();
        raw[i] = byte;
        let text = String::from_utf8_lossy(&raw);
        let l = load(Some(&text));
        // Whatever was kept is consistent enough to show.
        for a in l.stored.history.iter().chain(l.stored.current.iter()) {
            prop_assert!(a.check().is_ok());
        }
    }
}

#[test]
fn export_then_import_restores_the_same_history_and_merges_without_duplicates() {
    let s = stored_with_history();
    let file = export(&s, Some("ar"), &["{broken".to_string()], 99.0, true);
    let imported = import(&file).expect("an export reads back");
    assert_eq!(imported.stored, s);
    // The part the exporting device had set aside comes along, as it was.
    let kept: Vec<(&Part, &str)> = imported.set_aside.iter().map(|p| (&p.part, p.raw.as_str())).collect();
    assert_eq!(kept, [(&Part::Earlier, "{broken")]);

    let mut empty = Stored::new();
    assert_eq!(empty.merge(imported.stored.clone()), 2, "one finished attempt and the one in progress");
    assert_eq!(empty, s);
    assert_eq!(empty.merge(imported.stored), 0, "importing twice adds nothing");
}

#[test]
fn an_export_leaves_session_keys_out_unless_asked_and_a_later_one_gives_them_back() {
    use crate::engine::session::ClassSession;
    let mut s = Stored::new();
    s.sessions.push(ClassSession::create(session("", ""), 0.0));
    let secret = s.sessions[0].secret_key.clone();
    let without = export(&s, None, &[], 1.0, false);
    assert!(!without.contains(&secret));
    let with = export(&s, None, &[], 1.0, true);
    assert!(with.contains(&secret));
    let mut device = Stored::new();
    device.merge(import(&without).unwrap().stored);
    assert_eq!(device.sessions[0].secret_key, "");
    device.merge(import(&with).unwrap().stored);
    assert_eq!(device.sessions[0].secret_key, secret);
}

#[test]
fn files_that_are_not_exports_are_refused() {
    assert_eq!(import("{not json"), Err(StoreProblem::NotJson));
    assert_eq!(import(r#"{"schema": 2}"#), Err(StoreProblem::UnknownSchema));
    assert_eq!(import(r#"{"kafaa_export": 7}"#), Err(StoreProblem::NewerSchema(7)));
    let partly = import(r#"{"kafaa_export": 1, "store": {"schema": 2, "history": [{"id": 1}]}}"#).unwrap();
    assert_eq!(partly.set_aside.len(), 1);
}

#[test]
fn a_local_training_file_is_kept_exported_and_set_aside_when_unreadable() {
    use crate::engine::guidance::LocalFile;
    let mut s = stored_with_history();
    s.guidance_file = Some(LocalFile { name: "school.json".into(), text: "{\"schema\": 1}".into() });
    assert_eq!(load(Some(&s.to_json())).stored.guidance_file, s.guidance_file);
    let mut fresh = Stored::new();
    fresh.merge(s.clone());
    assert_eq!(fresh.guidance_file, s.guidance_file, "an import brings the file when there is none");
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    v["guidance_file"] = serde_json::json!({"name": 3});
    let l = load(Some(&v.to_string()));
    assert_eq!(l.stored.guidance_file, None);
    assert_eq!(l.set_aside[0].part, Part::GuidanceFile);
    assert_eq!(l.stored.history, s.history, "the rest is kept");
}

#[test]
fn interests_round_trip_and_bad_ones_are_set_aside() {
    let mut s = stored_with_history();
    s.interests.insert("i01".into(), 1);
    s.interests.insert("i02".into(), -1);
    assert_eq!(load(Some(&s.to_json())).stored.interests, s.interests);
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    v["interests"] = serde_json::json!({"i01": "very"});
    let l = load(Some(&v.to_string()));
    assert!(l.stored.interests.is_empty());
    assert_eq!(l.set_aside[0].part, Part::Interests);
    assert_eq!(l.stored.history, s.history);
}

#[test]
fn sessions_and_notes_are_kept_merged_and_set_aside_one_by_one() {
    use crate::engine::session::ClassSession;
    let class = |id: &str| ClassSession {
        session: session(id, "k"),
        secret_key: "s".into(),
        codes: vec!["KAFAA-a".into()],
        created_at: 1.0,
        excluded: vec![],
    };
    let mut s = stored_with_history();
    s.sessions = vec![class("00000000000000aa"), class("00000000000000bb")];
    s.notes.insert("r1".into(), "Aime les réseaux".into());
    let l = load(Some(&s.to_json()));
    assert_eq!((l.stored.sessions.clone(), l.stored.notes.clone()), (s.sessions.clone(), s.notes.clone()));

    // Merging adds new codes to a known session and new sessions, never duplicates.
    let mut other = Stored::new();
    let mut known = class("00000000000000aa");
    known.codes.push("KAFAA-b".into());
    other.sessions = vec![known, class("00000000000000cc")];
    let mut merged = s.clone();
    merged.merge(other);
    assert_eq!(merged.sessions.len(), 3);
    assert_eq!(merged.sessions[0].codes, ["KAFAA-a", "KAFAA-b"]);

    // One unreadable session is set aside; the others and the rest stay.
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    v["sessions"][0]["secret_key"] = serde_json::json!(5);
    let l = load(Some(&v.to_string()));
    assert_eq!(l.stored.sessions, s.sessions[1..]);
    assert_eq!(l.set_aside[0].part, Part::Session(0));
    assert_eq!(l.stored.history, s.history);
}

#[test]
fn schema_3_data_gains_empty_sessions_and_notes() {
    let v3 = r#"{"schema":3,"current":null,"history":[],"interests":{"i01":1}}"#;
    let l = load(Some(v3));
    assert_eq!(l.set_aside, vec![]);
    assert_eq!(l.stored.schema, STORE_SCHEMA);
    assert!(l.stored.sessions.is_empty() && l.stored.notes.is_empty());
    assert_eq!(l.stored.interests.get("i01"), Some(&1));
}

#[test]
fn a_counselor_key_is_kept_exported_without_its_secret_unless_asked_and_set_aside_when_unreadable() {
    use crate::engine::referral::CounselorKey;
    let mut s = Stored::new();
    let key = CounselorKey::create("Career office", 2.0);
    s.counselor = Some(Kept::new(&key));
    assert_eq!(s.counselor.as_ref().unwrap().read(), Ok(key.clone()));
    let secret = key.secret_key.clone();
    assert_eq!(load(Some(&s.to_json())).stored, s);
    let without = export(&s, None, &[], 1.0, false);
    assert!(!without.contains(&secret));
    let mut device = Stored::new();
    device.merge(import(&without).unwrap().stored);
    assert_eq!(device.counselor, None, "a key without its secret opens nothing, so none is kept");
    device.merge(import(&export(&s, None, &[], 1.0, true)).unwrap().stored);
    assert_eq!(device.counselor, s.counselor);

    // A key that does not read is kept as it is (the counselor's page says so); what is not
    // even an object is set aside.
    let broken = r#"{"schema":5,"current":null,"history":[],"counselor":"{\"link\":7}"}"#;
    let l = load(Some(broken));
    assert_eq!(l.set_aside, vec![]);
    assert!(l.stored.counselor.as_ref().unwrap().read().is_err());
    assert!(load(Some(&l.stored.to_json())).stored.counselor.is_some(), "kept when saved again");
    let l = load(Some(r#"{"schema":5,"current":null,"history":[],"counselor":[1]}"#));
    assert_eq!(l.set_aside.len(), 1);
    assert_eq!(l.set_aside[0].part, Part::Counselor);
    assert_eq!(l.stored.counselor, None);
}

#[test]
fn schema_4_data_gains_no_counselor_key_and_keeps_everything_else() {
    let v4 = r#"{"schema":4,"current":null,"history":[],"interests":{"i01":-1},"sessions":[],"notes":{"x":"met on Monday"}}"#;
    let l = load(Some(v4));
    assert_eq!(l.set_aside, vec![]);
    assert_eq!(l.stored.schema, STORE_SCHEMA);
    assert_eq!(l.stored.counselor, None);
    assert_eq!(l.stored.notes.get("x").map(String::as_str), Some("met on Monday"));
    assert_eq!(l.stored.interests.get("i01"), Some(&-1));
}
