use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::calibration::responses::ResponseFile;
use crate::engine::store::{export, import, StoreProblem};
use crate::i18n::{fill, CareersMessages};
use crate::ui::browser;
use crate::ui::components::download_button::DownloadButton;
use crate::ui::hooks::{use_domains, use_focus_on, use_messages, use_title};
use crate::ui::state::{use_app, Action, ContentStatus};
use crate::ui::storage;

/// What the last action on this page did, to say so.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Attempts the merge added, and unreadable parts of the file kept aside.
    Imported {
        added: usize,
        kept: usize,
    },
    ImportFailed(String),
    Deleted,
}

/// Everything stored on this device: download it, import a file, or delete it all.
#[function_component]
pub fn MyDataPage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    let confirming = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);
    // Secret keys (classroom sessions', a counselor's) go in the file only when the user ticks so.
    let keys = use_state(|| false);
    use_title(m.data_title().to_string());
    use_focus_on(heading.clone(), ());

    // The file is made from what is stored when the button is clicked.
    let onexport = {
        let (app, keys) = (app.clone(), *keys);
        Callback::from(move |()| {
            export(&app.stored, Some(app.lang()), &storage::set_aside_parts(), browser::now(), keys)
        })
    };
    // The anonymous answers need the items of the quizzes taken, to say right or wrong.
    let status = use_domains(app.stored.history_domains());
    let answers = match &status {
        ContentStatus::Ready(content) if !app.stored.history.is_empty() => {
            let (app, content) = (app.clone(), content.clone());
            Some(Callback::from(move |()| {
                ResponseFile::of_history(&content.bank, &app.stored.history).to_json()
            }))
        }
        _ => None,
    };
    let c = use_messages::<CareersMessages>();

    let onimport = {
        let dispatcher = app.dispatcher();
        let outcome = outcome.clone();
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let (dispatcher, outcome, app) = (dispatcher.clone(), outcome.clone(), app.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match import(&browser::file_text(file).await) {
                    Ok(loaded) => {
                        // What the merge really adds (a file already imported adds nothing).
                        let added = app.stored.clone().merge(loaded.stored.clone());
                        storage::keep_set_aside(&loaded.set_aside);
                        dispatcher.dispatch(Action::Import(Box::new(loaded.stored)));
                        outcome.set(Some(Outcome::Imported { added, kept: loaded.set_aside.len() }));
                    }
                    Err(problem) => outcome.set(Some(Outcome::ImportFailed(match problem {
                        StoreProblem::NewerSchema(n) => format!("format {n}"),
                        _ => String::new(),
                    }))),
                }
            });
            input.set_value("");
        })
    };
    let ondelete = {
        let app = app.clone();
        let confirming = confirming.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            storage::delete_all();
            app.dispatch(Action::DeleteAll);
            confirming.set(false);
            outcome.set(Some(Outcome::Deleted));
        })
    };
    let toggle = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(value))
    };

    html! {
        <section class="my-data">
            <h1 ref={heading} tabindex="-1">{ m.data_title() }</h1>
            <p>{ m.data_intro() }</p>
            <p>{ m.data_summary.count(app.stored.history.len()) }</p>
            if let Some(o) = &*outcome {
                <p class={classes!("notice", if matches!(o, Outcome::ImportFailed(_)) { "error" } else { "warning" })} role="status">
                    { match o {
                        Outcome::Imported { added, kept } => if *kept == 0 {
                            m.data_import_done.count(*added)
                        } else {
                            format!("{} {}", m.data_import_done.count(*added), c.data_import_kept.count(*kept))
                        },
                        Outcome::ImportFailed(detail) => fill(m.data_import_failed(), &[("detail", if detail.is_empty() { m.data_import_not_export().to_string() } else { detail.clone() })]),
                        Outcome::Deleted => m.data_deleted().to_string(),
                    } }
                </p>
            }
            if !app.stored.sessions.is_empty() || app.stored.counselor.is_some() {
                <p>
                    <label class="option" for="export-keys">
                        <input type="checkbox" id="export-keys" aria-describedby="export-keys-warning" checked={*keys}
                            onchange={let keys = keys.clone(); Callback::from(move |e: Event| keys.set(e.target_unchecked_into::<HtmlInputElement>().checked()))} />
                        <span>{ c.data_keys_include() }</span>
                    </label>
                </p>
                <p class="muted" id="export-keys-warning">{ c.data_keys_warning() }</p>
            }
            <p class="actions">
                <DownloadButton class="primary" label={m.data_export()} name="kafaa-data.json" mime="application/json" make={onexport} />
            </p>
            if let Some(make) = answers {
                <p class="actions">
                    <DownloadButton label={c.data_responses()} name="kafaa-my-answers.json" mime="application/json" {make} />
                </p>
                <p class="muted">{ c.data_responses_intro() }</p>
            }
            <p>
                <label for="import" class="button">{ m.data_import() }</label>
                <input type="file" id="import" class="visually-hidden" accept="application/json,.json" onchange={onimport} />
            </p>
            if *confirming {
                <div class="notice error" role="alert">
                    <p>{ m.data_delete_confirm() }</p>
                    <p class="actions">
                        <button type="button" class="primary danger" onclick={ondelete}>{ m.data_delete_yes() }</button>
                        <button type="button" onclick={toggle(false)}>{ m.cancel() }</button>
                    </p>
                </div>
            } else {
                <p><button type="button" class="danger" onclick={toggle(true)}>{ m.data_delete() }</button></p>
            }
        </section>
    }
}
