//! Writing an attempt as it is stored, by hand (see [`crate::engine::to_json`] for why): the
//! same JSON its `Serialize` writes, which [`Attempt::read`] reads back.

use super::{Answer, Attempt, Extension, SessionTag};
use crate::engine::to_json::{object, ToJson};

impl ToJson for Attempt {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("id", &self.id)
                .field("bank", &self.bank)
                .field("mode", &self.mode)
                .field("seed", &self.seed)
                .field("domains", &self.domains)
                .field("items", &self.items)
                .field("answers", &self.answers)
                .field("certainty", &self.certainty)
                .field("certainties", &self.certainties)
                .field("extension", &self.extension)
                .field("current", &self.current)
                .field("started_at", &self.started_at)
                .field("finished_at", &self.finished_at)
                .field("seconds", &self.seconds)
                .field("session", &self.session)
                .field("avoid", &self.avoid)
                .field("lang", &self.lang);
        });
    }
}

impl ToJson for Answer {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            match self {
                Answer::Choice(id) => o.field("choice", id),
                Answer::Choices(ids) => o.field("choices", ids),
                Answer::Bool(b) => o.field("bool", b),
                Answer::Order(ids) => o.field("order", ids),
                Answer::Pairs(pairs) => o.field("pairs", pairs),
            };
        });
    }
}

impl ToJson for Extension {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("domains", &self.domains).field("until", &self.until);
        });
    }
}

impl ToJson for SessionTag {
    fn write(&self, out: &mut String) {
        object(out, |o| {
            o.field("id", &self.id)
                .field("title", &self.title)
                .field("public_key", &self.public_key)
                .field("label", &self.label)
                .field("deadline", &self.deadline);
            if let Some(questions) = &self.questions {
                o.field("questions", questions);
            }
        });
    }
}
