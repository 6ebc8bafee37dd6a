//! Result codes: what a student hands back to the teacher after a session, as text to paste,
//! a QR code or a file.
//!
//! A code carries raw responses only (item, answer, seconds) — never a score, which the
//! teacher's browser recomputes. Its layers, inside out: a compact binary form of the
//! [`Submission`], deflate, a sealed box to the session's public key (X25519, XSalsa20-Poly1305,
//! `crypto_box`), then a frame with the format version and the session id in clear (so codes
//! of another session are named as such without a key) and a CRC-32 over everything (so a
//! truncated or mistyped code is told apart from one for another key), in base64url after
//! the `KAFAA-` prefix.

use std::collections::HashMap;
use std::rc::Rc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use blake2::digest::consts::U24;
use blake2::{Blake2b, Digest};
use crypto_box::aead::Aead;
use crypto_box::aead::OsRng;
use crypto_box::{PublicKey, SalsaBox, SecretKey};
use crypto_secretbox::{Kdf, KeyInit, XSalsa20Poly1305};

use super::attempt::{Answer, Attempt};
use super::bank::Bank;
use super::session::{id_bytes, id_hex, key_bytes, Session};
use super::sorted::{SortedMap, SortedSet};

pub mod scan;
pub mod verify;

/// What every code starts with.
pub const PREFIX: &str = "KAFAA-";
/// The frame format this version writes and reads.
const VERSION: u8 = 1;
/// Version byte, session id, the sealed box's own overhead (ephemeral key and tag), CRC.
const OVERHEAD: usize = 1 + 8 + 48 + 4;
/// Larger inflated payloads are refused: no session produces them.
const MAX_PAYLOAD: usize = 1 << 20;

/// A student's raw responses to one session.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    pub session: String,
    /// The name or pseudonym the student typed.
    pub label: String,
    pub responses: Vec<Response>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub item: String,
    pub answer: Option<Answer>,
    /// Time spent on the item.
    pub seconds: u32,
}

/// Why a code was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// It does not start with the prefix.
    NotACode,
    /// Not base64url, too short, or its checksum does not match: cut off or altered on the way.
    Damaged,
    /// Written by a newer version of Kafaa.
    NewerVersion(u8),
    /// A code for another session (its id).
    OtherSession(String),
    /// The right session, but it does not open with this key.
    WrongKey,
}

/// Codes already opened, by session and text: a page that lists a class opens each code
/// once however often it renders, and a code opened for one session is never given for
/// another (keyed by the text alone, a code of class A opened in the morning was accepted by
/// class B in the afternoon). Shared, not copied: a class of 2,000 codes is 60,000 responses,
/// and copying them for each page that lists them cost about 70 ms in wasm.
#[derive(Default)]
pub struct OpenedCodes(HashMap<String, HashMap<String, Rc<Submission>>>);

impl OpenedCodes {
    /// Opens `code` (see [`Submission::open_agreed`]), or gives it as opened before.
    pub fn open(
        &mut self,
        code: &str,
        session: &Session,
        secret: &[u8; 32],
        agreed: &Agreed,
    ) -> Result<Rc<Submission>, CodeError> {
        if let Some(s) = self.get(code, session) {
            return Ok(s.clone());
        }
        let s = Rc::new(Submission::open_agreed(code, session, secret, agreed)?);
        self.0.entry(session.id.clone()).or_default().insert(code.trim().to_string(), s.clone());
        Ok(s)
    }

    /// Whether `code` was opened for `session` already.
    pub fn has(&self, code: &str, session: &Session) -> bool {
        self.get(code, session).is_some()
    }

    fn get(&self, code: &str, session: &Session) -> Option<&Rc<Submission>> {
        self.0.get(&session.id)?.get(code.trim())
    }
}

/// X25519 shared secrets made outside this module, by the ephemeral public key of the sealed
/// box each opens ([`ephemeral_key`]). The one costly step of opening a code is that key
/// agreement (2,000 codes: about 190 ms in wasm); a browser's own cryptography does it
/// natively and off the page's thread. Only a speed-up: a code whose agreed secret does not
/// open it is opened as if there were none, so a wrong secret never refuses a good code.
pub type Agreed = HashMap<[u8; 32], [u8; 32]>;

