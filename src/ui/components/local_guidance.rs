use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::CareersMessages;

use crate::engine::content::Content;
use crate::engine::guidance::{GuidanceData, LocalFile};
use crate::engine::problem::Problem;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::content_status::ProblemList;
use crate::ui::content::with_checks;
use crate::ui::hooks::use_messages;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct LocalGuidanceProps {
    /// The data in use, whose questionnaire a local file must fit.
    pub data: Rc<GuidanceData>,
    pub content: Rc<Content>,
}

/// A school's or counselor's own specialties and tracks: load a file (checked before it is
/// used; a bad one changes nothing and is explained), see which data is in use, go back to
/// the shipped data.
#[function_component]
pub fn LocalGuidance(props: &LocalGuidanceProps) -> Html {
    let app = use_app();
    let g = use_messages::<CareersMessages>();
    let refused = use_state(|| None::<(String, Vec<Problem>)>);
    let onload = {
        let (app, refused) = (app.clone(), refused.clone());
        let (data, content) = (props.data.clone(), props.content.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(picked) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let (app, refused, data, content) = (app.clone(), refused.clone(), data.clone(), content.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let file = LocalFile { name: picked.name(), text: browser::file_text(picked).await };
                match with_checks(&content, |checks| data.check_local(&file, checks)) {
                    Ok(_) => {
                        refused.set(None);
                        app.dispatch(Action::GuidanceFile(Some(file)));
                    }
                    Err(problems) => refused.set(Some((file.name, problems))),
                }
            });
        })
    };
    let onreset = {
        let (app, refused) = (app.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            refused.set(None);
            app.dispatch(Action::GuidanceFile(None));
        })
    };
    let in_use = match &props.data.local {
        Some(name) => fill(g.guidance_local_in_use(), &[("file", name.clone())]),
        None => g.guidance_local_builtin().to_string(),
    };
    html! {
        <section class="local-guidance card" aria-labelledby="local-guidance-title">
            <h2 id="local-guidance-title">{ g.guidance_local_title() }</h2>
            <p>{ g.guidance_local_intro() }</p>
            <p role="status"><strong>{ in_use }</strong></p>
            <p class="actions">
                <label class="button" for="guidance-file">{ g.guidance_local_load() }</label>
                <input type="file" id="guidance-file" class="visually-hidden" accept="application/json,.json" onchange={onload} />
                if app.stored.guidance_file.is_some() {
                    <button type="button" onclick={onreset}>{ g.guidance_local_reset() }</button>
                }
            </p>
            if let Some((name, problems)) = &*refused {
                <div class="notice error" role="alert">
                    <p>{ fill(g.guidance_local_invalid(), &[("file", name.clone())]) }</p>
                    <ProblemList problems={problems.clone()} />
                </div>
            }
        </section>
    }
}
