//! Entry point of `counselor.html`: the same app shell with the counselor's view and the page
//! that sends a result to a counselor, whose guidance and results code the classroom's pages
//! do not need.

#![forbid(unsafe_code)]

fn main() {
    kafaa::ui::app::start(
        yew::Callback::from(kafaa::ui::pages::counselor_document),
        None,
        Some(kafaa::ui::pages::preload_counselor_parts),
        Some(kafaa::ui::state::edit),
    );
}
