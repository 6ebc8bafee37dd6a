//! The app's routes, kept in the URL fragment (`#/quiz`): any static host serves every page
//! from index.html, and the fragment never reaches a server. A few lines of our own rather
//! than a router crate: six routes need no more, and the wasm stays within its size budget.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Home,
    Start,
    Quiz,
    Results { id: String },
    History,
    MyData,
    NotFound,
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
            other => match other.strip_prefix("/results/") {
                Some(id) if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
                    Route::Results { id: id.to_string() }
                }
                _ => Route::NotFound,
            },
        }
    }

    /// The link to the route, as a fragment.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Start => "#/start".into(),
            Route::Quiz => "#/quiz".into(),
            Route::Results { id } => format!("#/results/{id}"),
            Route::History => "#/history".into(),
            Route::MyData => "#/data".into(),
            Route::NotFound => "#/404".into(),
        }
    }
}

/// Goes to `route`, as a new entry in the browser's history.
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
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
