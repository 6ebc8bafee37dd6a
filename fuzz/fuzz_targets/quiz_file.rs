//! A teacher's quiz file in any of the formats Kafaa reads (GIFT, Aiken, Moodle XML), and
//! what it reads written back out and read again: no text may make a reader or writer panic.
#![no_main]
use kafaa::engine::interchange::{aiken, gift, moodle_xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for imported in [gift::read(text, "en"), aiken::read(text, "en"), moodle_xml::read(text, "en")] {
        let again = gift::write(&imported.drafts, "en");
        let _ = gift::read(&again.text, "en");
        let _ = moodle_xml::read(&moodle_xml::write(&imported.drafts, "en"), "en");
    }
});
