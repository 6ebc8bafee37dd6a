//! Classroom sessions without a server: a teacher's settings travel to students in a link's
//! fragment (which browsers never send to a server), with the public half of a key pair made
//! for the session; only the teacher's browser holds the secret half, which opens the result
//! codes students hand back (`result_code`).

use crate::engine::json::Value;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::assessment::{FixedRule, Mode, Rule, Settings};
use super::attempt::Plan;
use super::bank::DomainFile;
use super::content::Checks;
use super::fields;
use super::own_bank;
use super::problem::{Expected, Problem, ProblemKind, Range};
use super::result_code::new_key_pair;
use super::to_json::{object, ToJson};

/// What problems in a link name as their file.
pub const LINK: &str = "session link";
/// The version of the link format.
const LINK_VERSION: u64 = 1;
/// The most a deflated link may inflate to: a class's worth of questions is tens of
/// kilobytes, and a hostile link must not fill the student's memory.
const MAX_LINK_JSON: usize = 1 << 20;
/// The longest link a QR code holds (version 40, low error correction: 2,953 bytes), less
/// room for the address it follows.
pub const QR_LINK_MAX: usize = 2_900;

/// A session as the teacher set it up; everything a student's browser needs to take it.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Session {
    /// The first 8 bytes of the public key, in hexadecimal: a link whose key was swapped
    /// shows another id, and another [`Session::fingerprint`].
    pub id: String,
    pub title: String,
    pub domains: Vec<String>,
    /// A mode id of the assessment settings (fixed form or adaptive).
    pub mode: String,
    /// A fixed form's length per domain, in place of the settings' (adaptive modes keep theirs).
    pub items_per_domain: Option<usize>,
    /// Time limit in minutes, if any.
    pub minutes: Option<u32>,
    /// The interface languages students may use; the first is the default.
    pub languages: Vec<String>,
    /// Draws the fixed form (the same for everyone) or seeds adaptive selection.
    pub seed: u64,
    /// The session's X25519 public key, base64url.
    pub public_key: String,
    /// The teacher's own questions the session asks (domain [`own_bank::DOMAIN`]), as the
    /// JSON text `OwnBank::to_json` wrote: they travel with the session, since a student's
    /// browser has no other way to get them, and stay as they were when the session was made.
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub questions: Option<String>,
}

impl Session {
    /// The link's fragment payload: the session as JSON, base64url-encoded; with the
    /// teacher's questions in it, deflated first and marked by a leading `z` (a JSON payload
    /// starts with `ey`), which keeps the link about a third of the length.
    pub fn to_payload(&self) -> String {
        let json = payload_json(self, LINK_VERSION);
        if self.questions.is_none() {
            return URL_SAFE_NO_PAD.encode(json);
        }
        format!("z{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9)))
    }

    /// Reads a link's payload and checks it against the content, with a precise problem for
    /// each fault (`file` is [`LINK`]).
    pub fn from_payload(payload: &str, checks: &Checks) -> Result<Session, Vec<Problem>> {
        let inflated;
        let payload = match payload.trim().strip_prefix('z') {
            Some(deflated) => {
                let broken = || {
                    vec![Problem {
                        file: LINK.into(),
                        item: None,
                        path: String::new(),
                        kind: ProblemKind::WrongType { expected: Expected::Object },
                    }]
                };
                let bytes = URL_SAFE_NO_PAD.decode(deflated).map_err(|_| broken())?;
                let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_LINK_JSON)
                    .map_err(|_| broken())?;
                inflated = URL_SAFE_NO_PAD.encode(json);
                &inflated
            }
            None => payload,
        };
        let session = from_payload(LINK, payload, LINK_VERSION, Session::read)?;
        let problems = session.check(checks);
        if problems.is_empty() {
            Ok(session)
        } else {
            Err(problems)
        }
    }

