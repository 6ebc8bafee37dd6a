use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::attempt::{Attempt, SessionTag};
use crate::engine::session::Session;
use crate::ui::browser;
use crate::ui::components::content_status::{ContentStatusView, ProblemList};
use crate::ui::components::session_file_opener::SessionFileOpener;
use crate::ui::components::session_fingerprint::SessionFingerprint;
use crate::ui::content::{load_language, with_checks};
use crate::ui::hooks::{use_domains, use_focus_on, use_messages, use_own_questions, use_title};
use crate::ui::pages::class_session::summary;
use crate::ui::route::{navigate, Route};
use crate::ui::state::{use_app, Action, ContentStatus};

#[derive(Properties, PartialEq)]
pub struct JoinPageProps {
    /// The session, as the link carries it.
    pub payload: String,
}

/// A student opens a session link: the session is read from the link and checked, the
/// student gives a name and picks an allowed language, and takes exactly the session's quiz.
#[function_component]
pub fn JoinPage(props: &JoinPageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    let name = use_state(String::new);
    let started = use_state(|| None::<String>);
    use_title(c.join_title().to_string());
    use_focus_on(heading.clone(), ());
    let session =
        app.content().map(|c| with_checks(c, |checks| Session::from_payload(&props.payload, checks)));
    let domains = match &session {
        Some(Ok(s)) => s.domains.clone(),
        _ => Vec::new(),
    };
    let own = use_own_questions(match &session {
        Some(Ok(s)) => s.own_questions(),
        _ => None,
    });
    let fetched = use_domains(domains);
    let status = own.unwrap_or(fetched);
    // Only the session's languages: the first one unless the interface is already in one.
    {
        let allowed = match &session {
            Some(Ok(s)) => s.languages.clone(),
            _ => Vec::new(),
        };
        let (dispatcher, languages, current) =
            (app.dispatcher(), app.languages.clone(), app.lang().to_string());
        use_effect_with(allowed, move |allowed| {
            if !allowed.is_empty() && !allowed.contains(&current) {
                if let Some(language) = languages.iter().find(|l| l.code == allowed[0]) {
                    load_language(dispatcher, language.clone());
                }
            }
        });
    }
    // Once the new attempt is in the state (and so saved), on to the quiz.
    {
        let current = app.stored.current.as_ref().map(|a| a.id.clone());
        use_effect_with((current, (*started).clone()), |(current, started)| {
            if started.is_some() && current == started {
                navigate(&Route::Quiz);
            }
        });
    }

    let page = |body: Html| {
        html! {
            <section class="join">
                <h1 ref={heading.clone()} tabindex="-1">{ c.join_title() }</h1>
                { body }
            </section>
        }
    };
    if props.payload.is_empty() {
        return page(html! { <SessionFileOpener /> });
    }
    let session = match session {
        None => return page(html! { <ContentStatusView status={app.content.clone()} /> }),
        Some(Err(problems)) => {
            return page(html! {
                <div class="notice error" role="alert">
                    <p>{ c.join_invalid() }</p>
                    <ProblemList {problems} />
                </div>
            })
        }
        Some(Ok(session)) => session,
    };
    let ContentStatus::Ready(content) = status else {
        return page(html! { <ContentStatusView {status} /> });
    };
    let lang = app.lang();
    let about = summary(&session, &content, lang, c);
    let onlanguage = {
        let (dispatcher, languages) = (app.dispatcher(), app.languages.clone());
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(language) = languages.iter().find(|l| l.code == code) {
                load_language(dispatcher.clone(), language.clone());
            }
        })
    };
    let onsubmit = {
        let (app, name, started, session, content) =
            (app.clone(), name.clone(), started.clone(), session.clone(), content.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = name.trim().to_string();
            let Some(mode) = session.mode(&content.settings) else { return };
            if label.is_empty() {
                return;
            }
            let now = browser::now();
            if let Ok(mut attempt) =
                Attempt::start(&content.bank, &session.plan(&mode, &content.settings, now))
            {
                attempt.session = Some(SessionTag {
                    id: session.id.clone(),
                    title: session.title.clone(),
                    public_key: session.public_key.clone(),
                    label,
                    deadline: session.minutes.map(|n| now + f64::from(n) * 60_000.0),
                    questions: session.questions.clone(),
                });
                attempt.lang = Some(app.lang().to_string());
                // The quiz and the code page that follow may be another document: they open
                // in the language the student chose here.
                browser::save_language(app.lang());
                started.set(Some(attempt.id.clone()));
                app.dispatch(Action::Start(attempt));
            }
        })
    };
    let busy = app.stored.current.is_some() && started.is_none();
    page(html! {
        <>
            <p class="lead">{ &session.title }</p>
            <p class="muted">{ about }</p>
            <SessionFingerprint id={session.id.clone()} />
            <p>{ c.join_intro() }</p>
            if busy {
                <p class="notice warning" role="alert">
                    { c.join_busy() }{ " " }<a href={Route::Quiz.href()}>{ m.home_resume() }</a>
                </p>
            } else {
                <form class="card" {onsubmit}>
                    <p>
                        <label for="join-name">{ c.join_name() }</label>
                        <input type="text" id="join-name" required=true maxlength="60" autocomplete="off" aria-describedby="join-name-hint"
                            value={(*name).clone()}
                            oninput={let name = name.clone(); Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                        <span class="muted" id="join-name-hint">{ c.join_name_hint() }</span>
                    </p>
                    if session.languages.len() > 1 {
                        <p>
                            <label for="join-language">{ c.join_language() }</label>{ " " }
                            <select id="join-language" onchange={onlanguage}>
                                { for app.languages.iter().filter(|l| session.languages.contains(&l.code)).map(|l| html! {
                                    <option value={l.code.clone()} selected={l.code == lang}>{ &l.name }</option>
                                }) }
                            </select>
                        </p>
                    }
                    <button type="submit" class="primary" disabled={name.trim().is_empty()}>{ c.join_start() }</button>
                </form>
            }
        </>
    })
}
