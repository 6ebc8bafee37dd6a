use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::referral::{CounselorLink, Referral};
use crate::i18n::{fill, ClassroomMessages};
use crate::ui::browser;
use crate::ui::components::code_out::{code_file, CodeOut};
use crate::ui::components::content_status::{ContentStatusView, ProblemList};
use crate::ui::components::session_fingerprint::{Reader, SessionFingerprint};
use crate::ui::hooks::{use_focus_on, use_messages, use_title};
use crate::ui::route::Route;
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct SendResultsPageProps {
    /// The counselor's link, as its fragment carries it.
    pub payload: String,
}

/// A learner who assessed on their own sends a finished result to a counselor: the
/// counselor's link is read and checked, the learner picks a result and gives their name, and
/// gets a code only that counselor's browser opens. Nothing is sent from here.
#[function_component]
pub fn SendResultsPage(props: &SendResultsPageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    let chosen = use_state(|| app.stored.history.last().map(|a| a.id.clone()));
    let name = use_state(String::new);
    let with_interests = use_state(|| true);
    let code = use_state(|| None::<(String, String)>);
    use_title(c.send_title().to_string());
    use_focus_on(heading.clone(), ());
    let code_ref = use_node_ref();
    // Focus moves to the code once made, so a screen reader hears it is there.
    use_focus_on(code_ref.clone(), code.is_some());

    let page = |body: Html| {
        html! {
            <section class="send-results">
                <h1 ref={heading.clone()} tabindex="-1">{ c.send_title() }</h1>
                { body }
            </section>
        }
    };
    let link = match CounselorLink::from_payload(&props.payload) {
        Ok(link) => link,
        Err(problems) => {
            return page(html! {
                <div class="notice error" role="alert">
                    <p>{ c.send_invalid() }</p>
                    <ProblemList {problems} />
                </div>
            })
        }
    };
    let Some(content) = app.content() else {
        return page(html! { <ContentStatusView status={app.content.clone()} /> });
    };
    let intro = html! {
        <>
            <p class="lead">{ fill(c.send_to(), &[("name", link.name.clone())]) }</p>
            <SessionFingerprint id={link.id.clone()} reader={Reader::Sender} />
            <p>{ c.send_intro() }</p>
        </>
    };
    if app.stored.history.is_empty() {
        return page(html! {
            <>
                { intro }
                <p class="notice warning" role="status">{ c.send_none() }</p>
                <p><a class="button primary" href={Route::Start.href()}>{ m.home_start() }</a></p>
            </>
        });
    }
    let lang = app.lang();
    let locale = app.catalog.language.locale.clone();
    let describe = |a: &crate::engine::attempt::Attempt| {
        let mode = content.settings.mode(&a.mode).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
        let domains: Vec<String> = a
            .domains
            .iter()
            .map(|d| content.index.entry(d).map_or(d.clone(), |e| e.title.get(lang).to_string()))
            .collect();
        let date = a.finished_at.map(|t| browser::format_date(t, &locale)).unwrap_or_default();
        format!("{date} · {mode} · {}", domains.join(", "))
    };
    let onsubmit = {
        let (app, chosen, name, with_interests, code, link) =
            (app.clone(), chosen.clone(), name.clone(), with_interests.clone(), code.clone(), link.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = name.trim().to_string();
            let attempt = chosen.as_ref().and_then(|id| app.stored.find(id));
            let (Some(attempt), false) = (attempt, label.is_empty()) else { return };
            let interests = if *with_interests { app.stored.interests.clone() } else { Default::default() };
            let sealed = Referral::of_attempt(&link.id, &label, attempt, interests).seal(&link);
            code.set(sealed.map(|s| (s, label)));
        })
    };
    // Any change after the code is made makes a new one on request, never a stale one.
    let changed = |then: Callback<Event>| {
        let code = code.clone();
        Callback::from(move |e: Event| {
            code.set(None);
            then.emit(e);
        })
    };
    let choose = |id: String| {
        let chosen = chosen.clone();
        changed(Callback::from(move |_| chosen.set(Some(id.clone()))))
    };
    page(html! {
        <>
            { intro }
            <form class="card" {onsubmit}>
                <fieldset>
                    <legend>{ c.send_pick() }</legend>
                    { for app.stored.history.iter().rev().map(|a| {
                        let id = format!("send-{}", a.id);
                        html! {
                            <label class="option" for={id.clone()}>
                                <input type="radio" name="send-attempt" id={id} checked={chosen.as_deref() == Some(a.id.as_str())} onchange={choose(a.id.clone())} />
                                <span>{ describe(a) }</span>
                            </label>
                        }
                    }) }
                </fieldset>
                <p>
                    <label for="send-name">{ c.send_name() }</label>
                    <input type="text" id="send-name" required=true maxlength="60" autocomplete="name" value={(*name).clone()}
                        oninput={let (name, code) = (name.clone(), code.clone()); Callback::from(move |e: InputEvent| { code.set(None); name.set(e.target_unchecked_into::<HtmlInputElement>().value()) })} />
                </p>
                if !app.stored.interests.is_empty() {
                    <label class="option" for="send-interests">
                        <input type="checkbox" id="send-interests" checked={*with_interests}
                            onchange={let w = with_interests.clone(); changed(Callback::from(move |e: Event| w.set(e.target_unchecked_into::<HtmlInputElement>().checked())))} />
                        <span>{ c.send_interests() }</span>
                    </label>
                }
                <p><button type="submit" class="primary" disabled={name.trim().is_empty()}>{ c.send_make() }</button></p>
            </form>
            if let Some((sealed, label)) = &*code {
                <section class="result-code" aria-labelledby="send-code-title">
                    <h2 id="send-code-title" ref={code_ref} tabindex="-1">{ fill(c.send_done(), &[("name", link.name.clone())]) }</h2>
                    <CodeOut code={sealed.clone()} file={code_file("kafaa-for-counselor", label)} />
                </section>
            }
        </>
    })
}
