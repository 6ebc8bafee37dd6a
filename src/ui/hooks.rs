//! Hooks shared by pages.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::browser;

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
