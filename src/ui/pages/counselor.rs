use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::result_code::Submission;
use crate::engine::session::{read_key_file, ClassSession};
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::components::results_report::ResultsReport;
use crate::ui::components::specialty_shortlist::SpecialtyShortlist;
use crate::ui::hooks::{use_domains, use_focus_on, use_messages, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action, ContentStatus};

/// A counselor reads a student's result: a result code (pasted or from its file) opened with
/// the session key file, rescored here; the full report, careers to explore, private notes
/// kept on this device, and a printable report.
#[function_component]
pub fn CounselorPage() -> Html {
    let app = use_app();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    let code = use_state(String::new);
    let key = use_state(|| None::<Rc<ClassSession>>);
    let key_refused = use_state(|| false);
    let opened = use_state(|| None::<Result<Submission, String>>);
    use_title(c.counselor_title().to_string());
    use_focus_on(heading.clone(), ());
    let status = use_domains(key.as_ref().map(|k| k.session.domains.clone()).unwrap_or_default());

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
        let (code, key, opened) = (code.clone(), key.clone(), opened.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(class) = &*key else {
                opened.set(Some(Err(c.counselor_need_key().to_string())));
                return;
            };
            let Some(secret) = class.secret_key_bytes() else { return };
            let result = Submission::open(&code, &class.session, &secret)
                .map_err(|e| crate::ui::components::code_import::reason(c, &e));
            opened.set(Some(result));
        })
    };
    let oncode = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            code.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };

    let report = match (&*opened, &*key, &status) {
        (Some(Ok(submission)), Some(class), ContentStatus::Ready(content)) => {
            let attempt = Rc::new(submission.to_attempt(&class.session, &content.bank));
            let keys = submission.note_keys();
            let note = keys.iter().find_map(|k| app.stored.notes.get(k)).cloned().unwrap_or_default();
            let note_key = attempt.id.clone();
            let onnote = {
                let app = app.clone();
                Callback::from(move |e: Event| {
                    let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    app.dispatch(Action::Note { key: note_key.clone(), text });
                })
            };
            html! {
                <article class="report">
                    <h2>{ fill(c.counselor_report(), &[("label", submission.label.clone())]) }</h2>
                    <p class="muted">{ &class.session.title }</p>
                    <ResultsReport attempt={attempt.clone()} content={content.clone()} />
                    <SpecialtyShortlist {attempt} content={content.clone()} />
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
        (Some(Ok(_)), Some(_), status) => html! { <ContentStatusView status={status.clone()} /> },
        (Some(Err(why)), _, _) => html! { <p class="notice error" role="alert">{ why }</p> },
        _ => html! {},
    };

    html! {
        <section class="counselor-view">
            <h1 ref={heading} tabindex="-1" class="no-print">{ c.counselor_title() }</h1>
            <p class="no-print">{ c.counselor_intro() }</p>
            <form class="card no-print" onsubmit={onopen}>
                <p class="actions">
                    <label class="button" for="counselor-key">{ c.counselor_key() }</label>
                    <input type="file" id="counselor-key" class="visually-hidden" accept="application/json,.json" onchange={onkey} />
                    if let Some(class) = &*key { <span role="status">{ &class.session.title }</span> }
                    if *key_refused { <span class="notice error" role="alert">{ c.classroom_key_invalid() }</span> }
                </p>
                <p>
                    <label for="counselor-code">{ c.counselor_code() }</label>
                    <textarea id="counselor-code" rows="4" dir="ltr" spellcheck="false" value={(*code).clone()} oninput={oncode} />
                </p>
                <p class="actions">
                    <label class="button" for="counselor-code-file">{ c.counselor_code_file() }</label>
                    <input type="file" id="counselor-code-file" class="visually-hidden" accept=".txt,text/plain" onchange={oncodefile} />
                    <button type="submit" class="primary" disabled={code.trim().is_empty()}>{ c.counselor_open() }</button>
                </p>
            </form>
            { report }
            <p class="no-print"><a href={Route::Classroom.href()}>{ c.classroom_title() }</a></p>
        </section>
    }
}
