//! What Kafaa keeps on the device, with its schema version and migrations.
//!
//! Loading never fails as a whole: a part that cannot be read is set aside (kept verbatim for
//! the UI to store under another key and report), and everything else is kept.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::attempt::Attempt;
use super::guidance::LocalFile;
use super::referral::CounselorKey;
use super::session::ClassSession;
use super::sorting::sort_stable_by;

/// The schema this version writes. Bump it with a step in [`migrate`] when the shape changes.
pub const STORE_SCHEMA: u64 = 5;

/// Everything saved on this device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub schema: u64,
    /// The attempt in progress, saved after every answer.
    pub current: Option<Attempt>,
    /// Finished attempts, oldest first.
    pub history: Vec<Attempt>,
    /// Answers to the interest questionnaire: item id → +1 like, 0 not sure, −1 dislike.
    pub interests: BTreeMap<String, i8>,
    /// A school's or counselor's own specialties and tracks, used instead of the shipped ones.
    pub guidance_file: Option<LocalFile>,
    /// Classroom sessions this device created (a teacher's), with their keys and the result
    /// codes imported so far (schema 4).
    pub sessions: Vec<ClassSession>,
    /// A counselor's private notes, by result (schema 4).
    pub notes: BTreeMap<String, String>,
    /// A counselor's key pair, whose link learners and teachers seal results to (schema 5).
    pub counselor: Option<Kept<CounselorKey>>,
}

/// A part of the store that only some documents read: held as the JSON text it was stored
/// as (a string inside the store) and read where it is used, so a document that never reads
/// it carries no code to read it (the self-assessment's first load has no reader for a
/// counselor's key). A value that does not read is kept as it is, never dropped.
#[derive(Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kept<T> {
    json: String,
    #[serde(skip)]
    of: PhantomData<T>,
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Kept { json: self.json.clone(), of: PhantomData }
    }
}

impl<T> PartialEq for Kept<T> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<T: Serialize + DeserializeOwned> Kept<T> {
    pub fn new(value: &T) -> Self {
        Kept { json: serde_json::to_string(value).unwrap_or_default(), of: PhantomData }
    }

    /// The value, or why it does not read.
    pub fn read(&self) -> Result<T, String> {
        serde_json::from_str(&self.json).map_err(|e| e.to_string())
    }
}

/// A part of the stored data that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub part: Part,
    pub reason: StoreProblem,
    /// The unreadable data as it was, so that nothing is thrown away.
    pub raw: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Everything,
    Current,
    /// A history entry, by its position in the stored list.
    History(usize),
    Interests,
    GuidanceFile,
    /// A classroom session, by its position in the stored list.
    Session(usize),
    Notes,
    Counselor,
    /// Set aside on the device that made an export file, and carried in it as it was.
    Earlier,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreProblem {
    NotJson,
    /// Saved by a newer Kafaa than this one.
    NewerSchema(u64),
    /// No schema, or one that was never written by Kafaa.
    UnknownSchema,
    /// Readable JSON of the wrong shape; the detail is for developers.
    Malformed(String),
}

/// The result of loading: what could be read, and what was set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub stored: Stored,
    pub set_aside: Vec<SetAside>,
}

