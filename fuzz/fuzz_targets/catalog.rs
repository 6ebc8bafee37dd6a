//! An interface catalog (a language file, or a document's part of one).
#![no_main]
use kafaa::i18n::{english, Catalog};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let language = english().expect("shipped English").language;
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Catalog::parse(language, text);
    }
});
