//! The root component: owns the state, loads content, saves after every change, routes.

use yew::prelude::*;
use yew_router::prelude::*;

use super::browser;
use super::components::site_footer::SiteFooter;
use super::components::site_header::SiteHeader;
use super::components::storage_notices::StorageNotices;
use super::content;
use super::pages::{
    history::HistoryPage, home::HomePage, not_found::NotFoundPage, quiz::QuizPage, results::ResultsPage,
    start::StartPage,
};
use super::route::Route;
use super::state::{Action, AppContext, AppState};
use super::storage;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let loaded = storage::load();
        AppState::new(loaded.stored, loaded.set_aside)
    });

    // Persist outside the reducer: after every change to what is stored.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.stored.clone(), move |stored| {
            dispatcher.dispatch(Action::Saved { ok: storage::save(stored) });
        });
    }

    {
        let lang = state.lang;
        use_effect_with(lang, |lang| browser::set_document_language(lang.code(), lang.dir()));
    }

    // Content is fetched once at start, not compiled in; the retry button reloads it.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| load_content(dispatcher));
    }

    html! {
        <ContextProvider<AppContext> context={state}>
            <HashRouter>
                <Shell />
            </HashRouter>
        </ContextProvider<AppContext>>
    }
}

/// Fetches the content and reports the outcome to the reducer.
pub fn load_content(dispatcher: UseReducerDispatcher<AppState>) {
    dispatcher.dispatch(Action::ContentLoading);
    wasm_bindgen_futures::spawn_local(async move {
        dispatcher.dispatch(Action::ContentLoaded(content::fetch_content().await));
    });
}

/// Header, notices, the routed page and the footer.
#[function_component]
fn Shell() -> Html {
    html! {
        <>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <StorageNotices />
                <Switch<Route> render={switch} />
            </main>
            <SiteFooter />
        </>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Start => html! { <StartPage /> },
        Route::Quiz => html! { <QuizPage /> },
        Route::Results { id } => html! { <ResultsPage {id} /> },
        Route::History => html! { <HistoryPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}