    /// Every way the session does not fit the content, or is malformed.
    pub fn check(&self, checks: &Checks) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut report = |ok: bool, path: String, kind: ProblemKind| {
            if !ok {
                problems.push(Problem { file: LINK.into(), item: None, path, kind });
            }
        };
        let hex = self.id.len() == 16 && self.id.chars().all(|c| c.is_ascii_hexdigit());
        report(hex, "id".into(), ProblemKind::OutOfRange { range: Range::HexId });
        if let (true, Some(key)) = (hex, self.public_key_bytes()) {
            report(
                self.id == id_hex(&key[..8]),
                "id".into(),
                ProblemKind::OutOfRange { range: Range::KeyId },
            );
        }
        report(!self.title.trim().is_empty(), "title".into(), ProblemKind::Empty);
        report(!self.domains.is_empty(), "domains".into(), ProblemKind::Empty);
        for (i, d) in self.domains.iter().enumerate() {
            let own = d == own_bank::DOMAIN && self.questions.is_some();
            report(
                own || checks.domains.contains(d),
                format!("domains[{i}]"),
                ProblemKind::UnknownDomain { id: d.clone() },
            );
        }
        let mut in_questions = Vec::new();
        if let Some(text) = &self.questions {
            match DomainFile::parse_own(LINK, own_bank::DOMAIN, text) {
                Ok(file) => report(!file.items.is_empty(), "questions".into(), ProblemKind::Empty),
                Err(found) => in_questions = found,
            }
        }
        report(
            checks.settings.mode(&self.mode).is_some(),
            "mode".into(),
            ProblemKind::UnknownOption { id: self.mode.clone() },
        );
        report(
            self.items_per_domain.is_none_or(|n| (1..=50).contains(&n)),
            "items_per_domain".into(),
            ProblemKind::OutOfRange { range: Range::OneToFifty },
        );
        report(
            self.minutes.is_none_or(|n| (1..=240).contains(&n)),
            "minutes".into(),
            ProblemKind::OutOfRange { range: Range::OneTo240 },
        );
        report(!self.languages.is_empty(), "languages".into(), ProblemKind::Empty);
        for (i, l) in self.languages.iter().enumerate() {
            report(
                checks.languages.contains(l),
                format!("languages[{i}]"),
                ProblemKind::UnknownOption { id: l.clone() },
            );
        }
        report(
            self.public_key_bytes().is_some(),
            "public_key".into(),
            ProblemKind::OutOfRange { range: Range::Key },
        );
        problems.append(&mut in_questions);
        problems
    }

    /// The file a teacher shares beside a link too long for a QR code: the link's payload,
    /// which a student opens on the join page (`read_session_file`).
    pub fn to_file(&self) -> String {
        let mut out = String::new();
        object(&mut out, |o| {
            o.field("kafaa_session", &LINK_VERSION).field("payload", &self.to_payload());
        });
        out
    }

    /// The session's title and own questions, when it has some.
    pub fn own_questions(&self) -> Option<(String, String)> {
        self.questions.clone().map(|q| (self.title.clone(), q))
    }

    pub fn public_key_bytes(&self) -> Option<[u8; 32]> {
        key_bytes(&self.public_key)
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.id)
    }

    /// The mode students take: the settings' mode, with the session's length and seed for a
    /// fixed form so that everyone gets the same items.
    pub fn mode<'s>(&self, settings: &'s Settings) -> Option<Mode> {
        let mode: &'s Mode = settings.mode(&self.mode)?;
        let mut mode = mode.clone();
        if let Rule::Fixed(rule) = &mode.rule {
            let items_per_domain = self.items_per_domain.unwrap_or(rule.items_per_domain);
            mode.rule = Rule::Fixed(FixedRule { items_per_domain, seed: self.seed });
        }
        Some(mode)
    }

    /// The plan of a student's attempt in `mode` (from [`Session::mode`]): the session's
    /// domains and seed, no certainty marking, and no items avoided, so that every student
    /// takes exactly the session's quiz.
    pub fn plan<'a>(&'a self, mode: &'a Mode, settings: &'a Settings, now: f64) -> Plan<'a> {
        Plan {
            mode,
            settings,
            domains: &self.domains,
            certainty: false,
            seed: self.seed,
            now,
            avoid: Vec::new(),
        }
    }
}