impl Stored {
    pub fn new() -> Self {
        Stored {
            schema: STORE_SCHEMA,
            current: None,
            history: Vec::new(),
            interests: BTreeMap::new(),
            guidance_file: None,
            sessions: Vec::new(),
            notes: BTreeMap::new(),
            counselor: None,
        }
    }

    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings, numbers and vectors cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Adds another store's finished attempts that this one lacks (by id), its attempt in
    /// progress if there is none here, its interest answers to questions not answered here,
    /// its training file if there is none here, its sessions (and result codes) and notes;
    /// returns how many attempts were added.
    pub fn merge(&mut self, other: Stored) -> usize {
        let mut added = 0;
        for attempt in other.history {
            if self.find(&attempt.id).is_none() {
                self.history.push(attempt);
                added += 1;
            }
        }
        sort_stable_by(&mut self.history, |a, b| {
            a.finished_at.unwrap_or(0.0).total_cmp(&b.finished_at.unwrap_or(0.0))
        });
        if self.current.is_none() && other.current.is_some() {
            self.current = other.current;
            added += 1;
        }
        for (item, answer) in other.interests {
            self.interests.entry(item).or_insert(answer);
        }
        if self.guidance_file.is_none() {
            self.guidance_file = other.guidance_file;
        }
        for theirs in other.sessions {
            match self.sessions.iter_mut().find(|s| s.session.id == theirs.session.id) {
                Some(ours) => {
                    // An export made without keys leaves them empty: a later one with the key
                    // gives it back.
                    if ours.secret_key.is_empty() {
                        ours.secret_key = theirs.secret_key;
                    }
                    for code in theirs.codes {
                        if !ours.codes.contains(&code) {
                            ours.codes.push(code);
                        }
                    }
                    for id in theirs.excluded {
                        if !ours.excluded.contains(&id) {
                            ours.excluded.push(id);
                        }
                    }
                }
                None => self.sessions.push(theirs),
            }
        }
        for (key, note) in other.notes {
            self.notes.entry(key).or_insert(note);
        }
        // A counselor key exported without its secret is no key to keep.
        if self.counselor.is_none() {
            self.counselor = other.counselor.filter(|k| !k.json.contains(r#""secret_key":"""#));
        }
        added
    }

    pub fn find(&self, attempt_id: &str) -> Option<&Attempt> {
        self.history.iter().find(|a| a.id == attempt_id)
    }

    /// Takes a finished attempt out of the history to continue it, if `change` succeeds.
    /// Refused while another attempt is in progress, which must not be lost.
    pub fn reopen(&mut self, id: &str, change: impl FnOnce(&mut Attempt) -> bool) -> bool {
        if self.current.is_some() {
            return false;
        }
        let Some(pos) = self.history.iter().position(|a| a.id == id) else { return false };
        let mut attempt = self.history[pos].clone();
        if !change(&mut attempt) {
            return false;
        }
        self.history.remove(pos);
        self.current = Some(attempt);
        true
    }

    /// Moves the attempt in progress to the history, stamped with `now`.
    pub fn finish_current(&mut self, now: f64) -> Option<String> {
        let mut attempt = self.current.take()?;
        attempt.finished_at = Some(now);
        let id = attempt.id.clone();
        self.history.push(attempt);
        Some(id)
    }
}

/// The marker and version of an export file ("My data").
const EXPORT_FORMAT: u64 = 1;

/// Everything stored, as one file the user keeps: the store, the interface language and any
/// data that was set aside because it could not be read. The secret keys of classroom
/// sessions and of a counselor's link are left out (empty) unless `keys`: with a key, anyone
/// holding the file can open that class's (or that counselor's) result codes, so it leaves
/// the device only when the user says so.
pub fn export(stored: &Stored, language: Option<&str>, set_aside: &[String], now: f64, keys: bool) -> String {
    let mut store: Value = serde_json::from_str(&stored.to_json()).unwrap_or(Value::Null);
    if !keys {
        if let Some(Value::Array(sessions)) = store.get_mut("sessions") {
            for session in sessions {
                session["secret_key"] = Value::from("");
            }
        }
        if let Some(Value::String(text)) = store.get_mut("counselor") {
            if let Ok(mut key) = serde_json::from_str::<Value>(text) {
                key["secret_key"] = Value::from("");
                *text = key.to_string();
            }
        }
    }
    let file = serde_json::json!({
        "kafaa_export": EXPORT_FORMAT,
        "exported_at": now,
        "language": language,
        "store": store,
        "set_aside": set_aside,
    });
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads an export file: its store goes through [`load`], so it is migrated and its unreadable
/// parts are set aside like stored data; a file that is not an export is refused.
pub fn import(text: &str) -> Result<Loaded, StoreProblem> {
    let value: Value = serde_json::from_str(text).map_err(|_| StoreProblem::NotJson)?;
    match value.get("kafaa_export").and_then(Value::as_u64) {
        Some(EXPORT_FORMAT) => {}
        Some(n) if n > EXPORT_FORMAT => return Err(StoreProblem::NewerSchema(n)),
        _ => return Err(StoreProblem::UnknownSchema),
    }
    let store = value.get("store").ok_or(StoreProblem::Malformed("no store in the file".into()))?;
    let mut loaded = load(Some(&store.to_string()));
    // What the exporting device could not read travels on, so that nothing is thrown away.
    let earlier = value.get("set_aside").and_then(Value::as_array).into_iter().flatten();
    loaded.set_aside.extend(earlier.filter_map(Value::as_str).map(|raw| SetAside {
        part: Part::Earlier,
        reason: StoreProblem::Malformed("set aside on the device that made the export".into()),
        raw: raw.to_string(),
    }));
    Ok(loaded)
}

/// Reads stored data; `None` (nothing stored yet) gives an empty store.
pub fn load(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded { stored: Stored::new(), set_aside: vec![] } };
    let whole = |reason| Loaded {
        stored: Stored::new(),
        set_aside: vec![SetAside { part: Part::Everything, reason, raw: raw.to_string() }],
    };
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(_) => return whole(StoreProblem::NotJson),
    };
    let mut value = match migrate(value) {
        Ok(v) => v,
        Err(reason) => return whole(reason),
    };
    let mut loaded = Loaded { stored: Stored::new(), set_aside: vec![] };
    match value.get_mut("current").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(v) => match read_attempt(&v) {
            Ok(a) => loaded.stored.current = Some(a),
            Err(reason) => {
                loaded.set_aside.push(SetAside { part: Part::Current, reason, raw: v.to_string() })
            }
        },
    }
    match value.get_mut("history").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(Value::Array(entries)) => {
            for (i, v) in entries.into_iter().enumerate() {
                match read_attempt(&v) {
                    Ok(a) => loaded.stored.history.push(a),
                    Err(reason) => {
                        loaded.set_aside.push(SetAside { part: Part::History(i), reason, raw: v.to_string() })
                    }
                }
            }
        }
        Some(other) => loaded.set_aside.push(SetAside {
            part: Part::History(0),
            reason: StoreProblem::Malformed("history is not a list".into()),
            raw: other.to_string(),
        }),
    }
    match value.get_mut("interests").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(v) => match BTreeMap::<String, i8>::deserialize(&v) {
            Ok(answers) => loaded.stored.interests = answers,
            Err(e) => loaded.set_aside.push(SetAside {
                part: Part::Interests,
                reason: StoreProblem::Malformed(e.to_string()),
                raw: v.to_string(),
            }),
        },
    }
    match value.get_mut("sessions").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(Value::Array(entries)) => {
            for (i, v) in entries.into_iter().enumerate() {
                match ClassSession::deserialize(&v) {
                    Ok(s) => loaded.stored.sessions.push(s),
                    Err(e) => loaded.set_aside.push(SetAside {
                        part: Part::Session(i),
                        reason: StoreProblem::Malformed(e.to_string()),
                        raw: v.to_string(),
                    }),
                }
            }
        }
        Some(other) => loaded.set_aside.push(SetAside {
            part: Part::Session(0),
            reason: StoreProblem::Malformed("sessions is not a list".into()),
            raw: other.to_string(),
        }),
    }
    match value.get_mut("notes").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(v) => match BTreeMap::<String, String>::deserialize(&v) {
            Ok(notes) => loaded.stored.notes = notes,
            Err(e) => loaded.set_aside.push(SetAside {
                part: Part::Notes,
                reason: StoreProblem::Malformed(e.to_string()),
                raw: v.to_string(),
            }),
        },
    }
    match value.get_mut("counselor").map(Value::take) {
        None | Some(Value::Null) => {}
        // Read where it is used (`Kept`); only what cannot be a key at all is set aside here.
        Some(Value::String(json)) => loaded.stored.counselor = Some(Kept { json, of: PhantomData }),
        Some(v) => loaded.set_aside.push(SetAside {
            part: Part::Counselor,
            reason: StoreProblem::Malformed("the counselor key is not kept as text".into()),
            raw: v.to_string(),
        }),
    }
    match value.get_mut("guidance_file").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(v) => match LocalFile::deserialize(&v) {
            Ok(file) => loaded.stored.guidance_file = Some(file),
            Err(e) => loaded.set_aside.push(SetAside {
                part: Part::GuidanceFile,
                reason: StoreProblem::Malformed(e.to_string()),
                raw: v.to_string(),
            }),
        },
    }
    loaded
}

