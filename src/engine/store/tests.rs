use proptest::prelude::*;
use serde_json::Value;

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
    assert_eq!(load(None), Loaded { stored: Stored::new(), set_aside: vec![], unread: vec![] });
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
    s.sessions.push(Rc::new(ClassSession::create(session("", ""), 0.0)));
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
    s.sessions = vec![Rc::new(class("00000000000000aa")), Rc::new(class("00000000000000bb"))];
    Rc::make_mut(&mut s.notes).insert("r1".into(), "Aime les réseaux".into());
    let l = load(Some(&s.to_json()));
    assert_eq!((l.stored.sessions.clone(), l.stored.notes.clone()), (s.sessions.clone(), s.notes.clone()));

    // Merging adds new codes to a known session and new sessions, never duplicates.
    let mut other = Stored::new();
    let mut known = class("00000000000000aa");
    known.codes.push("KAFAA-b".into());
    other.sessions = vec![Rc::new(known), Rc::new(class("00000000000000cc"))];
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
    assert_eq!(s.counselor.as_ref().unwrap().read(CounselorKey::read), Ok(key.clone()));
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
    assert!(l.stored.counselor.as_ref().unwrap().read(CounselorKey::read).is_err());
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

/// Storage as a map of keys, as localStorage holds them.
#[derive(Default)]
struct Device(crate::engine::sorted::SortedMap<String, String>);

impl Device {
    /// Writes the changes as ui::storage does, refusing the keys `full` (a quota reached);
    /// returns the keys written.
    fn write_but(&mut self, changes: Vec<Change>, full: &[&str]) -> Vec<String> {
        let mut written = Vec::new();
        let mut keys = Vec::new();
        for c in changes {
            let done = c.requires.iter().all(|&i| written[i]) && !full.contains(&c.key.as_str());
            if done {
                keys.push(c.key.clone());
                match c.value {
                    Some(json) => self.0.insert(c.key, json),
                    None => self.0.remove(&c.key),
                };
            }
            written.push(done);
        }
        keys
    }

    fn write(&mut self, changes: Vec<Change>) -> Vec<String> {
        self.write_but(changes, &[])
    }

    /// Reads it back as a document that shows sessions does.
    fn load(&self) -> (Loaded, bool) {
        let sessions: Vec<String> =
            self.0.keys().filter(|k| k.starts_with(SESSION_PREFIX)).cloned().collect();
        load_from(|key| self.0.get(key).cloned(), &sessions, Some(&SESSION_CODEC))
    }
}

/// A teacher's store: a history, a session of `codes` result codes, another session, notes.
fn teachers_store(codes: usize) -> Stored {
    use crate::engine::session::ClassSession;
    let mut s = stored_with_history();
    let mut class = ClassSession::create(session("", ""), 5.0);
    class.codes = (0..codes).map(|i| format!("KAFAA-{i:0>400}")).collect();
    s.sessions = vec![Rc::new(class), Rc::new(ClassSession::create(session("", ""), 6.0))];
    Rc::make_mut(&mut s.notes).insert("r1".into(), "Aime les réseaux".into());
    s
}

#[test]
fn a_store_kept_in_parts_reads_back_the_same() {
    let s = teachers_store(3);
    let mut device = Device::default();
    let keys = device.write(s.changes(None, Some(&SESSION_CODEC)));
    assert_eq!(keys.len(), 5, "two sessions, notes, history, then the head: {keys:?}");
    assert_eq!(keys.last().map(String::as_str), Some(HEAD), "the head is written last");
    let (loaded, legacy) = device.load();
    assert!(!legacy);
    assert_eq!(loaded.set_aside, vec![]);
    assert_eq!(loaded.stored, s);
}

#[test]
fn an_answer_rewrites_only_the_head_and_an_import_only_its_session() {
    let s = teachers_store(2_000);
    let mut next = s.clone();
    next.current.as_mut().unwrap().go_to(0);
    let keys = |changes: Vec<Change>| changes.into_iter().map(|c| c.key).collect::<Vec<_>>();
    assert_eq!(keys(next.changes(Some(&s), Some(&SESSION_CODEC))), [HEAD]);
    assert!(s.changes(Some(&s), Some(&SESSION_CODEC)).is_empty(), "nothing changed, nothing written");

    let mut imported = s.clone();
    Rc::make_mut(&mut imported.sessions[1]).codes.push("KAFAA-new".into());
    let id = &imported.sessions[1].session.id;
    assert_eq!(keys(imported.changes(Some(&s), Some(&SESSION_CODEC))), [format!("{SESSION_PREFIX}{id}")]);

    // A session removed: its key goes, and nothing else is written.
    let mut removed = s.clone();
    let gone = removed.sessions.remove(0);
    let changes = removed.changes(Some(&s), Some(&SESSION_CODEC));
    assert_eq!(
        changes,
        [Change { key: format!("{SESSION_PREFIX}{}", gone.session.id), value: None, requires: vec![] }]
    );
    let finished = {
        let mut f = s.clone();
        f.finish_current(30.0);
        f
    };
    assert_eq!(keys(finished.changes(Some(&s), Some(&SESSION_CODEC))), [HISTORY, HEAD]);
}

