//! Entry point of `index.html`: mounts the app with the main document's pages. Everything
//! else lives in the library.

fn main() {
    let pages = yew::Callback::from(kafaa::ui::pages::main_document);
    yew::Renderer::<kafaa::ui::App>::with_props(kafaa::ui::app::AppProps { pages }).render();
}
