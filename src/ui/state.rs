//! The app's state and the reducer that changes it, in the style of yew's todomvc example.

use std::rc::Rc;

use yew::prelude::*;

use std::collections::HashSet;

use crate::engine::attempt::{previous_items, Answer, Attempt, Plan};
use crate::engine::content::Content;
use crate::engine::guidance::LocalFile;
use crate::engine::own_bank;
use crate::engine::problem::Problem;
use crate::engine::referral::CounselorKey;
use crate::engine::session::ClassSession;
use crate::engine::sorted::SortedMap;
use crate::engine::store::{Kept, SetAside, Stored};
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

/// What the documents read after a quiz do to the stored data (the actions the
/// self-assessment never sends: interests, imports, sessions, notes, keys...): applied by
/// [`edit`], which a document links only when its entry point passes it to `app::start`.
/// index.html does not, and so carries none of that code. `false` when nothing changed.
pub type Edits = fn(Action, &mut AppState) -> bool;

#[derive(Clone, Debug)]
pub struct AppState {
    /// The interface language's catalog, read once per session.
    pub catalog: &'static Catalog,
    pub languages: Rc<Vec<Language>>,
    /// Why the last language switch failed, to tell the user.
    pub language_failed: Option<ContentStatus>,
    /// Index and settings; domain files join the content as they arrive.
    pub content: ContentStatus,
    /// Domains being fetched, or whose file could not be used (Loading, Unreachable or
    /// Invalid); a loaded domain is in `content` instead.
    pub domains: SortedMap<String, ContentStatus>,
    pub pending: Option<PendingStart>,
    pub stored: Stored,
    /// Parts of stored data that could not be read, kept aside, still to be reported.
    pub set_aside: Vec<SetAside>,
    /// Set when the last save failed, so the learner knows to keep the tab open.
    pub save_failed: bool,
    /// The attempt that has just ended, so the quiz page can show its results.
    pub finished: Option<String>,
    /// This document's [`Edits`], if it makes any.
    pub edits: Option<Edits>,
}

