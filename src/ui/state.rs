//! The app's state and the reducer that changes it, in the style of yew's todomvc example.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::attempt::{Answer, Attempt};
use crate::engine::bank::Bank;
use crate::engine::problem::Problem;
use crate::engine::store::{SetAside, Stored};
use crate::i18n::{Lang, Messages};

/// Where the question bank is.
#[derive(Clone, Debug, PartialEq)]
pub enum BankStatus {
    Loading,
    Ready(Rc<Bank>),
    /// The file could not be fetched; the detail is the HTTP status or browser error.
    Unreachable(String),
    /// The file was fetched but is not a valid bank.
    Invalid(Rc<Vec<Problem>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub bank: BankStatus,
    pub stored: Stored,
    /// Parts of stored data that could not be read, kept aside, still to be reported.
    pub set_aside: Vec<SetAside>,
    /// Set when the last save failed, so the learner knows to keep the tab open.
    pub save_failed: bool,
}

pub enum Action {
    BankLoading,
    BankLoaded(Result<Rc<Bank>, BankStatus>),
    /// Starts a new attempt, replacing any in progress.
    Start(Attempt),
    /// Sets or clears the answer to the question on screen.
    Answer(Option<Answer>),
    GoTo(usize),
    /// Moves the attempt in progress to the history.
    Finish {
        now: f64,
    },
    Saved {
        ok: bool,
    },
    DismissSetAside,
}

impl AppState {
    pub fn new(stored: Stored, set_aside: Vec<SetAside>) -> Self {
        AppState { lang: Lang::En, bank: BankStatus::Loading, stored, set_aside, save_failed: false }
    }

    pub fn messages(&self) -> &'static Messages {
        self.lang.messages()
    }

    pub fn bank(&self) -> Option<&Rc<Bank>> {
        match &self.bank {
            BankStatus::Ready(bank) => Some(bank),
            _ => None,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::BankLoading => next.bank = BankStatus::Loading,
            Action::BankLoaded(Ok(bank)) => next.bank = BankStatus::Ready(bank),
            Action::BankLoaded(Err(status)) => next.bank = status,
            Action::Start(attempt) => next.stored.current = Some(attempt),
            Action::Answer(answer) => match next.stored.current.as_mut() {
                Some(attempt) => attempt.answer(answer),
                None => return self,
            },
            Action::GoTo(index) => match next.stored.current.as_mut() {
                Some(attempt) => attempt.go_to(index),
                None => return self,
            },
            Action::Finish { now } => {
                if next.stored.finish_current(now).is_none() {
                    return self;
                }
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
    use crate::engine::testing::sample_bank;

    fn state_with_attempt() -> Rc<AppState> {
        let bank = sample_bank(1, 4);
        let attempt = Attempt::new(&bank, &["d0".into()], 4, 9, 1.0).unwrap();
        let mut s = AppState::new(Stored::new(), vec![]);
        s.bank = BankStatus::Ready(Rc::new(bank));
        Rc::new(s).reduce(Action::Start(attempt))
    }

    #[test]
    fn answering_moving_and_finishing() {
        let s = state_with_attempt();
        let s = s.reduce(Action::Answer(Some(Answer::Bool(true))));
        let s = s.reduce(Action::GoTo(2));
        let current = s.stored.current.as_ref().unwrap();
        assert_eq!(current.current, 2);
        assert_eq!(current.answers[0], Some(Answer::Bool(true)));
        let s = s.reduce(Action::Finish { now: 5.0 });
        assert!(s.stored.current.is_none());
        assert_eq!(s.stored.history.len(), 1);
        assert_eq!(s.stored.history[0].finished_at, Some(5.0));
    }

    #[test]
    fn actions_without_an_attempt_change_nothing() {
        let s = Rc::new(AppState::new(Stored::new(), vec![]));
        for action in
            [Action::Answer(None), Action::GoTo(1), Action::Finish { now: 1.0 }, Action::Saved { ok: true }]
        {
            let after = s.clone().reduce(action);
            assert!(Rc::ptr_eq(&s, &after));
        }
    }
}
