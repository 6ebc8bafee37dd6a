//! JSON text to a tree of values and back, by hand.
//!
//! Why not serde_json: every document reads its files into a value first and then field by
//! field (`fields`, the bank's reader), so serde_json's generic deserializer, its map type
//! and its number tables were all that was used of it: 7.7 KB gzip of index.html's wasm, 8
//! to 12 KB of the other documents'. This parser reads exactly RFC 8259 JSON, reports a syntax error at the same line and
//! column as serde_json did, and numbers read and write as serde_json's did (tests compare the
//! two on arbitrary values and on broken text).

use std::fmt;

use super::sorted::{SortedMap, SortedSet};

/// A JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as written: a whole number stays whole (and is written back without a
/// decimal point), anything else is a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Unsigned(u64),
    /// Below zero (0 and above are `Unsigned`).
    Negative(i64),
    Float(f64),
}

impl Number {
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::Unsigned(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::Unsigned(n) => i64::try_from(n).ok(),
            Number::Negative(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            Number::Unsigned(n) => n as f64,
            Number::Negative(n) => n as f64,
            Number::Float(x) => x,
        }
    }
}

/// An object's members in the order written. A key written twice is kept twice (the text
/// stays as it was); [`Map::get`] finds the last, as a reader of the text would.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub const fn new() -> Map {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key` to `value`: in its place if it is there, last if not.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.get_mut(&key) {
            Some(slot) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.into_iter()
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'m> IntoIterator for &'m Map {
    type Item = (&'m String, &'m Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'m, (String, Value)>, fn(&'m (String, Value)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Into<String>> FromIterator<(K, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(members: I) -> Map {
        let mut map = Map::new();
        for (k, v) in members {
            map.insert(k.into(), v);
        }
        map
    }
}

impl Value {
    /// Reads JSON text: one value, with nothing but white space around it.
    pub fn parse(text: &str) -> Result<Value, Syntax> {
        let mut parser = Parser { src: text, text: text.as_bytes(), at: 0, depth: 0 };
        let value = parser.value().and_then(|v| match parser.space() {
            None => Ok(v),
            Some(_) => Err(parser.at + 1),
        });
        value.map_err(|at| Syntax::at(text.as_bytes(), at))
    }

    /// Reads JSON from bytes, which must be UTF-8 (an error where they stop being so).
    pub fn parse_bytes(bytes: &[u8]) -> Result<Value, Syntax> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Value::parse(text),
            Err(e) => Err(Syntax::at(bytes, e.valid_up_to() + 1)),
        }
    }

    /// A member of an object (`None` for any other value).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        match self {
            Value::Object(map) => map.get_mut(key),
            _ => None,
        }
    }

    /// Sets a member of an object; any other value is left as it is.
    pub fn set(&mut self, key: &str, value: Value) {
        if let Value::Object(map) = self {
            map.insert(key.to_string(), value);
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        self.number()?.as_u64()
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.number()?.as_i64()
    }

    /// A whole number, of any size.
    pub fn is_integer(&self) -> bool {
        matches!(self, Value::Number(Number::Unsigned(_) | Number::Negative(_)))
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.number().map(Number::as_f64)
    }

    fn number(&self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value, leaving `null` in its place.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }

    /// Written with two spaces of indent per level, for files people open.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out
    }

    fn write_pretty(&self, out: &mut String, depth: usize) {
        use super::to_json::ToJson;
        let open = |out: &mut String, depth: usize, i: usize| {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.extend(std::iter::repeat_n("  ", depth + 1));
        };
        let close = |out: &mut String, empty: bool, end: char| {
            if !empty {
                out.push('\n');
                out.extend(std::iter::repeat_n("  ", depth));
            }
            out.push(end);
        };
        match self {
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    open(out, depth, i);
                    item.write_pretty(out, depth + 1);
                }
                close(out, items.is_empty(), ']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (key, value)) in map.iter().enumerate() {
                    open(out, depth, i);
                    key.write(out);
                    out.push_str(": ");
                    value.write_pretty(out, depth + 1);
                }
                close(out, map.is_empty(), '}');
            }
            other => other.write(out),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::String(s.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number::Unsigned(n))
    }
}

