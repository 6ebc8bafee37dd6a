//! What a result code can be checked against. A code is sealed to the session's public key,
//! which every student holds (it is in the link), so a code proves which session it is for,
//! not that its answers came from taking the quiz. What the teacher's browser can check is
//! that the code is consistent with the session: the items a student was given follow from
//! the session's seed and the student's own answers, so a forged or damaged list shows.

use super::Submission;
use crate::engine::assessment::Settings;
use crate::engine::attempt::Attempt;
use crate::engine::bank::Bank;
use crate::engine::session::Session;
use crate::engine::sorted::SortedSet;

/// The longest name a student can type (the join page's limit).
pub const MAX_LABEL: usize = 60;
/// Seconds allowed beyond a time limit: the last answer may be saved as time runs out.
const GRACE: u32 = 60;

/// One way a code does not match its session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The name is longer than the join page allows.
    LongLabel { chars: usize },
    /// An item the bank does not have.
    UnknownItem { item: String },
    /// An item of a domain the session does not measure.
    OtherDomain { item: String },
    /// An item answered more than once.
    Repeated { item: String },
    /// The items differ, from this position (1-based), from those the session gives for
    /// these answers.
    NotTheQuiz { from: usize },
    /// More time than the session's limit.
    OverTime { seconds: u32, limit: u32 },
}

/// Checks codes against one session. A fixed form is drawn once for the whole class (the
/// dashboard checks thousands of codes); an adaptive code is replayed answer by answer.
pub struct SessionCheck<'a> {
    session: &'a Session,
    bank: &'a Bank,
    settings: &'a Settings,
    /// The fixed form's items, or `None` for an adaptive mode (or a mode the settings lack).
    form: Option<Vec<String>>,
}

impl<'a> SessionCheck<'a> {
    pub fn new(session: &'a Session, bank: &'a Bank, settings: &'a Settings) -> SessionCheck<'a> {
        let start = || {
            let mode = session.mode(settings)?;
            let attempt = Attempt::start(bank, &session.plan(&mode, settings, 0.0)).ok()?;
            (!attempt.is_adaptive(settings)).then_some(attempt.items)
        };
        SessionCheck { session, bank, settings, form: start() }
    }

    /// Every way `submission` is inconsistent with the session; empty for an honest code.
    pub fn check(&self, submission: &Submission) -> Vec<Mismatch> {
        let mut found = Vec::new();
        let chars = submission.label.chars().count();
        if chars > MAX_LABEL {
            found.push(Mismatch::LongLabel { chars });
        }
        let mut seen = SortedSet::new();
        for r in &submission.responses {
            match self.bank.item(&r.item) {
                None => found.push(Mismatch::UnknownItem { item: r.item.clone() }),
                Some(item) if !self.session.domains.contains(&item.domain) => {
                    found.push(Mismatch::OtherDomain { item: r.item.clone() })
                }
                Some(_) => {}
            }
            if !seen.insert(&r.item) {
                found.push(Mismatch::Repeated { item: r.item.clone() });
            }
        }
        if let Some(from) = self.first_departure(submission) {
            found.push(Mismatch::NotTheQuiz { from: from + 1 });
        }
        if let Some(minutes) = self.session.minutes {
            let seconds: u32 = submission.responses.iter().map(|r| r.seconds).fold(0, u32::saturating_add);
            let limit = minutes.saturating_mul(60);
            if seconds > limit.saturating_add(GRACE) {
                found.push(Mismatch::OverTime { seconds, limit });
            }
        }
        found
    }

    /// The first position where the code's items differ from the session's quiz, if any (a
    /// code may stop early: a time limit ends a quiz). A fixed form is compared with the form
    /// drawn from the session's seed; an adaptive one is replayed, each next item picked from
    /// the answers so far as the student's browser did.
    fn first_departure(&self, submission: &Submission) -> Option<usize> {
        let responses = &submission.responses;
        if let Some(form) = &self.form {
            return responses
                .iter()
                .zip(form.iter().map(Some).chain(std::iter::repeat(None)))
                .position(|(r, f)| f != Some(&r.item));
        }
        let mode = self.session.mode(self.settings)?;
        let mut replay = Attempt::start(self.bank, &self.session.plan(&mode, self.settings, 0.0)).ok()?;
        for (i, r) in responses.iter().enumerate() {
            if replay.items.get(i) != Some(&r.item) {
                return Some(i);
            }
            replay.go_to(i);
            replay.answer(r.answer.clone());
            if i + 1 < responses.len() && !replay.advance(self.bank, self.settings) {
                return Some(i + 1);
            }
        }
        None
    }
}

impl Submission {
    /// Every way the submission is inconsistent with `session` (see [`SessionCheck`]).
    pub fn verify(&self, session: &Session, bank: &Bank, settings: &Settings) -> Vec<Mismatch> {
        SessionCheck::new(session, bank, settings).check(self)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
