//! The class's results as xAPI 1.0.3 statements, for schools that keep learning records in a
//! learning record store (LRS): per student, one `answered` statement for each item they
//! answered and one `completed` statement for the attempt with its overall score.
//!
//! Everything is derived from the report, so exporting twice gives the same statements with
//! the same ids, and an LRS that already holds them does not store them again. Answers name
//! options by id, so responses do not depend on the order each student saw the options in.
//!
//! What a result code does not carry stays out: it has no clock time (`Submission::to_attempt`
//! leaves the attempt at the epoch), so statements of a class have no `timestamp` and the LRS
//! stamps them when it stores them; an attempt that does have times gets them. Unanswered
//! items have no `answered` statement (there is no response to report) but count as wrong in
//! the `completed` score, as in the report; pilot items have an `answered` statement (right
//! or wrong) but no part in the score, also as in the report. Rows whose code does not match
//! the session (`StudentRow::mismatches`) are exported like the others, as in the CSV: the
//! dashboard names them, and the teacher decides which codes to keep.

use crate::engine::json::{object, Map, Value};

use super::{ClassReport, StudentRow};
use crate::engine::attempt::Answer;
use crate::engine::bank::{Bank, Choice, Item, Question};
use crate::engine::calibration::responses::UNDETERMINED;
use crate::engine::localized::Localized;
use crate::engine::rng::Rng;
use crate::engine::score::{is_correct, key};
use crate::engine::session::Session;

/// The xAPI version the statements follow.
const VERSION: &str = "1.0.3";
const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";

/// Every student's statements as a JSON array, student by student: their `answered`
/// statements in the order the items were asked, then their `completed` statement.
///
/// `home_page` is the school's or the app's address (an IRL such as
/// `https://school.example/kafaa`): it is each student's account `homePage`, with the
/// student's name as the account name, and the root of the activity ids
/// (`<home_page>/xapi/item/<item id>`, `<home_page>/xapi/session/<session id>`).
pub fn statements(report: &ClassReport, session: &Session, bank: &Bank, home_page: &str) -> Value {
    let root = home_page.trim_end_matches('/');
    let session_activity = object([
        ("objectType", Value::from("Activity")),
        ("id", Value::from(format!("{root}/xapi/session/{}", escape(&session.id)))),
        (
            "definition",
            object([
                ("type", Value::from(ASSESSMENT)),
                // Free text in whatever language the teacher typed it.
                ("name", object([(UNDETERMINED, Value::from(&session.title))])),
            ]),
        ),
    ]);
    // As for the response file: a code does not say which interface language the student
    // used, so a language is stated only when the session allows one.
    let language = match session.languages.as_slice() {
        [only] => Some(only.as_str()),
        _ => None,
    };
    let export = Export { home_page, root, session, bank, session_activity, language };
    Value::Array(report.students.iter().flat_map(|row| export.student(row)).collect())
}

/// What every statement of one export shares.
struct Export<'a> {
    home_page: &'a str,
    root: &'a str,
    session: &'a Session,
    bank: &'a Bank,
    session_activity: Value,
    language: Option<&'a str>,
}

