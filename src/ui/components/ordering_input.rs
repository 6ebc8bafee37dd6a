use yew::prelude::*;

use crate::engine::attempt::Answer;
use crate::engine::bank::Choice;
use crate::i18n::fill;
use crate::ui::item_text::item_text;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct OrderingInputProps {
    /// Options in their authored (shuffled) order, and the item id for element ids.
    pub options: Vec<Choice>,
    pub item: String,
    pub answer: Option<Answer>,
    pub onanswer: Callback<Option<Answer>>,
}

/// A list put in order with "Move up" / "Move down" buttons: keyboard and screen-reader
/// friendly, with the new position announced and focus kept on the moved item's button.
#[function_component]
pub fn OrderingInput(props: &OrderingInputProps) -> Html {
    let app = use_interface();
    let rtl = app.catalog.language.dir == "rtl";
    let m = app.messages();
    let lang = app.lang();
    // The element to focus after a move, and what to announce.
    let focus = use_state(|| None::<String>);
    let announcement = use_state(String::new);
    {
        let focus = (*focus).clone();
        use_effect_with(focus, |focus| {
            if let Some(id) = focus {
                if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    let order: Vec<String> = match &props.answer {
        Some(Answer::Order(order)) => order.clone(),
        _ => props.options.iter().map(|o| o.id.clone()).collect(),
    };
    let text_of = |id: &str| {
        props.options.iter().find(|o| o.id == id).map(|o| o.text.get(lang).to_string()).unwrap_or_default()
    };
    let total = order.len();
    let mover = |from: usize, to: usize, button: String| {
        let order = order.clone();
        let onanswer = props.onanswer.clone();
        let focus = focus.clone();
        let announcement = announcement.clone();
        let moved = text_of(&order[from]);
        let message = fill(
            m.quiz_moved(),
            &[("text", moved), ("n", (to + 1).to_string()), ("total", total.to_string())],
        );
        Callback::from(move |_: MouseEvent| {
            let mut next = order.clone();
            let id = next.remove(from);
            next.insert(to, id);
            announcement.set(message.clone());
            focus.set(Some(button.clone()));
            onanswer.emit(Some(Answer::Order(next.clone())));
        })
    };
    let onkeep = {
        let onanswer = props.onanswer.clone();
        let order = order.clone();
        Callback::from(move |_: MouseEvent| onanswer.emit(Some(Answer::Order(order.clone()))))
    };
    html! {
        <>
            <p class="hint">{ m.quiz_order_hint() }</p>
            <ol class="ordering">
                { for order.iter().enumerate().map(|(i, id)| {
                    let text = text_of(id);
                    let up = format!("q-{}-{id}-up", props.item);
                    let down = format!("q-{}-{id}-down", props.item);
                    html! {
                        <li key={id.clone()} class="order-item">
                            <span class="order-text">{ item_text(&text, rtl) }</span>
                            <span class="order-buttons">
                                <button type="button" id={up.clone()} class="icon" disabled={i == 0}
                                    aria-label={fill(m.quiz_move_up(), &[("text", text.clone())])}
                                    onclick={mover(i, i.saturating_sub(1), if i == 1 { down.clone() } else { up.clone() })}>{ "↑" }</button>
                                <button type="button" id={down.clone()} class="icon" disabled={i + 1 == total}
                                    aria-label={fill(m.quiz_move_down(), &[("text", text.clone())])}
                                    onclick={mover(i, (i + 1).min(total - 1), if i + 2 == total { up.clone() } else { down.clone() })}>{ "↓" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ol>
            if props.answer.is_none() {
                <button type="button" class="quiet" onclick={onkeep}>{ m.quiz_keep_order() }</button>
            }
            <p class="visually-hidden" aria-live="polite">{ (*announcement).clone() }</p>
        </>
    }
}
