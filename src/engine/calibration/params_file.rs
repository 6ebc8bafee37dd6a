//! The calibrated parameters as a file the bank reader merges over the items' defaults
//! (`static/content/calibration.json`):
//!
//! ```json
//! {"schema": 1, "model": "2pl", "items": {
//!   "web-01": {"a": 1.31, "b": -0.42, "c": 0, "se_a": 0.11, "se_b": 0.09, "n": 812}
//! }}
//! ```
//!
//! a, b and c must lie in the ranges of the bank's own `irt` block (a in (0, 4], b in
//! [−4, 4], c in [0, 0.5)), so a calibrated item is never one the bank would refuse; `se_a`
//! is absent where a was fixed (Rasch); `n` is how many learners answered the item.

use crate::engine::json::{Map, Value};

use super::fit::{Calibration, Model};
use super::walker::{join, Walker};
use crate::engine::irt::ItemParams;
use crate::engine::problem::{Expected, Problem, ProblemKind, Range};
use crate::engine::sorted::SortedMap;

/// The format version this code reads and writes.
pub const SCHEMA: u64 = 1;
/// Larger files are refused unread (the whole bank's entries take about 30 KB).
pub const MAX_BYTES: usize = 16 << 20;
/// Longest item id accepted, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Estimates are written with this many decimals: more would be noise.
const DECIMALS: i32 = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct ParamsFile {
    pub model: Model,
    pub items: SortedMap<String, Calibrated>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibrated {
    pub params: ItemParams,
    pub se_a: Option<f64>,
    pub se_b: f64,
    pub n: usize,
}

fn a_ok(a: f64) -> bool {
    a > 0.0 && a <= 4.0
}
fn b_ok(b: f64) -> bool {
    (-4.0..=4.0).contains(&b)
}
fn c_ok(c: f64) -> bool {
    (0.0..0.5).contains(&c)
}
fn se_ok(se: f64) -> bool {
    se > 0.0 && se.is_finite()
}

fn round(x: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS);
    (x * scale).round() / scale
}

impl ParamsFile {
    /// The file for a calibration, estimates rounded. Items whose a, b or c falls outside the
    /// bank's ranges (one nearly everyone got right or wrong, or one that hardly
    /// discriminates) are left out, and their ids returned: they keep their authored defaults
    /// until someone has looked at them.
    pub fn from_calibration(calibration: &Calibration) -> (ParamsFile, Vec<String>) {
        let mut items = SortedMap::new();
        let mut left_out = Vec::new();
        for item in &calibration.items {
            let params =
                ItemParams { a: round(item.params.a), b: round(item.params.b), c: round(item.params.c) };
            // An SE that rounds to 0 is written as the smallest step, so the file reads back.
            let se = |se: f64| round(se).max(10f64.powi(-DECIMALS));
            let entry = Calibrated { params, se_a: item.se_a.map(se), se_b: se(item.se_b), n: item.n };
            if a_ok(params.a) && b_ok(params.b) && c_ok(params.c) && item.n > 0 {
                items.insert(item.id.clone(), entry);
            } else {
                left_out.push(item.id.clone());
            }
        }
        (ParamsFile { model: calibration.model, items }, left_out)
    }

    /// The file as JSON, one item per line.
    pub fn to_json(&self) -> String {
        let mut out =
            format!("{{\n  \"schema\": {SCHEMA},\n  \"model\": \"{}\",\n  \"items\": {{", self.model.id());
        for (i, (id, item)) in self.items.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let mut fields = vec![
                ("a", Value::from(item.params.a)),
                ("b", Value::from(item.params.b)),
                ("c", Value::from(item.params.c)),
            ];
            if let Some(se_a) = item.se_a {
                fields.push(("se_a", Value::from(se_a)));
            }
            fields.push(("se_b", Value::from(item.se_b)));
            fields.push(("n", Value::from(item.n as u64)));
            let fields: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            out.push_str(&format!("    {}: {{{}}}", Value::from(id.as_str()), fields.join(", ")));
        }
        out.push_str("\n  }\n}\n");
        out
    }

    /// Reads a parameters file; `file` names it in the problems, each item's problems carry
    /// its id.
    pub fn parse(file: &str, text: &str) -> Result<ParamsFile, Vec<Problem>> {
        let mut w = Walker::new(file);
        let read = read(&mut w, text);
        match read {
            Some(params) if w.problems.is_empty() => Ok(params),
            _ => Err(w.problems),
        }
    }
}