impl Export<'_> {
    fn student(&self, row: &StudentRow) -> Vec<Value> {
        let attempt = &row.attempt;
        let student = Student {
            export: self,
            attempt: &attempt.id,
            actor: object([
                ("objectType", Value::from("Agent")),
                ("name", Value::from(&row.label)),
                (
                    "account",
                    object([("homePage", Value::from(self.home_page)), ("name", Value::from(&row.label))]),
                ),
            ]),
            registration: uuid(&format!("registration\n{}\n{}", self.session.id, attempt.id)),
        };
        let started = known_time(attempt.started_at);
        let mut out = Vec::new();
        let mut elapsed: u64 = 0;
        for (position, (id, answer)) in attempt.items.iter().zip(&attempt.answers).enumerate() {
            let seconds = attempt.seconds.get(position).copied();
            elapsed += u64::from(seconds.unwrap_or(0));
            let (Some(item), Some(answer)) = (self.bank.item(id), answer) else { continue };
            let mut result = object([("success", Value::from(is_correct(&item.question, answer)))]);
            if let Some(response) = response(&item.question, answer) {
                result.set("response", Value::from(response));
            }
            if let Some(s) = seconds {
                result.set("duration", Value::from(duration(u64::from(s))));
            }
            let what = format!("answered\n{position}\n{id}");
            // When the student moved on from the item: the start plus the time spent so far.
            let at = started.map(|start| timestamp(start + elapsed as f64 * 1000.0));
            let parent = Some(&self.session_activity);
            out.push(student.statement(&what, ANSWERED, self.item_activity(item), result, parent, at));
        }
        let tally = row.overall;
        let mut result = object([("completion", Value::from(true))]);
        // xAPI wants max above min, so an attempt with no scored item has no score.
        if tally.total > 0 {
            let score = object([
                ("raw", Value::from(tally.correct as u64)),
                ("min", Value::from(0)),
                ("max", Value::from(tally.total as u64)),
                ("scaled", Value::from(tally.correct as f64 / tally.total as f64)),
            ]);
            result.set("score", score);
        }
        if !attempt.seconds.is_empty() {
            result
                .set("duration", Value::from(duration(attempt.seconds.iter().map(|s| u64::from(*s)).sum())));
        }
        let at = attempt.finished_at.and_then(known_time).map(timestamp);
        out.push(student.statement("completed", COMPLETED, self.session_activity.clone(), result, None, at));
        out
    }

    /// An item as a `cmi.interaction` activity: its stem, its type, the right response and
    /// its options (and a matching item's targets) in the bank's order.
    fn item_activity(&self, item: &Item) -> Value {
        let (interaction, components): (&str, Vec<(&str, &[Choice])>) = match &item.question {
            Question::SingleChoice { options, .. } | Question::MultipleSelect { options, .. } => {
                ("choice", vec![("choices", options)])
            }
            Question::TrueFalse { .. } => ("true-false", Vec::new()),
            Question::Ordering { options, .. } => ("sequencing", vec![("choices", options)]),
            Question::Matching { options, targets, .. } => {
                ("matching", vec![("source", options), ("target", targets)])
            }
        };
        let mut definition = Map::new();
        definition.insert("type".into(), Value::from(INTERACTION));
        definition.insert("name".into(), item.stem.to_value());
        definition.insert("description".into(), described(item).to_value());
        definition.insert("interactionType".into(), Value::from(interaction));
        let pattern: Vec<String> = response(&item.question, &key(&item.question)).into_iter().collect();
        definition.insert("correctResponsesPattern".into(), Value::from(pattern));
        for (name, choices) in components {
            let list = choices
                .iter()
                .map(|c| object([("id", Value::from(&c.id)), ("description", c.text.to_value())]));
            definition.insert(name.into(), Value::Array(list.collect()));
        }
        object([
            ("objectType", Value::from("Activity")),
            ("id", Value::from(format!("{}/xapi/item/{}", self.root, escape(&item.id)))),
            ("definition", Value::Object(definition)),
        ])
    }
}

/// What every statement of one student shares.
struct Student<'a> {
    export: &'a Export<'a>,
    attempt: &'a str,
    actor: Value,
    registration: String,
}

impl Student<'_> {
    /// A statement whose id is derived from what it is about (`what`, within the attempt, the
    /// session and the export's home page), so that an export repeated gives the same ids;
    /// within the activity `parent` if any, made at `timestamp` if known.
    fn statement(
        &self,
        what: &str,
        verb: &str,
        activity: Value,
        result: Value,
        parent: Option<&Value>,
        timestamp: Option<String>,
    ) -> Value {
        let export = self.export;
        let mut context =
            object([("registration", Value::from(&self.registration)), ("platform", Value::from("Kafaa"))]);
        if let Some(language) = export.language {
            context.set("language", Value::from(language));
        }
        if let Some(parent) = parent {
            context.set("contextActivities", object([("parent", Value::Array(vec![parent.clone()]))]));
        }
        let name = format!("statement\n{}\n{}\n{}\n{what}", export.root, export.session.id, self.attempt);
        let display = object([("en-US", Value::from(verb.rsplit('/').next().unwrap_or(verb)))]);
        let mut statement = object([
            ("id", Value::from(uuid(&name))),
            ("version", Value::from(VERSION)),
            ("actor", self.actor.clone()),
            ("verb", object([("id", Value::from(verb)), ("display", display)])),
            ("object", activity),
            ("result", result),
            ("context", context),
        ]);
        if let Some(timestamp) = timestamp {
            statement.set("timestamp", Value::from(timestamp));
        }
        statement
    }
}

