//! One component per route, and each document's pages by route.
//!
//! A document's entry point (`src/main.rs`, `src/bin/careers.rs`) hands its function to
//! [`crate::ui::App`]; a route of another document sends the browser there.

use yew::prelude::*;

use crate::ui::route::Route;

pub mod elsewhere;
pub mod guidance;
pub mod history;
pub mod home;
pub mod my_data;
pub mod not_found;
pub mod quiz;
pub mod results;
pub mod start;

/// The pages of `index.html`.
pub fn main_document(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::HomePage /> },
        Route::Start => html! { <start::StartPage /> },
        Route::Quiz => html! { <quiz::QuizPage /> },
        Route::Results { id } => html! { <results::ResultsPage {id} /> },
        Route::History => html! { <history::HistoryPage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        Route::NotFound => html! { <not_found::NotFoundPage /> },
        route @ Route::Guidance { .. } => html! { <elsewhere::ElsewherePage {route} /> },
    }
}

/// The pages of `careers.html`.
pub fn careers_document(route: Route) -> Html {
    match route {
        Route::Guidance { id } => html! { <guidance::GuidancePage {id} /> },
        route => html! { <elsewhere::ElsewherePage {route} /> },
    }
}
