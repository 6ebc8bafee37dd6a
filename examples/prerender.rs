//! Renders a document's first page, as a first visit sees it, in every shipped language into
//! the built document (one `<template id="page-xx">` each, where the `<!-- prerendered -->`
//! marker is), from the app's own components: the home page into `index.html`, the careers
//! page into `careers.html`, and so on. An inline script (`static/prerendered.js`) shows the
//! one in the user's language before the wasm has even been fetched, and the app then renders
//! the same page over it: the largest paint of the page no longer waits for the wasm.
//!
//! Run by the release build: `cargo run --example prerender -- dist/index.html index`.

use std::rc::Rc;

use kafaa::engine::store::Stored;
use kafaa::i18n::{self, CareersMessages, Catalog, ClassroomMessages, Language, Part, QuestionsMessages};
use kafaa::ui::app::{provide, Shell};
use kafaa::ui::pages;
use kafaa::ui::route::{Document, Route};
use kafaa::ui::state::AppState;
use yew::prelude::*;
use yew::LocalServerRenderer;

const MARKER: &str = "<!-- prerendered -->";

/// What is prerendered into a document.
struct Page {
    document: Document,
    route: Route,
    pages: fn(Route) -> Html,
    /// Reads the document's own messages in a language (see `ui::hooks::preload_part`).
    parts: fn(&Language),
    /// Which stored data would change the page: the script shows it only without them.
    when: &'static str,
}

fn page(name: &str) -> Option<Page> {
    Some(match name {
        "index" => Page {
            document: Document::Main,
            route: Route::Home,
            pages: pages::main_document,
            parts: |_| {},
            when: "home",
        },
        "careers" => Page {
            document: Document::Careers,
            route: Route::Guidance { id: None },
            pages: pages::careers_document,
            parts: |l| part::<CareersMessages>(l),
            when: "guidance",
        },
        "classroom" => Page {
            document: Document::Classroom,
            route: Route::Classroom,
            pages: pages::classroom_document,
            parts: |l| part::<ClassroomMessages>(l),
            when: "classroom",
        },
        "counselor" => Page {
            document: Document::Counselor,
            route: Route::Counselor,
            pages: pages::counselor_document,
            parts: |l| {
                part::<ClassroomMessages>(l);
                part::<CareersMessages>(l);
            },
            when: "counselor",
        },
        "questions" => Page {
            document: Document::Questions,
            route: Route::MyQuestions,
            pages: pages::questions_document,
            parts: |l| part::<QuestionsMessages>(l),
            when: "questions",
        },
        _ => return None,
    })
}

/// Reads a part's shipped messages in `language`, as the app fetches them before its first
/// render.
fn part<P: Part>(language: &Language) {
    let file = i18n::part_file::<P>(&language.code);
    let text =
        std::fs::read_to_string(format!("static/{file}")).unwrap_or_else(|e| fail(format!("{file}: {e}")));
    i18n::remember_part::<P>(language, &file, &text).unwrap_or_else(|p| fail(p.to_string()));
}

#[derive(Properties, PartialEq)]
struct FirstProps {
    catalog: &'static Catalog,
    languages: Rc<Vec<Language>>,
    route: Route,
    pages: Callback<Route, Html>,
}

/// The app's shell on the page's route, with nothing stored yet.
#[function_component]
fn First(props: &FirstProps) -> Html {
    let state = use_reducer(|| {
        AppState::new(props.catalog, props.languages.clone(), Stored::default(), Vec::new(), None)
    });
    provide(state, html! { <Shell route={props.route.clone()} pages={props.pages.clone()} /> })
}

fn fail(why: String) -> ! {
    eprintln!("prerender: {why}");
    std::process::exit(1);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(name)) = (args.next(), args.next()) else {
        fail("usage: prerender <built document.html> <index|careers|classroom|counselor|questions>".into())
    };
    let page = page(&name).unwrap_or_else(|| fail(format!("no page is prerendered for {name}")));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("{path}: {e}")));
    if html.matches(MARKER).count() != 1 {
        fail(format!("{path}: expected the marker {MARKER} once"));
    }
    page.document.render_as();
    let languages =
        i18n::languages("i18n/languages.json", i18n::LANGUAGES).unwrap_or_else(|p| fail(p.to_string()));
    let mut templates = String::new();
    for language in languages.iter() {
        let file = format!("static/{}", language.file);
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| fail(format!("{file}: {e}")));
        let catalog: &'static Catalog = Box::leak(Box::new(
            Catalog::parse(language.clone(), &text).unwrap_or_else(|p| fail(p.to_string())),
        ));
        (page.parts)(language);
        let props = FirstProps {
            catalog,
            languages: Rc::new(languages.to_vec()),
            route: page.route.clone(),
            pages: Callback::from(page.pages),
        };
        // On this thread, where the parts' messages were just read.
        let body = futures::executor::block_on(
            LocalServerRenderer::<First>::with_props(props).hydratable(false).render(),
        );
        templates.push_str(&format!(
            "<template id=\"page-{}\" data-dir=\"{}\" data-route=\"{}\" data-when=\"{}\">{body}</template>",
            language.code,
            language.dir,
            page.route.href(),
            page.when
        ));
        println!("prerender: {name} in {} ({} bytes)", language.code, body.len());
    }
    std::fs::write(&path, html.replace(MARKER, &templates)).unwrap_or_else(|e| fail(format!("{path}: {e}")));
}
