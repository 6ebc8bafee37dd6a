use yew::prelude::*;

use crate::engine::interchange::{Imported, NoteKind, Reason};
use crate::engine::own_bank::Added;
use crate::i18n::{fill, QuestionsMessages};
use crate::ui::components::content_status::ProblemList;
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct QuizFileReportProps {
    /// The file's name and the format it was read as.
    pub file: AttrValue,
    pub format: AttrValue,
    pub imported: Imported,
    pub added: Added,
}

/// What importing a teacher's quiz file did: questions added, already there, and every
/// question left out or changed, each with its line, so the teacher can fix the file.
#[function_component]
pub fn QuizFileReport(props: &QuizFileReportProps) -> Html {
    let c = use_messages::<QuestionsMessages>();
    let at = |line: usize, what: String| {
        fill(c.questions_at_line(), &[("line", line.to_string()), ("what", what)])
    };
    let reason = |r: &Reason| match r {
        Reason::Unsupported(kind) => fill(c.reason_unsupported(), &[("type", kind.clone())]),
        Reason::Malformed => c.reason_malformed().to_string(),
        Reason::NoRightAnswer => c.reason_no_right().to_string(),
        Reason::TooFewOptions => c.reason_too_few().to_string(),
        Reason::DuplicateOption => c.reason_duplicate().to_string(),
        Reason::EveryOptionRight => c.reason_every_right().to_string(),
        Reason::EmptyText => c.reason_empty().to_string(),
        Reason::BadAnswerLine => c.reason_answer_line().to_string(),
    };
    let note = |k: NoteKind| match k {
        NoteKind::AllOrNothing => c.note_all_or_nothing(),
        NoteKind::PartialCreditDropped => c.note_partial_dropped(),
        NoteKind::MissingWord => c.note_missing_word(),
    };
    let (imported, added) = (&props.imported, &props.added);
    let left_out = imported.skipped.len() + added.refused.len();
    let class = if left_out > 0 || added.ids.is_empty() {
        "notice warning quiz-file-report"
    } else {
        "notice success quiz-file-report"
    };
    html! {
        <div class={class} role="status">
            <p>{ fill(c.questions_read(), &[("file", props.file.to_string()), ("format", props.format.to_string())]) }</p>
            <p><strong>{ c.questions_added.count(added.ids.len()) }</strong></p>
            if !added.already.is_empty() {
                <p>{ c.questions_already.count(added.already.len()) }</p>
            }
            if left_out > 0 {
                <p>{ c.questions_skipped.count(left_out) }</p>
                <ul class="skipped">
                    { for imported.skipped.iter().map(|s| {
                        let what = if s.title.is_empty() { reason(&s.reason) } else { format!("{} — {}", s.title, reason(&s.reason)) };
                        html! { <li>{ at(s.line, what) }</li> }
                    }) }
                    { for added.refused.iter().map(|(line, problems)| html! {
                        <li>{ at(*line, String::new()) }<ProblemList problems={problems.clone()} /></li>
                    }) }
                </ul>
            }
            if !imported.notes.is_empty() {
                <p>{ c.questions_noted.count(imported.notes.len()) }</p>
                <ul class="noted">
                    { for imported.notes.iter().map(|n| html! { <li>{ at(n.line, note(n.kind).to_string()) }</li> }) }
                </ul>
            }
        </div>
    }
}
