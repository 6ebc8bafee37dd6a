//! A result code as a teacher pastes it: with and without the prefix, opened with a session's
//! key.
#![no_main]
use kafaa::engine::result_code::{Submission, PREFIX};
use kafaa::engine::session::{ClassSession, Session};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let session = Session {
        id: String::new(),
        title: "Fuzz".into(),
        domains: vec!["web".into()],
        mode: "fixed".into(),
        items_per_domain: None,
        minutes: None,
        languages: vec!["en".into()],
        seed: 1,
        public_key: String::new(),
    };
    let class = ClassSession::create(session, 0.0);
    let secret = class.secret_key_bytes().expect("a fresh key");
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Submission::open(text, &class.session, &secret);
        let _ = Submission::open(&format!("{PREFIX}{text}"), &class.session, &secret);
    }
});
