//! The app's routes. A hash router, so any static host serves every page from index.html.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/start")]
    Start,
    #[at("/quiz")]
    Quiz,
    #[at("/results/:id")]
    Results { id: String },
    #[at("/history")]
    History,
    #[not_found]
    #[at("/404")]
    NotFound,
}
