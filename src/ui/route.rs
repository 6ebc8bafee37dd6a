//! The app's routes, kept in the URL fragment (`#/quiz`): any static host serves the page,
//! and the fragment never reaches a server. A few lines of our own rather than a router
//! crate: fifteen routes need no more, and the wasm stays within its size budget.
//!
//! The app is split into HTML documents, each with its own wasm, so the first load carries
//! only the main one: a route names its [`Document`], and a link to a route of another
//! document loads that document.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Home,
    Start,
    /// The start page with one mode and one domain chosen: the careers page's "what to
    /// measure next" sends the learner to exactly that quiz.
    StartWith {
        mode: String,
        domain: String,
    },
    Quiz,
    Results {
        id: String,
    },
    History,
    MyData,
    /// How often each mode shows the right level, from simulation.
    AboutLevels,
    /// Careers for an attempt's results, or for the latest results when `None`.
    Guidance {
        id: Option<String>,
    },
    /// A teacher's sessions, and a new one.
    Classroom,
    /// One session: its link, and the class dashboard.
    ClassSession {
        id: String,
    },
    /// A student opening a session link; the session travels in the fragment.
    Join {
        payload: String,
    },
    /// A student's result code for a finished session attempt.
    ResultCode {
        id: String,
    },
    /// A counselor opening a student's result.
    Counselor,
    /// A teacher's own questions: imported from Moodle's formats, exported to them.
    MyQuestions,
    /// One of the teacher's questions in the editor; `new` for a new one.
    EditQuestion {
        id: String,
    },
    /// A learner sending a result to a counselor; the counselor's link travels in the fragment.
    SendResults {
        payload: String,
    },
    NotFound,
}

/// The HTML documents of the app (see ARCHITECTURE.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// `index.html`: home, new quiz, quiz, results.
    Main,
    /// `careers.html`: what is read after a quiz rather than needed to take one — the careers
    /// page and its larger guidance code, what the levels rest on, the history and "My data".
    Careers,
    /// `classroom.html`: sessions, joining one, result codes and the class dashboard.
    Classroom,
    /// `counselor.html`: the counselor's view and sending a result to a counselor — apart from
    /// the classroom, whose landing page then loads without the guidance and results code.
    Counselor,
    /// `questions.html`: the teacher's own questions — imported from and exported to Moodle's
    /// formats, and the editor.
    Questions,
}

impl Document {
    /// The document's address, relative to the app's folder.
    fn path(self) -> &'static str {
        match self {
            Document::Main => "./",
            Document::Careers => "careers.html",
            Document::Classroom => "classroom.html",
            Document::Counselor => "counselor.html",
            Document::Questions => "questions.html",
        }
    }

    /// The document this page is: the one set by [`Document::render_as`], if any (the pages
    /// prerendered into their documents by `examples/prerender.rs`); else, in the browser, the
    /// one its address names, and natively (tests), the main one.
    pub fn current() -> Document {
        if let Some(document) = RENDERED_AS.with(Cell::get) {
            return document;
        }
        if !cfg!(target_arch = "wasm32") {
            return Document::Main;
        }
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        [Document::Careers, Document::Classroom, Document::Counselor, Document::Questions]
            .into_iter()
            .find(|d| path.ends_with(d.path()))
            .unwrap_or(Document::Main)
    }

    /// Renders the pages that follow as this document's, whatever the address: its own links
    /// stay within it.
    pub fn render_as(self) {
        RENDERED_AS.with(|d| d.set(Some(self)));
    }
}

thread_local! {
    static RENDERED_AS: Cell<Option<Document>> = const { Cell::new(None) };
}

