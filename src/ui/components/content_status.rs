use yew::prelude::*;

use crate::engine::problem::{Expected, Problem, ProblemKind};
use crate::i18n::{fill, Messages};
use crate::ui::content::load_content;
use crate::ui::state::{use_interface, ContentStatus};

#[derive(Properties, PartialEq)]
pub struct ContentStatusViewProps {
    pub status: ContentStatus,
}

/// What to show instead of a page while content loads or when it cannot be used.
#[function_component]
pub fn ContentStatusView(props: &ContentStatusViewProps) -> Html {
    let app = use_interface();
    let m = app.messages();
    let onretry = {
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |_| load_content(dispatcher.clone()))
    };
    match &props.status {
        ContentStatus::Ready(_) => html! {},
        ContentStatus::Loading => html! {
            <p class="loading" role="status">{ m.loading_bank() }</p>
        },
        ContentStatus::Unreachable(detail) => html! {
            <div class="notice error" role="alert">
                <p><strong>{ m.bank_fetch_failed() }</strong></p>
                <p>{ fill(m.bank_fetch_detail(), &[("detail", detail.clone())]) }</p>
                <button type="button" onclick={onretry}>{ m.retry() }</button>
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
    let m = use_interface().messages();
    html! {
        <section class="notice error bank-problems" role="alert" aria-labelledby="bank-problems-title">
            <h1 id="bank-problems-title">{ m.bank_invalid_title() }</h1>
            <p>{ m.bank_invalid_intro.count(props.problems.len()) }</p>
            <ProblemList problems={props.problems.clone()} />
        </section>
    }
}

/// Problems grouped by file and item, each with its field and fault: for any file the app
/// reads (question banks, training files).
#[function_component]
pub fn ProblemList(props: &BankProblemsProps) -> Html {
    let m = use_interface().messages();
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
                            Some(id) => fill(m.bank_item(), &[("id", id.clone())]),
                            None => m.bank_whole_file().to_string(),
                        } }
                    </strong>
                    <ul>
                        { for list.iter().map(|p| html! {
                            <li>
                                if !p.path.is_empty() { <code dir="ltr">{ &p.path }</code>{ ": " } }
                                { describe(&p.kind, m) }
                            </li>
                        }) }
                    </ul>
                </li>
            }) }
        </ul>
    }
}

/// What is wrong, in the interface's language (the engine's `Display` is English, for tools
/// and tests).
pub fn describe(kind: &ProblemKind, m: &Messages) -> String {
    let one = |template: &str, name: &str, value: String| fill(template, &[(name, value)]);
    match kind {
        ProblemKind::Syntax { line, column } => {
            fill(m.problem_syntax(), &[("line", line.to_string()), ("column", column.to_string())])
        }
        ProblemKind::Missing => m.problem_missing().to_string(),
        ProblemKind::NeededId { id } => one(m.problem_needed_id(), "id", id.clone()),
        ProblemKind::WrongType { expected } => {
            let index = match expected {
                Expected::Object => 0,
                Expected::Array => 1,
                Expected::String => 2,
                Expected::Boolean => 3,
                Expected::Integer => 4,
                Expected::Number => 5,
                Expected::StringOrArray => 6,
            };
            one(m.problem_wrong_type(), "expected", m.problem_expected[index].to_string())
        }
        ProblemKind::Empty => m.problem_empty().to_string(),
        ProblemKind::UnsupportedSchema { found } => {
            one(m.problem_unsupported_schema(), "found", found.clone())
        }
        ProblemKind::DuplicateId { id } => one(m.problem_duplicate_id(), "id", id.clone()),
        ProblemKind::UnknownDomain { id } => one(m.problem_unknown_domain(), "id", id.clone()),
        ProblemKind::UnknownSubtopic { id } => one(m.problem_unknown_subtopic(), "id", id.clone()),
        ProblemKind::UnknownType { found } => one(m.problem_unknown_type(), "found", found.clone()),
        ProblemKind::UnsupportedType { found } => one(m.problem_unsupported_type(), "found", found.clone()),
        ProblemKind::UnknownDifficulty { found } => {
            one(m.problem_unknown_difficulty(), "found", found.clone())
        }
        ProblemKind::MissingLanguage { lang } => one(m.problem_missing_language(), "lang", lang.clone()),
        ProblemKind::UnknownOption { id } => one(m.problem_unknown_option(), "id", id.clone()),
        ProblemKind::TooFewOptions { min, found } => {
            fill(m.problem_too_few_options(), &[("min", min.to_string()), ("found", found.to_string())])
        }
        ProblemKind::DuplicateOptionText { lang } => {
            one(m.problem_duplicate_option_text(), "lang", lang.clone())
        }
        ProblemKind::BadAnswerSet => m.problem_bad_answer_set().to_string(),
        ProblemKind::BadOrder => m.problem_bad_order().to_string(),
        ProblemKind::AlreadyInOrder => m.problem_already_in_order().to_string(),
        ProblemKind::BadPairs => m.problem_bad_pairs().to_string(),
        ProblemKind::OutOfRange { range } => {
            one(m.problem_out_of_range(), "range", m.problem_ranges[*range as usize].to_string())
        }
        ProblemKind::Shape { line, column, detail } => fill(
            m.problem_shape(),
            &[("line", line.to_string()), ("column", column.to_string()), ("detail", detail.clone())],
        ),
        ProblemKind::OutOfOrder => m.problem_out_of_order().to_string(),
        ProblemKind::Unexpected => m.problem_unexpected().to_string(),
    }
}
