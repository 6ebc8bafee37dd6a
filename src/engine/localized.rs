//! Text carried in several languages, keyed by language code ("en", "fr", "ar", ...).
//!
//! A map rather than fixed fields, so that adding a language is a content change only.

use crate::engine::json::Value;
use crate::engine::sorted::SortedMap;

/// One text in every language a bank declares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(transparent))]
pub struct Localized(pub SortedMap<String, String>);

impl Localized {
    /// The text in `lang`, else in English, else in any language present.
    ///
    /// Validation guarantees every declared language is present, so the fallbacks only matter
    /// when the UI asks for a language the bank does not declare.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Reads a text as the files give it, an object of language code → text (see
    /// [`super::fields`] for why by hand).
    pub fn read(v: &Value) -> super::fields::Read<Localized> {
        super::fields::map(v, super::fields::string).map(Localized)
    }

    /// The text as the files give it.
    pub fn to_value(&self) -> Value {
        Value::from(&self.0)
    }

    /// Builds an English-only text; handy in tests and synthetic banks.
    pub fn en(text: &str) -> Self {
        Localized(SortedMap::from([("en".to_string(), text.to_string())]))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
