use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::assessment::Rule;
use crate::engine::sorted::SortedSet;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::{navigate, Route};
use crate::ui::state::{use_app, Action, PendingStart};

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    /// A mode id and a domain id to start with (from a link); ignored where either is not
    /// in the settings or the bank.
    #[prop_or_default]
    pub preset: Option<(String, String)>,
}

/// Choose a mode and domains (and certainty-based marking), then start.
#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    // `None` until the learner changes them: the preset of the link, else all domains (or
    // none where the mode suggests a few) and the first mode.
    let chosen = use_state(|| None::<SortedSet<String>>);
    let mode_index = use_state(|| None::<usize>);
    let certainty = use_state(|| false);
    use_title(m.start_title().to_string());
    use_focus_on(heading.clone(), ());

    let Some(content) = app.content().cloned() else {
        return html! { <ContentStatusView status={app.content.clone()} /> };
    };
    let (index, settings) = (&content.index, &content.settings);
    let lang = app.lang();
    let all = index.domains.iter().map(|d| d.id.clone()).collect::<SortedSet<_>>();
    // A preset naming a mode or a domain the content does not have is ignored.
    let preset = props.preset.as_ref().filter(|(_, d)| all.contains(d));
    let preset_mode = preset.and_then(|(m, _)| settings.modes.iter().position(|x| &x.id == m));
    let current_mode = (*mode_index).or(preset_mode).unwrap_or(0);
    // Validation guarantees at least one mode.
    let Some(mode) = settings.modes.get(current_mode).or(settings.modes.first()) else {
        return html! {};
    };
    let suggested = match &mode.rule {
        Rule::Adaptive(rule) => rule.suggested_domains,
        Rule::Fixed(_) => None,
    };
    // Until the learner chooses: every domain, or none where the mode suggests only a few.
    let preset = preset.filter(|_| preset_mode.is_some()).map(|(_, d)| SortedSet::from([d.clone()]));
    let selected = (*chosen).clone().or(preset).unwrap_or_else(|| {
        if suggested.is_some() {
            SortedSet::new()
        } else {
            all.clone()
        }
    });
    let n = selected.len();
    let chosen_ids: Vec<String> = selected.iter().cloned().collect();
    let size = settings.length(mode, &chosen_ids);
    let length = match &mode.rule {
        Rule::Fixed(_) => m.start_total.count(size.total.0),
        Rule::Adaptive(_) => fill(
            m.start_adaptive_length(),
            &[
                ("min", app.catalog.number(size.per_domain.0)),
                ("max", app.catalog.number(size.per_domain.1)),
                ("low", app.catalog.number(size.total.0)),
                ("high", app.catalog.number(size.total.1)),
            ],
        ),
    };
    let ontoggle = |id: Option<String>| {
        let chosen = chosen.clone();
        let selected = selected.clone();
        let all = all.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let next = match &id {
                None if on => all.clone(),
                None => SortedSet::new(),
                Some(id) => {
                    let mut next = selected.clone();
                    if on {
                        next.insert(id.clone());
                    } else {
                        next.remove(id);
                    }
                    next
                }
            };
            chosen.set(Some(next));
        })
    };
    let oncertainty = {
        let certainty = certainty.clone();
        Callback::from(move |e: Event| certainty.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let onsubmit = {
        let app = app.clone();
        let domains: Vec<String> =
            index.domains.iter().filter(|d| selected.contains(&d.id)).map(|d| d.id.clone()).collect();
        let mode = mode.id.clone();
        let certainty = *certainty;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if domains.is_empty() {
                return;
            }
            // The quiz page shows the loading of the chosen domains, then the first question.
            app.dispatch(Action::Begin(PendingStart {
                mode: mode.clone(),
                domains: domains.clone(),
                certainty,
                seed: browser::fresh_seed(),
                now: browser::now(),
            }));
            navigate(&Route::Quiz);
        })
    };
    let in_progress = app.stored.current.is_some();

    html! {
        <section class="start">
            <h1 ref={heading} tabindex="-1">{ m.start_title() }</h1>
            <p>{ m.start_intro() }</p>
            <form {onsubmit}>
                <fieldset class="modes">
                    <legend>{ m.start_mode() }</legend>
                    <ul class="options" role="list">
                        { for settings.modes.iter().enumerate().map(|(i, mode)| {
                            let mode_index = mode_index.clone();
                            let choice = Choice { kind: "radio", id: format!("mode-{}", mode.id), checked: current_mode == i };
                            choice.view(Callback::from(move |_| mode_index.set(Some(i))), mode.title.get(lang), mode.description.get(lang))
                        }) }
                    </ul>
                </fieldset>
                <fieldset class="domains">
                    <legend>{ m.start_domains() }</legend>
                    <label class="option all">
                        <input type="checkbox" checked={selected.len() == all.len()} onchange={ontoggle(None)} />
                        <span>{ m.start_all_domains() }</span>
                    </label>
                    <ul class="options" role="list">
                        { for index.domains.iter().map(|d| {
                            let choice = Choice { kind: "checkbox", id: format!("domain-{}", d.id), checked: selected.contains(&d.id) };
                            choice.view(ontoggle(Some(d.id.clone())), d.title.get(lang), d.description.get(lang))
                        }) }
                    </ul>
                </fieldset>
                <label class="option certainty-choice" for="certainty">
                    <input type="checkbox" id="certainty" aria-describedby="certainty-desc" checked={*certainty} onchange={oncertainty} />
                    <span>
                        <strong>{ m.start_certainty() }</strong>
                        <span class="muted" id="certainty-desc">{ m.start_certainty_hint() }</span>
                    </span>
                </label>
                if let Some(most) = suggested {
                    // Literal classes (ARCHITECTURE.md, rules of the road).
                    if n > most {
                        <p class="notice warning">{ fill(m.start_suggested(), &[("n", app.catalog.number(most))]) }</p>
                    } else {
                        <p class="muted">{ fill(m.start_suggested(), &[("n", app.catalog.number(most))]) }</p>
                    }
                }
                <p class="total" aria-live="polite">
                    { if selected.is_empty() { m.start_pick_one().to_string() } else { length } }
                </p>
                if size.pilots > 0 {
                    <p class="muted">{ m.start_pilots.count(size.pilots) }</p>
                }
                if in_progress {
                    <p class="notice warning">
                        { m.start_in_progress() }{ " " }
                        <a href={Route::Quiz.href()}>{ m.home_resume() }</a>
                    </p>
                }
                <button type="submit" class="primary" disabled={selected.is_empty()}>
                    { if in_progress { m.start_replace_button() } else { m.start_button() } }
                </button>
            </form>
        </section>
    }
}

/// One choice in a list of the form, a mode or a domain: its input, its title, and a
/// description read with it. Drawn by one function for both lists, whose markup is the same.
struct Choice {
    /// `radio` or `checkbox`; radios are all named `mode`.
    kind: &'static str,
    id: String,
    checked: bool,
}

impl Choice {
    fn view(self, onchange: Callback<Event>, title: &str, description: &str) -> Html {
        let desc = format!("{}-desc", self.id);
        let name = (self.kind == "radio").then_some("mode");
        html! {
            <li>
                <label class="option" for={self.id.clone()}>
                    <input type={self.kind} {name} id={self.id} aria-describedby={desc.clone()}
                        checked={self.checked} {onchange} />
                    <span>
                        <strong>{ title.to_string() }</strong>
                        <span class="muted" id={desc}>{ description.to_string() }</span>
                    </span>
                </label>
            </li>
        }
    }
}
