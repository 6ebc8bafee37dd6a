//! The build's split of a domain file by language (`examples/split_content.rs`).
//!
//! Authors keep one file per domain with every text in every language; learners fetch only
//! the language they use (a domain file with three languages is three times what a quiz in
//! one of them reads). The split keeps each text's one language and leaves out what only the
//! authors' checks read (an item's `run` block); everything else stays as written, so
//! [`DomainFile::parse_in`](super::super::bank::DomainFile::parse_in) checks it like the
//! source.

use serde_json::Value;

/// `text`, a domain file, with its texts in `lang` only and without `run` blocks, as compact
/// JSON; `None` when it is not JSON.
pub fn in_language(text: &str, lang: &str) -> Option<String> {
    let mut file: Value = serde_json::from_str(text).ok()?;
    let keep = |text: Option<&mut Value>| {
        if let Some(Value::Object(texts)) = text {
            texts.retain(|l, _| l == lang);
        }
    };
    for subtopic in array(file.get_mut("subtopics")) {
        keep(subtopic.get_mut("title"));
    }
    for item in array(file.get_mut("items")) {
        keep(item.get_mut("stem"));
        keep(item.get_mut("explanation"));
        for choice in ["options", "targets"] {
            for choice in array(item.get_mut(choice)) {
                keep(choice.get_mut("text"));
            }
        }
        if let Value::Object(item) = item {
            item.remove("run");
        }
    }
    serde_json::to_string(&file).ok()
}

/// The elements of `value` when it is an array.
fn array(value: Option<&mut Value>) -> impl Iterator<Item = &mut Value> {
    match value {
        Some(Value::Array(values)) => values.iter_mut(),
        _ => [].iter_mut(),
    }
}
