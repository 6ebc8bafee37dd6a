//! A small JSON walker shared by the calibration files' readers: it collects every problem
//! with its file, item and path (like the bank reader) instead of stopping at the first, and
//! stops collecting after [`MAX_PROBLEMS`] so that a hostile file cannot make the list huge.

use crate::engine::json::{Map, Value};

use crate::engine::problem::{Expected, Problem, ProblemKind};

/// More problems than this are not listed: the file is refused anyway, and the first ones
/// say what is wrong with it.
pub const MAX_PROBLEMS: usize = 100;

pub struct Walker<'f> {
    file: &'f str,
    /// The item the problems found now are in, if any.
    pub item: Option<String>,
    pub problems: Vec<Problem>,
}

impl<'f> Walker<'f> {
    pub fn new(file: &'f str) -> Self {
        Walker { file, item: None, problems: Vec::new() }
    }

    /// Parses the text, refusing it unread when it is longer than `max_bytes`.
    pub fn json(&mut self, text: &str, max_bytes: usize) -> Option<Value> {
        if text.len() > max_bytes {
            let detail = format!("{} bytes, more than the {max_bytes} this file may hold", text.len());
            self.report("", ProblemKind::Shape { line: 0, column: 0, detail });
            return None;
        }
        match Value::parse(text) {
            Ok(value) => Some(value),
            Err(e) => {
                self.report("", ProblemKind::Syntax { line: e.line, column: e.column });
                None
            }
        }
    }

    /// Whether enough problems are listed to stop looking for more.
    pub fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    pub fn report(&mut self, path: &str, kind: ProblemKind) {
        if !self.full() {
            let problem = Problem {
                file: self.file.to_string(),
                item: self.item.clone(),
                path: path.to_string(),
                kind,
            };
            self.problems.push(problem);
        }
    }

    pub fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map> {
        let obj = value.as_object();
        if obj.is_none() {
            self.report(path, ProblemKind::WrongType { expected: Expected::Object });
        }
        obj
    }

    /// Reports every key of `obj` not in `known`: a typo, or (in a response file) something
    /// that could identify a learner and has no place there.
    pub fn known_keys(&mut self, obj: &Map, path: &str, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.report(&join(path, key), ProblemKind::Unexpected);
        }
    }

    pub fn field<'v>(&mut self, obj: &'v Map, key: &str, path: &str) -> Option<&'v Value> {
        let value = obj.get(key);
        if value.is_none() {
            self.report(&join(path, key), ProblemKind::Missing);
        }
        value
    }

    /// Checks `schema` is `schema` and `kind` (when given) is `kind`; `false` when the file is
    /// of another version or another kind, and reading on would only list its differences.
    pub fn header(&mut self, obj: &Map, schema: u64, kind: Option<&str>) -> bool {
        let mut ok = true;
        match self.field(obj, "schema", "") {
            Some(v) if v.as_u64() == Some(schema) => {}
            Some(other) => {
                self.report("schema", ProblemKind::UnsupportedSchema { found: other.to_string() });
                ok = false;
            }
            None => ok = false,
        }
        if let Some(kind) = kind {
            match self.field(obj, "kind", "") {
                Some(v) if v.as_str() == Some(kind) => {}
                Some(other) => {
                    let detail = format!("{other} where this file has \"{kind}\"");
                    self.report("kind", ProblemKind::Shape { line: 0, column: 0, detail });
                    ok = false;
                }
                None => ok = false,
            }
        }
        ok
    }

    /// A non-empty text of at most `max_chars` characters.
    pub fn string(&mut self, obj: &Map, key: &str, path: &str, max_chars: usize) -> Option<String> {
        let value = self.field(obj, key, path)?;
        let path = join(path, key);
        match value.as_str() {
            Some(s) if s.trim().is_empty() => {
                self.report(&path, ProblemKind::Empty);
                None
            }
            Some(s) => self.short(s, &path, max_chars).then(|| s.to_string()),
            None => {
                self.report(&path, ProblemKind::WrongType { expected: Expected::String });
                None
            }
        }
    }

    /// Whether `s` is at most `max_chars` characters long, reporting it when not.
    pub fn short(&mut self, s: &str, path: &str, max_chars: usize) -> bool {
        let ok = s.chars().nth(max_chars).is_none();
        if !ok {
            let detail = format!("a text longer than {max_chars} characters");
            self.report(path, ProblemKind::Shape { line: 0, column: 0, detail });
        }
        ok
    }
}

/// `path.key`, or `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