/// A state is equal only to itself: each action makes a new one, and the context provider
/// then re-renders its consumers, which is all the comparison is for. (A derived, deep
/// comparison would walk the whole state on every render and costs several KB of wasm.)
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub enum Action {
    /// A catalog was read (or could not be), after the user chose a language.
    Language(Result<&'static Catalog, ContentStatus>),
    ContentLoading,
    ContentLoaded(Result<Rc<Content>, ContentStatus>),
    DomainLoading(String),
    /// A domain file's text in one language, or why it could not be fetched and, if it
    /// could be had, the file in another language (code, text) to stand in.
    DomainLoaded {
        id: String,
        lang: String,
        text: Result<String, String>,
        instead: Option<(String, String)>,
    },
    /// A session's own questions, with the session's title, to put into the bank.
    OwnLoaded {
        title: String,
        text: String,
    },
    /// Starts an attempt as soon as its domains are loaded.
    Begin(PendingStart),
    /// An answer to an interest item: +1 like, 0 not sure, −1 dislike.
    Interest {
        item: String,
        answer: i8,
    },
    /// Uses a school's own (already checked) specialties and tracks, or `None` for the shipped.
    GuidanceFile(Option<LocalFile>),
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
    /// Adds the attempts of an imported file.
    Import(Box<Stored>),
    /// Forgets everything (the page has removed it from storage).
    DeleteAll,
    /// Counts a student of a session in its figures again, or leaves them out.
    CountStudent {
        session: String,
        id: String,
        counted: bool,
    },
    /// Forgets one finished attempt (a student's, on a shared computer, once the code is
    /// handed back).
    RemoveAttempt(String),
    /// Keeps a session this device created, or one opened from its key file.
    AddSession(ClassSession),
    /// Replaces the teacher's own questions (the text `own_bank::OwnBank::to_json` wrote),
    /// or forgets them.
    OwnQuestions(Option<String>),
    /// Forgets a session, its key and its result codes.
    RemoveSession(String),
    /// Adds result codes (already checked) to a session.
    AddCodes {
        session: String,
        codes: Vec<String>,
    },
    /// Sets a counselor's private note on a result; an empty note is removed.
    Note {
        key: String,
        text: String,
    },
    /// Keeps the counselor's new key pair, or forgets it (codes sealed to it then no longer
    /// open here).
    SetCounselorKey(Option<Kept<CounselorKey>>),
}

impl AppState {
    pub fn new(
        catalog: &'static Catalog,
        languages: Rc<Vec<Language>>,
        stored: Stored,
        set_aside: Vec<SetAside>,
        edits: Option<Edits>,
    ) -> Self {
        AppState {
            catalog,
            languages,
            language_failed: None,
            content: ContentStatus::Loading,
            domains: SortedMap::new(),
            pending: None,
            stored,
            set_aside,
            save_failed: false,
            finished: None,
            edits,
        }
    }

    pub fn messages(&self) -> &'static Messages {
        &self.catalog.messages
    }

    /// The interface language's code, which also picks content texts.
    pub fn lang(&self) -> &'static str {
        &self.catalog.language.code
    }

    /// Where the given domains stand in `lang`: all loaded, one still loading, or one failed.
    /// A domain whose file in `lang` cannot be fetched (offline, that language never kept)
    /// but that is at hand in another language counts as loaded: its texts fall back to that
    /// language rather than the page to an error.
    pub fn domains_status(&self, domains: &[String], lang: &str) -> ContentStatus {
        let Some(content) = self.content() else { return self.content.clone() };
        let mut status = ContentStatus::Ready(content.clone());
        for d in domains.iter().filter(|d| !content.is_loaded(d, lang)) {
            match self.domains.get(d) {
                Some(ContentStatus::Unreachable(_)) if content.has(d) => {}
                Some(failed @ (ContentStatus::Unreachable(_) | ContentStatus::Invalid(_))) => {
                    return failed.clone()
                }
                _ => status = ContentStatus::Loading,
            }
        }
        status
    }

    /// Starts the pending attempt once its domains' items are at hand (in any language: the
    /// quiz page waits for its texts).
    fn try_start(&mut self) {
        let (Some(pending), Some(content)) = (&self.pending, self.content()) else { return };
        if !pending.domains.iter().all(|d| content.has(d)) {
            return;
        }
        let content = content.clone();
        if let Some(mode) = content.settings.mode(&pending.mode) {
            let plan = Plan {
                mode,
                settings: &content.settings,
                domains: &pending.domains,
                certainty: pending.certainty,
                seed: pending.seed,
                now: pending.now,
                avoid: previous_items(&self.stored.history, &pending.domains),
            };
            if let Ok(mut attempt) = Attempt::start(&content.bank, &plan) {
                attempt.lang = Some(self.catalog.language.code.clone());
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
                // Domain files are per language: what failed in the other is tried again. (A
                // session's own questions are in every language at once: kept as they stand.)
                next.domains.retain(|id, status| *status == ContentStatus::Loading || id == own_bank::DOMAIN);
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
            Action::OwnLoaded { title, text } => {
                let Some(content) = self.content() else { return self };
                match content.with_own(&title, &text) {
                    Ok(content) => {
                        next.content = ContentStatus::Ready(Rc::new(content));
                        next.domains.remove(own_bank::DOMAIN);
                    }
                    Err(problems) => {
                        next.domains
                            .insert(own_bank::DOMAIN.to_string(), ContentStatus::Invalid(Rc::new(problems)));
                    }
                }
            }
            Action::DomainLoaded { id, lang, text, instead } => {
                let Some(mut content) = self.content().cloned() else { return self };
                if let (Err(_), Some((other, text))) = (&text, instead) {
                    if let Ok(with_other) = content.with_language(&id, &other, &text) {
                        content = Rc::new(with_other);
                        next.content = ContentStatus::Ready(content.clone());
                    }
                }
                match text.map_err(ContentStatus::Unreachable).and_then(|text| {
                    content.with_language(&id, &lang, &text).map_err(|p| ContentStatus::Invalid(Rc::new(p)))
                }) {
                    Ok(content) => {
                        next.content = ContentStatus::Ready(Rc::new(content));
                        next.domains.remove(&id);
                        next.try_start();
                    }
                    // A start waiting for this domain stays pending, so the quiz page shows
                    // why, and a retry can still start it; unless another language stands in.
                    Err(status) => {
                        next.domains.insert(id, status);
                        next.try_start();
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
                attempt.note_time(now);
                if !attempt.advance(&content.bank, &content.settings) {
                    next.finished = next.stored.finish_current(now);
                }
            }
            Action::Finish { now } => {
                if let Some(attempt) = next.stored.current.as_mut() {
                    attempt.note_time(now);
                }
                match next.stored.finish_current(now) {
                    Some(id) => next.finished = Some(id),
                    None => return self,
                }
            }
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
            // The other documents' own actions, when this document applies them.
            other => {
                if !next.edits.is_some_and(|edit| edit(other, &mut next)) {
                    return self;
                }
            }
        }
        Rc::new(next)
    }
}

/// The [`Edits`] of the documents read after a quiz (all but index.html).
pub fn edit(action: Action, state: &mut AppState) -> bool {
    match action {
        Action::Interest { item, answer } => {
            state.stored.interests.insert(item, answer.clamp(-1, 1));
        }
        Action::GuidanceFile(file) => state.stored.guidance_file = file,
        Action::RemoveAttempt(id) => Rc::make_mut(&mut state.stored.history).retain(|a| a.id != id),
        Action::Import(imported) => {
            state.stored.merge(*imported);
        }
        Action::OwnQuestions(text) => state.stored.questions = text.map(Rc::new),
        Action::AddSession(session) => {
            if !state.stored.sessions.iter().any(|s| s.session.id == session.session.id) {
                state.stored.sessions.push(Rc::new(session));
            }
        }
        Action::CountStudent { session, id, counted } => {
            if let Some(s) = state.stored.sessions.iter_mut().find(|s| s.session.id == session) {
                Rc::make_mut(s).count(&id, counted);
            }
        }
        Action::RemoveSession(id) => state.stored.sessions.retain(|s| s.session.id != id),
        Action::AddCodes { session, codes } => {
            if let Some(s) = state.stored.sessions.iter_mut().find(|s| s.session.id == session) {
                // New codes in the order given, each once; a session is copied (and saved
                // again) only when one is new.
                let mut seen: HashSet<&str> = s.codes.iter().map(String::as_str).collect();
                let new: Vec<String> = codes.iter().filter(|c| seen.insert(c.as_str())).cloned().collect();
                if new.is_empty() {
                    return false;
                }
                Rc::make_mut(s).codes.extend(new);
            }
        }
        Action::Note { key, text } => {
            let notes = Rc::make_mut(&mut state.stored.notes);
            if text.trim().is_empty() {
                notes.remove(&key);
            } else {
                notes.insert(key, text);
            }
        }
        Action::SetCounselorKey(key) => state.stored.counselor = key,
        Action::DeleteAll => {
            state.stored = Stored::new();
            state.set_aside.clear();
            state.finished = None;
            state.pending = None;
        }
        _ => return false,
    }
    true
}

/// The state handle every page reads and dispatches to.
pub type AppContext = UseReducerHandle<AppState>;

/// The interface language, the languages offered and a way to send actions, in a context of
/// their own: what most components need. Reading them from the app state ([`use_app`]) would
/// re-render a component with every change of that state, every answer included; this one
/// changes only with the language.
#[derive(Clone)]
pub struct Interface {
    pub catalog: &'static Catalog,
    pub languages: Rc<Vec<Language>>,
    /// Sends actions without subscribing to the state.
    pub dispatcher: UseReducerDispatcher<AppState>,
}

impl Interface {
    pub fn of(state: &AppContext) -> Interface {
        Interface {
            catalog: state.catalog,
            languages: state.languages.clone(),
            dispatcher: state.dispatcher(),
        }
    }

    pub fn messages(&self) -> &'static Messages {
        &self.catalog.messages
    }

    /// The interface language's code, which also picks content texts.
    pub fn lang(&self) -> &'static str {
        &self.catalog.language.code
    }
}

/// By identity: a catalog is read once per language and kept, the list once, and the
/// dispatcher never changes.
impl PartialEq for Interface {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog) && Rc::ptr_eq(&self.languages, &other.languages)
    }
}

/// The interface language from the nearest provider (see [`Interface`]).
#[hook]
pub fn use_interface() -> Interface {
    // `ui::app::provide` gives it wherever it gives the app state, around every page, so it
    // is always there (as for `use_app`).
    use_context::<Interface>().expect("pages are rendered inside ui::app::provide")
}

/// The app state from the nearest provider.
///
/// Every page is rendered inside [`crate::ui::App`]'s provider, so a missing context is a
/// programming error caught by the first test that renders the page.
#[hook]
pub fn use_app() -> AppContext {
    // `App` renders every page inside its provider, so the context is always there.
    use_context::<AppContext>().expect("pages are rendered inside the AppContext provider")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
