//! Results sent to a counselor: one student's result, and nothing else, readable only by the
//! counselor it is meant for.
//!
//! A counselor makes a key pair on their own device and hands out a link carrying the public
//! half ([`CounselorLink`]). A learner who assessed alone opens that link and seals a finished
//! attempt to it; a teacher seals one student's result from a class to it, so the counselor
//! never needs the whole class's key. Either way the code is a [`Referral`]: the raw
//! responses with what scoring them needs (mode, seed, domains) and, if the learner chose,
//! their interest answers; the counselor's browser rescores it like any other attempt. The
//! code's frame is a result code's (`result_code`), named by the counselor's key id.

use crate::engine::json::Value;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::attempt::Attempt;
use super::bank::Bank;
use super::content::Checks;
use super::fields;
use super::problem::{Problem, ProblemKind, Range};
use super::result_code::{
    attempt_of, fnv1a64, new_key_pair, open_sealed, put_len, put_list, put_responses, put_str,
    seal_compressed, Agreed, CodeError, Reader, Response, Submission,
};
use super::session::{fingerprint, from_payload, id_hex, key_bytes, to_payload, Session};
use super::sorted::SortedMap;
use super::to_json::{object, ToJson};

/// What problems in a counselor link name as their file.
pub const COUNSELOR_LINK: &str = "counselor link";
/// What problems in an opened referral name as their file.
pub const REFERRAL: &str = "result code";
/// The version of the link format.
const LINK_VERSION: u64 = 1;
/// The first byte of a referral's payload (a class submission's is 1).
const REFERRAL_VERSION: u8 = 2;

/// What a counselor hands out: who they are and the public key results are sealed to.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct CounselorLink {
    /// The first 8 bytes of the public key, in hexadecimal, like a session's id.
    pub id: String,
    /// The counselor's name and office, as they typed it (shown to learners, not proven:
    /// the fingerprint is what they compare).
    pub name: String,
    /// X25519 public key, base64url.
    pub public_key: String,
}

impl CounselorLink {
    /// The link's fragment payload: JSON, base64url-encoded.
    pub fn to_payload(&self) -> String {
        to_payload(self, LINK_VERSION)
    }

    /// Reads a link's JSON (see [`fields`] for why by hand).
    fn read(v: &Value) -> fields::Read<CounselorLink> {
        let mut f = fields::object(v)?;
        let link = CounselorLink {
            id: f.get("id", fields::string),
            name: f.get("name", fields::string),
            public_key: f.get("public_key", fields::string),
        };
        f.end().map(|()| link)
    }

    /// Reads a link's payload, with a precise problem for each fault.
    pub fn from_payload(payload: &str) -> Result<CounselorLink, Vec<Problem>> {
        let one = |path: &str, kind| {
            vec![Problem { file: COUNSELOR_LINK.into(), item: None, path: path.into(), kind }]
        };
        let link = from_payload(COUNSELOR_LINK, payload, LINK_VERSION, CounselorLink::read)?;
        if link.name.trim().is_empty() {
            return Err(one("name", ProblemKind::Empty));
        }
        match key_bytes(&link.public_key) {
            None => Err(one("public_key", ProblemKind::OutOfRange { range: Range::Key })),
            Some(key) if id_hex(&key[..8]) != link.id => {
                Err(one("id", ProblemKind::OutOfRange { range: Range::KeyId }))
            }
            Some(_) => Ok(link),
        }
    }

    /// What a learner compares with the counselor's own page (or poster).
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.id)
    }
}

impl ToJson for CounselorLink {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("id", &self.id).field("name", &self.name).field("public_key", &self.public_key);
        });
    }
}

impl ToJson for CounselorKey {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("link", &self.link)
                .field("secret_key", &self.secret_key)
                .field("created_at", &self.created_at);
        });
    }
}

/// A counselor's key pair, kept on the counselor's device.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct CounselorKey {
    pub link: CounselorLink,
    /// X25519 secret key, base64url: it never leaves this device unless exported.
    pub secret_key: String,
    pub created_at: f64,
}

impl CounselorKey {
    /// Reads a key pair as kept (`store::Kept`).
    pub fn read(v: &Value) -> fields::Read<CounselorKey> {
        let mut f = fields::object(v)?;
        let key = CounselorKey {
            link: f.get("link", CounselorLink::read),
            secret_key: f.get("secret_key", fields::string),
            created_at: f.get("created_at", fields::number),
        };
        f.end().map(|()| key)
    }

    /// A new key pair for the counselor `name`.
    pub fn create(name: &str, now: f64) -> CounselorKey {
        let (secret, public) = new_key_pair();
        CounselorKey {
            link: CounselorLink {
                id: id_hex(&public[..8]),
                name: name.trim().to_string(),
                public_key: URL_SAFE_NO_PAD.encode(public),
            },
            secret_key: URL_SAFE_NO_PAD.encode(secret),
            created_at: now,
        }
    }

    pub fn secret_key_bytes(&self) -> Option<[u8; 32]> {
        key_bytes(&self.secret_key)
    }

    /// Opens a referral sealed to this counselor; every fault is named.
    pub fn open(&self, code: &str) -> Result<Referral, CodeError> {
        let secret = self.secret_key_bytes().ok_or(CodeError::WrongKey)?;
        let bytes = open_sealed(code, &self.link.id, &self.link.public_key, &secret, &Agreed::new())?;
        let referral = Referral::from_bytes(&bytes).ok_or(CodeError::Damaged)?;
        if referral.counselor != self.link.id {
            return Err(CodeError::OtherSession(referral.counselor));
        }
        Ok(referral)
    }
}

