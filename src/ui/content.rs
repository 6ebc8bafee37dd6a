//! Fetching files from the app's own origin at run time: content, domain files, catalogs.
//!
//! Plain `fetch` through web-sys rather than an HTTP wrapper crate: GETs of text need nothing
//! more, and the wasm stays smaller.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::{Callback, UseReducerDispatcher};

use super::state::{Action, AppState, ContentStatus};
use crate::engine::content::Checks;
use crate::engine::content::{Content, INDEX_FILE, SETTINGS_FILE};
use crate::engine::guidance::{GuidanceData, LocalFile, GUIDANCE_FILE, INTERESTS_FILE};
use crate::engine::sorted::SortedMap;
use crate::i18n::{Catalog, Language};

/// Fetches one file as text; paths are relative to the page so the app works under any path.
/// The error names the file and what went wrong.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let fail = |detail: String| format!("{path}: {detail}");
    let describe = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{e:?}"))
    };
    let window = web_sys::window().ok_or_else(|| fail("no browser window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|e| fail(describe(e)))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| fail("the answer is not an HTTP response".into()))?;
    if !response.ok() {
        return Err(fail(format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|e| fail(describe(e)))?;
    let text = JsFuture::from(text).await.map_err(|e| fail(describe(e)))?;
    text.as_string().ok_or_else(|| fail("the file is not text".into()))
}

/// Fetches and validates the bank's index and the assessment settings.
pub async fn fetch_content() -> Result<Rc<Content>, ContentStatus> {
    let index = fetch_text(INDEX_FILE).await.map_err(ContentStatus::Unreachable)?;
    let settings = fetch_text(SETTINGS_FILE).await.map_err(ContentStatus::Unreachable)?;
    Content::parse(&index, &settings)
        .map(Rc::new)
        .map_err(|problems| ContentStatus::Invalid(Rc::new(problems)))
}

/// Fetches and validates the content, reporting to the reducer.
pub fn load_content(dispatcher: UseReducerDispatcher<AppState>) {
    dispatcher.dispatch(Action::ContentLoading);
    wasm_bindgen_futures::spawn_local(async move {
        dispatcher.dispatch(Action::ContentLoaded(fetch_content().await));
    });
}

/// Fetches a domain's file in `lang` (`file` as the index names it, split by language at
/// build time; validated by the reducer against the index). When it cannot be had (offline,
/// that language never kept for offline use), the file in the first of `others` that can be
/// had comes with the failure, to stand in.
pub fn load_domain(
    dispatcher: UseReducerDispatcher<AppState>,
    id: String,
    file: String,
    lang: String,
    others: Vec<String>,
) {
    dispatcher.dispatch(Action::DomainLoading(id.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let text = fetch_text(&format!("content/{lang}/{file}")).await;
        let mut instead = None;
        if text.is_err() {
            for other in others {
                if let Ok(text) = fetch_text(&format!("content/{other}/{file}")).await {
                    instead = Some((other, text));
                    break;
                }
            }
        }
        dispatcher.dispatch(Action::DomainLoaded { id, lang, text, instead });
    });
}

thread_local! {
    /// Catalogs read this session, so switching back and forth fetches and keeps each once.
    static CATALOGS: RefCell<SortedMap<String, &'static Catalog>> = const { RefCell::new(SortedMap::new()) };
}

/// Remembers a catalog read this session.
pub fn remember_catalog(catalog: &'static Catalog) {
    CATALOGS.with(|c| c.borrow_mut().insert(catalog.language.code.clone(), catalog));
}

/// A catalog read before this session, if any.
pub fn cached_catalog(code: &str) -> Option<&'static Catalog> {
    CATALOGS.with(|c| c.borrow().get(code).copied())
}

/// The catalog of `language`: kept from before, or fetched, checked and kept.
pub async fn catalog(language: Language) -> Result<&'static Catalog, ContentStatus> {
    if let Some(catalog) = cached_catalog(&language.code) {
        return Ok(catalog);
    }
    let text = fetch_text(&language.file).await.map_err(ContentStatus::Unreachable)?;
    let catalog = Catalog::parse(language, &text).map_err(|p| ContentStatus::Invalid(Rc::new(vec![p])))?;
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    remember_catalog(catalog);
    Ok(catalog)
}

/// Switches the interface to `language`, fetching its catalog the first time.
pub fn load_language(dispatcher: UseReducerDispatcher<AppState>, language: Language) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatcher.dispatch(Action::Language(catalog(language).await));
    });
}

/// What files referring to the content (guidance data, session links) are checked against.
pub fn with_checks<R>(content: &Content, then: impl FnOnce(&Checks) -> R) -> R {
    let domains: Vec<String> = content.index.domains.iter().map(|d| d.id.clone()).collect();
    then(&Checks { domains: &domains, languages: &content.index.languages, settings: &content.settings })
}

/// Fetches the shipped guidance and questionnaire and checks them, with the stored local
/// file if any, against the content; `ondone` gets the data, or what went wrong.
pub fn load_guidance(
    content: Rc<Content>,
    local: Option<LocalFile>,
    ondone: Callback<Result<Rc<GuidanceData>, ContentStatus>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = async {
            let shipped = fetch_text(GUIDANCE_FILE).await.map_err(ContentStatus::Unreachable)?;
            let interests = fetch_text(INTERESTS_FILE).await.map_err(ContentStatus::Unreachable)?;
            with_checks(&content, |checks| {
                GuidanceData::build(&shipped, &interests, local.as_ref(), checks)
                    .map(Rc::new)
                    .map_err(|p| ContentStatus::Invalid(Rc::new(p)))
            })
        }
        .await;
        ondone.emit(result);
    });
}
