use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::attempt::Attempt;
use crate::engine::bank::Bank;
use crate::engine::problem::Problem;
use crate::engine::referral::{CounselorKey, Referral};
use crate::engine::result_code::{code_id, Submission};
use crate::engine::session::{read_key_file, ClassSession};
use crate::engine::sorted::SortedMap;
use crate::i18n::{fill, ClassroomMessages};
use crate::ui::browser;
use crate::ui::components::code_import::reason;
use crate::ui::components::content_status::{ContentStatusView, ProblemList};
use crate::ui::components::counselor_link::CounselorLinkPanel;
use crate::ui::components::results_report::ResultsReport;
use crate::ui::components::specialty_shortlist::SpecialtyShortlist;
use crate::ui::content::with_checks;
use crate::ui::hooks::{use_domains, use_focus_on, use_messages, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action, ContentStatus};

/// A result the counselor opened: sent to their own link, or a class's code opened with the
/// session's key file.
#[derive(Clone, PartialEq)]
enum Opened {
    Sent(Referral),
    Class(Submission, Rc<ClassSession>),
}

impl Opened {
    fn label(&self) -> &str {
        match self {
            Opened::Sent(r) => &r.label,
            Opened::Class(s, _) => &s.label,
        }
    }

    fn domains(&self) -> Vec<String> {
        match self {
            Opened::Sent(r) => r.domains.clone(),
            Opened::Class(_, class) => class.session.domains.clone(),
        }
    }

    fn attempt(&self, bank: &Bank) -> Attempt {
        match self {
            Opened::Sent(r) => r.to_attempt(bank),
            Opened::Class(s, class) => s.to_attempt(&class.session, bank),
        }
    }

    /// Where the counselor's note is kept, newest form first (see `Submission::note_keys`).
    fn note_keys(&self) -> Vec<String> {
        match self {
            Opened::Sent(r) => vec![r.id()],
            Opened::Class(s, _) => s.note_keys().to_vec(),
        }
    }
}

