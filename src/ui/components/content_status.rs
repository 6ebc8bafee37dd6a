use yew::prelude::*;

use crate::engine::problem::Problem;
use crate::i18n::fill;
use crate::ui::content::load_content;
use crate::ui::state::{use_app, ContentStatus};

#[derive(Properties, PartialEq)]
pub struct ContentStatusViewProps {
    pub status: ContentStatus,
}

/// What to show instead of a page while content loads or when it cannot be used.
#[function_component]
pub fn ContentStatusView(props: &ContentStatusViewProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let onretry = {
        let dispatcher = app.dispatcher();
        Callback::from(move |_| load_content(dispatcher.clone()))
    };
    match &props.status {
        ContentStatus::Ready(_) => html! {},
        ContentStatus::Loading => html! {
            <p class="loading" role="status">{ m.loading_bank }</p>
        },
        ContentStatus::Unreachable(detail) => html! {
            <div class="notice error" role="alert">
                <p><strong>{ m.bank_fetch_failed }</strong></p>
                <p>{ fill(m.bank_fetch_detail, &[("detail", detail.clone())]) }</p>
                <button type="button" onclick={onretry}>{ m.retry }</button>
            </div>
        },
        ContentStatus::Invalid(problems) => html! { <BankProblems problems={problems.to_vec()} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct BankProblemsProps {
    pub problems: Vec<Problem>,
}

/// Every problem of an invalid bank, grouped by file and item, with the field and the fault.
#[function_component]
pub fn BankProblems(props: &BankProblemsProps) -> Html {
    let m = use_app().messages();
    html! {
        <section class="notice error bank-problems" role="alert" aria-labelledby="bank-problems-title">
            <h1 id="bank-problems-title">{ m.bank_invalid_title }</h1>
            <p>{ m.bank_invalid_intro.count(props.problems.len()) }</p>
            <ProblemList problems={props.problems.clone()} />
        </section>
    }
}

/// Problems grouped by file and item, each with its field and fault: for any file the app
/// reads (question banks, training files).
#[function_component]
pub fn ProblemList(props: &BankProblemsProps) -> Html {
    let m = use_app().messages();
    let mut groups: Vec<(String, Option<String>, Vec<&Problem>)> = Vec::new();
    for p in &props.problems {
        match groups.last_mut() {
            Some((file, item, list)) if *file == p.file && *item == p.item => list.push(p),
            _ => groups.push((p.file.clone(), p.item.clone(), vec![p])),
        }
    }
    html! {
        <ul class="problems">
            { for groups.iter().map(|(file, item, list)| html! {
                <li>
                    <strong>
                        <code dir="ltr">{ file }</code>{ " · " }
                        { match item {
                            Some(id) => fill(m.bank_item, &[("id", id.clone())]),
                            None => m.bank_whole_file.to_string(),
                        } }
                    </strong>
                    <ul>
                        { for list.iter().map(|p| html! {
                            <li>
                                if !p.path.is_empty() { <code dir="ltr">{ &p.path }</code>{ ": " } }
                                { p.kind.to_string() }
                            </li>
                        }) }
                    </ul>
                </li>
            }) }
        </ul>
    }
}