/// The ephemeral public key of a code's sealed box: with the session's secret key, the key
/// agreement that opens it. Only the start of the code is read (56 characters: version,
/// session id and the key), unchecked: opening the code checks it.
pub fn ephemeral_key(code: &str) -> Option<[u8; 32]> {
    let head = URL_SAFE_NO_PAD.decode(code.trim().strip_prefix(PREFIX)?.get(..56)?).ok()?;
    head.get(9..41)?.try_into().ok()
}

impl Submission {
    /// The submission of a finished attempt of the session `session` (its id).
    pub fn of(session: &str, label: &str, attempt: &Attempt) -> Submission {
        let responses = attempt
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| Response {
                item: item.clone(),
                answer: attempt.answers.get(i).cloned().flatten(),
                seconds: attempt.seconds.get(i).copied().unwrap_or(0),
            })
            .collect();
        Submission { session: session.to_string(), label: label.to_string(), responses }
    }

    /// Who this is within its session: the session and a hash of the name and every
    /// response, so two students with the same name are two attempts (with their own
    /// counselor notes), while a code sealed again from the same attempt is the same one.
    pub fn id(&self) -> String {
        format!("{}-{}", self.session, id_hex(&fnv1a64(&self.to_bytes()).to_be_bytes()))
    }

    /// Where counselor notes may be kept, newest form first: by [`Submission::id`], then as
    /// Kafaa kept them before (by name alone), so that earlier notes are still found.
    pub fn note_keys(&self) -> [String; 2] {
        [self.id(), format!("{}-{}", self.session, id_hex(&crc32(self.label.as_bytes()).to_be_bytes()))]
    }

    /// The responses as an attempt of the session, to be scored like any other. Items the
    /// bank does not have are left out.
    pub fn to_attempt(&self, session: &Session, bank: &Bank) -> Attempt {
        attempt_of(self.id(), bank, &session.mode, session.seed, &session.domains, &self.responses)
    }

    /// Encodes, compresses and seals the submission to the session's public key (base64url).
    pub fn seal(&self, public_key: &str) -> Option<String> {
        let compressed = miniz_oxide::deflate::compress_to_vec(&self.to_bytes(), 9);
        seal_compressed(&self.session, public_key, &compressed)
    }

    /// Opens a code of `session` with its secret key; every fault is named.
    pub fn open(code: &str, session: &Session, secret: &[u8; 32]) -> Result<Submission, CodeError> {
        Submission::open_agreed(code, session, secret, &Agreed::new())
    }

    /// As [`Submission::open`], with key agreements made already (see [`Agreed`]).
    pub fn open_agreed(
        code: &str,
        session: &Session,
        secret: &[u8; 32],
        agreed: &Agreed,
    ) -> Result<Submission, CodeError> {
        let bytes = open_sealed(code, &session.id, &session.public_key, secret, agreed)?;
        // Sealed with the session's key, so a payload that does not read was made wrongly.
        let submission = Submission::from_bytes(&bytes).ok_or(CodeError::Damaged)?;
        if submission.session != session.id {
            return Err(CodeError::OtherSession(submission.session));
        }
        Ok(submission)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![VERSION];
        put_str(&mut out, &self.session);
        put_str(&mut out, &self.label);
        put_responses(&mut out, &self.responses);
        out
    }

    fn from_bytes(bytes: &[u8]) -> Option<Submission> {
        let mut r = Reader { bytes, at: 0 };
        if r.byte()? != VERSION {
            return None;
        }
        let session = r.string()?;
        let label = r.string()?;
        let responses = r.responses()?;
        (r.at == bytes.len()).then_some(Submission { session, label, responses })
    }
}

