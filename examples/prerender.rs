//! Renders the home page, as a first visit sees it, in every shipped language into the built
//! `index.html` (one `<template id="home-xx">` each, where the `<!-- prerendered -->` marker
//! is), from the app's own components. An inline script in `index.html` shows the one in the
//! user's language before the wasm has even been fetched, and the app then renders the same
//! page over it: the largest paint of the page no longer waits for the wasm.
//!
//! Run by the release build: `cargo run --example prerender -- dist/index.html`.

use std::rc::Rc;

use kafaa::engine::store::Stored;
use kafaa::i18n::{self, Catalog, Language};
use kafaa::ui::app::{provide, Shell};
use kafaa::ui::route::Route;
use kafaa::ui::state::AppState;
use yew::prelude::*;
use yew::ServerRenderer;

const MARKER: &str = "<!-- prerendered -->";

#[derive(Properties, PartialEq)]
struct HomeProps {
    catalog: &'static Catalog,
    languages: Rc<Vec<Language>>,
}

/// The app's shell on the home route, with nothing stored yet.
#[function_component]
fn Home(props: &HomeProps) -> Html {
    let state =
        use_reducer(|| AppState::new(props.catalog, props.languages.clone(), Stored::default(), Vec::new()));
    provide(
        state,
        html! { <Shell route={Route::Home} pages={Callback::from(kafaa::ui::pages::main_document)} /> },
    )
}

fn fail(why: String) -> ! {
    eprintln!("prerender: {why}");
    std::process::exit(1);
}

fn main() {
    let page = std::env::args().nth(1).unwrap_or_else(|| fail("usage: prerender <built index.html>".into()));
    let html = std::fs::read_to_string(&page).unwrap_or_else(|e| fail(format!("{page}: {e}")));
    if html.matches(MARKER).count() != 1 {
        fail(format!("{page}: expected the marker {MARKER} once"));
    }
    let languages =
        i18n::languages("i18n/languages.json", i18n::LANGUAGES).unwrap_or_else(|p| fail(p.to_string()));
    let mut templates = String::new();
    for language in languages.iter() {
        let file = format!("static/{}", language.file);
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| fail(format!("{file}: {e}")));
        let catalog: &'static Catalog = Box::leak(Box::new(
            Catalog::parse(language.clone(), &text).unwrap_or_else(|p| fail(p.to_string())),
        ));
        let list = languages.to_vec();
        let props = move || HomeProps { catalog, languages: Rc::new(list) };
        let body =
            futures::executor::block_on(ServerRenderer::<Home>::with_props(props).hydratable(false).render());
        templates.push_str(&format!(
            "<template id=\"home-{}\" data-dir=\"{}\">{body}</template>",
            language.code, language.dir
        ));
        println!("prerender: home page in {} ({} bytes)", language.code, body.len());
    }
    std::fs::write(&page, html.replace(MARKER, &templates)).unwrap_or_else(|e| fail(format!("{page}: {e}")));
}