#[test]
fn a_full_storage_never_loses_an_attempt_moving_between_head_and_history() {
    let s = teachers_store(3);
    let mut device = Device::default();
    device.write(s.changes(None, Some(&SESSION_CODEC)));
    // Finishing: the history cannot be written, so the head keeps the attempt in progress.
    let mut finished = s.clone();
    finished.finish_current(30.0);
    assert!(device.write_but(finished.changes(Some(&s), Some(&SESSION_CODEC)), &[HISTORY]).is_empty());
    assert_eq!(device.load().0.stored, s, "still in progress, not lost");
    // Continuing a finished attempt: the head is written first; if it cannot be, the history
    // keeps the attempt.
    let mut device = Device::default();
    device.write(finished.changes(None, Some(&SESSION_CODEC)));
    let mut reopened = finished.clone();
    let id = reopened.history.last().unwrap().id.clone();
    assert!(reopened.reopen(&id, |_| true));
    assert!(device.write_but(reopened.changes(Some(&finished), Some(&SESSION_CODEC)), &[HEAD]).is_empty());
    assert_eq!(device.load().0.stored, finished);
    // Stopped between the two writes (the head written, the history not): the attempt is in
    // both, and reads as the finished one.
    device.write_but(reopened.changes(Some(&finished), Some(&SESSION_CODEC)), &[HISTORY]);
    assert_eq!(device.load().0.stored, finished);
    // A new session that cannot be written does not hold back the answer.
    let mut added = finished.clone();
    added.sessions.push(Rc::new(crate::engine::session::ClassSession::create(session("", ""), 9.0)));
    added.current = s.current.clone();
    let new = format!("{SESSION_PREFIX}{}", added.sessions[2].session.id);
    assert_eq!(
        device.write_but(added.changes(Some(&finished), Some(&SESSION_CODEC)), &[new.as_str()]),
        [HEAD]
    );
    // An update of a session that cannot be written does not stop the answer being saved.
    let mut device = Device::default();
    device.write(s.changes(None, Some(&SESSION_CODEC)));
    let mut both = s.clone();
    Rc::make_mut(&mut both.sessions[0]).codes.push("KAFAA-more".into());
    both.current.as_mut().unwrap().go_to(0);
    let full = format!("{SESSION_PREFIX}{}", s.sessions[0].session.id);
    assert_eq!(device.write_but(both.changes(Some(&s), Some(&SESSION_CODEC)), &[full.as_str()]), [HEAD]);
    assert_eq!(device.load().0.stored.current, both.current);
}

#[test]
fn an_earlier_schema_with_a_history_and_a_2000_code_session_moves_to_parts_intact() {
    let s = teachers_store(2_000);
    // As Kafaa kept it before (schema 4: one key, no counselor).
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    v["schema"] = Value::from(4);
    v.as_object_mut().unwrap().remove("counselor");
    let mut device = Device::default();
    device.0.insert(HEAD.into(), v.to_string());
    let (loaded, legacy) = device.load();
    assert!(legacy, "read from the single key, to be written in parts");
    assert_eq!(loaded.set_aside, vec![]);
    assert_eq!(loaded.stored, s);
    assert_eq!(loaded.stored.sessions[0].codes.len(), 2_000);
    device.write(loaded.stored.changes(None, Some(&SESSION_CODEC)));
    let (again, legacy) = device.load();
    assert!(!legacy);
    assert_eq!(again.stored, s);
    // The head an answer rewrites is small; the codes are in their session's key.
    assert!(device.0[HEAD].len() < 4_000, "head of {} bytes", device.0[HEAD].len());
    assert!(device.0[&format!("{SESSION_PREFIX}{}", s.sessions[0].session.id)].len() > 800_000);
}

#[test]
fn an_unreadable_part_is_set_aside_and_the_others_are_kept() {
    let s = teachers_store(3);
    let mut device = Device::default();
    device.write(s.changes(None, Some(&SESSION_CODEC)));
    let broken = format!("{SESSION_PREFIX}{}", s.sessions[0].session.id);
    device.0.insert(broken.clone(), "{not json".into());
    device.0.insert(NOTES.into(), "[1, 2".into());
    let (loaded, _) = device.load();
    let parts: Vec<&Part> = loaded.set_aside.iter().map(|p| &p.part).collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0], &Part::Notes);
    assert!(matches!(parts[1], Part::Session(_)));
    assert_eq!(loaded.set_aside[1].raw, "{not json");
    assert_eq!(loaded.stored.history, s.history);
    assert_eq!(loaded.stored.sessions, s.sessions[1..].to_vec());
    assert!(loaded.stored.notes.is_empty());
}