/// Brings stored data of any earlier schema to [`STORE_SCHEMA`], one step at a time, so data
/// from any earlier version is upgraded rather than dropped.
pub fn migrate(mut value: Value) -> Result<Value, StoreProblem> {
    loop {
        let schema = value.get("schema").and_then(Value::as_u64).ok_or(StoreProblem::UnknownSchema)?;
        value = match schema {
            STORE_SCHEMA => return Ok(value),
            1 => v1_to_v2(value),
            2 => v2_to_v3(value),
            3 => v3_to_v4(value),
            4 => v4_to_v5(value),
            n if n > STORE_SCHEMA => return Err(StoreProblem::NewerSchema(n)),
            _ => return Err(StoreProblem::UnknownSchema),
        };
    }
}

/// Schema 2 added modes and certainty-based marking. Attempts of schema 1 were drawn once,
/// like a fixed form, without certainty.
fn v1_to_v2(mut value: Value) -> Value {
    let upgrade = |attempt: &mut Value| {
        if let Some(obj) = attempt.as_object_mut() {
            let len = obj.get("items").and_then(Value::as_array).map_or(0, Vec::len);
            obj.insert("mode".into(), Value::from("fixed"));
            obj.insert("certainty".into(), Value::from(false));
            obj.insert("certainties".into(), Value::Array(vec![Value::Null; len]));
            obj.insert("extension".into(), Value::Null);
        }
    };
    if let Some(current) = value.get_mut("current") {
        upgrade(current);
    }
    if let Some(history) = value.get_mut("history").and_then(Value::as_array_mut) {
        history.iter_mut().for_each(upgrade);
    }
    value["schema"] = Value::from(2);
    value
}

/// Schema 3 added the interest questionnaire's answers (and the optional `guidance_file`).
fn v2_to_v3(mut value: Value) -> Value {
    value["interests"] = Value::Object(Default::default());
    value["schema"] = Value::from(3);
    value
}

/// Schema 4 added classroom sessions and notes; attempts may carry their seconds per item
/// and their session (both optional, so older attempts read as they are).
fn v3_to_v4(mut value: Value) -> Value {
    value["sessions"] = Value::Array(Vec::new());
    value["notes"] = Value::Object(Default::default());
    value["schema"] = Value::from(4);
    value
}

/// Schema 5 added a counselor's key pair (none until the counselor makes one).
fn v4_to_v5(mut value: Value) -> Value {
    value["counselor"] = Value::Null;
    value["schema"] = Value::from(5);
    value
}

fn read_attempt(v: &Value) -> Result<Attempt, StoreProblem> {
    let attempt = Attempt::deserialize(v).map_err(|e| StoreProblem::Malformed(e.to_string()))?;
    attempt.check().map_err(|why| StoreProblem::Malformed(why.into()))?;
    Ok(attempt)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
