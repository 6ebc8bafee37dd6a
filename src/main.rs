//! Entry point: mounts the app into `<body>`. Everything else lives in the library.

fn main() {
    yew::Renderer::<kafaa::ui::App>::new().render();
}
