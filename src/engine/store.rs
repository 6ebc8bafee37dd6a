//! What Kafaa keeps on the device, with its schema version and migrations.
//!
//! Loading never fails as a whole: a part that cannot be read is set aside (kept verbatim for
//! the UI to store under another key and report), and everything else is kept.

use std::marker::PhantomData;
use std::rc::Rc;

use crate::engine::json::{Map, Value};

use super::attempt::Attempt;
use super::fields;
use super::guidance::LocalFile;
use super::problem::Problem;
use super::referral::CounselorKey;
use super::session::ClassSession;
use super::sorted::{SortedMap, SortedSet};
use super::sorting::sort_stable_by;
use super::to_json::{self, ToJson};

/// The schema this version writes. Bump it with a step in [`migrate`] when the shape changes.
pub const STORE_SCHEMA: u64 = 6;

/// Everything saved on this device.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Stored {
    pub schema: u64,
    /// The attempt in progress, saved after every answer.
    pub current: Option<Attempt>,
    /// Finished attempts, oldest first. Shared (`Rc`): copying the store to change the
    /// attempt in progress copies no history, and saving compares it by pointer.
    pub history: Rc<Vec<Attempt>>,
    /// Answers to the interest questionnaire: item id → +1 like, 0 not sure, −1 dislike.
    pub interests: SortedMap<String, i8>,
    /// A school's or counselor's own specialties and tracks, used instead of the shipped ones.
    pub guidance_file: Option<LocalFile>,
    /// Classroom sessions this device created (a teacher's), with their keys and the result
    /// codes imported so far (schema 4); each shared, so that a session of 2,000 codes is
    /// neither copied nor saved again when something else changes.
    pub sessions: Vec<Rc<ClassSession>>,
    /// A counselor's private notes, by result (schema 4).
    pub notes: Rc<SortedMap<String, String>>,
    /// A counselor's key pair, whose link learners and teachers seal results to (schema 5).
    pub counselor: Option<Kept<CounselorKey>>,
    /// A teacher's own questions (`own_bank::OwnBank`), as the JSON text they are kept in:
    /// read only where they are used, so other documents carry no reader for them. Under a
    /// key of their own, written only when they change (compared by pointer).
    pub questions: Option<Rc<String>>,
}

/// A part of the store that only some documents read: held as the JSON text it was stored
/// as (a string inside the store) and read where it is used, so a document that never reads
/// it carries no code to read it (the self-assessment's first load has no reader for a
/// counselor's key). A value that does not read is kept as it is, never dropped.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize), serde(transparent))]
pub struct Kept<T> {
    json: String,
    #[cfg_attr(test, serde(skip))]
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

impl<T: ToJson> Kept<T> {
    pub fn new(value: &T) -> Self {
        Kept { json: value.to_json(), of: PhantomData }
    }

    /// The value read by `read` (the type's own reader), or why it does not read.
    pub fn read(&self, read: fn(&Value) -> fields::Read<T>) -> Result<T, String> {
        let value: Value = Value::parse(&self.json)
            .map_err(|e| format!("not JSON at line {}, column {}", e.line, e.column))?;
        read(&value).map_err(|p| where_wrong(&p))
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
    /// A teacher's own questions.
    Questions,
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
    /// A part of the wrong shape: where and what, as data (from `fields`: formatting it here
    /// would bring every problem's English wording into each document's wasm).
    Unreadable(Box<Problem>),
}

/// The result of loading: what could be read, and what was set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub stored: Stored,
    pub set_aside: Vec<SetAside>,
    /// Sessions of an earlier schema's single key read by a document without the
    /// [`SessionCodec`], each as its key and JSON: to be written as they are, so that moving
    /// the store to parts loses none.
    pub unread: Vec<(String, String)>,
}

/// How a document reads and writes classroom sessions. Only the documents that use them (the
/// classroom, and "My data" in the careers document) are given it: the self-assessment
/// neither reads nor writes sessions' keys, and so carries no code for them.
#[derive(Clone, Copy)]
pub struct SessionCodec {
    pub read: fn(&Value) -> fields::Read<ClassSession>,
    pub write: fn(&ClassSession) -> Option<String>,
}

pub const SESSION_CODEC: SessionCodec = SessionCodec { read: ClassSession::read, write: |s| json(s) };

impl Stored {
    pub fn new() -> Self {
        Stored {
            schema: STORE_SCHEMA,
            current: None,
            history: Rc::default(),
            interests: SortedMap::new(),
            guidance_file: None,
            sessions: Vec::new(),
            notes: Rc::default(),
            counselor: None,
            questions: None,
        }
    }

