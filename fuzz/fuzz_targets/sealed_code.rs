//! What a student who holds the link can send: any bytes, sealed to the session's key in a
//! well-formed frame, so that opening gets past the checksum and the seal to the inflater
//! and the payload reader. The first byte chooses whether the rest is sealed as it is (raw
//! deflate input) or deflated first (a payload for the reader itself).
#![no_main]
use kafaa::engine::result_code::{seal_compressed, Submission};
use kafaa::engine::session::ClassSession;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

#[path = "class.rs"]
mod class;

static CLASS: LazyLock<ClassSession> = LazyLock::new(class::class);

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else { return };
    let class = &*CLASS;
    let compressed = if how % 2 == 0 { rest.to_vec() } else { miniz_oxide::deflate::compress_to_vec(rest, 1) };
    let code = seal_compressed(&class.session.id, &class.session.public_key, &compressed).expect("a valid key");
    let secret = class.secret_key_bytes().expect("a fresh key");
    let _ = Submission::open(&code, &class.session, &secret);
});
