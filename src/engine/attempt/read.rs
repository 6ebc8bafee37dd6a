//! Reading a stored attempt: the JSON its `Serialize` writes, read by hand (see
//! [`crate::engine::fields`] for why), with defaults for the fields later schemas added.

use crate::engine::json::Value;

use super::{Answer, Attempt, Extension, SessionTag};
use crate::engine::fields::{self, boolean, list, nullable, number, object, string, strings, unsigned, Read};

impl Attempt {
    /// Reads an attempt as stored. Keys it does not know are left alone.
    pub fn read(v: &Value) -> Read<Attempt> {
        let mut f = object(v)?;
        let attempt = Attempt {
            id: f.get("id", string),
            bank: f.get("bank", string),
            mode: f.get("mode", string),
            seed: f.get("seed", unsigned),
            domains: f.get("domains", strings),
            items: f.get("items", strings),
            answers: f.get("answers", |v| list(v, |a| nullable(a, Answer::read))),
            certainty: f.get("certainty", boolean),
            certainties: f.get("certainties", |v| list(v, |c| nullable(c, unsigned))),
            extension: f.optional("extension", |v| {
                let mut f = object(v)?;
                let extension =
                    Extension { domains: f.get("domains", strings), until: f.get("until", unsigned) };
                f.end().map(|()| extension)
            }),
            current: f.get("current", unsigned),
            started_at: f.get("started_at", number),
            finished_at: f.optional("finished_at", number),
            seconds: f.optional("seconds", |v| list(v, unsigned)).unwrap_or_default(),
            session: f.optional("session", |v| {
                let mut f = object(v)?;
                let tag = SessionTag {
                    id: f.get("id", string),
                    title: f.get("title", string),
                    public_key: f.get("public_key", string),
                    label: f.get("label", string),
                    deadline: f.optional("deadline", number),
                    questions: f.optional("questions", string),
                };
                f.end().map(|()| tag)
            }),
            avoid: f.optional("avoid", strings).unwrap_or_default(),
            lang: f.optional("lang", string),
        };
        f.end()?;
        Ok(attempt)
    }
}

impl Answer {
    /// An answer as stored: an object with one key, its kind (`{"choice": "b"}`).
    fn read(v: &Value) -> Read<Answer> {
        fields::tagged(v, |kind, f| match kind {
            "choice" => Some(Answer::Choice(f.get("choice", string))),
            "choices" => Some(Answer::Choices(f.get("choices", strings).into_iter().collect())),
            "bool" => Some(Answer::Bool(f.get("bool", boolean))),
            "order" => Some(Answer::Order(f.get("order", strings))),
            "pairs" => Some(Answer::Pairs(f.get("pairs", |v| fields::map(v, string)))),
            _ => None,
        })
    }
}
