use yew::prelude::*;

use crate::engine::attempt::Answer;
use crate::engine::bank::{Item, Question};
use crate::engine::sorted::SortedSet;
use crate::ui::components::matching_input::MatchingInput;
use crate::ui::components::ordering_input::OrderingInput;
use crate::ui::item_text::item_text;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct QuestionViewProps {
    pub item: Item,
    pub answer: Option<Answer>,
    /// Called with the new answer, or `None` when the last checkbox is cleared.
    pub onanswer: Callback<Option<Answer>>,
}

/// One question as a fieldset with its stem as the legend: real radio buttons or checkboxes,
/// an ordering list, or matching drop-downs. `data-item` names the item, for tests.
#[function_component]
pub fn QuestionView(props: &QuestionViewProps) -> Html {
    let app = use_interface();
    let rtl = app.catalog.language.dir == "rtl";
    let m = app.messages();
    let lang = app.lang();
    let item = &props.item;
    let name = format!("q-{}", item.id);
    let option = |value: &str, text: &str, kind: &'static str, checked: bool, onchange: Callback<Event>| {
        let id = format!("{name}-{value}");
        html! {
            <li>
                <label class="option" for={id.clone()}>
                    <input type={kind} id={id} name={name.clone()} value={value.to_string()} {checked} {onchange} />
                    <span>{ item_text(text, rtl) }</span>
                </label>
            </li>
        }
    };
    let emit = |answer: Option<Answer>| {
        let onanswer = props.onanswer.clone();
        Callback::from(move |_: Event| onanswer.emit(answer.clone()))
    };
    let choices = match &item.question {
        Question::SingleChoice { options, .. } => options
            .iter()
            .map(|o| {
                let checked = props.answer.as_ref() == Some(&Answer::Choice(o.id.clone()));
                option(&o.id, o.text.get(lang), "radio", checked, emit(Some(Answer::Choice(o.id.clone()))))
            })
            .collect::<Html>(),
        Question::MultipleSelect { options, .. } => {
            let selected = match &props.answer {
                Some(Answer::Choices(set)) => set.clone(),
                _ => SortedSet::new(),
            };
            options
                .iter()
                .map(|o| {
                    let mut toggled = selected.clone();
                    if !toggled.remove(&o.id) {
                        toggled.insert(o.id.clone());
                    }
                    let next = (!toggled.is_empty()).then_some(Answer::Choices(toggled));
                    option(&o.id, o.text.get(lang), "checkbox", selected.contains(&o.id), emit(next))
                })
                .collect::<Html>()
        }
        Question::TrueFalse { .. } => [(true, m.quiz_true()), (false, m.quiz_false())]
            .into_iter()
            .map(|(value, text)| {
                let checked = props.answer == Some(Answer::Bool(value));
                option(&value.to_string(), text, "radio", checked, emit(Some(Answer::Bool(value))))
            })
            .collect::<Html>(),
        Question::Ordering { options, .. } => html! {
            <li>
                <OrderingInput options={options.clone()} item={item.id.clone()} answer={props.answer.clone()} onanswer={props.onanswer.clone()} />
            </li>
        },
        Question::Matching { options, targets, .. } => html! {
            <li>
                <MatchingInput options={options.clone()} targets={targets.clone()} item={item.id.clone()}
                    answer={props.answer.clone()} onanswer={props.onanswer.clone()} />
            </li>
        },
    };
    let multiple = matches!(item.question, Question::MultipleSelect { .. });
    html! {
        <fieldset class="question" data-item={item.id.clone()}>
            <legend class="stem">{ item_text(item.stem.get(lang), rtl) }</legend>
            if let Some(code) = &item.code {
                <pre class="code" dir="ltr" tabindex="0" aria-label={m.quiz_code_label()}><code>{ code }</code></pre>
            }
            if multiple {
                <p class="hint">{ m.quiz_select_all() }</p>
            }
            <ul class="options" role="list">{ choices }</ul>
        </fieldset>
    }
}
