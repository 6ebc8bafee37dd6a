//! A question bank's domain file: any bytes are read or refused with problems, never a panic.
#![no_main]
use kafaa::engine::bank::{DomainFile, Index};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let index = Index::parse("index.json", include_str!("../../static/content/index.json")).expect("shipped index");
    if let (Ok(text), Some(entry)) = (std::str::from_utf8(data), index.domains.first()) {
        let _ = DomainFile::parse(&index, entry, text);
    }
});
