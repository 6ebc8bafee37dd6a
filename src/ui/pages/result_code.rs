use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::result_code::Submission;
use crate::i18n::fill;
use crate::ui::components::code_out::{code_file, CodeOut};
use crate::ui::components::session_fingerprint::SessionFingerprint;
use crate::ui::hooks::{use_focus_on, use_messages, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct ResultCodePageProps {
    /// The finished session attempt.
    pub id: String,
}

/// The code a student hands back: as text with a copy button, as a QR code and as a file.
/// It is sealed to the session's key, so only the teacher's browser can read it.
#[function_component]
pub fn ResultCodePage(props: &ResultCodePageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    use_title(c.code_title().to_string());
    let removed = use_state(|| false);
    // Focus moves to the heading on arrival, and again once the quiz is removed.
    use_focus_on(heading.clone(), (props.id.clone(), *removed));
    let attempt = app.stored.find(&props.id).filter(|a| a.session.is_some()).cloned();
    // Sealing draws a fresh key each time: made once per visit so the text stays put.
    let code = use_memo(attempt.clone(), |attempt| {
        let attempt = attempt.as_ref()?;
        let tag = attempt.session.as_ref()?;
        Submission::of(&tag.id, &tag.label, attempt).seal(&tag.public_key)
    });
    if *removed {
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ c.code_removed() }</h1>
                <a href={Route::Home.href()} class="button">{ m.nav_home() }</a>
            </section>
        };
    }
    let (Some(attempt), Some(code)) = (attempt, (*code).clone()) else {
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ c.code_not_found() }</h1>
                <a href={Route::History.href()} class="button">{ m.nav_history() }</a>
            </section>
        };
    };
    let Some(tag) = &attempt.session else { return html! {} };
    let file = code_file("kafaa-result", &tag.label);
    let onremove = {
        let (app, removed, id) = (app.clone(), removed.clone(), attempt.id.clone());
        Callback::from(move |_: MouseEvent| {
            removed.set(true);
            app.dispatch(Action::RemoveAttempt(id.clone()));
        })
    };
    html! {
        <section class="result-code">
            <h1 ref={heading} tabindex="-1">{ c.code_title() }</h1>
            <p class="lead">{ fill(c.code_for(), &[("title", tag.title.clone()), ("label", tag.label.clone())]) }</p>
            <SessionFingerprint id={tag.id.clone()} />
            <p>{ c.code_intro() }</p>
            <CodeOut {code} {file} />
            <p><a href={Route::Results { id: attempt.id.clone() }.href()} class="button quiet">{ c.code_results() }</a></p>
            <p>{ c.code_remove_intro() }</p>
            <p><button type="button" onclick={onremove}>{ c.code_remove() }</button></p>
        </section>
    }
}
