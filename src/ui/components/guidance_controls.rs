use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::CareersMessages;

use std::rc::Rc;

use crate::engine::guidance::{GuidanceData, Label, TrackFilter, Weights};
use crate::ui::hooks::use_messages;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct GuidanceControlsProps {
    pub weights: Weights,
    pub filter: TrackFilter,
    /// The data in use: the formats, costs, diplomas, bac streams and regions it names, for the filters.
    pub guidance: Rc<GuidanceData>,
    pub onweights: Callback<Weights>,
    pub onfilter: Callback<TrackFilter>,
}

/// The duration limits a counselor can filter the training by, in months.
const DURATIONS: [u32; 3] = [12, 24, 36];

/// For counselors: how much readiness, interest and demand count, and which training to
/// list (format, cost, duration, language, the learner's diploma, bac stream, age and region; a track
/// that does not state a fact stays listed). Folded away by default; changes apply at once
/// and are not stored.
#[function_component]
pub fn GuidanceControls(props: &GuidanceControlsProps) -> Html {
    let app = use_interface();
    let lang = app.lang();
    let g = use_messages::<CareersMessages>();
    let w = props.weights;
    let onweight = |which: usize| {
        let onweights = props.onweights.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value_as_number() / 100.0;
            let v = if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
            let mut next = w;
            match which {
                0 => next.readiness = v,
                1 => next.interest = v,
                _ => next.demand = v,
            }
            onweights.emit(next);
        })
    };
    // One select per filter: its options (value, text), the value chosen, and how a value
    // changes the filter.
    let select = |id: &'static str,
                  name: &'static str,
                  options: Vec<(String, String)>,
                  chosen: String,
                  set: fn(&mut TrackFilter, String)| {
        let (onfilter, filter) = (props.onfilter.clone(), props.filter.clone());
        let onchange = Callback::from(move |e: Event| {
            let mut next = filter.clone();
            set(&mut next, e.target_unchecked_into::<HtmlSelectElement>().value());
            onfilter.emit(next);
        });
        html! {
            <p>
                <label for={id}>{ name }</label>{ " " }
                <select {id} {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ g.filter_any() }</option>
                    { for options.into_iter().map(|(value, text)| {
                        let selected = chosen == value;
                        html! { <option {selected} {value}>{ text }</option> }
                    }) }
                </select>
            </p>
        }
    };
    let labelled = |labels: &[Label]| -> Vec<(String, String)> {
        labels.iter().map(|l| (l.id.clone(), l.title.get(lang).to_string())).collect()
    };
    let durations =
        DURATIONS.iter().map(|n| (n.to_string(), g.guidance_duration_max.count(*n as usize))).collect();
    let filter = &props.filter;
    let data = &props.guidance.guidance;
    let languages: Vec<(String, String)> =
        app.languages.iter().map(|l| (l.code.clone(), l.name.clone())).collect();
    let onage = {
        let (onfilter, filter) = (props.onfilter.clone(), props.filter.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            onfilter.emit(TrackFilter {
                age: value.trim().parse().ok().filter(|a| (10..=99).contains(a)),
                ..filter.clone()
            });
        })
    };
    let weights = [
        (g.weight_readiness(), w.readiness),
        (g.weight_interest(), w.interest),
        (g.weight_demand(), w.demand),
    ];
    html! {
        <details class="counselor">
            <summary>{ g.guidance_weights() }{ " · " }{ g.guidance_filters() }</summary>
            <fieldset>
                <legend>{ g.guidance_weights() }</legend>
                { for weights.into_iter().enumerate().map(|(which, (name, value))| {
                    let id = format!("weight-{which}");
                    let percent = (value * 100.0).round() as i32;
                    html! {
                        <p class="weight">
                            <label for={id.clone()}>{ name }</label>
                            <input type="range" {id} min="0" max="100" step="5" value={percent.to_string()} onchange={onweight(which)} />
                            <output>{ format!("{percent}%") }</output>
                        </p>
                    }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ g.guidance_filters() }</legend>
                <p class="muted">{ g.filter_unstated() }</p>
                { select("filter-format", g.filter_format(), labelled(&data.formats), filter.format.clone(), |f, v| f.format = v) }
                { select("filter-cost", g.filter_cost(), labelled(&data.costs), filter.cost.clone(), |f, v| f.cost = v) }
                { select("filter-duration", g.filter_duration(), durations, filter.max_months.map(|n| n.to_string()).unwrap_or_default(), |f, v| f.max_months = v.parse().ok()) }
                { select("filter-language", g.filter_language(), languages, filter.language.clone(), |f, v| f.language = v) }
                { select("filter-diploma", g.filter_diploma(), labelled(&data.diplomas), filter.diploma.clone(), |f, v| f.diploma = v) }
                if !data.bac_streams.is_empty() {
                    { select("filter-bac-stream", g.filter_bac_stream(), labelled(&data.bac_streams), filter.bac_stream.clone(), |f, v| f.bac_stream = v) }
                }
                <p>
                    <label for="filter-age">{ g.filter_age() }</label>{ " " }
                    <input id="filter-age" type="number" min="10" max="99" inputmode="numeric"
                        value={filter.age.map(|a| a.to_string()).unwrap_or_default()} onchange={onage} />
                </p>
                { select("filter-region", g.filter_region(), labelled(&data.regions), filter.region.clone(), |f, v| f.region = v) }
            </fieldset>
        </details>
    }
}
