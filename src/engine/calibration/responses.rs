//! Anonymous response files: what calibration needs from learners, and nothing else.
//!
//! ```json
//! {"schema": 1, "kind": "kafaa-responses", "records": [
//!   {"language": "ar", "mode": "quick", "responses": {"web-01": 1, "web-07": 0}}
//! ]}
//! ```
//!
//! A record is one learner's attempt: the language it was taken in (for the DIF check), the
//! mode, and right (1) or wrong (0) per item asked. There is no name, attempt id, session,
//! time or answer given, and the reader refuses any other field, so a file that carries one
//! is not silently passed on. Records are written in a canonical order (sorted), so the order
//! of a file says nothing about who sat where or submitted when.

use crate::engine::json::Value;

use super::walker::{join, Walker};
use crate::engine::attempt::Attempt;
use crate::engine::bank::Bank;
use crate::engine::problem::{Expected, Problem, ProblemKind, Range};
use crate::engine::score::is_correct;
use crate::engine::sorted::SortedMap;
use crate::engine::sorting::merge_sort_by;

/// The format version this code reads and writes.
pub const SCHEMA: u64 = 1;
/// The `kind` that tells a response file from the other JSON files of the app.
pub const KIND: &str = "kafaa-responses";
/// Larger files are refused unread: 64 MiB holds about a million learners' quick checks.
pub const MAX_BYTES: usize = 64 << 20;
/// A record lists at most this many items (the whole shipped bank has 330).
pub const MAX_ITEMS_PER_RECORD: usize = 1_000;
/// Longest item id, language code and mode id accepted, in characters.
pub const MAX_ID_CHARS: usize = 100;
pub const MAX_LANGUAGE_CHARS: usize = 35;
pub const MAX_MODE_CHARS: usize = 64;
/// The BCP 47 code for "undetermined": the language of a record when it is not known, e.g. a
/// class whose session let students choose among several interface languages (a result code
/// does not say which one a student used). Such records count for fitting, never for DIF.
pub const UNDETERMINED: &str = "und";

/// One learner's attempt, anonymous.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Record {
    /// The language the items were shown in, e.g. `en`, `fr`, `ar`; [`UNDETERMINED`] when
    /// it is not known.
    pub language: String,
    /// The assessment mode's id, e.g. `quick`.
    pub mode: String,
    /// Item id → answered right.
    pub responses: SortedMap<String, bool>,
}

/// A set of records, in canonical order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseFile {
    pub records: Vec<Record>,
}

impl Record {
    /// A learner's record from the items they were asked, each with whether it was right;
    /// an item listed twice keeps its first answer (an attempt asks an item once).
    pub fn new(language: &str, mode: &str, answers: impl IntoIterator<Item = (String, bool)>) -> Record {
        let mut responses = SortedMap::new();
        for (item, right) in answers {
            responses.entry(item).or_insert(right);
        }
        Record { language: language.to_string(), mode: mode.to_string(), responses }
    }

    /// The record of an attempt shown in `language`: its answered items, right or wrong
    /// (pilot items included: their answers are what calibration is for).
    pub fn answered(bank: &Bank, attempt: &Attempt, language: &str) -> Record {
        let answers = attempt.items.iter().zip(&attempt.answers).filter_map(|(id, answer)| {
            let (item, answer) = (bank.item(id)?, answer.as_ref()?);
            Some((id.clone(), is_correct(&item.question, answer)))
        });
        Record::new(language, &attempt.mode, answers)
    }
}

impl ResponseFile {
    /// The file the class dashboard exports: every learner's record that holds an answer,
    /// sorted, so the order of the students in the class cannot be read from it.
    pub fn anonymous(records: impl IntoIterator<Item = Record>) -> ResponseFile {
        let records: Vec<Record> = records.into_iter().filter(|r| !r.responses.is_empty()).collect();
        // Not `sort_unstable`: its code was 2.3 KB of the wasm of careers.html and classroom.html.
        ResponseFile { records: merge_sort_by(records, Ord::cmp) }
    }

    /// A learner's own finished attempts, to give to calibration if they wish: each in the
    /// language it was taken in ([`UNDETERMINED`] for attempts saved before that was kept).
    pub fn of_history(bank: &Bank, history: &[Attempt]) -> ResponseFile {
        ResponseFile::anonymous(
            history.iter().map(|a| Record::answered(bank, a, a.lang.as_deref().unwrap_or(UNDETERMINED))),
        )
    }