#[test]
fn a_document_without_sessions_neither_reads_nor_writes_them_and_moves_an_earlier_store_intact() {
    let s = teachers_store(20);
    let mut device = Device::default();
    device.0.insert(HEAD.into(), s.to_json().replace("\"schema\":6", "\"schema\":5"));
    // The self-assessment reads the earlier store without its sessions, and keeps them as they are.
    let (loaded, legacy) = load_from(|key| device.0.get(key).cloned(), &[], None);
    assert!(legacy);
    assert!(loaded.stored.sessions.is_empty());
    assert_eq!(loaded.unread.len(), 2);
    assert_eq!(loaded.stored.history, s.history);
    for (key, json) in loaded.unread {
        device.0.insert(key, json);
    }
    let mut next = loaded.stored.clone();
    next.current.as_mut().unwrap().go_to(1);
    let written = device.write(next.changes(None, None));
    assert!(written.iter().all(|k| !k.starts_with(SESSION_PREFIX)), "{written:?}");
    // The classroom then finds every session with its codes.
    let (again, legacy) = device.load();
    assert!(!legacy);
    assert_eq!(again.stored.sessions, s.sessions);
    assert_eq!(again.stored.current, next.current);
}

#[test]
fn parts_written_before_any_head_are_read() {
    // A new device: a session is made (its key written) while nothing else has changed.
    let base = Stored::new();
    let mut s = base.clone();
    s.sessions.push(Rc::new(crate::engine::session::ClassSession::create(session("", ""), 1.0)));
    let mut device = Device::default();
    assert_eq!(device.write(s.changes(Some(&base), Some(&SESSION_CODEC))).len(), 1);
    assert!(!device.0.contains_key(HEAD));
    let (loaded, legacy) = device.load();
    assert!(!legacy);
    assert_eq!(loaded.stored, s);
    let (nothing, legacy) = Device::default().load();
    assert_eq!((nothing.stored, nothing.set_aside, legacy), (Stored::new(), vec![], false), "nothing stored");
}

#[test]
fn a_teachers_questions_have_a_key_of_their_own_travel_in_exports_and_merge_by_id() {
    use crate::engine::bank::Difficulty;
    use crate::engine::interchange::gift;
    use crate::engine::own_bank::OwnBank;
    let bank = |text: &str| {
        let mut b = OwnBank::default();
        b.add(&gift::read(text, "en").drafts, "en", Difficulty::Medium);
        Rc::new(b.to_json())
    };
    let s = teachers_store(1);
    let mut with = s.clone();
    with.questions = Some(bank("One? {T}\n\nTwo? {=a ~b}"));
    let mut device = Device::default();
    device.write(s.changes(None, Some(&SESSION_CODEC)));
    let keys: Vec<String> = with.changes(Some(&s), Some(&SESSION_CODEC)).into_iter().map(|c| c.key).collect();
    assert_eq!(keys, [QUESTIONS], "adding questions writes them alone");
    device.write(with.changes(Some(&s), Some(&SESSION_CODEC)));
    let (loaded, _) = device.load();
    assert_eq!(loaded.stored, with);
    assert!(with.changes(Some(&with.clone()), Some(&SESSION_CODEC)).is_empty());

    // Through "My data": exported, imported and merged with another device's questions.
    let exported = export(&with, Some("en"), &[], 1.0, false);
    let mut other = Stored::new();
    other.questions = Some(bank("Two? {=a ~b}\n\nThree? {F}"));
    other.merge(import(&exported).expect("export").stored);
    let merged = OwnBank::parse(other.questions.as_deref().expect("questions")).expect("valid");
    let texts: Vec<&str> = merged.items.iter().map(|i| i.stem.get("en")).collect();
    assert_eq!(texts, ["Two?", "Three?", "One?"]);

    // Removed: the key goes.
    let mut removed = with.clone();
    removed.questions = None;
    assert_eq!(
        removed.changes(Some(&with), Some(&SESSION_CODEC)),
        [Change { key: QUESTIONS.into(), value: None, requires: vec![] }]
    );
}

#[test]
fn the_parts_are_written_as_the_whole_store_serializes_them() {
    use crate::engine::guidance::LocalFile;
    let mut s = stored_with_history();
    s.current = s.history.last().cloned();
    s.interests.insert("i1".into(), -1);
    s.guidance_file = Some(LocalFile { name: "school.json".into(), text: "{\"a\": \"\\n\"}".into() });
    s.counselor = Some(Kept::new(&crate::engine::referral::CounselorKey::create("Office", 1.0)));
    Rc::make_mut(&mut s.notes).insert("r1".into(), "Call \"back\"".into());
    let whole = serde_json::to_value(&s).unwrap();
    let parts: SortedMap<String, Value> = s
        .changes(None, None)
        .into_iter()
        .map(|c| (c.key, serde_json::from_str(&c.value.unwrap()).unwrap()))
        .collect();
    assert_eq!(parts[HISTORY], whole["history"]);
    assert_eq!(parts[NOTES], whole["notes"]);
    for key in ["schema", "current", "interests", "guidance_file", "counselor"] {
        assert_eq!(parts[HEAD][key], whole[key], "{key}");
    }
    // The whole store (an export's), sessions and keys included, is written byte for byte as
    // serde wrote it before `to_json`.
    let mut class = crate::engine::session::ClassSession::create(session("s1", "k"), 2.0);
    class.codes.push("code".into());
    s.sessions.push(Rc::new(class));
    s.questions = Some(Rc::new("{}".into()));
    assert_eq!(s.to_json(), serde_json::to_string(&s).unwrap());
}