/// A number, or `null` when it is not finite (JSON has no NaN or infinity).
impl From<f64> for Value {
    fn from(x: f64) -> Value {
        if x.is_finite() {
            Value::Number(Number::Float(x))
        } else {
            Value::Null
        }
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

impl<V: Clone + Into<Value>> From<&SortedMap<String, V>> for Value {
    fn from(map: &SortedMap<String, V>) -> Value {
        Value::Object(map.iter().map(|(k, v)| (k.clone(), v.clone().into())).collect())
    }
}

impl From<&SortedSet<String>> for Value {
    fn from(set: &SortedSet<String>) -> Value {
        Value::Array(set.iter().map(Value::from).collect())
    }
}

/// An object of `members`, in their order.
pub fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    Value::Object(members.into_iter().collect())
}

/// Tests build values with serde_json (`json!`, indexing) and read them as the app does.
#[cfg(all(test, not(target_arch = "wasm32")))]
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Value {
        Value::parse(&v.to_string()).expect("serde_json writes JSON")
    }
}

/// Compact JSON text, as serde_json wrote it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::to_json::ToJson::to_json(self))
    }
}

/// Where text stops being JSON: the line (from 1) and the column (in bytes) of the byte
/// that does not fit, or of the last byte when the text ends too soon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Syntax {
    pub line: usize,
    pub column: usize,
}