    /// All the records of `files` in one file, in canonical order.
    pub fn merge(files: impl IntoIterator<Item = ResponseFile>) -> ResponseFile {
        ResponseFile::anonymous(files.into_iter().flat_map(|f| f.records))
    }

    /// The file as JSON, one record per line.
    pub fn to_json(&self) -> String {
        let text = |s: &str| Value::from(s).to_string();
        let mut out = format!("{{\"schema\":{SCHEMA},\"kind\":{},\"records\":[", text(KIND));
        for (i, record) in self.records.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let responses: Vec<String> = record
                .responses
                .iter()
                .map(|(item, right)| format!("{}:{}", text(item), u8::from(*right)))
                .collect();
            out.push_str(&format!(
                "{{\"language\":{},\"mode\":{},\"responses\":{{{}}}}}",
                text(&record.language),
                text(&record.mode),
                responses.join(",")
            ));
        }
        out.push_str("\n]}\n");
        out
    }

    /// Reads a response file; `file` names it in the problems. Every problem is listed (up
    /// to a limit), each with its path, e.g. `records[3].responses.web-01`.
    pub fn parse(file: &str, text: &str) -> Result<ResponseFile, Vec<Problem>> {
        let mut w = Walker::new(file);
        let records = read(&mut w, text);
        match records {
            Some(records) if w.problems.is_empty() => Ok(ResponseFile::anonymous(records)),
            _ => Err(w.problems),
        }
    }
}

fn read(w: &mut Walker, text: &str) -> Option<Vec<Record>> {
    let value = w.json(text, MAX_BYTES)?;
    let obj = w.object(&value, "")?;
    if !w.header(obj, SCHEMA, Some(KIND)) {
        return None;
    }
    w.known_keys(obj, "", &["schema", "kind", "records"]);
    let list = w.field(obj, "records", "")?;
    let Some(list) = list.as_array() else {
        w.report("records", ProblemKind::WrongType { expected: Expected::Array });
        return None;
    };
    if list.is_empty() {
        w.report("records", ProblemKind::Empty);
    }
    let mut records = Vec::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        if w.full() {
            break;
        }
        if let Some(record) = record(w, value, &format!("records[{i}]")) {
            records.push(record);
        }
    }
    Some(records)
}

fn record(w: &mut Walker, value: &Value, path: &str) -> Option<Record> {
    let obj = w.object(value, path)?;
    w.known_keys(obj, path, &["language", "mode", "responses"]);
    let language = w.string(obj, "language", path, MAX_LANGUAGE_CHARS);
    let mode = w.string(obj, "mode", path, MAX_MODE_CHARS);
    let responses = responses(w, obj.get("responses"), &join(path, "responses"));
    Some(Record { language: language?, mode: mode?, responses: responses? })
}

fn responses(w: &mut Walker, value: Option<&Value>, path: &str) -> Option<SortedMap<String, bool>> {
    let Some(value) = value else {
        w.report(path, ProblemKind::Missing);
        return None;
    };
    let map = w.object(value, path)?;
    if map.is_empty() {
        w.report(path, ProblemKind::Empty);
        return None;
    }
    if map.len() > MAX_ITEMS_PER_RECORD {
        let detail = format!("{} items, more than the {MAX_ITEMS_PER_RECORD} a record may list", map.len());
        w.report(path, ProblemKind::Shape { line: 0, column: 0, detail });
        return None;
    }
    let mut out = SortedMap::new();
    let mut ok = true;
    for (item, right) in map {
        let at = join(path, item);
        if item.trim().is_empty() {
            w.report(&at, ProblemKind::Empty);
            ok = false;
            continue;
        }
        if !w.short(item, &at, MAX_ID_CHARS) {
            ok = false;
            continue;
        }
        w.item = Some(item.clone());
        match right.as_u64() {
            Some(n @ (0 | 1)) => {
                out.insert(item.clone(), n == 1);
            }
            _ if right.is_integer() => {
                w.report(&at, ProblemKind::OutOfRange { range: Range::ZeroToOne });
                ok = false;
            }
            _ => {
                w.report(&at, ProblemKind::WrongType { expected: Expected::Integer });
                ok = false;
            }
        }
        w.item = None;
    }
    ok.then_some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