/// The checked frame of a code: prefix, base64url, length and checksum.
fn frame_of(code: &str) -> Result<Vec<u8>, CodeError> {
    let body = code.trim().strip_prefix(PREFIX).ok_or(CodeError::NotACode)?;
    // After the prefix, anything that does not decode was cut or changed on the way.
    let frame = URL_SAFE_NO_PAD.decode(body).map_err(|_| CodeError::Damaged)?;
    if frame.len() <= OVERHEAD {
        return Err(CodeError::Damaged);
    }
    let (content, crc) = frame.split_at(frame.len() - 4);
    if crc != crc32(content).to_be_bytes() {
        return Err(CodeError::Damaged);
    }
    Ok(frame)
}

/// The id a code names in clear (a session's, or a counselor's): which key opens it.
pub fn code_id(code: &str) -> Option<String> {
    frame_of(code).ok().map(|frame| id_hex(&frame[1..9]))
}

/// The payload of a code sealed to the key `id`, opened with its secret and inflated; every
/// fault is named.
pub(crate) fn open_sealed(
    code: &str,
    id: &str,
    public: &str,
    secret: &[u8; 32],
    agreed: &Agreed,
) -> Result<Vec<u8>, CodeError> {
    let frame = frame_of(code)?;
    if frame[0] != VERSION {
        return Err(CodeError::NewerVersion(frame[0]));
    }
    let named = id_hex(&frame[1..9]);
    if named != id {
        return Err(CodeError::OtherSession(named));
    }
    let sealed = &frame[9..frame.len() - 4];
    let public = key_bytes(public).ok_or(CodeError::WrongKey)?;
    let compressed = unseal(secret, &PublicKey::from(public), sealed, agreed).ok_or(CodeError::WrongKey)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PAYLOAD)
        .map_err(|_| CodeError::Damaged)
}

/// Opens a sealed box (libsodium's `crypto_box_seal_open`) to `public`, the public half of
/// `secret`. As `SecretKey::unseal`, except that it is given the public key where that one
/// derives it from the secret key on every call: a base-point multiplication, a quarter of the
/// time opening a code took in wasm (2,000 codes: about 250 ms in a Chromium profile). The
/// key agreement itself is skipped where `agreed` has it, and so is making the `SecretKey`
/// (a reduction of the scalar, for each code).
fn unseal(secret: &[u8; 32], public: &PublicKey, sealed: &[u8], agreed: &Agreed) -> Option<Vec<u8>> {
    let ephemeral = <[u8; 32]>::try_from(sealed.get(..32)?).ok()?;
    // The nonce is BLAKE2b-192 of the ephemeral and the recipient's public keys.
    let nonce = Blake2b::<U24>::new().chain_update(ephemeral).chain_update(public.as_bytes()).finalize();
    // crypto_box's own construction from the shared secret: HSalsa20 of it keys the secretbox.
    let opened = agreed.get(&ephemeral).and_then(|shared| {
        let key = XSalsa20Poly1305::kdf(shared.into(), &Default::default());
        XSalsa20Poly1305::new(&key).decrypt(&nonce, &sealed[32..]).ok()
    });
    opened.or_else(|| {
        SalsaBox::new(&PublicKey::from(ephemeral), &SecretKey::from(*secret))
            .decrypt(&nonce, &sealed[32..])
            .ok()
    })
}

/// Raw responses as an attempt to be scored like any other, under `id`. Items the bank does
/// not have are left out.
pub(crate) fn attempt_of(
    id: String,
    bank: &Bank,
    mode: &str,
    seed: u64,
    domains: &[String],
    responses: &[Response],
) -> Attempt {
    let known: Vec<&Response> = responses.iter().filter(|r| bank.item(&r.item).is_some()).collect();
    let n = known.len();
    Attempt {
        id,
        bank: bank.id.clone(),
        mode: mode.to_string(),
        seed,
        domains: domains.to_vec(),
        items: known.iter().map(|r| r.item.clone()).collect(),
        answers: known.iter().map(|r| r.answer.clone()).collect(),
        certainty: false,
        certainties: vec![None; n],
        extension: None,
        current: n.saturating_sub(1),
        started_at: 0.0,
        finished_at: Some(0.0),
        seconds: known.iter().map(|r| r.seconds).collect(),
        session: None,
        avoid: Vec::new(),
        lang: None,
    }
}

