//! A result code as a teacher pastes it: with and without the prefix, opened with a session's
//! key.
#![no_main]
use kafaa::engine::result_code::{Submission, PREFIX};
use libfuzzer_sys::fuzz_target;

#[path = "class.rs"]
mod class;

fuzz_target!(|data: &[u8]| {
    let class = class::class();
    let secret = class.secret_key_bytes().expect("a fresh key");
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Submission::open(text, &class.session, &secret);
        let _ = Submission::open(&format!("{PREFIX}{text}"), &class.session, &secret);
    }
});
