use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::attempt::Answer;
use crate::engine::bank::Choice;
use crate::engine::sorted::SortedMap;
use crate::ui::item_text::item_text;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct MatchingInputProps {
    pub options: Vec<Choice>,
    pub targets: Vec<Choice>,
    pub item: String,
    pub answer: Option<Answer>,
    pub onanswer: Callback<Option<Answer>>,
}

/// Each option with a labelled drop-down of targets: plain form controls, so keyboard, touch
/// and screen readers all work.
#[function_component]
pub fn MatchingInput(props: &MatchingInputProps) -> Html {
    let app = use_interface();
    let rtl = app.catalog.language.dir == "rtl";
    let m = app.messages();
    let lang = app.lang();
    let pairs: SortedMap<String, String> = match &props.answer {
        Some(Answer::Pairs(pairs)) => pairs.clone(),
        _ => SortedMap::new(),
    };
    html! {
        <>
            <p class="hint">{ m.quiz_match_hint() }</p>
            <ul class="matching" role="list">
                { for props.options.iter().map(|o| {
                    let id = format!("q-{}-{}", props.item, o.id);
                    let onchange = {
                        let onanswer = props.onanswer.clone();
                        let pairs = pairs.clone();
                        let option = o.id.clone();
                        Callback::from(move |e: Event| {
                            let mut pairs = pairs.clone();
                            let target = e.target_unchecked_into::<HtmlSelectElement>().value();
                            if target.is_empty() {
                                pairs.remove(&option);
                            } else {
                                pairs.insert(option.clone(), target);
                            }
                            onanswer.emit((!pairs.is_empty()).then(|| Answer::Pairs(pairs.clone())));
                        })
                    };
                    let chosen = pairs.get(&o.id).cloned().unwrap_or_default();
                    html! {
                        <li class="match-row">
                            <label for={id.clone()}>{ item_text(o.text.get(lang), rtl) }</label>
                            <select {id} name={format!("q-{}", props.item)} {onchange}>
                                <option value="" selected={chosen.is_empty()}>{ m.quiz_match_choose() }</option>
                                { for props.targets.iter().map(|t| html! {
                                    <option value={t.id.clone()} selected={chosen == t.id}>{ t.text.get(lang) }</option>
                                }) }
                            </select>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
