use yew::prelude::*;

use crate::engine::attempt::Answer;
use crate::engine::bank::Item;
use crate::engine::score::key;
use crate::i18n::{fill, Messages};
use crate::ui::item_text::item_text;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct AnswerReviewProps {
    /// Each reviewed item with the learner's answer, whether it was right, and whether it was
    /// an unscored pilot.
    pub entries: Vec<(Item, Option<Answer>, bool, bool)>,
}

/// Every question with the learner's answer, the right one and the explanation.
#[function_component]
pub fn AnswerReview(props: &AnswerReviewProps) -> Html {
    let app = use_interface();
    let rtl = app.catalog.language.dir == "rtl";
    let m = app.messages();
    let lang = app.lang();
    html! {
        <ol class="review">
            { for props.entries.iter().map(|(item, answer, correct, pilot)| html! {
                <li class="review-item" data-verdict={if *correct { "right" } else { "wrong" }}>
                    <p class="verdict">
                        <span aria-hidden="true">{ if *correct { "✓ " } else { "✗ " } }</span>
                        { if *correct { m.results_right() } else { m.results_wrong() } }
                        if *pilot { <span class="muted">{ m.results_pilot() }</span> }
                    </p>
                    <p class="stem">{ item_text(item.stem.get(lang), rtl) }</p>
                    if let Some(code) = &item.code {
                        <pre class="code" dir="ltr" tabindex="0" aria-label={m.quiz_code_label()}><code>{ code }</code></pre>
                    }
                    <p><strong>{ m.results_your_answer() }</strong>{ " " }{ item_text(&describe(m, lang, item, answer.as_ref()), rtl) }</p>
                    if !*correct {
                        <p><strong>{ m.results_correct_answer() }</strong>{ " " }{ item_text(&describe(m, lang, item, Some(&key(&item.question))), rtl) }</p>
                    }
                    <p class="explanation"><strong>{ m.results_why() }</strong>{ " " }<span class="explanation-text">{ item_text(item.explanation.get(lang), rtl) }</span></p>
                </li>
            }) }
        </ol>
    }
}

/// An answer in words: the chosen options' texts, or true/false.
fn describe(m: &Messages, lang: &str, item: &Item, answer: Option<&Answer>) -> String {
    let text_of = |id: &str| {
        item.question
            .options()
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.text.get(lang).to_string())
            .unwrap_or_default()
    };
    match answer {
        None => m.results_no_answer().to_string(),
        Some(Answer::Choice(id)) => text_of(id),
        Some(Answer::Choices(ids)) => ids.iter().map(|id| text_of(id)).collect::<Vec<_>>().join("; "),
        Some(Answer::Bool(b)) => if *b { m.quiz_true() } else { m.quiz_false() }.to_string(),
        Some(Answer::Order(ids)) => ids
            .iter()
            .enumerate()
            .map(|(i, id)| format!("{}. {}", i + 1, text_of(id)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Answer::Pairs(pairs)) => {
            let targets: &[crate::engine::bank::Choice] = match &item.question {
                crate::engine::bank::Question::Matching { targets, .. } => targets,
                _ => &[],
            };
            let target_of = |id: &str| {
                targets.iter().find(|t| t.id == id).map(|t| t.text.get(lang).to_string()).unwrap_or_default()
            };
            pairs
                .iter()
                .map(|(o, t)| fill(m.results_pair(), &[("left", text_of(o)), ("right", target_of(t))]))
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}
