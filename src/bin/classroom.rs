//! Entry point of `classroom.html`: the same app shell with the classroom pages (sessions,
//! result codes, the class dashboard, the counselor's view), whose cryptography, compression
//! and QR code generation load only when someone opens them.

fn main() {
    let pages = yew::Callback::from(kafaa::ui::pages::classroom_document);
    yew::Renderer::<kafaa::ui::App>::with_props(kafaa::ui::app::AppProps { pages }).render();
}
