use yew::prelude::*;

use crate::i18n::CareersMessages;

use crate::engine::guidance::Interests;
use crate::i18n::fill;
use crate::ui::hooks::use_messages;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct InterestFormProps {
    pub interests: Interests,
}

/// The optional interest questionnaire, folded under a summary that says how much of it is
/// answered: each activity with "I'd like it", "Not sure" and "Not for me", saved as soon as
/// it is answered.
#[function_component]
pub fn InterestForm(props: &InterestFormProps) -> Html {
    let app = use_app();
    let g = use_messages::<CareersMessages>();
    let lang = app.lang();
    let choices = [(1i8, g.interest_like()), (0, g.interest_unsure()), (-1, g.interest_dislike())];
    let items = &props.interests.items;
    let answered = items.iter().filter(|i| app.stored.interests.contains_key(&i.id)).count();
    let progress = fill(
        g.guidance_interests_progress(),
        &[("answered", answered.to_string()), ("total", items.len().to_string())],
    );
    html! {
        <details class="interests card">
            <summary>
                <span class="title">{ g.guidance_interests_title() }</span>
                <span class="muted">{ progress }</span>
            </summary>
            <p>{ g.guidance_interests_intro() }</p>
            <ol class="interest-list">
                { for items.iter().map(|item| {
                    let given = app.stored.interests.get(&item.id).copied();
                    html! {
                        <li>
                            <fieldset class="interest">
                                <legend>{ item.text.get(lang) }</legend>
                                { for choices.iter().map(|(value, label)| {
                                    let id = format!("interest-{}-{value}", item.id);
                                    let app = app.clone();
                                    let key = item.id.clone();
                                    let value = *value;
                                    html! {
                                        <label class="chip" for={id.clone()}>
                                            <input type="radio" {id} name={format!("interest-{}", item.id)} checked={given == Some(value)}
                                                onchange={Callback::from(move |_| app.dispatch(Action::Interest { item: key.clone(), answer: value }))} />
                                            <span>{ *label }</span>
                                        </label>
                                    }
                                }) }
                            </fieldset>
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
