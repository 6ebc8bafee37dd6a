use yew::prelude::*;

use crate::engine::session::fingerprint;
use crate::i18n::{fill, ClassroomMessages};
use crate::ui::hooks::use_messages;

/// Whose key the fingerprint is of, and who reads it.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum Reader {
    /// A student checking a session link against the board.
    #[default]
    Student,
    /// The teacher, who writes it on the board.
    Teacher,
    /// A counselor, who shows it to those sending them results.
    Counselor,
    /// A learner or teacher checking a counselor link against the counselor's.
    Sender,
}

#[derive(Properties, PartialEq)]
pub struct SessionFingerprintProps {
    /// The key's id (a session's or a counselor's: its public key's first bytes, so a
    /// swapped key shows another fingerprint).
    pub id: AttrValue,
    #[prop_or_default]
    pub reader: Reader,
}

/// A key's short fingerprint, for whoever holds a link to compare with its owner's.
#[function_component]
pub fn SessionFingerprint(props: &SessionFingerprintProps) -> Html {
    let c = use_messages::<ClassroomMessages>();
    let (title, hint) = match props.reader {
        Reader::Student => (c.session_fingerprint(), c.session_fingerprint_student()),
        Reader::Teacher => (c.session_fingerprint(), c.session_fingerprint_teacher()),
        Reader::Counselor => (c.counselor_fingerprint(), c.counselor_fingerprint_own()),
        Reader::Sender => (c.counselor_fingerprint(), c.counselor_fingerprint_check()),
    };
    html! {
        <p class="fingerprint">
            <strong>{ fill(title, &[("fingerprint", fingerprint(&props.id))]) }</strong>
            { " " }<span class="muted">{ hint }</span>
        </p>
    }
}
