use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::session::read_key_file;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::components::new_session_form::NewSessionForm;
use crate::ui::hooks::{use_focus_on, use_messages, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action};

/// A teacher's sessions on this device, a new one, one opened from its key file, and the way
/// to the counselor's view.
#[function_component]
pub fn ClassroomPage() -> Html {
    let app = use_app();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    let opened = use_state(|| None::<Result<String, ()>>);
    use_title(c.classroom_title().to_string());
    use_focus_on(heading.clone(), ());
    let onkey = {
        let (app, opened) = (app.clone(), opened.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let (app, opened) = (app.clone(), opened.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_key_file(&browser::file_text(file).await) {
                    Some(session) => {
                        opened.set(Some(Ok(session.session.title.clone())));
                        app.dispatch(Action::AddSession(session));
                    }
                    None => opened.set(Some(Err(()))),
                }
            });
        })
    };
    let locale = app.catalog.language.locale.clone();
    html! {
        <section class="classroom">
            <h1 ref={heading} tabindex="-1">{ c.classroom_title() }</h1>
            <p>{ c.classroom_intro() }</p>
            <h2>{ c.classroom_sessions() }</h2>
            if app.stored.sessions.is_empty() {
                <p class="muted">{ c.classroom_none() }</p>
            } else {
                <ul class="sessions" role="list">
                    { for app.stored.sessions.iter().rev().map(|s| html! {
                        <li class="card">
                            <a href={Route::ClassSession { id: s.session.id.clone() }.href()}><strong>{ &s.session.title }</strong></a>
                            <span class="muted">
                                { browser::format_date(s.created_at, &locale) }{ " · " }
                                { c.classroom_results.count(s.codes.len()) }
                            </span>
                        </li>
                    }) }
                </ul>
            }
            <h2>{ c.classroom_open_key() }</h2>
            <p class="actions">
                <label class="button" for="session-key-file">{ c.classroom_open_key() }</label>
                <input type="file" id="session-key-file" class="visually-hidden" accept="application/json,.json" onchange={onkey} />
            </p>
            { match &*opened {
                Some(Ok(title)) => html! { <p class="notice success" role="status">{ fill(c.classroom_key_opened(), &[("title", title.clone())]) }</p> },
                Some(Err(())) => html! { <p class="notice error" role="alert">{ c.classroom_key_invalid() }</p> },
                None => html! {},
            } }
            <p><a href={Route::MyQuestions.href()} class="button quiet">{ c.questions_link() }</a></p>
            <p><a href={Route::Counselor.href()} class="button quiet">{ c.classroom_counselor() }</a></p>
            // Last, as the one part that waits for the content: the page is drawn at once, and
            // the form arriving moves nothing above it.
            { match app.content().cloned() {
                Some(content) => html! { <NewSessionForm {content} /> },
                None => html! { <ContentStatusView status={app.content.clone()} /> },
            } }
        </section>
    }
}