/// A new key pair for a session: (secret, public), each 32 bytes.
pub fn new_key_pair() -> ([u8; 32], [u8; 32]) {
    let secret = SecretKey::generate(&mut OsRng);
    (secret.to_bytes(), *secret.public_key().as_bytes())
}

/// A code of the session `session` whose sealed content is `compressed` as given: what
/// [`Submission::seal`] makes, and what a student with the link can make of any bytes (so
/// the fuzzer, `fuzz/fuzz_targets/sealed_code.rs`, reaches the inflater and the reader).
pub fn seal_compressed(session: &str, public_key: &str, compressed: &[u8]) -> Option<String> {
    let key = PublicKey::from(key_bytes(public_key)?);
    let sealed = key.seal(&mut OsRng, compressed).ok()?;
    let mut frame = Vec::with_capacity(sealed.len() + OVERHEAD);
    frame.push(VERSION);
    frame.extend_from_slice(&id_bytes(session)?);
    frame.extend_from_slice(&sealed);
    frame.extend_from_slice(&crc32(&frame).to_be_bytes());
    Some(format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(frame)))
}

/// FNV-1a, 64 bits: a stable, dependency-free hash for ids (not a checksum against tampering).
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// CRC-32 (IEEE 802.3), bit by bit: codes are short.
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| (crc >> 8) ^ CRC_TABLE[usize::from(crc as u8 ^ b)])
}

/// CRC-32 a byte at a time: bit by bit, checking 2,000 codes took about 20 ms in wasm.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut crc = n as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
            bit += 1;
        }
        table[n] = crc;
        n += 1;
    }
    table
};
/// Responses in the code's binary form: item, seconds, then the answer by its kind.
pub(crate) fn put_responses(out: &mut Vec<u8>, responses: &[Response]) {
    put_len(out, responses.len());
    for r in responses {
        put_str(out, &r.item);
        put_len(out, r.seconds as usize);
        match &r.answer {
            None => out.push(0),
            Some(Answer::Choice(id)) => {
                out.push(1);
                put_str(out, id);
            }
            Some(Answer::Choices(ids)) => {
                out.push(2);
                put_list(out, ids.iter());
            }
            Some(Answer::Bool(b)) => out.push(if *b { 4 } else { 3 }),
            Some(Answer::Order(ids)) => {
                out.push(5);
                put_list(out, ids.iter());
            }
            Some(Answer::Pairs(pairs)) => {
                out.push(6);
                put_len(out, pairs.len());
                for (from, to) in pairs {
                    put_str(out, from);
                    put_str(out, to);
                }
            }
        }
    }
}

pub(crate) fn put_len(out: &mut Vec<u8>, mut n: usize) {
    // LEB128: seven bits a byte, high bit set while more follow.
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

pub(crate) fn put_list<'a>(out: &mut Vec<u8>, items: impl ExactSizeIterator<Item = &'a String>) {
    put_len(out, items.len());
    for s in items {
        put_str(out, s);
    }
}

pub(crate) struct Reader<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl Reader<'_> {
    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    pub fn len(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// The next `n` bytes as they are.
    pub fn take(&mut self, n: usize) -> Option<&[u8]> {
        let bytes = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    pub fn string(&mut self) -> Option<String> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    pub fn list(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.string()).collect()
    }

    pub fn responses(&mut self) -> Option<Vec<Response>> {
        let n = self.len()?;
        let mut responses = Vec::new();
        for _ in 0..n {
            let item = self.string()?;
            let seconds = u32::try_from(self.len()?).ok()?;
            let answer = match self.byte()? {
                0 => None,
                1 => Some(Answer::Choice(self.string()?)),
                2 => Some(Answer::Choices(self.list()?.into_iter().collect::<SortedSet<_>>())),
                3 => Some(Answer::Bool(false)),
                4 => Some(Answer::Bool(true)),
                5 => Some(Answer::Order(self.list()?)),
                6 => {
                    let mut pairs = SortedMap::new();
                    for _ in 0..self.len()? {
                        pairs.insert(self.string()?, self.string()?);
                    }
                    Some(Answer::Pairs(pairs))
                }
                _ => return None,
            };
            responses.push(Response { item, answer, seconds });
        }
        Some(responses)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
