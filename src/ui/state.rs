//! The app's state and the reducer that changes it, in the style of yew's todomvc example.

use std::rc::Rc;

use yew::prelude::*;

use std::collections::BTreeMap;

use crate::engine::attempt::{Answer, Attempt, Plan};
use crate::engine::content::Content;
use crate::engine::problem::Problem;
use crate::engine::store::{SetAside, Stored};
use crate::i18n::{Catalog, Language, Messages};

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

/// A start requested on the start screen, waiting for its domains' files.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingStart {
    pub mode: String,
    pub domains: Vec<String>,
    pub certainty: bool,
    pub seed: u64,
    pub now: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The interface language's catalog, read once per session.
    pub catalog: &'static Catalog,
    pub languages: Rc<Vec<Language>>,
    /// Why the last language switch failed, to tell the user.
    pub language_failed: Option<String>,
    /// Index and settings; domain files join the content as they arrive.
    pub content: ContentStatus,
    /// Domains being fetched, or whose file could not be used (Loading, Unreachable or
    /// Invalid); a loaded domain is in `content` instead.
    pub domains: BTreeMap<String, ContentStatus>,
    pub pending: Option<PendingStart>,
    pub stored: Stored,
    /// Parts of stored data that could not be read, kept aside, still to be reported.
    pub set_aside: Vec<SetAside>,
    /// Set when the last save failed, so the learner knows to keep the tab open.
    pub save_failed: bool,
    /// The attempt that has just ended, so the quiz page can show its results.
    pub finished: Option<String>,
}

pub enum Action {
    /// A catalog was read (or could not be), after the user chose a language.
    Language(Result<&'static Catalog, String>),
    ContentLoading,
    ContentLoaded(Result<Rc<Content>, ContentStatus>),
    DomainLoading(String),
    /// A domain file's text, or why it could not be fetched.
    DomainLoaded {
        id: String,
        text: Result<String, String>,
    },
    /// Starts an attempt as soon as its domains are loaded.
    Begin(PendingStart),
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
    pub fn new(
        catalog: &'static Catalog,
        languages: Rc<Vec<Language>>,
        stored: Stored,
        set_aside: Vec<SetAside>,
    ) -> Self {
        AppState {
            catalog,
            languages,
            language_failed: None,
            content: ContentStatus::Loading,
            domains: BTreeMap::new(),
            pending: None,
            stored,
            set_aside,
            save_failed: false,
            finished: None,
        }
    }

    pub fn messages(&self) -> &'static Messages {
        &self.catalog.messages
    }

