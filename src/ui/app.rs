//! Starting the app (`start`), and its root component: owns the state, loads content and the
//! interface language, saves after every change, routes.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::site_footer::SiteFooter;
use super::components::site_header::SiteHeader;
use super::components::storage_notices::StorageNotices;
use super::content::{cached_catalog, catalog, load_content, load_language, remember_catalog};
use super::route::{use_route, Route};
use super::state::{Action, AppContext, AppState, Edits, Interface};
use super::storage;
use crate::engine::store::SessionCodec;
use crate::i18n::{self, Catalog, Language};

/// The language list is compiled in and checked by `cargo test`
/// (`every_shipped_catalog_is_complete_and_keeps_the_slots`), so reading it cannot fail.
fn languages() -> Vec<Language> {
    i18n::compiled_in(i18n::languages("i18n/languages.json", i18n::LANGUAGES))
}

/// What a document loads, in the language it starts in, before its first render besides the
/// interface catalog: its own messages (`hooks::preload_part`).
pub type PartLoader = fn(Language) -> Pin<Box<dyn Future<Output = ()>>>;

/// Mounts the app once the catalog of the language the user prefers is at hand, so that its
/// first render is already in that language, with the document's own messages (`part`):
/// nobody sees English flash by first, and the page prerendered into the document
/// (`examples/prerender.rs`) is replaced by the very same page. When that
/// catalog cannot be had, the app starts in English and says why (see `App`). Reading the
/// catalogs and the first render run as separate tasks, so neither holds the page long.
///
/// A document passes what it does beyond the self-assessment: its `pages`, how it reads and
/// writes class `sessions`, its own messages (`part`) and its `edits` of the stored data.
/// What it leaves out (`None`) is code its wasm does not carry.
pub fn start(
    pages: Callback<Route, Html>,
    sessions: Option<SessionCodec>,
    part: Option<PartLoader>,
    edits: Option<Edits>,
) {
    super::crash::install();
    if let Some(codec) = sessions {
        storage::use_sessions(codec);
    }
    // The English catalog is compiled in and checked by `cargo test` like the list.
    let english: &'static Catalog = Box::leak(Box::new(i18n::compiled_in(i18n::english())));
    remember_catalog(english);
    let languages = Rc::new(languages());
    let preferred = browser::preferred_language(&languages).filter(|l| l.code != "en");
    wasm_bindgen_futures::spawn_local(async move {
        match preferred {
            Some(language) => {
                // Both files at once: the part's fetch runs while the catalog's is awaited.
                let part = part.map(|part| browser::started(part(language.clone())));
                let _ = catalog(language).await;
                if let Some(part) = part {
                    let _ = part.await;
                }
            }
            None => browser::next_task().await,
        }
        yew::Renderer::<App>::with_props(AppProps { pages, languages, english, edits }).render();
    });
}

fn initial_state(languages: Rc<Vec<Language>>, english: &'static Catalog, edits: Option<Edits>) -> AppState {
    let preferred = browser::preferred_language(&languages).and_then(|l| cached_catalog(&l.code));
    let catalog = preferred.unwrap_or(english);
    let loaded = storage::load();
    AppState::new(catalog, languages, loaded.stored, loaded.set_aside, edits)
}

#[derive(Properties)]
pub struct AppProps {
    /// The pages of this document, by route: each document's entry point passes its own, so
    /// its wasm holds only those pages (see `ui::pages`).
    pub pages: Callback<Route, Html>,
    /// The languages the interface is offered in (read once by `start`).
    pub languages: Rc<Vec<Language>>,
    /// The compiled-in English catalog: the interface until, or unless, the preferred one is
    /// at hand.
    pub english: &'static Catalog,
    /// This document's edits of the stored data (see `state::Edits`).
    pub edits: Option<Edits>,
}

/// By identity: `start` makes the props once (their `edits` never change), and a derived
/// comparison would compile a deep comparison of whole catalogs into the wasm.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        self.pages == other.pages
            && Rc::ptr_eq(&self.languages, &other.languages)
            && std::ptr::eq(self.english, other.english)
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (languages, english, edits) = (props.languages.clone(), props.english, props.edits);
        use_reducer(move || initial_state(languages, english, edits))
    };

    // Persist outside the reducer, after each render: only the parts that changed are written
    // (an answer rewrites the small head, not the history or a class's codes).
    {
        let (dispatcher, stored) = (state.dispatcher(), state.stored.clone());
        use_effect(move || {
            if let Some(ok) = storage::save(&stored) {
                dispatcher.dispatch(Action::Saved { ok });
            }
        });
    }

    {
        let language = state.catalog.language.clone();
        use_effect_with(language, |l| browser::set_document_language(&l.code, &l.dir));
    }

    // Content is fetched once at start, not compiled in. The preferred language is in place
    // already unless its catalog could not be had: asking again says why.
    {
        let dispatcher = state.dispatcher();
        let languages = state.languages.clone();
        let current = state.catalog.language.code.clone();
        use_effect_with((), move |_| {
            load_content(dispatcher.clone());
            if let Some(language) = browser::preferred_language(&languages).filter(|l| l.code != current) {
                load_language(dispatcher, language);
            }
        });
    }

    let route = use_route();
    provide(state, html! { <Shell {route} pages={props.pages.clone()} /> })
}

/// Gives `children` the app state and, in a context of its own, the interface language
/// ([`Interface`]); for `App`, the prerenderer and the component tests. (A function, not a
/// component: one more component type costs every document's wasm its lifecycle code.)
pub fn provide(state: AppContext, children: Html) -> Html {
    let interface = Interface::of(&state);
    html! {
        <ContextProvider<AppContext> context={state}>
            <ContextProvider<Interface> context={interface}>
                { children }
            </ContextProvider<Interface>>
        </ContextProvider<AppContext>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub route: Route,
    pub pages: Callback<Route, Html>,
}

/// Header, notices, the routed page and the footer: what `App` shows, and what
/// `examples/prerender.rs` renders of the home page for `index.html`.
#[function_component]
pub fn Shell(props: &ShellProps) -> Html {
    let route = props.route.clone();
    html! {
        <>
            <SiteHeader route={route.clone()} />
            <main id="main" tabindex="-1">
                <StorageNotices />
                { props.pages.emit(route) }
            </main>
            <SiteFooter />
        </>
    }
}
