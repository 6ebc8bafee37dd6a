use yew::prelude::*;

use crate::i18n::fill;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct QuizProgressProps {
    pub answered: usize,
    pub total: usize,
}

/// How many questions are answered, as a bar and as text.
#[function_component]
pub fn QuizProgress(props: &QuizProgressProps) -> Html {
    let m = use_interface().messages();
    let text =
        fill(m.quiz_answered(), &[("n", props.answered.to_string()), ("total", props.total.to_string())]);
    html! {
        <div class="quiz-progress">
            <progress max={props.total.to_string()} value={props.answered.to_string()} aria-label={m.quiz_progress_label()}></progress>
            <span>{ text }</span>
        </div>
    }
}
