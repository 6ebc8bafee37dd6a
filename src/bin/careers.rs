//! Entry point of `careers.html`: the same app shell with the careers page, in a wasm of
//! its own so the guidance code is loaded only when someone opens it.

#![forbid(unsafe_code)]

fn main() {
    kafaa::ui::app::start(
        yew::Callback::from(kafaa::ui::pages::careers_document),
        Some(kafaa::engine::store::SESSION_CODEC),
        Some(kafaa::ui::hooks::preload_part::<kafaa::i18n::CareersMessages>),
        Some(kafaa::ui::state::edit),
    );
}
