use yew::prelude::*;

use crate::engine::content::bidi::{segments, Segment};
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ItemTextProps {
    /// A question's text in the interface language: a stem, an option, an explanation.
    pub text: AttrValue,
}

/// A question's text laid out in the interface language's direction, with each Latin run
/// ("GET", "Reflected XSS", "C++") in its own `<bdi>` when that direction is right to left,
/// so the Arabic clauses keep their order and no text needs an invisible mark.
#[function_component]
pub fn ItemText(props: &ItemTextProps) -> Html {
    if use_app().catalog.language.dir != "rtl" {
        return html! { { props.text.clone() } };
    }
    segments(&props.text)
        .into_iter()
        .map(|s| match s {
            Segment::Latin(run) => html! { <bdi>{ run }</bdi> },
            Segment::Plain(text) => html! { { text } },
        })
        .collect()
}
