//! Hooks shared by pages.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::browser;
use super::content::{fetch_text, load_domain};
use super::state::{use_app, use_interface, Action, ContentStatus};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use crate::engine::own_bank::{self, OwnBank};
use crate::engine::problem::Problem;
use crate::i18n::{cached_part, part, part_file, remember_part, Language, Part};

/// Sets the tab title to "`page` — Kafaa" while the page is shown.
#[hook]
pub fn use_title(page: String) {
    use_effect_with(page, |page| browser::set_title(&format!("{page} — Kafaa")));
}

/// Moves keyboard and screen-reader focus to `node` whenever `key` changes, so that each new
/// page or question is announced and keyboard users start from it.
#[hook]
pub fn use_focus_on<K: PartialEq + 'static>(node: NodeRef, key: K) {
    use_effect_with(key, move |_| {
        if let Some(el) = node.cast::<HtmlElement>() {
            let _ = el.focus();
        }
    });
}

/// Puts a session's own questions (its title and questions, from `Session::own_questions` or
/// an attempt's `SessionTag`) into the bank, in place of any others; while they are not there,
/// where they stand (`None` once they are, or when there are none).
#[hook]
pub fn use_own_questions(source: Option<(String, String)>) -> Option<ContentStatus> {
    let app = use_app();
    let needed = match (app.content(), source) {
        (Some(content), Some((title, text))) if content.own_text() != Some(text.as_str()) => {
            Some((title, text))
        }
        _ => None,
    };
    let dispatcher = app.dispatcher();
    use_effect_with(needed.clone(), move |needed| {
        if let Some((title, text)) = needed {
            dispatcher.dispatch(Action::OwnLoaded { title: title.clone(), text: text.clone() });
        }
    });
    needed.map(|_| app.domains.get(own_bank::DOMAIN).cloned().unwrap_or(ContentStatus::Loading))
}

/// The teacher's own questions as stored, read once per change of their text (pages with
/// an input re-render on every key, and a bank can hold hundreds of questions), or the
/// problems that keep them from being read.
#[hook]
pub fn use_own_bank() -> Rc<Result<OwnBank, Vec<Problem>>> {
    let text = use_app().stored.questions.clone();
    use_memo(text, |text| text.as_deref().map_or(Ok(OwnBank::default()), |t| OwnBank::parse(t)))
}

/// Fetches the files of `domains` not loaded yet in the interface language, once each, and
/// tells where they stand. The teacher's own questions are not fetched but come with their
/// session ([`use_own_questions`]): pages that show them ask for them there.
#[hook]
pub fn use_domains(domains: Vec<String>) -> ContentStatus {
    let lang = use_app().lang();
    use_domains_in(domains, lang.to_string())
}

/// [`use_domains`] in `lang`, for a page that shows questions in another language than the
/// interface's (a quiz file exported in any language).
#[hook]
pub fn use_domains_in(domains: Vec<String>, lang: String) -> ContentStatus {
    let app = use_app();
    let (missing, others): (Vec<(String, String)>, Vec<String>) = match app.content() {
        Some(content) => (
            domains
                .iter()
                .filter(|d| !content.is_loaded(d, &lang) && !app.domains.contains_key(*d))
                .filter_map(|d| content.index.entry(d).map(|e| (d.clone(), e.file.clone())))
                .collect(),
            content.index.languages.iter().filter(|l| **l != lang).cloned().collect(),
        ),
        None => Default::default(),
    };
    let dispatcher = app.dispatcher();
    let fetch_in = lang.clone();
    use_effect_with(missing, move |missing| {
        for (id, file) in missing {
            load_domain(dispatcher.clone(), id.clone(), file.clone(), fetch_in.clone(), others.clone());
        }
    });
    let kafaa: Vec<String> = domains.into_iter().filter(|d| d != own_bank::DOMAIN).collect();
    app.domains_status(&kafaa, &lang)
}

/// How many document parts have arrived so far: provided around a document's pages so that
/// those reading a part re-render when it arrives.
#[derive(Clone, Copy, PartialEq)]
pub struct PartsLoaded(pub u32);

/// Fetches a document's own messages (careers, classroom) in the interface language the
/// first time that language needs them (English is compiled in, shows meanwhile and stands
/// in if the file cannot be had); counts arrivals, for [`PartsLoaded`]. The language the
/// app starts in is loaded before its first render (`app::start`, [`preload_part`]).
#[hook]
pub fn use_part<P: Part>() -> u32 {
    let language = use_interface().catalog.language.clone();
    let loaded = use_state(|| 0u32);
    let have = language.code == "en" || cached_part::<P>(&language.code).is_some();
    {
        let loaded = loaded.clone();
        use_effect_with((language, have), move |(language, have)| {
            if !*have {
                let language = language.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if load_part::<P>(&language).await {
                        loaded.set(*loaded + 1);
                    }
                });
            }
        });
    }
    *loaded
}

/// Fetches and keeps the part's messages in `language`; whether they are now at hand.
async fn load_part<P: Part>(language: &Language) -> bool {
    let file = part_file::<P>(&language.code);
    match fetch_text(&file).await {
        Ok(text) => remember_part::<P>(language, &file, &text).is_ok(),
        Err(_) => false,
    }
}

/// A document's messages in the language it starts in, for `app::start`: so that its first
/// render, and the page prerendered into it, are not in English for a moment.
pub fn preload_part<P: Part>(language: Language) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(async move {
        if cached_part::<P>(&language.code).is_none() {
            load_part::<P>(&language).await;
        }
    })
}

/// A document part's messages in the interface language (English until it arrives).
#[hook]
pub fn use_messages<P: Part>() -> &'static P {
    use_context::<PartsLoaded>();
    part::<P>(use_interface().lang())
}
