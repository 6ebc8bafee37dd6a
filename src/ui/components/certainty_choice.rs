use yew::prelude::*;

use crate::engine::assessment::CertaintyLevel;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct CertaintyChoiceProps {
    pub levels: Vec<CertaintyLevel>,
    pub selected: Option<usize>,
    /// Called with the chosen level's position.
    pub onchoose: Callback<usize>,
}

/// "How sure are you?" as a radio group, for certainty-based marking.
#[function_component]
pub fn CertaintyChoice(props: &CertaintyChoiceProps) -> Html {
    let app = use_interface();
    let m = app.messages();
    let lang = app.lang();
    html! {
        <fieldset class="certainty">
            <legend>{ m.quiz_certainty() }</legend>
            <ul class="options inline" role="list">
                { for props.levels.iter().enumerate().map(|(i, level)| {
                    let id = format!("certainty-{i}");
                    let onchoose = props.onchoose.clone();
                    html! {
                        <li>
                            <label class="option" for={id.clone()}>
                                <input type="radio" name="certainty" {id} checked={props.selected == Some(i)}
                                    onchange={Callback::from(move |_| onchoose.emit(i))} />
                                <span>{ level.label.get(lang) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
