//! Entry point of `index.html`: mounts the app with the main document's pages. Everything
//! else lives in the library.

#![forbid(unsafe_code)]

fn main() {
    kafaa::ui::app::start(yew::Callback::from(kafaa::ui::pages::main_document), None, None, None);
}
