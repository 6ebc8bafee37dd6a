//! Hooks shared by pages.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::browser;
use super::content::load_domain;
use super::state::{use_app, ContentStatus};

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

/// Fetches the files of `domains` not loaded yet, once each, and tells where they stand.
#[hook]
pub fn use_domains(domains: Vec<String>) -> ContentStatus {
    let app = use_app();
    let missing: Vec<(String, String)> = match app.content() {
        Some(content) => domains
            .iter()
            .filter(|d| !content.is_loaded(d) && !app.domains.contains_key(*d))
            .filter_map(|d| content.index.entry(d).map(|e| (d.clone(), e.file.clone())))
            .collect(),
        None => Vec::new(),
    };
    let dispatcher = app.dispatcher();
    use_effect_with(missing, move |missing| {
        for (id, file) in missing {
            load_domain(dispatcher.clone(), id.clone(), file.clone());
        }
    });
    app.domains_status(&domains)
}
