//! Writes what is stored as JSON text by hand, the counterpart of [`super::fields`]: serde's
//! derived writers, with the serializer they drive, were 3.1 KB gzip of the
//! self-assessment's wasm, which writes nothing else. A [`Value`] built in code (an export,
//! xAPI statements) is written here too.

use std::fmt::Write;
use std::rc::Rc;

use super::json::{Number, Value};
use super::sorted::{SortedMap, SortedSet};

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write(&self, out: &mut String);

    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Writes an object: `fields` adds each field with [`Object::field`].
pub fn object(out: &mut String, fields: impl FnOnce(&mut Object)) {
    out.push('{');
    fields(&mut Object { out, first: true });
    out.push('}');
}

/// An object's fields, written one after another.
pub struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl Object<'_> {
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        key.write(self.out);
        self.out.push(':');
        value.write(self.out);
        self
    }
}

impl ToJson for str {
    fn write(&self, out: &mut String) {
        out.push('"');
        for c in self.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if c < ' ' => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl ToJson for String {
    fn write(&self, out: &mut String) {
        self.as_str().write(out);
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
integers!(u64, usize, u32, i8);

/// The shortest form that reads back as the same number (as serde_json wrote it, with the
/// same crate); `null` when not finite.
impl ToJson for f64 {
    fn write(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            out.push_str("null");
        }
    }
}

impl ToJson for Number {
    fn write(&self, out: &mut String) {
        match *self {
            Number::Unsigned(n) => n.write(out),
            Number::Negative(n) => {
                let _ = write!(out, "{n}");
            }
            Number::Float(x) => x.write(out),
        }
    }
}

impl ToJson for Value {
    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write(out),
            Value::Number(n) => n.write(out),
            Value::String(s) => s.write(out),
            Value::Array(items) => items.write(out),
            Value::Object(map) => object(out, |o| {
                for (key, value) in map.iter() {
                    o.field(key, value);
                }
            }),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(value) => value.write(out),
            None => out.push_str("null"),
        }
    }
}

fn list<'a, T: ToJson + 'a>(out: &mut String, values: impl Iterator<Item = &'a T>) {
    out.push('[');
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push(',');
        }
        value.write(out);
    }
    out.push(']');
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, out: &mut String) {
        list(out, self.iter());
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut String) {
        self.as_slice().write(out);
    }
}

impl<T: ToJson> ToJson for SortedSet<T> {
    fn write(&self, out: &mut String) {
        list(out, self.iter());
    }
}

impl<T: ToJson> ToJson for SortedMap<String, T> {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            for (key, value) in self {
                o.field(key, value);
            }
        });
    }
}

impl<T: ToJson + ?Sized> ToJson for Rc<T> {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