/// One learner's result, sealed to one counselor.
#[derive(Clone, Debug, PartialEq)]
pub struct Referral {
    /// The counselor's id.
    pub counselor: String,
    /// The learner's name or pseudonym.
    pub label: String,
    /// The class session's title, or empty for a learner who assessed alone.
    pub title: String,
    /// What scoring needs: the mode's id, the seed and the domains.
    pub mode: String,
    pub seed: u64,
    pub domains: Vec<String>,
    /// When the attempt was finished (milliseconds since the epoch; 0 when unknown).
    pub finished_at: f64,
    pub responses: Vec<Response>,
    /// The learner's answers to the interest questions (item → +1, 0, −1), if they sent them.
    pub interests: SortedMap<String, i8>,
}

impl Referral {
    /// A learner's own finished attempt, sent to `counselor` (its id).
    pub fn of_attempt(
        counselor: &str,
        label: &str,
        attempt: &Attempt,
        interests: SortedMap<String, i8>,
    ) -> Referral {
        let submission = Submission::of(counselor, label, attempt);
        Referral {
            counselor: counselor.to_string(),
            label: label.trim().to_string(),
            title: String::new(),
            mode: attempt.mode.clone(),
            seed: attempt.seed,
            domains: attempt.domains.clone(),
            finished_at: attempt.finished_at.unwrap_or(0.0),
            responses: submission.responses,
            interests,
        }
    }

    /// One student's result of a class session, sent on to `counselor` by the teacher.
    pub fn of_class(counselor: &str, session: &Session, submission: &Submission) -> Referral {
        Referral {
            counselor: counselor.to_string(),
            label: submission.label.clone(),
            title: session.title.clone(),
            mode: session.mode.clone(),
            seed: session.seed,
            domains: session.domains.clone(),
            finished_at: 0.0,
            responses: submission.responses.clone(),
            interests: SortedMap::new(),
        }
    }

    /// Who this is for the counselor's notes: the counselor and a hash of everything sent,
    /// so a code made again from the same result keeps its notes.
    pub fn id(&self) -> String {
        format!("{}-{}", self.counselor, id_hex(&fnv1a64(&self.to_bytes()).to_be_bytes()))
    }

    /// Everything in the code this version of Kafaa cannot score: a mode or domain it does
    /// not know (a code from a newer version, or a made-up one).
    pub fn check(&self, checks: &Checks) -> Vec<Problem> {
        let problem = |path: String, kind| Problem { file: REFERRAL.into(), item: None, path, kind };
        let mut problems = Vec::new();
        if checks.settings.mode(&self.mode).is_none() {
            problems.push(problem("mode".into(), ProblemKind::UnknownOption { id: self.mode.clone() }));
        }
        if self.domains.is_empty() {
            problems.push(problem("domains".into(), ProblemKind::Empty));
        }
        for (i, d) in self.domains.iter().enumerate() {
            if !checks.domains.contains(d) {
                problems.push(problem(format!("domains[{i}]"), ProblemKind::UnknownDomain { id: d.clone() }));
            }
        }
        problems
    }

    /// The responses as an attempt, to be scored like any other; unknown items are left out.
    pub fn to_attempt(&self, bank: &Bank) -> Attempt {
        let mut attempt = attempt_of(self.id(), bank, &self.mode, self.seed, &self.domains, &self.responses);
        attempt.finished_at = Some(self.finished_at);
        attempt
    }

    /// Encodes, compresses and seals the referral to the counselor's public key.
    pub fn seal(&self, link: &CounselorLink) -> Option<String> {
        let compressed = miniz_oxide::deflate::compress_to_vec(&self.to_bytes(), 9);
        seal_compressed(&link.id, &link.public_key, &compressed)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![REFERRAL_VERSION];
        put_str(&mut out, &self.counselor);
        put_str(&mut out, &self.label);
        put_str(&mut out, &self.title);
        put_str(&mut out, &self.mode);
        out.extend_from_slice(&self.seed.to_be_bytes());
        put_list(&mut out, self.domains.iter());
        out.extend_from_slice(&self.finished_at.to_be_bytes());
        put_responses(&mut out, &self.responses);
        put_len(&mut out, self.interests.len());
        for (item, answer) in &self.interests {
            put_str(&mut out, item);
            // −1, 0, +1 as 0, 1, 2.
            out.push((answer.clamp(&-1, &1) + 1) as u8);
        }
        out
    }

    fn from_bytes(bytes: &[u8]) -> Option<Referral> {
        let mut r = Reader { bytes, at: 0 };
        if r.byte()? != REFERRAL_VERSION {
            return None;
        }
        let counselor = r.string()?;
        let label = r.string()?;
        let title = r.string()?;
        let mode = r.string()?;
        let seed = u64::from_be_bytes(r.take(8)?.try_into().ok()?);
        let domains = r.list()?;
        let finished_at = f64::from_be_bytes(r.take(8)?.try_into().ok()?);
        let responses = r.responses()?;
        let mut interests = SortedMap::new();
        for _ in 0..r.len()? {
            let item = r.string()?;
            let answer = match r.byte()? {
                0 => -1,
                1 => 0,
                2 => 1,
                _ => return None,
            };
            interests.insert(item, answer);
        }
        (r.at == bytes.len() && finished_at.is_finite()).then_some(Referral {
            counselor,
            label,
            title,
            mode,
            seed,
            domains,
            finished_at,
            responses,
            interests,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