fn read(w: &mut Walker, text: &str) -> Option<ParamsFile> {
    let value = w.json(text, MAX_BYTES)?;
    let obj = w.object(&value, "")?;
    if !w.header(obj, SCHEMA, None) {
        return None;
    }
    w.known_keys(obj, "", &["schema", "model", "items"]);
    let model = w.string(obj, "model", "", 8).and_then(|id| {
        let model = Model::from_id(&id);
        if model.is_none() {
            w.report("model", ProblemKind::UnknownOption { id });
        }
        model
    });
    let items = w.field(obj, "items", "").and_then(|v| w.object(v, "items"));
    let items = items.and_then(|map| {
        if map.is_empty() {
            w.report("items", ProblemKind::Empty);
        }
        let mut out = SortedMap::new();
        let mut ok = true;
        for (id, entry) in map {
            if w.full() {
                break;
            }
            let path = join("items", id);
            if id.trim().is_empty() {
                w.report(&path, ProblemKind::Empty);
                ok = false;
                continue;
            }
            if !w.short(id, &path, MAX_ID_CHARS) {
                ok = false;
                continue;
            }
            w.item = Some(id.clone());
            match w.object(entry, &path).and_then(|e| item(w, e, &path)) {
                Some(c) => {
                    out.insert(id.clone(), c);
                }
                None => ok = false,
            }
            w.item = None;
        }
        ok.then_some(out)
    });
    Some(ParamsFile { model: model?, items: items? })
}

fn item(w: &mut Walker, obj: &Map, path: &str) -> Option<Calibrated> {
    w.known_keys(obj, path, &["a", "b", "c", "se_a", "se_b", "n"]);
    let mut number = |key: &str, ok: fn(f64) -> bool, range: Range, required: bool| -> Option<Option<f64>> {
        let Some(value) = obj.get(key) else {
            if required {
                w.report(&join(path, key), ProblemKind::Missing);
                return None;
            }
            return Some(None);
        };
        match value.as_f64() {
            Some(x) if ok(x) => Some(Some(x)),
            Some(_) => {
                w.report(&join(path, key), ProblemKind::OutOfRange { range });
                None
            }
            None => {
                w.report(&join(path, key), ProblemKind::WrongType { expected: Expected::Number });
                None
            }
        }
    };
    let a = number("a", a_ok, Range::AboveZeroAtMostFour, true);
    let b = number("b", b_ok, Range::MinusFourToFour, true);
    let c = number("c", c_ok, Range::ZeroToBelowHalf, true);
    let se_a = number("se_a", se_ok, Range::AboveZero, false);
    let se_b = number("se_b", se_ok, Range::AboveZero, true);
    let n = match obj.get("n") {
        None => {
            w.report(&join(path, "n"), ProblemKind::Missing);
            None
        }
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => usize::try_from(n).ok(),
            _ if v.is_integer() => {
                w.report(&join(path, "n"), ProblemKind::OutOfRange { range: Range::AtLeastOne });
                None
            }
            _ => {
                w.report(&join(path, "n"), ProblemKind::WrongType { expected: Expected::Integer });
                None
            }
        },
    };
    let params = ItemParams { a: a??, b: b??, c: c?? };
    Some(Calibrated { params, se_a: se_a?, se_b: se_b??, n: n? })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
