//! The app's state and the reducer that changes it, in the style of yew's todomvc example.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::attempt::{Answer, Attempt};
use crate::engine::content::Content;
use crate::engine::problem::Problem;
use crate::engine::store::{SetAside, Stored};
use crate::i18n::{Lang, Messages};

/// Where the content (question bank and assessment settings) is.
#[derive(Clone, Debug, PartialEq)]
pub enum ContentStatus {
    Loading,
    Ready(Rc<Content>),
    /// A file could not be fetched; the detail is the HTTP status or browser error.
    Unreachable(String),
    /// The files were fetched but are not valid.
    Invalid(Rc<Vec<Problem>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub content: ContentStatus,
    pub stored: Stored,
    /// Parts of stored data that could not be read, kept aside, still to be reported.
    pub set_aside: Vec<SetAside>,
    /// Set when the last save failed, so the learner knows to keep the tab open.
    pub save_failed: bool,
    /// The attempt that has just ended, so the quiz page can show its results.
    pub finished: Option<String>,
}

pub enum Action {
    ContentLoading,
    ContentLoaded(Result<Rc<Content>, ContentStatus>),
    /// Starts a new attempt, replacing any in progress.
    Start(Attempt),
    /// Sets or clears the answer to the question on screen.
    Answer(Option<Answer>),
    /// Sets how sure the learner is of the answer on screen.
    Certainty(Option<usize>),
    GoTo(usize),
    /// Moves on: the next question, a newly selected one, or the end of the attempt.
    Next {
        now: f64,
    },
    /// Ends the attempt in progress now, unanswered questions counting as wrong.
    Finish {
        now: f64,
    },
    /// Reopens a finished adaptive attempt for a few more items in some domains.
    Continue {
        id: String,
        domains: Vec<String>,
        extra: usize,
    },
    Saved {
        ok: bool,
    },
    DismissSetAside,
}

impl AppState {
    pub fn new(stored: Stored, set_aside: Vec<SetAside>) -> Self {
        AppState {
            lang: Lang::En,
            content: ContentStatus::Loading,
            stored,
            set_aside,
            save_failed: false,
            finished: None,
        }
    }

    pub fn messages(&self) -> &'static Messages {
        self.lang.messages()
    }

    pub fn content(&self) -> Option<&Rc<Content>> {
        match &self.content {
            ContentStatus::Ready(content) => Some(content),
            _ => None,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ContentLoading => next.content = ContentStatus::Loading,
            Action::ContentLoaded(Ok(content)) => next.content = ContentStatus::Ready(content),
            Action::ContentLoaded(Err(status)) => next.content = status,
            Action::Start(attempt) => {
                next.stored.current = Some(attempt);
                next.finished = None;
            }
            Action::Answer(answer) => match next.stored.current.as_mut() {
                Some(attempt) => attempt.answer(answer),
                None => return self,
            },
            Action::Certainty(level) => match next.stored.current.as_mut() {
                Some(attempt) => attempt.set_certainty(level),
                None => return self,
            },
            Action::GoTo(index) => match next.stored.current.as_mut() {
                Some(attempt) => attempt.go_to(index),
                None => return self,
            },
            Action::Next { now } => {
                let (Some(content), Some(attempt)) = (self.content(), next.stored.current.as_mut()) else {
                    return self;
                };
                if !attempt.advance(&content.bank, &content.settings) {
                    next.finished = next.stored.finish_current(now);
                }
            }
            Action::Finish { now } => match next.stored.finish_current(now) {
                Some(id) => next.finished = Some(id),
                None => return self,
            },
            Action::Continue { id, domains, extra } => {
                let Some(content) = self.content() else { return self };
                if !next.stored.reopen(&id, |a| a.extend(&content.bank, &content.settings, domains, extra)) {
                    return self;
                }
                next.finished = None;
            }
            Action::Saved { ok } => {
                if next.save_failed != ok {
                    return self;
                }
                next.save_failed = !ok;
            }
            Action::DismissSetAside => next.set_aside.clear(),
        }
        Rc::new(next)
    }
}

/// The state handle every page reads and dispatches to.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state from the nearest provider.
///
/// Every page is rendered inside [`crate::ui::App`]'s provider, so a missing context is a
/// programming error caught by the first test that renders the page.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("pages are rendered inside the AppContext provider")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::assessment::Settings;
    use crate::engine::testing::{fixed_attempt, sample_bank};

    fn ready(bank_domains: usize) -> AppState {
        let settings = Settings::parse("s.json", include_str!("../../static/content/assessment.json"))
            .expect("valid settings");
        let mut s = AppState::new(Stored::new(), vec![]);
        s.content = ContentStatus::Ready(Rc::new(Content { bank: sample_bank(bank_domains, 4), settings }));
        s
    }

    fn state_with_attempt() -> Rc<AppState> {
        let s = ready(1);
        let attempt = fixed_attempt(&s.content().unwrap().bank, &["d0"], 4, 9);
        Rc::new(s).reduce(Action::Start(attempt))
    }

    #[test]
    fn answering_moving_and_finishing() {
        let s = state_with_attempt();
        let s = s.reduce(Action::Answer(Some(Answer::Bool(true))));
        let s = s.reduce(Action::Certainty(Some(1)));
        let s = s.reduce(Action::GoTo(2));
        let current = s.stored.current.as_ref().unwrap();
        assert_eq!(current.current, 2);
        assert_eq!(current.answers[0], Some(Answer::Bool(true)));
        assert_eq!(current.certainties[0], Some(1));
        let s = s.reduce(Action::Next { now: 4.0 });
        assert_eq!(s.stored.current.as_ref().unwrap().current, 3);
        let s = s.reduce(Action::Next { now: 5.0 });
        assert!(s.stored.current.is_none());
        assert_eq!(s.stored.history.len(), 1);
        assert_eq!(s.stored.history[0].finished_at, Some(5.0));
        assert_eq!(s.finished.as_deref(), Some(s.stored.history[0].id.as_str()));
    }

    #[test]
    fn actions_without_an_attempt_change_nothing() {
        let s = Rc::new(AppState::new(Stored::new(), vec![]));
        for action in [
            Action::Answer(None),
            Action::Certainty(None),
            Action::GoTo(1),
            Action::Next { now: 1.0 },
            Action::Finish { now: 1.0 },
            Action::Continue { id: "x".into(), domains: vec![], extra: 3 },
            Action::Saved { ok: true },
        ] {
            let after = s.clone().reduce(action);
            assert!(Rc::ptr_eq(&s, &after));
        }
    }
}