impl Route {
    /// The route of a URL fragment such as `#/results/1a2b`; anything unknown is `NotFound`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        match path {
            "" | "/" => Route::Home,
            "/start" => Route::Start,
            "/quiz" => Route::Quiz,
            "/history" => Route::History,
            "/data" => Route::MyData,
            "/levels" => Route::AboutLevels,
            "/guidance" => Route::Guidance { id: None },
            "/classroom" => Route::Classroom,
            "/counselor" => Route::Counselor,
            // Where a session file is opened, when its link was too long to share.
            "/join" => Route::Join { payload: String::new() },
            "/questions" => Route::MyQuestions,
            other => {
                // Ids and payloads are base64url or hexadecimal: anything else is not ours.
                let is_id = |s: &str| {
                    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                };
                let id = |prefix: &str| other.strip_prefix(prefix).filter(|s| is_id(s)).map(str::to_string);
                let start = other.strip_prefix("/start/").and_then(|rest| {
                    let slash = rest.bytes().position(|b| b == b'/')?;
                    Some((&rest[..slash], &rest[slash + 1..]))
                });
                if let Some((mode, domain)) = start.filter(|(m, d)| is_id(m) && is_id(d)) {
                    Route::StartWith { mode: mode.to_string(), domain: domain.to_string() }
                } else if let Some(id) = id("/results/") {
                    Route::Results { id }
                } else if let Some(id) = id("/guidance/") {
                    Route::Guidance { id: Some(id) }
                } else if let Some(id) = id("/classroom/") {
                    Route::ClassSession { id }
                } else if let Some(payload) = id("/join/") {
                    Route::Join { payload }
                } else if let Some(id) = id("/code/") {
                    Route::ResultCode { id }
                } else if let Some(id) = id("/questions/") {
                    Route::EditQuestion { id }
                } else if let Some(payload) = id("/send/") {
                    Route::SendResults { payload }
                } else {
                    Route::NotFound
                }
            }
        }
    }

    pub fn document(&self) -> Document {
        match self {
            Route::Guidance { .. } | Route::AboutLevels | Route::History | Route::MyData => Document::Careers,
            Route::Classroom | Route::ClassSession { .. } | Route::Join { .. } | Route::ResultCode { .. } => {
                Document::Classroom
            }
            Route::Counselor | Route::SendResults { .. } => Document::Counselor,
            Route::MyQuestions | Route::EditQuestion { .. } => Document::Questions,
            _ => Document::Main,
        }
    }

    /// The link to the route: its fragment, after its document's address when that is
    /// another document than this page.
    pub fn href(&self) -> String {
        let fragment = self.fragment();
        if self.document() != Document::current() {
            format!("{}{fragment}", self.document().path())
        } else {
            fragment
        }
    }

    fn fragment(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Start => "#/start".into(),
            Route::StartWith { mode, domain } => format!("#/start/{mode}/{domain}"),
            Route::Quiz => "#/quiz".into(),
            Route::Results { id } => format!("#/results/{id}"),
            Route::History => "#/history".into(),
            Route::MyData => "#/data".into(),
            Route::AboutLevels => "#/levels".into(),
            Route::Guidance { id: None } => "#/guidance".into(),
            Route::Guidance { id: Some(id) } => format!("#/guidance/{id}"),
            Route::Classroom => "#/classroom".into(),
            Route::ClassSession { id } => format!("#/classroom/{id}"),
            Route::Join { payload } if payload.is_empty() => "#/join".into(),
            Route::Join { payload } => format!("#/join/{payload}"),
            Route::SendResults { payload } => format!("#/send/{payload}"),
            Route::ResultCode { id } => format!("#/code/{id}"),
            Route::Counselor => "#/counselor".into(),
            Route::MyQuestions => "#/questions".into(),
            Route::EditQuestion { id } => format!("#/questions/{id}"),
            Route::NotFound => "#/404".into(),
        }
    }
}

/// Goes to `route`, as a new entry in the browser's history.
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(&route.href());
    }
}

/// Goes to `route` in place of the current entry, so "back" does not return to a page that
/// only forwards.
pub fn replace(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&route.href());
    }
}

fn current() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// The current route, updated on every change of the fragment.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || route.set(current()));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w
                        .remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
                drop(listener);
            }
        });
    }
    (*route).clone()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