/// A counselor reads a student's result: a code sent to the counselor's own link (by a
/// learner who assessed alone, or by a teacher for one student), or a class's code opened
/// with the session key file; rescored here. The full report, careers to explore, private
/// notes kept on this device, and a printable report.
#[function_component]
pub fn CounselorPage() -> Html {
    let app = use_app();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    let code = use_state(String::new);
    let key = use_state(|| None::<Rc<ClassSession>>);
    let key_refused = use_state(|| false);
    let opened = use_state(|| None::<Result<Opened, String>>);
    use_title(c.counselor_title().to_string());
    use_focus_on(heading.clone(), ());
    let domains = match &*opened {
        Some(Ok(o)) => o.domains(),
        _ => Vec::new(),
    };
    let status = use_domains(domains);

    let read_file = |then: Callback<String>| {
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let then = then.clone();
            wasm_bindgen_futures::spawn_local(async move { then.emit(browser::file_text(file).await) });
        })
    };
    let onkey = {
        let (key, key_refused, opened) = (key.clone(), key_refused.clone(), opened.clone());
        read_file(Callback::from(move |text: String| {
            let session = read_key_file(&text).map(Rc::new);
            key_refused.set(session.is_none());
            key.set(session);
            opened.set(None);
        }))
    };
    let oncodefile = {
        let code = code.clone();
        read_file(Callback::from(move |text: String| code.set(text.trim().to_string())))
    };
    let onopen = {
        let (code, key, opened, desk) = (
            code.clone(),
            key.clone(),
            opened.clone(),
            app.stored.counselor.as_ref().and_then(|k| k.read(CounselorKey::read).ok()),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // The id in clear says whose key opens it: this counselor's link, or a class.
            let result = match (&desk, &*key) {
                (Some(desk), _) if code_id(&code).as_deref() == Some(desk.link.id.as_str()) => {
                    desk.open(&code).map(Opened::Sent).map_err(|e| reason(c, &e))
                }
                (_, Some(class)) => match class.secret_key_bytes() {
                    Some(secret) => Submission::open(&code, &class.session, &secret)
                        .map(|s| Opened::Class(s, class.clone()))
                        .map_err(|e| reason(c, &e)),
                    None => Err(c.counselor_need_key().to_string()),
                },
                (_, None) => Err(c.counselor_need_key().to_string()),
            };
            opened.set(Some(result));
        })
    };
    let oncode = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            code.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };

    // A sent code is checked against what this version can score before anything is drawn.
    let problems: Vec<Problem> = match (&*opened, app.content()) {
        (Some(Ok(Opened::Sent(r))), Some(content)) => with_checks(content, |checks| r.check(checks)),
        _ => Vec::new(),
    };
    let report = match (&*opened, &status) {
        (Some(Ok(_)), _) if !problems.is_empty() => html! {
            <div class="notice error" role="alert">
                <p>{ c.counselor_code_unknown() }</p>
                <ProblemList {problems} />
            </div>
        },
        (Some(Ok(result)), ContentStatus::Ready(content)) => {
            let attempt = Rc::new(result.attempt(&content.bank));
            let keys = result.note_keys();
            let note = keys.iter().find_map(|k| app.stored.notes.get(k)).cloned().unwrap_or_default();
            let note_key = keys[0].clone();
            let onnote = {
                let app = app.clone();
                Callback::from(move |e: Event| {
                    let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    app.dispatch(Action::Note { key: note_key.clone(), text });
                })
            };
            let (from, interests) = match result {
                Opened::Sent(r) if r.title.is_empty() => {
                    (c.counselor_from_learner().to_string(), r.interests.clone())
                }
                Opened::Sent(r) => (r.title.clone(), SortedMap::new()),
                Opened::Class(_, class) => (class.session.title.clone(), SortedMap::new()),
            };
            html! {
                <article class="report">
                    <h2>{ fill(c.counselor_report(), &[("label", result.label().to_string())]) }</h2>
                    <p class="muted">{ from }</p>
                    <ResultsReport attempt={attempt.clone()} content={content.clone()} />
                    <SpecialtyShortlist {attempt} content={content.clone()} interests={Rc::new(interests)} />
                    <section class="notes no-print">
                        <label for="counselor-notes"><strong>{ c.counselor_notes() }</strong></label>
                        <textarea id="counselor-notes" rows="4" aria-describedby="counselor-notes-hint" value={note} onchange={onnote} />
                        <span class="muted" id="counselor-notes-hint">{ c.counselor_notes_hint() }</span>
                    </section>
                    <p class="actions no-print">
                        <button type="button" class="primary" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ c.counselor_print() }</button>
                    </p>
                </article>
            }
        }
        (Some(Ok(_)), status) => html! { <ContentStatusView status={status.clone()} /> },
        (Some(Err(why)), _) => html! { <p class="notice error" role="alert">{ why }</p> },
        _ => html! {},
    };

    html! {
        <section class="counselor-view">
            <h1 ref={heading} tabindex="-1" class="no-print">{ c.counselor_title() }</h1>
            <p class="no-print">{ c.counselor_intro() }</p>
            <CounselorLinkPanel />
            <form class="card no-print" onsubmit={onopen}>
                <h2>{ c.counselor_open_title() }</h2>
                <p>
                    <label for="counselor-code">{ c.counselor_code() }</label>
                    <textarea id="counselor-code" rows="4" dir="ltr" spellcheck="false" value={(*code).clone()} oninput={oncode} />
                </p>
                <p class="actions">
                    <label class="button" for="counselor-code-file">{ c.counselor_code_file() }</label>
                    <input type="file" id="counselor-code-file" class="visually-hidden" accept=".txt,text/plain" onchange={oncodefile} />
                </p>
                <p class="muted">{ c.counselor_key_intro() }</p>
                <p class="actions">
                    <label class="button" for="counselor-key">{ c.counselor_key() }</label>
                    <input type="file" id="counselor-key" class="visually-hidden" accept="application/json,.json" onchange={onkey} />
                    if let Some(class) = &*key { <span role="status">{ &class.session.title }</span> }
                    if *key_refused { <span class="notice error" role="alert">{ c.classroom_key_invalid() }</span> }
                </p>
                <p class="actions">
                    <button type="submit" class="primary" disabled={code.trim().is_empty()}>{ c.counselor_open() }</button>
                </p>
            </form>
            { report }
            <p class="no-print"><a href={Route::Classroom.href()}>{ c.classroom_title() }</a></p>
        </section>
    }
}