impl Syntax {
    /// `at` is the offset just past the offending byte.
    fn at(text: &[u8], at: usize) -> Syntax {
        let before = &text[..at.min(text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        Syntax {
            line: 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - line_start,
        }
    }
}

/// A parse step: the value, or the offset just past the byte where the text went wrong.
type Step<T> = Result<T, usize>;

/// Nesting deeper than this is refused rather than risk the stack (serde_json's limit).
const MAX_DEPTH: u32 = 128;

/// Exact powers of ten: every one up to 10^22 is a double.
const POWERS: [f64; 23] = {
    let mut p = [1.0; 23];
    let mut i = 1;
    while i < p.len() {
        p[i] = p[i - 1] * 10.0;
        i += 1;
    }
    p
};

struct Parser<'t> {
    /// The text, as bytes to read and as `str` to copy whole characters from.
    src: &'t str,
    text: &'t [u8],
    /// The next byte to read.
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skips white space; the next byte, if any.
    fn space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    /// An error at the next byte (or at the end).
    fn here<T>(&self) -> Step<T> {
        Err((self.at + 1).min(self.text.len()))
    }

    /// Reads the next byte, which must be there.
    fn next(&mut self) -> Step<u8> {
        let b = self.peek().ok_or(self.text.len())?;
        self.at += 1;
        Ok(b)
    }

    fn value(&mut self) -> Step<Value> {
        match self.space() {
            None => Err(self.text.len()),
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Value::String)
            }
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => self.here(),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Step<Value> {
        for &expected in word {
            if self.next()? != expected {
                return Err(self.at);
            }
        }
        Ok(value)
    }

    /// An array or object, its opening byte next, at one more level of nesting.
    fn nested(&mut self, read: fn(&mut Self) -> Step<Value>) -> Step<Value> {
        self.at += 1;
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.at);
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// After a member: `,` then more (`true`), or `end` (`false`).
    fn more(&mut self, end: u8) -> Step<bool> {
        match self.space() {
            Some(b',') => {
                self.at += 1;
                match self.space() {
                    Some(b) if b == end => self.here(),
                    _ => Ok(true),
                }
            }
            Some(b) if b == end => {
                self.at += 1;
                Ok(false)
            }
            None => Err(self.text.len()),
            Some(_) => self.here(),
        }
    }

    fn array(&mut self) -> Step<Value> {
        let mut items = Vec::new();
        if self.space() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            if !self.more(b']')? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn object(&mut self) -> Step<Value> {
        let mut members = Vec::new();
        if self.space() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            match self.space() {
                Some(b'"') => self.at += 1,
                None => return Err(self.text.len()),
                Some(_) => return self.here(),
            }
            let key = self.string()?;
            match self.space() {
                Some(b':') => self.at += 1,
                None => return Err(self.text.len()),
                Some(_) => return self.here(),
            }
            members.push((key, self.value()?));
            if !self.more(b'}')? {
                return Ok(Value::Object(Map(members)));
            }
        }
    }

    /// A string's text, its opening quote read.
    fn string(&mut self) -> Step<String> {
        let mut out = String::new();
        loop {
            // The bytes up to the next quote, escape or control character, copied at once.
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Cut only at ASCII bytes: always between whole characters.
            out.push_str(self.src.get(start..self.at).unwrap_or_default());
            match self.next()? {
                b'"' => return Ok(out),
                b'\\' => self.escape(&mut out)?,
                _ => return Err(self.at),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Step<()> {
        let c = match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode()?,
            _ => return Err(self.at),
        };
        out.push(c);
        Ok(())
    }

    /// A `\u` escape, its `u` read: a character, or a surrogate pair in two escapes.
    fn unicode(&mut self) -> Step<char> {
        let first = self.hex()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.at),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.text.len()),
                        Some(b) if b == expected => self.at += 1,
                        Some(_) => return self.here(),
                    }
                }
                match self.hex()? {
                    second @ 0xDC00..=0xDFFF => 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00),
                    _ => return Err(self.at),
                }
            }
            code => code,
        };
        char::from_u32(code).ok_or(self.at)
    }

    /// Four hexadecimal digits.
    fn hex(&mut self) -> Step<u32> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(self.text.len())?;
        self.at += 4;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16).ok_or(self.at)?;
        }
        Ok(n)
    }

    /// A number, as serde_json reads one: digits gathered into a whole number while it fits,
    /// then the decimal point and exponent applied by one exact multiplication or division
    /// (exact when the digits fit 2^53 and the power is at most 10^22).
    fn number(&mut self) -> Step<Number> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut significand = match self.next()? {
            b'0' if matches!(self.peek(), Some(b'0'..=b'9')) => return self.here(),
            d @ b'0'..=b'9' => u64::from(d - b'0'),
            _ => return Err(self.at),
        };
        let mut exponent: i32 = 0;
        // Digits past what a u64 holds only scale the number.
        let digits = |p: &mut Self, significand: &mut u64| {
            let mut dropped = 0;
            let mut count = 0;
            while let Some(d @ b'0'..=b'9') = p.peek() {
                p.at += 1;
                count += 1;
                match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d - b'0'))) {
                    Some(s) if dropped == 0 => *significand = s,
                    _ => dropped += 1,
                }
            }
            (count, dropped)
        };
        let (_, dropped) = digits(self, &mut significand);
        exponent += dropped;
        let mut float = dropped > 0;
        if self.peek() == Some(b'.') {
            self.at += 1;
            let (count, dropped) = digits(self, &mut significand);
            if count == 0 {
                return self.here();
            }
            exponent -= count - dropped;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.at += 1;
            }
            let mut written = match self.next()? {
                d @ b'0'..=b'9' => i32::from(d - b'0'),
                _ => return Err(self.at),
            };
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                match written.checked_mul(10).and_then(|w| w.checked_add(i32::from(d - b'0'))) {
                    Some(w) => written = w,
                    // Past any float: too large is refused here, too small is zero.
                    None if sign >= 0 && significand != 0 => return Err(self.at),
                    None => written = i32::MAX,
                }
            }
            exponent = exponent.saturating_add(if sign < 0 { -written } else { written });
            float = true;
        }
        if !float {
            return Ok(match (negative, significand) {
                (false, n) => Number::Unsigned(n),
                (true, 0) => Number::Float(-0.0),
                (true, n) => match 0i64.checked_sub_unsigned(n) {
                    Some(n) => Number::Negative(n),
                    None => Number::Float(-(n as f64)),
                },
            });
        }
        let x = scale(significand as f64, exponent);
        if x.is_infinite() {
            return Err(self.at);
        }
        Ok(Number::Float(if negative { -x } else { x }))
    }
}

/// `x` times ten to the `exponent`, one exact power at a time.
fn scale(mut x: f64, mut exponent: i32) -> f64 {
    let last = POWERS.len() as i32 - 1;
    while exponent != 0 && x != 0.0 && x.is_finite() {
        let step = exponent.clamp(-last, last);
        let power = POWERS[step.unsigned_abs() as usize];
        x = if step > 0 { x * power } else { x / power };
        exponent -= step;
    }
    x
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