/// The item's stem, followed by its code snippet when it has one: the question cannot be
/// read without it.
fn described(item: &Item) -> Localized {
    match &item.code {
        None => item.stem.clone(),
        Some(code) => {
            Localized(item.stem.0.iter().map(|(l, s)| (l.clone(), format!("{s}\n\n{code}"))).collect())
        }
    }
}

/// An answer in the xAPI response format of its question's interaction type: option ids
/// joined by `[,]` (choice, sequencing), `true`/`false`, `source[.]target` pairs joined by
/// `[,]` (matching). `None` for an answer of another shape than its question (only a forged
/// code has one), which has no response in that type's format.
fn response(question: &Question, answer: &Answer) -> Option<String> {
    Some(match (question, answer) {
        (Question::SingleChoice { .. }, Answer::Choice(id)) => id.clone(),
        (Question::MultipleSelect { .. }, Answer::Choices(ids)) => join(ids.iter()),
        (Question::TrueFalse { .. }, Answer::Bool(b)) => b.to_string(),
        (Question::Ordering { .. }, Answer::Order(ids)) => join(ids.iter()),
        (Question::Matching { .. }, Answer::Pairs(pairs)) => {
            pairs.iter().map(|(s, t)| format!("{s}[.]{t}")).collect::<Vec<_>>().join("[,]")
        }
        _ => return None,
    })
}

/// Ids joined with xAPI's `[,]`.
fn join<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    ids.map(String::as_str).collect::<Vec<_>>().join("[,]")
}

/// A UUID derived from `name`: 128 bits of SplitMix64 seeded with the FNV-1a hash of the
/// name (`Rng::for_key`), laid out as an RFC 4122 version 4 UUID. Version 4 rather than
/// the name-based version 5, which needs SHA-1; rather than RFC 9562's version 8, which
/// xAPI 1.0.3 (RFC 4122) does not know of. The bits stand in for random ones, with the
/// difference that the same name always gives the same UUID.
fn uuid(name: &str) -> String {
    let mut rng = Rng::for_key(0, name);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&rng.next_u64().to_be_bytes());
    bytes[8..].copy_from_slice(&rng.next_u64().to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A time in milliseconds since the epoch, when it is one: result codes leave it at 0.
fn known_time(ms: f64) -> Option<f64> {
    (ms.is_finite() && ms > 0.0).then_some(ms)
}

/// Milliseconds since the Unix epoch as an ISO 8601 UTC timestamp with milliseconds, e.g.
/// `2026-12-07T10:00:00.000Z`.
fn timestamp(ms: f64) -> String {
    let ms = ms.floor() as i64;
    let (days, in_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    let (h, m, s, milli) = (in_day / 3_600_000, in_day / 60_000 % 60, in_day / 1000 % 60, in_day % 1000);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{milli:03}Z")
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`):
/// counted in 400-year eras that start on 1 March, so the leap day ends a year.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365], from 1 March
    let mp = (5 * doy + 2) / 153; // [0, 11], March = 0
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whole seconds as an ISO 8601 duration, e.g. `PT95S`.
fn duration(seconds: u64) -> String {
    format!("PT{seconds}S")
}

/// `id` percent-encoded for a path segment: everything but RFC 3986's unreserved characters,
/// so that any item or session id makes a valid IRI.
fn escape(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
