use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::session::read_session_file;
use crate::i18n::ClassroomMessages;
use crate::ui::browser;
use crate::ui::hooks::use_messages;
use crate::ui::route::{navigate, Route};

/// Opens a session file (`Session::to_file`), shared beside a link too long for a QR code:
/// on to the session's join page, as its link would have led.
#[function_component]
pub fn SessionFileOpener() -> Html {
    let c = use_messages::<ClassroomMessages>();
    let invalid = use_state(|| false);
    let onfile = {
        let invalid = invalid.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let invalid = invalid.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read_session_file(&browser::file_text(file).await) {
                    Some(payload) => {
                        invalid.set(false);
                        navigate(&Route::Join { payload });
                    }
                    None => invalid.set(true),
                }
            });
        })
    };
    html! {
        <>
            <p class="actions">
                <label class="button primary" for="session-file">{ c.join_open_file() }</label>
                <input type="file" id="session-file" class="visually-hidden" accept="application/json,.json" onchange={onfile} />
            </p>
            if *invalid {
                <p class="notice error" role="alert">{ c.join_file_invalid() }</p>
            }
        </>
    }
}
