use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::referral::CounselorKey;
use crate::engine::store::Kept;
use crate::i18n::{fill, ClassroomMessages};
use crate::ui::browser;
use crate::ui::components::confirm_danger::ConfirmDanger;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::qr_code::QrCodeView;
use crate::ui::components::session_fingerprint::{Reader, SessionFingerprint};
use crate::ui::hooks::use_messages;
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action};

/// The counselor's own link: made once on this device (a key pair whose secret stays here),
/// then shown as a link and a QR code to hand to learners and teachers, with its fingerprint.
#[function_component]
pub fn CounselorLinkPanel() -> Html {
    let app = use_app();
    let c = use_messages::<ClassroomMessages>();
    let name = use_state(String::new);
    let body = match app.stored.counselor.as_ref().map(|k| k.read(CounselorKey::read)) {
        None | Some(Err(_)) => {
            let oncreate = {
                let (app, name) = (app.clone(), name.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if !name.trim().is_empty() {
                        let key = CounselorKey::create(&name, browser::now());
                        app.dispatch(Action::SetCounselorKey(Some(Kept::new(&key))));
                    }
                })
            };
            let oninput = {
                let name = name.clone();
                Callback::from(move |e: InputEvent| {
                    name.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            let unreadable = app.stored.counselor.as_ref().and_then(|k| k.read(CounselorKey::read).err());
            html! {
                <form onsubmit={oncreate}>
                    if let Some(detail) = unreadable {
                        <p class="notice warning" role="alert">{ fill(c.counselor_link_unreadable(), &[("detail", detail)]) }</p>
                    }
                    <p>
                        <label for="counselor-name">{ c.counselor_link_name() }</label>
                        <input type="text" id="counselor-name" maxlength="80" required=true value={(*name).clone()} {oninput} />
                    </p>
                    <p><button type="submit" class="primary" disabled={name.trim().is_empty()}>{ c.counselor_link_create() }</button></p>
                </form>
            }
        }
        Some(Ok(key)) => {
            let link = format!(
                "{}{}",
                browser::page_address(),
                Route::SendResults { payload: key.link.to_payload() }.href()
            );
            let onremove = {
                let app = app.clone();
                Callback::from(move |()| app.dispatch(Action::SetCounselorKey(None)))
            };
            html! {
                <>
                    <p class="lead">{ &key.link.name }</p>
                    <SessionFingerprint id={key.link.id.clone()} reader={Reader::Counselor} />
                    <p class="share">
                        <label for="counselor-link">{ c.counselor_link() }</label>
                        <input type="text" id="counselor-link" readonly=true value={link.clone()} dir="ltr" />
                        <CopyButton text={link.clone()} />
                    </p>
                    <div class="qr-box"><QrCodeView text={link} label={c.counselor_link_qr()} /></div>
                    <ConfirmDanger label={c.counselor_link_remove()} warning={c.counselor_link_remove_confirm()}
                        yes={c.counselor_link_remove_yes()} onconfirm={onremove} />
                </>
            }
        }
    };
    html! {
        <section class="card counselor-link no-print" aria-labelledby="counselor-link-title">
            <h2 id="counselor-link-title">{ c.counselor_link_title() }</h2>
            <p>{ c.counselor_link_intro() }</p>
            { body }
        </section>
    }
}
