//! The classroom session both result-code targets open codes of: one web domain, a fresh key.

use kafaa::engine::session::{ClassSession, Session};

pub fn class() -> ClassSession {
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
    ClassSession::create(session, 0.0)
}
