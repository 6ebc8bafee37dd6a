//! Entry point of `classroom.html`: the same app shell with the classroom pages (sessions,
//! joining one, result codes, the class dashboard), whose cryptography, compression and QR
//! code generation load only when someone opens them.

#![forbid(unsafe_code)]

fn main() {
    kafaa::ui::app::start(
        yew::Callback::from(kafaa::ui::pages::classroom_document),
        Some(kafaa::engine::store::SESSION_CODEC),
        Some(kafaa::ui::hooks::preload_part::<kafaa::i18n::ClassroomMessages>),
        Some(kafaa::ui::state::edit),
    );
}
