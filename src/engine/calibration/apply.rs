//! Writing calibrated parameters into the bank itself: each calibrated item's `irt` block in
//! its domain file (`"irt": {"a": 1.234, "b": -0.5, "c": 0.25}`), which the bank reader
//! already reads, so the app uses them with no code of its own.
//!
//! Domain files are written by hand, so they are edited as text, not re-serialized: an
//! existing `irt` value is replaced where it stands; otherwise the block goes in as the line
//! right after the item's `"id"` line, with its indentation. Nothing else in the file moves.
//! The edited text is then read again with the bank reader and refused unless it reads, every
//! calibrated item reads back with its new parameters, and everything else reads as before.

use std::fmt;
use std::ops::Range;

use crate::engine::bank::{DomainEntry, DomainFile, Index};
use crate::engine::irt::ItemParams;
use crate::engine::problem::Problem;
use crate::engine::sorted::SortedMap;

/// Parameters are written with this many decimals.
pub const DECIMALS: i32 = 3;

/// A domain file's new text, and the items whose parameters it now holds (in file order).
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub text: String,
    pub items: Vec<String>,
}

/// Why a domain file was not edited.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// The file does not read as it is: fix it first.
    Unreadable(Vec<Problem>),
    /// Its items could not be located in the text.
    Layout,
    /// The edited text would no longer read.
    Broken(Vec<Problem>),
    /// An item would read back with other parameters than those calibrated.
    ReadBack { item: String, expected: ItemParams, found: ItemParams },
    /// Something other than the calibrated items' parameters would change.
    OtherChange { item: Option<String> },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |p: &[Problem]| p.iter().map(|p| format!("\n    {p}")).collect::<String>();
        let params = |p: &ItemParams| format!("a {}, b {}, c {}", p.a, p.b, p.c);
        match self {
            Refused::Unreadable(p) => write!(f, "the file has problems as it is; fix them first:{}", list(p)),
            Refused::Layout => write!(f, "its items could not be found in the text"),
            Refused::Broken(p) => write!(f, "the edited file would no longer read:{}", list(p)),
            Refused::ReadBack { item, expected, found } => {
                write!(f, "{item} would read back as {} instead of {}", params(found), params(expected))
            }
            Refused::OtherChange { item: Some(item) } => {
                write!(f, "the edit would change more than the parameters of {item}")
            }
            Refused::OtherChange { item: None } => write!(f, "the edit would change the file's structure"),
        }
    }
}

/// `params` rounded to [`DECIMALS`] decimals, or `None` when that leaves the bank's ranges
/// (a in (0, 4], b in [−4, 4], c in [0, 0.5)).
pub fn rounded(params: ItemParams) -> Option<ItemParams> {
    let round = |x: f64| {
        let scale = 10f64.powi(DECIMALS);
        // + 0.0 turns −0 into 0, which is written "0", not "-0".
        (x * scale).round() / scale + 0.0
    };
    let p = ItemParams { a: round(params.a), b: round(params.b), c: round(params.c) };
    let ok = p.a > 0.0 && p.a <= 4.0 && (-4.0..=4.0).contains(&p.b) && (0.0..0.5).contains(&p.c);
    ok.then_some(p)
}

/// Writes the parameters of the items of `params` that are in the domain file `entry` (its
/// text `text`), rounded to [`DECIMALS`] decimals, into their `irt` blocks. Items not in
/// `params` are left exactly as they are; a file holding none of them comes back unchanged.
pub fn apply(
    index: &Index,
    entry: &DomainEntry,
    text: &str,
    params: &SortedMap<String, ItemParams>,
) -> Result<Applied, Refused> {
    let before = DomainFile::parse(index, entry, text).map_err(Refused::Unreadable)?;
    let round = |p: ItemParams| rounded(p).unwrap_or(p);
    let targets: SortedMap<&str, ItemParams> =
        before.items.iter().filter_map(|i| Some((i.id.as_str(), round(*params.get(&i.id)?)))).collect();
    if targets.is_empty() {
        return Ok(Applied { text: text.to_string(), items: Vec::new() });
    }
    let mut edits = edits(text, &targets).ok_or(Refused::Layout)?;
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut edited = text.to_string();
    for (range, replacement) in &edits {
        edited.replace_range(range.clone(), replacement);
    }
    let after = DomainFile::parse(index, entry, &edited).map_err(Refused::Broken)?;
    if after.subtopics != before.subtopics || after.items.len() != before.items.len() {
        return Err(Refused::OtherChange { item: None });
    }
    let mut items = Vec::new();
    for (old, new) in before.items.iter().zip(&after.items) {
        if old.id != new.id {
            return Err(Refused::OtherChange { item: None });
        }
        let expected = targets.get(old.id.as_str()).copied();
        // Read back through `f64` parsing, which may differ from the value written by one
        // unit in the last place.
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-9;
        let wanted = expected.unwrap_or(old.irt);
        if !(close(new.irt.a, wanted.a) && close(new.irt.b, wanted.b) && close(new.irt.c, wanted.c)) {
            return Err(Refused::ReadBack { item: old.id.clone(), expected: wanted, found: new.irt });
        }
        let mut unchanged = new.clone();
        unchanged.irt = old.irt;
        if &unchanged != old {
            return Err(Refused::OtherChange { item: Some(old.id.clone()) });
        }
        if expected.is_some() {
            items.push(old.id.clone());
        }
    }
    Ok(Applied { text: edited, items })
}