    /// The interface language's code, which also picks content texts.
    pub fn lang(&self) -> &'static str {
        &self.catalog.language.code
    }

    /// Where the given domains stand: all loaded, one still loading, or one failed.
    pub fn domains_status(&self, domains: &[String]) -> ContentStatus {
        let Some(content) = self.content() else { return self.content.clone() };
        let mut status = ContentStatus::Ready(content.clone());
        for d in domains.iter().filter(|d| !content.is_loaded(d)) {
            match self.domains.get(d) {
                Some(failed @ (ContentStatus::Unreachable(_) | ContentStatus::Invalid(_))) => {
                    return failed.clone()
                }
                _ => status = ContentStatus::Loading,
            }
        }
        status
    }

    /// Starts the pending attempt once its domains are all loaded.
    fn try_start(&mut self) {
        let (Some(pending), Some(content)) = (&self.pending, self.content()) else { return };
        if !pending.domains.iter().all(|d| content.is_loaded(d)) {
            return;
        }
        let content = content.clone();
        if let Some(mode) = content.settings.mode(&pending.mode) {
            let plan = Plan {
                mode,
                domains: &pending.domains,
                certainty: pending.certainty,
                seed: pending.seed,
                now: pending.now,
            };
            if let Ok(attempt) = Attempt::start(&content.bank, &plan) {
                self.stored.current = Some(attempt);
                self.finished = None;
            }
        }
        self.pending = None;
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
            Action::Language(Ok(catalog)) => {
                next.catalog = catalog;
                next.language_failed = None;
            }
            Action::Language(Err(detail)) => next.language_failed = Some(detail),
            Action::ContentLoading => next.content = ContentStatus::Loading,
            Action::ContentLoaded(Ok(content)) => {
                next.content = ContentStatus::Ready(content);
                next.domains.clear();
            }
            Action::ContentLoaded(Err(status)) => next.content = status,
            Action::DomainLoading(id) => {
                next.domains.insert(id, ContentStatus::Loading);
            }
            Action::DomainLoaded { id, text } => {
                let Some(content) = self.content() else { return self };
                match text.map_err(ContentStatus::Unreachable).and_then(|text| {
                    content.with_domain(&id, &text).map_err(|p| ContentStatus::Invalid(Rc::new(p)))
                }) {
                    Ok(content) => {
                        next.content = ContentStatus::Ready(Rc::new(content));
                        next.domains.remove(&id);
                        next.try_start();
                    }
                    // A start waiting for this domain stays pending, so the quiz page shows
                    // why, and a retry can still start it.
                    Err(status) => {
                        next.domains.insert(id, status);
                    }
                }
            }
            Action::Begin(pending) => {
                next.pending = Some(pending);
                next.try_start();
            }
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
    use crate::engine::testing::{fixed_attempt, sample_bank};

    fn empty() -> AppState {
        let catalog: &'static Catalog = Box::leak(Box::new(crate::i18n::english().expect("English catalog")));
        let languages = crate::i18n::languages("l.json", crate::i18n::LANGUAGES).expect("language list");
        AppState::new(catalog, Rc::new(languages), Stored::new(), vec![])
    }

    /// Content with the shipped index and settings, no domain file loaded yet.
    fn ready() -> AppState {
        let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        let content =
            Content::parse(&read("static/content/index.json"), &read("static/content/assessment.json"))
                .expect("valid content");
        let mut s = empty();
        s.content = ContentStatus::Ready(Rc::new(content));
        s
    }

    fn state_with_attempt() -> Rc<AppState> {
        let bank = sample_bank(1, 4);
        let attempt = fixed_attempt(&bank, &["d0"], 4, 9);
        Rc::new(ready()).reduce(Action::Start(attempt))
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
        let s = s.reduce(Action::GoTo(3));
        let s = s.reduce(Action::Finish { now: 5.0 });
        assert!(s.stored.current.is_none());
        assert_eq!(s.stored.history.len(), 1);
        assert_eq!(s.stored.history[0].finished_at, Some(5.0));
        assert_eq!(s.finished.as_deref(), Some(s.stored.history[0].id.as_str()));
    }

    #[test]
    fn a_start_waits_for_its_domains_and_a_bad_domain_file_is_reported() {
        let s = Rc::new(ready());
        let pending = PendingStart {
            mode: "fixed".into(),
            domains: vec!["programming".into()],
            certainty: false,
            seed: 1,
            now: 2.0,
        };
        let s = s.reduce(Action::Begin(pending.clone()));
        assert!(s.stored.current.is_none());
        assert_eq!(s.domains_status(&pending.domains), ContentStatus::Loading);
        let text = std::fs::read_to_string("static/content/domains/programming.json").unwrap();
        let s = s.reduce(Action::DomainLoaded { id: "programming".into(), text: Ok(text) });
        assert!(s.pending.is_none());
        assert_eq!(s.stored.current.as_ref().unwrap().items.len(), 5);
        assert!(matches!(s.domains_status(&pending.domains), ContentStatus::Ready(_)));

        let s = s.reduce(Action::DomainLoaded { id: "web".into(), text: Ok("{".into()) });
        assert!(matches!(s.domains_status(&["web".into()]), ContentStatus::Invalid(_)));
        let s = s.reduce(Action::DomainLoaded { id: "ai".into(), text: Err("HTTP 404".into()) });
        assert_eq!(s.domains_status(&["ai".into()]), ContentStatus::Unreachable("HTTP 404".into()));
    }

    #[test]
    fn actions_without_an_attempt_change_nothing() {
        let s = Rc::new(empty());
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
