use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::sorted::SortedSet;
use crate::i18n::ClassroomMessages;

use crate::engine::assessment::Rule;
use crate::engine::content::Content;
use crate::engine::own_bank;
use crate::engine::problem::Problem;
use crate::engine::session::{ClassSession, Session};
use crate::ui::browser;
use crate::ui::components::content_status::ProblemList;
use crate::ui::content::with_checks;
use crate::ui::hooks::use_messages;
use crate::ui::route::{navigate, Route};
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct NewSessionFormProps {
    pub content: Rc<Content>,
}

/// A teacher sets up a session: title, mode, domains (Kafaa's, and the teacher's own
/// questions), length of a fixed form, time limit and the languages students may use. The session is checked like a link a student opens, then
/// created with its own key pair and opened.
#[function_component]
pub fn NewSessionForm(props: &NewSessionFormProps) -> Html {
    let app = use_app();
    let (m, lang) = (app.messages(), app.lang());
    let c = use_messages::<ClassroomMessages>();
    let content = &props.content;
    let title = use_state(String::new);
    let mode = use_state(|| {
        content.settings.modes.iter().position(|m| matches!(m.rule, Rule::Fixed(_))).unwrap_or(0)
    });
    let domains = use_state(SortedSet::<String>::new);
    let items = use_state(|| None::<usize>);
    let minutes = use_state(|| None::<u32>);
    let languages = use_state(|| SortedSet::from([app.catalog.language.code.clone()]));
    let problems = use_state(Vec::<Problem>::new);
    let modes = &content.settings.modes;
    let fixed = modes.get(*mode).is_some_and(|m| matches!(m.rule, Rule::Fixed(_)));

    let toggle = |set: UseStateHandle<SortedSet<String>>, id: String| {
        Callback::from(move |e: Event| {
            let mut next = (*set).clone();
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                next.insert(id.clone());
            } else {
                next.remove(&id);
            }
            set.set(next);
        })
    };
    let number = |e: &InputEvent| e.target_unchecked_into::<HtmlInputElement>().value().trim().parse().ok();
    let onsubmit = {
        let (app, content, problems) = (app.clone(), content.clone(), problems.clone());
        let session = Session {
            id: String::new(),
            title: title.trim().to_string(),
            // In the index's order, so every student sees the domains the same way; the
            // teacher's own questions last.
            domains: content
                .index
                .domains
                .iter()
                .map(|d| d.id.as_str())
                .chain([own_bank::DOMAIN])
                .filter(|d| domains.contains(*d))
                .map(str::to_string)
                .collect(),
            mode: modes.get(*mode).map(|m| m.id.clone()).unwrap_or_default(),
            items_per_domain: if fixed { *items } else { None },
            minutes: *minutes,
            languages: app
                .languages
                .iter()
                .filter(|l| languages.contains(&l.code))
                .map(|l| l.code.clone())
                .collect(),
            seed: 0,
            public_key: String::new(),
            // As they are now: editing them later does not change this session.
            questions: app
                .stored
                .questions
                .as_deref()
                .filter(|_| domains.contains(own_bank::DOMAIN))
                .cloned(),
        };
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut session = session.clone();
            session.seed = browser::fresh_seed();
            let created = ClassSession::create(session, browser::now());
            let found = with_checks(&content, |checks| created.session.check(checks));
            if found.is_empty() {
                let id = created.session.id.clone();
                app.dispatch(Action::AddSession(created));
                navigate(&Route::ClassSession { id });
            } else {
                problems.set(found);
            }
        })
    };
    html! {
        <form class="new-session card" {onsubmit}>
            <h2>{ c.classroom_new() }</h2>
            <p>
                <label for="session-title">{ c.classroom_session_title() }</label>
                <input type="text" id="session-title" required=true maxlength="80" aria-describedby="session-title-hint"
                    value={(*title).clone()}
                    oninput={let title = title.clone(); Callback::from(move |e: InputEvent| title.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                <span class="muted" id="session-title-hint">{ c.classroom_session_title_hint() }</span>
            </p>
            <fieldset>
                <legend>{ c.classroom_mode() }</legend>
                { for modes.iter().enumerate().map(|(i, x)| {
                    let mode = mode.clone();
                    let id = format!("session-mode-{}", x.id);
                    html! {
                        <label class="option" for={id.clone()}>
                            <input type="radio" name="session-mode" {id} checked={*mode == i} onchange={Callback::from(move |_| mode.set(i))} />
                            <span><strong>{ x.title.get(lang) }</strong></span>
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ m.start_domains() }</legend>
                <ul class="options compact" role="list">
                    { for content.index.domains.iter().map(|d| {
                        let id = format!("session-domain-{}", d.id);
                        html! {
                            <li>
                                <label class="option" for={id.clone()}>
                                    <input type="checkbox" {id} checked={domains.contains(&d.id)} onchange={toggle(domains.clone(), d.id.clone())} />
                                    <span>{ d.title.get(lang) }</span>
                                </label>
                            </li>
                        }
                    }) }
                    if app.stored.questions.is_some() {
                        <li>
                            <label class="option" for="session-domain-mine">
                                <input type="checkbox" id="session-domain-mine" checked={domains.contains(own_bank::DOMAIN)}
                                    onchange={toggle(domains.clone(), own_bank::DOMAIN.to_string())} />
                                <span>{ c.questions_title() }</span>
                            </label>
                        </li>
                    }
                </ul>
            </fieldset>
            if fixed {
                <p>
                    <label for="session-items">{ c.classroom_items() }</label>
                    <input type="number" id="session-items" min="1" max="50" inputmode="numeric"
                        value={items.map(|n| n.to_string()).unwrap_or_default()}
                        oninput={let items = items.clone(); Callback::from(move |e: InputEvent| items.set(number(&e)))} />
                </p>
            }
            <p>
                <label for="session-minutes">{ c.classroom_minutes() }</label>
                <input type="number" id="session-minutes" min="1" max="240" inputmode="numeric"
                    value={minutes.map(|n| n.to_string()).unwrap_or_default()}
                    oninput={let minutes = minutes.clone(); Callback::from(move |e: InputEvent| minutes.set(number(&e).and_then(|n: usize| u32::try_from(n).ok())))} />
            </p>
            <fieldset>
                <legend>{ c.classroom_languages() }</legend>
                { for app.languages.iter().map(|l| {
                    let id = format!("session-lang-{}", l.code);
                    html! {
                        <label class="option inline" for={id.clone()}>
                            <input type="checkbox" {id} checked={languages.contains(&l.code)} onchange={toggle(languages.clone(), l.code.clone())} />
                            <span lang={l.code.clone()} dir={l.dir.clone()}>{ &l.name }</span>
                        </label>
                    }
                }) }
            </fieldset>
            if !problems.is_empty() {
                <div class="notice error" role="alert">
                    <p>{ c.classroom_invalid() }</p>
                    <ProblemList problems={(*problems).clone()} />
                </div>
            }
            <button type="submit" class="primary">{ c.classroom_create() }</button>
        </form>
    }
}
