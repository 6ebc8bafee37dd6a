use yew::prelude::*;

use crate::engine::session::fingerprint;
use crate::i18n::{fill, ClassroomMessages};
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct SessionFingerprintProps {
    /// The session's id (its public key's, so a swapped key shows another fingerprint).
    pub id: AttrValue,
    /// The teacher's page says to write it on the board; a student's, to compare with it.
    #[prop_or_default]
    pub teacher: bool,
}

/// The session's short fingerprint, for a class to compare with the teacher's board.
#[function_component]
pub fn SessionFingerprint(props: &SessionFingerprintProps) -> Html {
    let c = use_messages::<ClassroomMessages>();
    let hint = if props.teacher { c.session_fingerprint_teacher() } else { c.session_fingerprint_student() };
    html! {
        <p class="fingerprint">
            <strong>{ fill(c.session_fingerprint(), &[("fingerprint", fingerprint(&props.id))]) }</strong>
            { " " }<span class="muted">{ hint }</span>
        </p>
    }
}