    /// Adds another store's finished attempts that this one lacks (by id), its attempt in
    /// progress if there is none here, its interest answers to questions not answered here,
    /// its training file if there is none here, its sessions (and result codes) and notes;
    /// returns how many attempts were added.
    pub fn merge(&mut self, other: Stored) -> usize {
        let mut added = 0;
        let history = Rc::make_mut(&mut self.history);
        for attempt in Rc::unwrap_or_clone(other.history) {
            if !history.iter().any(|a| a.id == attempt.id) {
                history.push(attempt);
                added += 1;
            }
        }
        sort_stable_by(history, |a, b| a.finished_at.unwrap_or(0.0).total_cmp(&b.finished_at.unwrap_or(0.0)));
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
            let theirs = Rc::unwrap_or_clone(theirs);
            match self.sessions.iter_mut().find(|s| s.session.id == theirs.session.id) {
                Some(ours) => {
                    let ours = Rc::make_mut(ours);
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
                None => self.sessions.push(Rc::new(theirs)),
            }
        }
        let notes = Rc::make_mut(&mut self.notes);
        for (key, note) in Rc::unwrap_or_clone(other.notes) {
            notes.entry(key).or_insert(note);
        }
        self.questions = match (self.questions.take(), other.questions) {
            (Some(ours), Some(theirs)) => Some(merge_questions(ours, &theirs)),
            (ours, theirs) => ours.or(theirs),
        };
        // A counselor key exported without its secret is no key to keep.
        if self.counselor.is_none() {
            self.counselor = other.counselor.filter(|k| !k.json.contains(r#""secret_key":"""#));
        }
        added
    }

    /// Every domain the history's attempts measured, each once, in order: what the pages
    /// that list them need loaded. (A sorted set rather than `sort_unstable`, whose code
    /// cost careers.html's wasm 11 KB before gzip with the other sorts.)
    pub fn history_domains(&self) -> Vec<String> {
        let domains: SortedSet<String> =
            self.history.iter().flat_map(|a| a.domains.iter().cloned()).collect();
        domains.into_iter().collect()
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
        Rc::make_mut(&mut self.history).remove(pos);
        self.current = Some(attempt);
        true
    }

    /// Moves the attempt in progress to the history, stamped with `now`.
    pub fn finish_current(&mut self, now: f64) -> Option<String> {
        let mut attempt = self.current.take()?;
        attempt.finished_at = Some(now);
        let id = attempt.id.clone();
        Rc::make_mut(&mut self.history).push(attempt);
        Some(id)
    }
}

/// Where each part is kept (schema 6): the head — schema, attempt in progress, interests,
/// training file and counselor key — under [`HEAD`], the history, the notes, and each session
/// with its codes under keys of their own (found by their prefix). An answer rewrites the
/// head only; importing codes rewrites that one session; and when the browser's quota is
/// reached, a part that fits is still saved.
pub const HEAD: &str = "kafaa";
pub const HISTORY: &str = "kafaa.history";
pub const NOTES: &str = "kafaa.notes";
pub const SESSION_PREFIX: &str = "kafaa.session.";
pub const QUESTIONS: &str = "kafaa.questions";

/// Another device's questions added to ours: their sub-topics and items whose ids we lack
/// (an id names one question for good, see `own_bank`). Text that does not read as a
/// questions file is not ours to judge here: ours are kept as they are.
fn merge_questions(ours: Rc<String>, theirs: &str) -> Rc<String> {
    let (Ok(mut mine), Ok(other)) = (Value::parse(&ours), Value::parse(theirs)) else {
        return ours;
    };
    for list in ["subtopics", "items"] {
        let Some(Value::Array(have)) = mine.get_mut(list) else { continue };
        for entry in other.get(list).and_then(Value::as_array).into_iter().flatten() {
            let id = entry.get("id");
            if id.is_some() && !have.iter().any(|h| h.get("id") == id) {
                have.push(entry.clone());
            }
        }
    }
    Rc::new(mine.to_string())
}

/// The head part: what changes with every answer, and is small.
struct Head<'a> {
    schema: u64,
    current: &'a Option<Attempt>,
    interests: &'a SortedMap<String, i8>,
    guidance_file: &'a Option<LocalFile>,
    counselor: &'a Option<Kept<CounselorKey>>,
}

impl ToJson for Head<'_> {
    fn write(&self, out: &mut String) {
        to_json::object(out, |o| {
            o.field("schema", &self.schema)
                .field("current", self.current)
                .field("interests", self.interests)
                .field("guidance_file", self.guidance_file)
                .field("counselor", self.counselor);
        });
    }
}

/// The whole store, as one export file holds it (and as the store was kept before schema 6).
impl ToJson for Stored {
    fn write(&self, out: &mut String) {
        to_json::object(out, |o| {
            o.field("schema", &self.schema)
                .field("current", &self.current)
                .field("history", &self.history)
                .field("interests", &self.interests)
                .field("guidance_file", &self.guidance_file)
                .field("sessions", &self.sessions)
                .field("notes", &self.notes)
                .field("counselor", &self.counselor)
                .field("questions", &self.questions);
        });
    }
}

impl ToJson for LocalFile {
    fn write(&self, out: &mut String) {
        to_json::object(out, |o| {
            o.field("name", &self.name).field("text", &self.text);
        });
    }
}

/// As the JSON text it holds, in a string (as its `Serialize` writes it).
impl<T> ToJson for Kept<T> {
    fn write(&self, out: &mut String) {
        self.json.write(out);
    }
}

/// One part to write (or remove, `value: None`) to bring storage up to date.
#[derive(Debug, PartialEq)]
pub struct Change {
    pub key: String,
    pub value: Option<String>,
    /// Positions in the list of the changes that must have been written for this one to be:
    /// an attempt moving between the head and the history is never absent from both, and the
    /// history is never written without the head when the head's write was needed first.
    pub requires: Vec<usize>,
}

impl Stored {
    /// Every part that differs from `before` (what storage holds; `None` when it holds the
    /// store in the shape of an earlier schema, or nothing), in the order to write them. Large
    /// parts are compared by pointer: unchanged, they are the same `Rc`.
    pub fn changes(&self, before: Option<&Stored>, sessions: Option<&SessionCodec>) -> Vec<Change> {
        let mut out: Vec<Change> = Vec::new();
        let mut push = |key: String, value, requires| {
            out.push(Change { key, value, requires });
            out.len() - 1
        };
        if let Some(codec) = sessions {
            for s in &self.sessions {
                let old = before.and_then(|b| b.sessions.iter().find(|o| o.session.id == s.session.id));
                if old.is_none_or(|o| !Rc::ptr_eq(o, s)) {
                    push(format!("{SESSION_PREFIX}{}", s.session.id), (codec.write)(s), vec![]);
                }
            }
            for gone in before.iter().flat_map(|b| &b.sessions) {
                if !self.sessions.iter().any(|s| s.session.id == gone.session.id) {
                    push(format!("{SESSION_PREFIX}{}", gone.session.id), None, vec![]);
                }
            }
        }
        if before.is_none_or(|b| !Rc::ptr_eq(&b.notes, &self.notes)) {
            push(NOTES.to_string(), json(&*self.notes), vec![]);
        }
        let questions_changed = match (before.and_then(|b| b.questions.as_ref()), &self.questions) {
            (Some(old), Some(new)) => !Rc::ptr_eq(old, new),
            (None, None) => false,
            _ => true,
        };
        if questions_changed && (before.is_some() || self.questions.is_some()) {
            push(QUESTIONS.to_string(), self.questions.as_deref().cloned(), vec![]);
        }
        let history_changed = before.is_none_or(|b| !Rc::ptr_eq(&b.history, &self.history));
        let head_changed = before.is_none_or(|b| {
            b.current != self.current
                || b.interests != self.interests
                || b.guidance_file != self.guidance_file
                || b.counselor != self.counselor
        });
        let head = || {
            json(&Head {
                schema: STORE_SCHEMA,
                current: &self.current,
                interests: &self.interests,
                guidance_file: &self.guidance_file,
                counselor: &self.counselor,
            })
        };
        // An attempt taken back out of the history to continue it goes into the head first;
        // otherwise (a quiz finished) the history is written first. Until its head is written,
        // an earlier schema's whole store stays as it was.
        let reopened = before.is_some_and(|b| {
            b.current.is_none()
                && self.current.as_ref().is_some_and(|c| b.history.iter().any(|a| a.id == c.id))
        });
        match (history_changed, head_changed) {
            (true, true) if reopened => {
                let at = push(HEAD.to_string(), head(), vec![]);
                push(HISTORY.to_string(), json(&*self.history), vec![at]);
            }
            (true, true) => {
                let at = push(HISTORY.to_string(), json(&*self.history), vec![]);
                push(HEAD.to_string(), head(), vec![at]);
            }
            (true, false) => {
                push(HISTORY.to_string(), json(&*self.history), vec![]);
            }
            (false, true) => {
                push(HEAD.to_string(), head(), vec![]);
            }
            (false, false) => {}
        }
        out
    }
}

/// A part as JSON (see `to_json`).
fn json(part: &impl ToJson) -> Option<String> {
    Some(part.to_json())
}

/// Reads the store from storage, given how to read a key and the keys of the sessions: the
/// parts of schema 6 put together, or the whole store of an earlier schema under [`HEAD`]
/// (then `legacy` is true: every part is to be written in the new form). Sessions are read
/// only with a [`SessionCodec`]. A part that cannot be read is set aside, like any other.
pub fn load_from(
    read: impl Fn(&str) -> Option<String>,
    session_keys: &[String],
    sessions: Option<&SessionCodec>,
) -> (Loaded, bool) {
    // No head yet (nothing stored, or only parts that changed since, like a new session):
    // the parts are read all the same.
    let head = read(HEAD).unwrap_or_else(|| format!("{{\"schema\":{STORE_SCHEMA}}}"));
    let Ok(mut value) = Value::parse(&head) else {
        return (whole(StoreProblem::NotJson, head), true);
    };
    if value.get("schema").and_then(Value::as_u64) != Some(STORE_SCHEMA) {
        return (load_value(value, sessions), true);
    }
    let mut set_aside = Vec::new();
    let mut part = |key: &str, part: Part, empty: Value| match read(key) {
        None => empty,
        Some(raw) => Value::parse(&raw).unwrap_or_else(|_| {
            set_aside.push(SetAside { part, reason: StoreProblem::NotJson, raw });
            empty
        }),
    };
    value.set("history", part(HISTORY, Part::History(0), Value::Array(Vec::new())));
    value.set("notes", part(NOTES, Part::Notes, Value::Object(Default::default())));
    // Kept as text, read where used.
    value.set("questions", read(QUESTIONS).map_or(Value::Null, Value::String));
    if sessions.is_some() {
        let read_sessions = session_keys
            .iter()
            .enumerate()
            .map(|(i, key)| part(key, Part::Session(i), Value::Null))
            .filter(|v| !v.is_null())
            .collect();
        value.set("sessions", Value::Array(read_sessions));
    }
    let mut loaded = load_value(value, sessions);
    // Sessions kept in keys of their own come in no order: by when they were made.
    sort_stable_by(&mut loaded.stored.sessions, |a, b| a.created_at.total_cmp(&b.created_at));
    set_aside.append(&mut loaded.set_aside);
    loaded.set_aside = set_aside;
    // A save stopped between the history and the head (the tab closed) may leave an attempt
    // in both: it is the finished one.
    let stored = &mut loaded.stored;
    if stored.current.as_ref().is_some_and(|c| stored.history.iter().any(|a| a.id == c.id)) {
        stored.current = None;
    }
    (loaded, false)
}

/// The marker and version of an export file ("My data").
const EXPORT_FORMAT: u64 = 1;

/// Everything stored, as one file the user keeps: the store, the interface language and any
/// data that was set aside because it could not be read. The secret keys of classroom
/// sessions and of a counselor's link are left out (empty) unless `keys`: with a key, anyone
/// holding the file can open that class's (or that counselor's) result codes, so it leaves
/// the device only when the user says so.
pub fn export(stored: &Stored, language: Option<&str>, set_aside: &[String], now: f64, keys: bool) -> String {
    let mut store: Value = Value::parse(&stored.to_json()).unwrap_or_default();
    if !keys {
        if let Some(Value::Array(sessions)) = store.get_mut("sessions") {
            for session in sessions {
                session.set("secret_key", Value::from(""));
            }
        }
        if let Some(Value::String(text)) = store.get_mut("counselor") {
            if let Ok(mut key) = Value::parse(text) {
                key.set("secret_key", Value::from(""));
                *text = key.to_string();
            }
        }
    }
    let file: Map = [
        ("kafaa_export", Value::from(EXPORT_FORMAT)),
        ("exported_at", Value::from(now)),
        ("language", Value::from(language)),
        ("store", store),
        ("set_aside", Value::from(set_aside.to_vec())),
    ]
    .into_iter()
    .collect();
    Value::Object(file).to_string()
}

/// Reads an export file: its store goes through [`load`], so it is migrated and its unreadable
/// parts are set aside like stored data; a file that is not an export is refused.
pub fn import(text: &str) -> Result<Loaded, StoreProblem> {
    let value: Value = Value::parse(text).map_err(|_| StoreProblem::NotJson)?;
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
    let Some(raw) = raw else { return load_value(Value::Null, None) };
    match Value::parse(raw) {
        Ok(value) => load_value(value, Some(&SESSION_CODEC)),
        Err(_) => whole(StoreProblem::NotJson, raw.to_string()),
    }
}

/// Everything set aside, nothing read.
fn whole(reason: StoreProblem, raw: String) -> Loaded {
    let set_aside = vec![SetAside { part: Part::Everything, reason, raw }];
    Loaded { stored: Stored::new(), set_aside, unread: Vec::new() }
}

/// Reads stored data already parsed (a whole store, or the parts of schema 6 put together;
/// `Null` for nothing stored); sessions only with the codec, others kept as they are.
fn load_value(value: Value, sessions: Option<&SessionCodec>) -> Loaded {
    if value.is_null() {
        return Loaded { stored: Stored::new(), set_aside: Vec::new(), unread: Vec::new() };
    }
    // A schema this version cannot migrate keeps the data whole, as it was.
    match value.get("schema").and_then(Value::as_u64) {
        Some(n) if n > STORE_SCHEMA => return whole(StoreProblem::NewerSchema(n), value.to_string()),
        Some(1..) => {}
        _ => return whole(StoreProblem::UnknownSchema, value.to_string()),
    }
    let mut value = match migrate(value) {
        Ok(v) => v,
        Err(reason) => return whole(reason, String::new()),
    };
    let mut loaded = Loaded { stored: Stored::new(), set_aside: vec![], unread: vec![] };
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
                    Ok(a) => Rc::make_mut(&mut loaded.stored.history).push(a),
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
        Some(v) => match fields::map(&v, fields::signed) {
            Ok(answers) => loaded.stored.interests = answers,
            Err(p) => loaded.set_aside.push(SetAside {
                part: Part::Interests,
                reason: StoreProblem::Unreadable(p),
                raw: v.to_string(),
            }),
        },
    }
    match value.get_mut("sessions").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(Value::Array(entries)) => {
            for (i, v) in entries.into_iter().enumerate() {
                let id = v.get("session").and_then(|s| s.get("id")).and_then(Value::as_str);
                match (sessions, id) {
                    (Some(codec), _) => match (codec.read)(&v) {
                        Ok(s) => loaded.stored.sessions.push(Rc::new(s)),
                        Err(e) => loaded.set_aside.push(SetAside {
                            part: Part::Session(i),
                            reason: StoreProblem::Unreadable(e),
                            raw: v.to_string(),
                        }),
                    },
                    (None, Some(id)) => loaded.unread.push((format!("{SESSION_PREFIX}{id}"), v.to_string())),
                    (None, None) => loaded.set_aside.push(SetAside {
                        part: Part::Session(i),
                        reason: StoreProblem::Malformed("a session without an id".into()),
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
        Some(v) => match fields::map(&v, fields::string) {
            Ok(notes) => loaded.stored.notes = Rc::new(notes),
            Err(p) => loaded.set_aside.push(SetAside {
                part: Part::Notes,
                reason: StoreProblem::Unreadable(p),
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
    match value.get_mut("questions").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(Value::String(text)) => loaded.stored.questions = Some(Rc::new(text)),
        Some(v) => loaded.set_aside.push(SetAside {
            part: Part::Questions,
            reason: StoreProblem::Malformed("the questions are not kept as text".into()),
            raw: v.to_string(),
        }),
    }
    match value.get_mut("guidance_file").map(Value::take) {
        None | Some(Value::Null) => {}
        Some(v) => match LocalFile::read(&v) {
            Ok(file) => loaded.stored.guidance_file = Some(file),
            Err(p) => loaded.set_aside.push(SetAside {
                part: Part::GuidanceFile,
                reason: StoreProblem::Unreadable(p),
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
            5 => v5_to_v6(value),
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
    value.set("schema", Value::from(2));
    value
}

/// Schema 3 added the interest questionnaire's answers (and the optional `guidance_file`).
fn v2_to_v3(mut value: Value) -> Value {
    value.set("interests", Value::Object(Default::default()));
    value.set("schema", Value::from(3));
    value
}

/// Schema 4 added classroom sessions and notes; attempts may carry their seconds per item
/// and their session (both optional, so older attempts read as they are).
fn v3_to_v4(mut value: Value) -> Value {
    value.set("sessions", Value::Array(Vec::new()));
    value.set("notes", Value::Object(Default::default()));
    value.set("schema", Value::from(4));
    value
}

/// Schema 5 added a counselor's key pair (none until the counselor makes one).
fn v4_to_v5(mut value: Value) -> Value {
    value.set("counselor", Value::Null);
    value.set("schema", Value::from(5));
    value
}

/// Schema 6 keeps the store in parts, each under a key of its own ([`Stored::changes`],
/// [`load_from`]); put together, a store of schema 6 has the shape of schema 5.
fn v5_to_v6(mut value: Value) -> Value {
    value.set("schema", Value::from(6));
    value
}

/// Where a part is wrong and how (`answers[2].choice: should be a text`).
fn where_wrong(p: &Problem) -> String {
    format!("{}: {}", p.path, p.kind)
}

fn read_attempt(v: &Value) -> Result<Attempt, StoreProblem> {
    let attempt = Attempt::read(v).map_err(StoreProblem::Unreadable)?;
    attempt.check().map_err(|why| StoreProblem::Malformed(why.into()))?;
    Ok(attempt)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
