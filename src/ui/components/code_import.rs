use std::collections::HashMap;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::result_code::{Agreed, CodeError, Submission};
use crate::engine::session::ClassSession;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::qr_scanner::QrScanner;
use crate::ui::hooks::use_messages;
use crate::ui::opened_codes::{agreements, open_cached};
use crate::ui::pages::class_session::same;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct CodeImportProps {
    pub class: Rc<ClassSession>,
    /// The session's codes opened so far, to merge duplicates.
    pub opened: Rc<Vec<Rc<Submission>>>,
}

/// What one import did: codes added, duplicates merged, and each refused code with why.
#[derive(Clone, Default, PartialEq)]
struct Outcome {
    added: usize,
    duplicates: usize,
    refused: Vec<(usize, String, String)>,
}

/// Why a code was refused, in the reader's language.
pub fn reason(c: &ClassroomMessages, e: &CodeError) -> String {
    match e {
        CodeError::NotACode => c.code_not_a_code().to_string(),
        CodeError::Damaged => c.code_damaged().to_string(),
        CodeError::NewerVersion(_) => c.code_newer().to_string(),
        CodeError::OtherSession(id) => fill(c.code_other_session(), &[("id", id.clone())]),
        CodeError::WrongKey => c.code_wrong_key().to_string(),
    }
}

/// Checks every code of a paste or of files against the session: new ones are kept,
/// duplicates merged, the others refused one by one with a reason while the rest go in.
fn import(
    c: &ClassroomMessages,
    class: &ClassSession,
    opened: &[Rc<Submission>],
    tokens: &[&str],
    agreed: &Agreed,
) -> (Vec<String>, Outcome) {
    let mut outcome = Outcome::default();
    let mut codes = Vec::new();
    // Those already in, by name: a duplicate has the same name and the same answers.
    let mut seen: HashMap<String, Vec<Rc<Submission>>> = HashMap::new();
    for s in opened {
        seen.entry(s.label.clone()).or_default().push(s.clone());
    }
    for (i, &token) in tokens.iter().enumerate() {
        match open_cached(token, class, agreed) {
            Ok(s) if seen.get(&s.label).is_some_and(|same_name| same_name.iter().any(|x| same(x, &s))) => {
                outcome.duplicates += 1
            }
            Ok(s) => {
                seen.entry(s.label.clone()).or_default().push(s);
                codes.push(token.to_string());
                outcome.added += 1;
            }
            Err(e) => outcome.refused.push((i + 1, token.chars().take(12).collect(), reason(c, &e))),
        }
    }
    (codes, outcome)
}

/// Result codes in: pasted (one or many, any spacing), from files, each checked.
#[function_component]
pub fn CodeImport(props: &CodeImportProps) -> Html {
    let app = use_app();
    let c = use_messages::<ClassroomMessages>();
    let text = use_state(String::new);
    let outcome = use_state(|| None::<Outcome>);
    let run = {
        let (app, outcome, class, opened) =
            (app.clone(), outcome.clone(), props.class.clone(), props.opened.clone());
        Rc::new(move |text: String| {
            let (app, outcome, class, opened) = (app.clone(), outcome.clone(), class.clone(), opened.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Split once: the text of 2,000 codes is about a megabyte.
                let tokens: Vec<&str> = text.split_whitespace().collect();
                let agreed = agreements(&class, tokens.iter().copied()).await;
                let (codes, result) = import(c, &class, &opened, &tokens, &agreed);
                if !codes.is_empty() {
                    app.dispatch(Action::AddCodes { session: class.session.id.clone(), codes });
                }
                outcome.set(Some(result));
            });
        })
    };
    let onpaste = {
        let (run, text) = (run.clone(), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run((*text).clone());
            text.set(String::new());
        })
    };
    let onfiles = {
        let run = run.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            let run = run.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut all = String::new();
                for file in files {
                    all.push_str(&browser::file_text(file).await);
                    all.push('\n');
                }
                run(all);
            });
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    html! {
        <section class="code-import card" aria-labelledby="import-title">
            <h2 id="import-title">{ c.import_title() }</h2>
            <p>{ c.import_intro() }</p>
            <form onsubmit={onpaste}>
                <label for="codes">{ c.import_paste() }</label>
                <textarea id="codes" rows="5" dir="ltr" spellcheck="false" value={(*text).clone()} {oninput} />
                <p class="actions">
                    <button type="submit" class="primary" disabled={text.trim().is_empty()}>{ c.import_button() }</button>
                    <label class="button" for="code-files">{ c.import_files() }</label>
                    <input type="file" id="code-files" class="visually-hidden" multiple=true accept=".txt,text/plain" onchange={onfiles} />
                </p>
            </form>
            <QrScanner onscan={Callback::from(move |code: String| run(code))} />
            if let Some(o) = &*outcome {
                <div class="import-outcome" role="status">
                    <p>{ c.import_added.count(o.added) }</p>
                    if o.duplicates > 0 { <p>{ c.import_duplicates.count(o.duplicates) }</p> }
                    if !o.refused.is_empty() {
                        <p class="notice error">{ c.import_refused.count(o.refused.len()) }</p>
                        <ul class="refused">
                            { for o.refused.iter().map(|(n, start, why)| html! {
                                <li>{ fill(c.import_refused_at(), &[("n", n.to_string()), ("start", start.clone()), ("reason", why.clone())]) }</li>
                            }) }
                        </ul>
                    }
                </div>
            }
        </section>
    }
}
