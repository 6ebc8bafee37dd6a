//! The root component: owns the state, loads content and the interface language, saves after
//! every change, routes.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::site_footer::SiteFooter;
use super::components::site_header::SiteHeader;
use super::components::storage_notices::StorageNotices;
use super::content::{load_content, load_language, remember_catalog};
use super::route::{use_route, Route};
use super::state::{Action, AppContext, AppState};
use super::storage;
use crate::i18n::{self, Catalog};

/// The English catalog and the language list are compiled in and checked by `cargo test`
/// (`every_shipped_catalog_is_complete_and_keeps_the_slots`), so reading them cannot
/// fail at run time.
fn initial_state() -> AppState {
    let languages = i18n::languages("i18n/languages.json", i18n::LANGUAGES).expect("checked by cargo test");
    let english: &'static Catalog = Box::leak(Box::new(i18n::english().expect("checked by cargo test")));
    remember_catalog(english);
    let loaded = storage::load();
    AppState::new(english, Rc::new(languages), loaded.stored, loaded.set_aside)
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The pages of this document, by route: each document's entry point passes its own, so
    /// its wasm holds only those pages (see `ui::pages`).
    pub pages: Callback<Route, Html>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(initial_state);

    // Persist outside the reducer: after every change to what is stored.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.stored.clone(), move |stored| {
            dispatcher.dispatch(Action::Saved { ok: storage::save(stored) });
        });
    }

    {
        let language = state.catalog.language.clone();
        use_effect_with(language, |l| browser::set_document_language(&l.code, &l.dir));
    }

    // Content and the preferred language are fetched once at start, not compiled in.
    {
        let dispatcher = state.dispatcher();
        let languages = state.languages.clone();
        use_effect_with((), move |_| {
            load_content(dispatcher.clone());
            if let Some(language) = browser::preferred_language(&languages).filter(|l| l.code != "en") {
                load_language(dispatcher, language);
            }
        });
    }

    html! {
        <ContextProvider<AppContext> context={state}>
            <Shell pages={props.pages.clone()} />
        </ContextProvider<AppContext>>
    }
}

/// Header, notices, the routed page and the footer.
#[function_component]
fn Shell(props: &AppProps) -> Html {
    let route = use_route();
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