/// A link's fragment payload: `value` as JSON with its format version `v`, base64url-encoded.
pub(crate) fn to_payload(value: &impl ToJson, version: u64) -> String {
    URL_SAFE_NO_PAD.encode(payload_json(value, version))
}

/// A link's JSON: the value with the format's version.
fn payload_json(value: &impl ToJson, version: u64) -> String {
    // An object's text ends with its closing brace: the version goes in as its last field.
    let mut json = value.to_json();
    json.pop();
    json.push_str(&format!(",\"v\":{version}}}"));
    json
}

/// Reads a link's payload of format `version`, with a precise problem (in `file`) for each
/// fault: not base64url, not JSON, another version, or the wrong shape (`read`).
pub(crate) fn from_payload<T>(
    file: &str,
    payload: &str,
    version: u64,
    read: fn(&Value) -> fields::Read<T>,
) -> Result<T, Vec<Problem>> {
    let one = |path: &str, kind| vec![Problem { file: file.into(), item: None, path: path.into(), kind }];
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim())
        .map_err(|_| one("", ProblemKind::WrongType { expected: Expected::Object }))?;
    let value: Value = Value::parse_bytes(&bytes).map_err(|e| vec![Problem::from_json(file, &e)])?;
    match value.get("v").and_then(Value::as_u64) {
        Some(v) if v == version => {}
        other => {
            let found = other.map_or("none".to_string(), |v| v.to_string());
            return Err(one("v", ProblemKind::UnsupportedSchema { found }));
        }
    }
    fields::in_file(file, read(&value)).map_err(|p| vec![p])
}

impl Session {
    /// Reads a session's JSON (see [`fields`] for why by hand); other keys (the link's `v`)
    /// are left alone.
    pub fn read(v: &Value) -> fields::Read<Session> {
        let mut f = fields::object(v)?;
        let session = Session {
            id: f.get("id", fields::string),
            title: f.get("title", fields::string),
            domains: f.get("domains", fields::strings),
            mode: f.get("mode", fields::string),
            items_per_domain: f.optional("items_per_domain", fields::unsigned),
            minutes: f.optional("minutes", fields::unsigned),
            languages: f.get("languages", fields::strings),
            seed: f.get("seed", fields::unsigned),
            public_key: f.get("public_key", fields::string),
            questions: f.optional("questions", fields::string),
        };
        f.end().map(|()| session)
    }
}

impl ToJson for Session {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("id", &self.id)
                .field("title", &self.title)
                .field("domains", &self.domains)
                .field("mode", &self.mode)
                .field("items_per_domain", &self.items_per_domain)
                .field("minutes", &self.minutes)
                .field("languages", &self.languages)
                .field("seed", &self.seed)
                .field("public_key", &self.public_key);
            if let Some(questions) = &self.questions {
                o.field("questions", questions);
            }
        });
    }
}

impl ToJson for ClassSession {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("session", &self.session)
                .field("secret_key", &self.secret_key)
                .field("codes", &self.codes)
                .field("created_at", &self.created_at)
                .field("excluded", &self.excluded);
        });
    }
}

/// A session a teacher created here: the session, its secret key, and every result code
/// imported, kept as given (scores are always recomputed from them).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ClassSession {
    pub session: Session,
    /// The X25519 secret key, base64url: it never leaves this device unless exported.
    pub secret_key: String,
    pub codes: Vec<String>,
    pub created_at: f64,
    /// Students the teacher left out of the figures (by `Submission::id`), having judged a
    /// code that does not match the session: still listed, and counted again on request.
    pub excluded: Vec<String>,
}

