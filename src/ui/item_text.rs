//! A question's text laid out in the interface language's direction, with each Latin run
//! ("GET", "Reflected XSS", "C++") in its own `<bdi>` when that direction is right to left,
//! so the Arabic clauses keep their order and no text needs an invisible mark. A function
//! rather than a component: it renders in every option of every question, and a component
//! per text would cost the first load about a kilobyte for nothing it needs (no state).

use yew::prelude::*;

use crate::engine::content::bidi::{segments, Segment};

/// `text` as nodes; `rtl` is whether the interface language reads right to left.
pub fn item_text(text: &str, rtl: bool) -> Html {
    if !rtl {
        return html! { { text.to_string() } };
    }
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Latin(run) => html! { <bdi>{ run.to_string() }</bdi> },
            Segment::Plain(text) => html! { { text.to_string() } },
        })
        .collect()
}
