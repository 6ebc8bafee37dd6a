//! Reads JSON values by hand, one field at a time, into the engine's types.
//!
//! Why not serde's derived readers: each is a state machine of its own in the wasm, for each
//! way it is called (from text, from a `Value`). A stored attempt's was 19 KB of the
//! self-assessment's wasm before gzip (6 KB after); these few functions serve every type read
//! this way, which the document parses into a `Value` first anyway.
//!
//! A problem's path is built on the way out, only when something is wrong: each list and
//! field a problem passes through puts its part in front (`history[2].answers[4].choice`).

use crate::engine::json::{Map, Value};

use super::problem::{Expected, Problem, ProblemKind};
use super::sorted::SortedMap;

/// A value read, or what is wrong with it (its `file` left empty, see [`in_file`]). Boxed:
/// every `?` moves the error on, and a pointer is far less code to move than a `Problem`.
pub type Read<T> = Result<T, Box<Problem>>;

/// A problem at the value being read; the path is put in front as it goes out.
pub fn problem(kind: ProblemKind) -> Box<Problem> {
    Box::new(Problem { file: String::new(), item: None, path: String::new(), kind })
}

fn wrong<T>(expected: Expected) -> Read<T> {
    Err(problem(ProblemKind::WrongType { expected }))
}

/// Puts a field's key (or a list's `[i]`) in front of a problem's path.
fn under(mut p: Box<Problem>, part: &str) -> Box<Problem> {
    let dot = !(p.path.is_empty() || p.path.starts_with('[') || part.is_empty());
    p.path = format!("{part}{}{}", if dot { "." } else { "" }, p.path);
    p
}

/// Names the file of a problem, once it is out.
pub fn in_file<T>(file: &str, read: Read<T>) -> Result<T, Problem> {
    read.map_err(|p| Problem { file: file.to_string(), ..*p })
}

pub fn string(v: &Value) -> Read<String> {
    v.as_str().map_or_else(|| wrong(Expected::String), |s| Ok(s.to_string()))
}

pub fn boolean(v: &Value) -> Read<bool> {
    v.as_bool().map_or_else(|| wrong(Expected::Boolean), Ok)
}

/// A number (a whole number too).
pub fn number(v: &Value) -> Read<f64> {
    v.as_f64().map_or_else(|| wrong(Expected::Number), Ok)
}

/// A whole number of 0 or more that fits `T`.
pub fn unsigned<T: TryFrom<u64>>(v: &Value) -> Read<T> {
    v.as_u64().and_then(|n| T::try_from(n).ok()).map_or_else(|| wrong(Expected::Integer), Ok)
}

/// A whole number that fits `T`.
pub fn signed<T: TryFrom<i64>>(v: &Value) -> Read<T> {
    v.as_i64().and_then(|n| T::try_from(n).ok()).map_or_else(|| wrong(Expected::Integer), Ok)
}

/// `None` for `null`, otherwise the value read by `read`.
pub fn nullable<T>(v: &Value, read: fn(&Value) -> Read<T>) -> Read<Option<T>> {
    if v.is_null() {
        Ok(None)
    } else {
        read(v).map(Some)
    }
}

/// A list, each element read by `read`.
pub fn list<T>(v: &Value, read: fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = v else { return wrong(Expected::Array) };
    items.iter().enumerate().map(|(i, v)| read(v).map_err(|p| under(p, &format!("[{i}]")))).collect()
}

pub fn strings(v: &Value) -> Read<Vec<String>> {
    list(v, string)
}

/// An object whose keys are ids, each value read by `read`.
pub fn map<T>(v: &Value, read: fn(&Value) -> Read<T>) -> Read<SortedMap<String, T>> {
    let Value::Object(entries) = v else { return wrong(Expected::Object) };
    entries.iter().map(|(k, v)| Ok((k.clone(), read(v).map_err(|p| under(p, k))?))).collect()
}

/// An object read field by field.
pub fn object(v: &Value) -> Read<Fields<'_>> {
    match v {
        Value::Object(map) => Ok(Fields { map, taken: Vec::new(), wrong: None }),
        _ => wrong(Expected::Object),
    }
}

/// An object with one key naming its kind (`{"choice": "b"}`, `{"fixed": {…}}`), read by
/// `read` from the kind and the object's fields (`None` for a kind it does not know). An
/// unknown kind or a second key is reported at that key, an empty object as empty.
pub fn tagged<'v, T>(v: &'v Value, read: impl FnOnce(&str, &mut Fields<'v>) -> Option<T>) -> Read<T> {
    let mut f = object(v)?;
    let value = f.map.keys().next().and_then(|kind| read(kind, &mut f));
    f.finish()?;
    value.ok_or_else(|| problem(ProblemKind::Empty))
}

/// An object being read: each field is taken by its key, and the first problem is kept for
/// [`Fields::end`] or [`Fields::finish`] to report. Reading goes on past a problem (with a
/// default value) rather than returning at once: each early return would drop every field
/// read so far, code repeated at every field.
pub struct Fields<'v> {
    map: &'v Map,
    taken: Vec<&'static str>,
    wrong: Option<Box<Problem>>,
}

impl<'v> Fields<'v> {
    /// A field that must be there, read by `read`.
    pub fn get<T: Default>(&mut self, key: &'static str, read: fn(&'v Value) -> Read<T>) -> T {
        let found = match self.map.get(key) {
            Some(v) => read(v),
            None => Err(problem(ProblemKind::Missing)),
        };
        self.keep(key, found).unwrap_or_default()
    }

    /// A field that may be absent or `null` (then `None`).
    pub fn optional<T>(&mut self, key: &'static str, read: fn(&'v Value) -> Read<T>) -> Option<T> {
        match self.map.get(key) {
            None | Some(Value::Null) => {
                self.taken.push(key);
                None
            }
            Some(v) => self.keep(key, read(v)),
        }
    }

    fn keep<T>(&mut self, key: &'static str, found: Read<T>) -> Option<T> {
        self.taken.push(key);
        match found {
            Ok(value) => Some(value),
            Err(p) => {
                self.wrong.get_or_insert_with(|| under(p, key));
                None
            }
        }
    }

    /// The first problem, if any; keys that were not taken are left alone.
    pub fn end(self) -> Read<()> {
        self.wrong.map_or(Ok(()), Err)
    }

    /// The first problem, if any; then every key must have been taken.
    pub fn finish(self) -> Read<()> {
        if let Some(p) = self.wrong {
            return Err(p);
        }
        match self.map.keys().find(|k| !self.taken.contains(&k.as_str())) {
            Some(extra) => Err(under(problem(ProblemKind::Unexpected), extra)),
            None => Ok(()),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