/// The `irt` value as written: `{"a": 1.234, "b": -0.5, "c": 0.25}`.
fn irt_block(p: &ItemParams) -> String {
    format!("{{\"a\": {}, \"b\": {}, \"c\": {}}}", p.a, p.b, p.c)
}

/// The text edits that give each target item its `irt` block: (range replaced, new text).
fn edits(text: &str, targets: &SortedMap<&str, ItemParams>) -> Option<Vec<(Range<usize>, String)>> {
    let root = members(text, skip_space(text.as_bytes(), 0))?;
    let list = &root.iter().find(|m| m.key == "items")?.value;
    let mut out = Vec::new();
    for element in elements(text, list.start)? {
        let item = members(text, element.start)?;
        let Some(id) = item.iter().find(|m| m.key == "id") else { continue };
        let Ok(id_text) = serde_json::from_str::<String>(&text[id.value.clone()]) else { continue };
        let Some(params) = targets.get(id_text.as_str()) else { continue };
        let block = irt_block(params);
        match item.iter().find(|m| m.key == "irt") {
            Some(irt) => out.push((irt.value.clone(), block)),
            None => out.push(insertion(text, id, &block)?),
        }
    }
    Some(out)
}

/// Where and what to insert for a new `irt` member after the item's `id` member: its own
/// line, with the `id` line's indentation, when `id` has a line of its own; otherwise on the
/// same line, after it.
fn insertion(text: &str, id: &Member, block: &str) -> Option<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let line_start = text[..id.key_start].rfind('\n').map_or(0, |n| n + 1);
    let indent = &text[line_start..id.key_start];
    let own_line = indent.bytes().all(|b| b == b' ' || b == b'\t');
    let next = skip_space(bytes, id.value.end);
    let at = |i: usize| i..i;
    match bytes.get(next)? {
        b',' => {
            let rest = &text[next + 1..];
            match rest.find('\n') {
                Some(eol) if own_line && rest[..eol].trim().is_empty() => {
                    Some((at(next + 1 + eol + 1), format!("{indent}\"irt\": {block},\n")))
                }
                _ => Some((at(next + 1), format!(" \"irt\": {block},"))),
            }
        }
        b'}' if own_line => Some((at(id.value.end), format!(",\n{indent}\"irt\": {block}"))),
        b'}' => Some((at(id.value.end), format!(", \"irt\": {block}"))),
        _ => None,
    }
}

/// A member of an object in the text: its key, where the key starts, and its value's bytes.
struct Member {
    key: String,
    key_start: usize,
    value: Range<usize>,
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (after its closing quote).
fn string_end(bytes: &[u8], i: usize) -> Option<usize> {
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    while let Some(b) = bytes.get(j) {
        match b {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The end of the value starting at `i`.
fn value_end(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => string_end(bytes, i),
        b'{' | b'[' => {
            let (mut depth, mut j) = (0usize, i);
            while let Some(b) = bytes.get(j) {
                match b {
                    b'"' => {
                        j = string_end(bytes, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while bytes
                .get(j)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// The members of the object starting at `i`.
fn members(text: &str, i: usize) -> Option<Vec<Member>> {
    let bytes = text.as_bytes();
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    let mut out = Vec::new();
    let mut j = skip_space(bytes, i + 1);
    if bytes.get(j) == Some(&b'}') {
        return Some(out);
    }
    loop {
        let key_end = string_end(bytes, j)?;
        let key = serde_json::from_str(&text[j..key_end]).ok()?;
        let colon = skip_space(bytes, key_end);
        if bytes.get(colon) != Some(&b':') {
            return None;
        }
        let start = skip_space(bytes, colon + 1);
        let end = value_end(bytes, start)?;
        out.push(Member { key, key_start: j, value: start..end });
        let next = skip_space(bytes, end);
        match bytes.get(next)? {
            b',' => j = skip_space(bytes, next + 1),
            b'}' => return Some(out),
            _ => return None,
        }
    }
}

/// The values of the array starting at `i`.
fn elements(text: &str, i: usize) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    let mut out = Vec::new();
    let mut j = skip_space(bytes, i + 1);
    if bytes.get(j) == Some(&b']') {
        return Some(out);
    }
    loop {
        let end = value_end(bytes, j)?;
        out.push(j..end);
        let next = skip_space(bytes, end);
        match bytes.get(next)? {
            b',' => j = skip_space(bytes, next + 1),
            b']' => return Some(out),
            _ => return None,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
