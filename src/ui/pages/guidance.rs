use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::cat::estimates;
use crate::engine::guidance::{Gap, Profile, Ranked, Track, Weights};
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::components::interest_form::InterestForm;
use crate::ui::components::radar_chart::RadarChart;
use crate::ui::content::load_guidance;
use crate::ui::hooks::{use_domains, use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, ContentStatus};

/// How many specialties the page ranks.
const SHOWN: usize = 5;
/// Track formats and costs in the order of their labels in the catalog.
const FORMATS: [&str; 6] = ["full_time", "work_study", "online", "bootcamp", "blended", "short_sessions"];
const COSTS: [&str; 4] = ["free", "paid", "sponsored", "unknown"];

#[derive(Properties, PartialEq)]
pub struct GuidancePageProps {
    /// The attempt whose results are matched; the latest when `None`.
    pub id: Option<String>,
}

/// Specialties ranked for a measured profile, with why, demand and its sources, and the
/// training tracks that lead there; the interest questionnaire; weights and filters.
#[function_component]
pub fn GuidancePage(props: &GuidancePageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    let weights = use_state(|| None::<Weights>);
    let format = use_state(String::new);
    let cost = use_state(String::new);
    let chart = use_state(|| 0usize);
    use_title(m.guidance_title.to_string());
    use_focus_on(heading.clone(), props.id.clone());
    let attempt = match &props.id {
        Some(id) => app.stored.find(id),
        None => app.stored.history.last(),
    }
    .cloned();
    let status = use_domains(attempt.as_ref().map(|a| a.domains.clone()).unwrap_or_default());
    {
        let dispatcher = app.dispatcher();
        let content = app.content().cloned().filter(|_| app.guidance.is_none());
        use_effect_with(content.is_some(), move |_| {
            if let Some(content) = content {
                load_guidance(dispatcher, content);
            }
        });
    }

    let page = |body: Html| {
        html! {
            <section class="guidance">
                <h1 ref={heading.clone()} tabindex="-1">{ m.guidance_title }</h1>
                { body }
            </section>
        }
    };
    let Some(attempt) = attempt else {
        return page(html! {
            <>
                <p>{ m.guidance_none }</p>
                <a href={Route::Start.href()} class="button primary">{ m.home_start }</a>
            </>
        });
    };
    let ContentStatus::Ready(content) = status else {
        return page(html! { <ContentStatusView {status} /> });
    };
    let data = match &app.guidance {
        Some(Ok(data)) => data.clone(),
        Some(Err(status)) => return page(html! { <ContentStatusView status={status.clone()} /> }),
        None => return page(html! { <ContentStatusView status={ContentStatus::Loading} /> }),
    };
    let (bank, settings, guidance) = (&content.bank, &content.settings, &data.guidance);
    let lang = app.lang();
    let profile: Profile = estimates(bank, &attempt).into_iter().map(|d| (d.domain, d.estimate)).collect();
    let interest = data.interests.scores(&app.stored.interests);
    let w = (*weights).unwrap_or(guidance.weights);
    let ranked: Vec<Ranked> =
        guidance.rank(settings, &profile, &interest, w).into_iter().take(SHOWN).collect();
    let domain_title = |id: &str| {
        content.index.entry(id).map(|e| e.title.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    };
    let level_title =
        |i: usize| settings.levels.get(i).map(|l| l.title.get(lang).to_string()).unwrap_or_default();
    let gap_text = |g: &Gap| {
        fill(
            m.guidance_gap,
            &[
                ("domain", domain_title(&g.domain)),
                ("have", level_title(g.have)),
                ("need", level_title(g.need)),
            ],
        )
    };
    let keep =
        |t: &&Track| (format.is_empty() || *format == t.format) && (cost.is_empty() || *cost == t.cost);
    let label = |labels: &[&'static str], ids: &[&str], id: &str| {
        ids.iter().position(|x| *x == id).and_then(|i| labels.get(i).copied()).unwrap_or_default()
    };
    let track_item = |t: &Track, gaps: &[Gap]| {
        let duration = t
            .duration_months
            .map_or(m.guidance_duration_unknown.to_string(), |n| m.guidance_duration.count(n as usize));
        html! {
            <li>
                <strong>{ t.title.get(lang) }</strong>
                <span class="muted">
                    { format!("{} · {} · {} · {}", t.provider, label(&m.format_labels, &FORMATS, &t.format), duration, label(&m.cost_labels, &COSTS, &t.cost)) }
                </span>
                if !gaps.is_empty() {
                    <span class="muted">{ gaps.iter().map(gap_text).collect::<Vec<_>>().join("; ") }</span>
                }
                <span class="muted link" dir="ltr">{ &t.link }</span>
            </li>
        }
    };

    // The radar: every domain of the attempt and of the charted specialty's target.
    let charted = ranked.get(*chart).or(ranked.first());
    let mut axes: Vec<String> = attempt.domains.clone();
    if let Some(r) = charted {
        axes.extend(r.specialty.job_ready.keys().filter(|d| !attempt.domains.contains(d)).cloned());
    }
    let position = |d: &str| {
        let e = profile.get(d).copied();
        e.map_or(0.5, |e| settings.place(e).level as f64 + 0.5)
    };
    let target_of = |d: &str| {
        charted
            .and_then(|r| r.specialty.job_ready.get(d))
            .and_then(|l| settings.levels.iter().position(|x| &x.id == l))
            .map_or(0.0, |i| i as f64 + 0.5)
    };

    let onweight = |which: usize| {
        let weights = weights.clone();
        Callback::from(move |e: Event| {
            let v =
                e.target_unchecked_into::<HtmlInputElement>().value().parse::<f64>().unwrap_or(0.0) / 100.0;
            let mut next = (*weights).unwrap_or(w);
            match which {
                0 => next.readiness = v,
                1 => next.interest = v,
                _ => next.demand = v,
            }
            weights.set(Some(next));
        })
    };
    let onselect = |state: UseStateHandle<String>| {
        Callback::from(move |e: Event| state.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let date = attempt
        .finished_at
        .map(|t| browser::format_date(t, &app.catalog.language.locale))
        .unwrap_or_default();

    page(html! {
        <>
            <p>{ fill(m.guidance_intro, &[("date", date)]) }</p>
            <h2>{ m.guidance_ranked }</h2>
            <ol class="ranked">
                { for ranked.iter().enumerate().map(|(i, r)| {
                    let s = r.specialty;
                    let tier = guidance.demand_tiers.iter().find(|t| t.id == s.demand.tier);
                    let (now, next) = guidance.tracks_for(settings, &profile, &s.id);
                    let now: Vec<&Track> = now.into_iter().filter(keep).collect();
                    let next: Vec<(&Track, Vec<Gap>)> = next.into_iter().filter(|(t, _)| keep(t)).take(3).collect();
                    let chart = chart.clone();
                    html! {
                        <li class="specialty card">
                            <h3>{ s.title.get(lang) }</h3>
                            <p class="match">{ fill(m.guidance_match, &[("percent", ((r.score * 100.0).round() as i32).to_string())]) }</p>
                            <p>{ s.description.get(lang) }</p>
                            if !r.strengths.is_empty() {
                                <p><strong>{ m.guidance_strengths }</strong>{ " " }{ r.strengths.iter().map(|d| domain_title(d)).collect::<Vec<_>>().join(", ") }</p>
                            }
                            if r.gaps.is_empty() {
                                <p>{ m.guidance_ready }</p>
                            } else {
                                <p><strong>{ m.guidance_gaps }</strong></p>
                                <ul>{ for r.gaps.iter().map(|g| html! { <li>{ gap_text(g) }</li> }) }</ul>
                            }
                            <p><strong>{ fill(m.guidance_demand, &[("tier", tier.map(|t| t.title.get(lang).to_string()).unwrap_or_default())]) }</strong></p>
                            if s.demand.figures.is_empty() {
                                <p class="muted">{ m.guidance_no_figure }</p>
                            } else {
                                <ul class="figures">
                                    { for s.demand.figures.iter().map(|f| html! {
                                        <li>
                                            { f.text.get(lang) }{ " — " }
                                            { fill(m.guidance_figure, &[("value", f.value.clone()), ("scope", f.scope.clone()), ("year", f.year.to_string())]) }
                                            if f.confidence != "primary" { { " (" }{ m.guidance_secondary }{ ")" } }
                                            <br />
                                            <span class="muted">{ m.guidance_source }{ ": " }<span dir="ltr">{ &f.source }</span></span>
                                        </li>
                                    }) }
                                </ul>
                            }
                            <h4>{ m.guidance_tracks_now }</h4>
                            if now.is_empty() {
                                <p class="muted">{ m.guidance_no_tracks }</p>
                            } else {
                                <ul class="tracks">{ for now.iter().map(|t| track_item(t, &[])) }</ul>
                            }
                            if !next.is_empty() {
                                <h4>{ m.guidance_tracks_next }</h4>
                                <ul class="tracks">{ for next.iter().map(|(t, gaps)| track_item(t, gaps)) }</ul>
                            }
                            <button type="button" class="quiet" onclick={Callback::from(move |_| chart.set(i))}>
                                { fill(m.guidance_chart_title, &[("specialty", s.title.get(lang).to_string())]) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if let Some(r) = charted {
                <h2>{ fill(m.guidance_chart_title, &[("specialty", r.specialty.title.get(lang).to_string())]) }</h2>
                <RadarChart labels={axes.iter().map(|d| domain_title(d)).collect::<Vec<_>>()}
                    you={axes.iter().map(|d| position(d)).collect::<Vec<_>>()}
                    target={axes.iter().map(|d| target_of(d)).collect::<Vec<_>>()}
                    rings={settings.levels.len()}
                    title={r.specialty.title.get(lang).to_string()}
                    you_label={m.guidance_chart_you.to_string()} target_label={m.guidance_chart_target.to_string()} />
                <table class="chart-table">
                    <thead><tr>
                        <th scope="col">{ m.results_domain }</th>
                        <th scope="col">{ m.guidance_chart_you }</th>
                        <th scope="col">{ m.guidance_chart_target }</th>
                    </tr></thead>
                    <tbody>
                        { for axes.iter().map(|d| html! {
                            <tr>
                                <th scope="row">{ domain_title(d) }</th>
                                <td>{ profile.get(d).map(|e| level_title(settings.place(*e).level)).unwrap_or_default() }</td>
                                <td>{ r.specialty.job_ready.get(d).and_then(|l| settings.levels.iter().position(|x| &x.id == l)).map(level_title).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <InterestForm interests={data.interests.clone()} />
            <details class="counselor">
                <summary>{ m.guidance_weights }{ " · " }{ m.guidance_filters }</summary>
                <fieldset>
                    <legend>{ m.guidance_weights }</legend>
                    { for [(m.weight_readiness, w.readiness, 0), (m.weight_interest, w.interest, 1), (m.weight_demand, w.demand, 2)].into_iter().map(|(name, value, which)| {
                        let id = format!("weight-{which}");
                        html! {
                            <p class="weight">
                                <label for={id.clone()}>{ name }</label>
                                <input type="range" {id} min="0" max="100" step="5" value={((value * 100.0).round() as i32).to_string()} onchange={onweight(which)} />
                                <output>{ format!("{}%", (value * 100.0).round() as i32) }</output>
                            </p>
                        }
                    }) }
                </fieldset>
                <fieldset>
                    <legend>{ m.guidance_filters }</legend>
                    <p>
                        <label for="filter-format">{ m.filter_format }</label>{ " " }
                        <select id="filter-format" onchange={onselect(format.clone())}>
                            <option value="" selected={format.is_empty()}>{ m.filter_any }</option>
                            { for FORMATS.iter().zip(m.format_labels.iter()).map(|(id, l)| html! { <option value={*id} selected={*format == *id}>{ *l }</option> }) }
                        </select>
                    </p>
                    <p>
                        <label for="filter-cost">{ m.filter_cost }</label>{ " " }
                        <select id="filter-cost" onchange={onselect(cost.clone())}>
                            <option value="" selected={cost.is_empty()}>{ m.filter_any }</option>
                            { for COSTS.iter().zip(m.cost_labels.iter()).map(|(id, l)| html! { <option value={*id} selected={*cost == *id}>{ *l }</option> }) }
                        </select>
                    </p>
                </fieldset>
            </details>
        </>
    })
}