/// The marker and version of a session key file.
const KEY_FILE: u64 = 1;

impl ClassSession {
    /// Reads a session as stored (or in its key file).
    pub fn read(v: &Value) -> fields::Read<ClassSession> {
        let mut f = fields::object(v)?;
        let session = ClassSession {
            session: f.get("session", Session::read),
            secret_key: f.get("secret_key", fields::string),
            codes: f.get("codes", fields::strings),
            created_at: f.get("created_at", fields::number),
            excluded: f.optional("excluded", fields::strings).unwrap_or_default(),
        };
        f.end().map(|()| session)
    }

    /// A new session with a fresh key pair and id.
    pub fn create(mut session: Session, now: f64) -> ClassSession {
        let (secret, public) = new_key_pair();
        session.id = id_hex(&public[..8]);
        session.public_key = URL_SAFE_NO_PAD.encode(public);
        ClassSession {
            session,
            secret_key: URL_SAFE_NO_PAD.encode(secret),
            codes: Vec::new(),
            created_at: now,
            excluded: Vec::new(),
        }
    }

    /// Counts the student `id` in the figures again, or leaves them out.
    pub fn count(&mut self, id: &str, counted: bool) {
        self.excluded.retain(|x| x != id);
        if !counted {
            self.excluded.push(id.to_string());
        }
    }

    pub fn secret_key_bytes(&self) -> Option<[u8; 32]> {
        URL_SAFE_NO_PAD.decode(&self.secret_key).ok()?.try_into().ok()
    }

    /// The file a teacher downloads to open the session elsewhere (another device, a
    /// counselor): the session, its secret key and the codes imported so far.
    pub fn to_key_file(&self) -> String {
        let mut v: Value = Value::parse(&self.to_json()).unwrap_or_default();
        v.set("kafaa_session_key", Value::from(KEY_FILE));
        v.pretty()
    }
}

/// Reads a session key file; `None` unless it is one whose secret key matches its session's
/// public key.
pub fn read_key_file(text: &str) -> Option<ClassSession> {
    let v = Value::parse(text).ok()?;
    if v.get("kafaa_session_key").and_then(Value::as_u64) != Some(KEY_FILE) {
        return None;
    }
    let session = ClassSession::read(&v).ok()?;
    let public = crypto_box::SecretKey::from(session.secret_key_bytes()?).public_key();
    let key = session.session.public_key_bytes()?;
    (key == *public.as_bytes() && session.session.id == id_hex(&key[..8])).then_some(session)
}

/// The link payload of a session file (`Session::to_file`); `None` for any other file. The
/// payload is then read and checked like any link's.
pub fn read_session_file(text: &str) -> Option<String> {
    let v = Value::parse(text).ok()?;
    if v.get("kafaa_session").and_then(Value::as_u64) != Some(LINK_VERSION) {
        return None;
    }
    let payload = v.get("payload")?.as_str()?;
    payload.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_').then(|| payload.to_string())
}

/// What a class compares with the board to know its link is the teacher's: the session
/// id's first 8 digits, as `4139-963e` (the id is its key's, see [`Session::check`]).
pub fn fingerprint(id: &str) -> String {
    let id = id.get(..8).unwrap_or_default();
    format!("{}-{}", id.get(..4).unwrap_or_default(), id.get(4..).unwrap_or_default())
}

/// A 32-byte key from base64url.
pub fn key_bytes(key: &str) -> Option<[u8; 32]> {
    URL_SAFE_NO_PAD.decode(key).ok()?.try_into().ok()
}

/// Hexadecimal id → bytes.
pub fn id_bytes(id: &str) -> Option<[u8; 8]> {
    if id.len() != 16 {
        return None;
    }
    let mut out = [0u8; 8];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(id.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Bytes → hexadecimal id.
pub fn id_hex(bytes: &[u8]) -> String {
    // Not `format!` per byte: every code of a class names its student by one of these.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
