//! What the device stored (localStorage), and a "My data" file being imported, and a session
//! key file.
#![no_main]
use kafaa::engine::session::read_key_file;
use kafaa::engine::store::{import, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let loaded = load(Some(text));
        for attempt in loaded.stored.history.iter().chain(loaded.stored.current.iter()) {
            assert!(attempt.check().is_ok(), "a kept attempt is consistent");
        }
        let _ = import(text);
        let _ = read_key_file(text);
    }
});
