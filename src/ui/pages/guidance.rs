use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::CareersMessages;

use crate::engine::assessment::Settings;
use crate::engine::cat::estimates;
use crate::engine::content::Content;
use crate::engine::guidance::{
    AgeLimits, Gap, Guidance, GuidanceData, Label, MeasureNext, Profile, Ranked, Track, TrackFilter, Weights,
    Why,
};
use crate::i18n::Language;
use crate::i18n::{fill, Messages};
use crate::ui::browser;
use crate::ui::components::content_status::{ContentStatusView, ProblemList};
use crate::ui::components::guidance_controls::GuidanceControls;
use crate::ui::components::interest_form::InterestForm;
use crate::ui::components::local_guidance::LocalGuidance;
use crate::ui::components::radar_chart::RadarChart;
use crate::ui::content::load_guidance;
use crate::ui::hooks::{use_domains, use_focus_on, use_messages, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, ContentStatus};

/// How many specialties the page ranks.
const SHOWN: usize = 5;
/// How many "within reach" tracks a card lists.
const NEXT_TRACKS: usize = 3;

#[derive(Properties, PartialEq)]
pub struct GuidancePageProps {
    /// The attempt whose results are matched; the latest when `None`.
    pub id: Option<String>,
}

/// Specialties ranked for a measured profile, with why, demand and its sources, and the
/// training tracks that lead there; the interest questionnaire; weights, filters and a
/// school's own training file.
#[function_component]
pub fn GuidancePage(props: &GuidancePageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let g = use_messages::<CareersMessages>();
    let heading = use_node_ref();
    let weights = use_state(|| None::<Weights>);
    let filter = use_state(TrackFilter::default);
    let chart = use_state(|| 0usize);
    use_title(g.guidance_title().to_string());
    use_focus_on(heading.clone(), props.id.clone());
    let attempt = match &props.id {
        Some(id) => app.stored.find(id),
        None => app.stored.history.last(),
    }
    .cloned();
    let status = use_domains(attempt.as_ref().map(|a| a.domains.clone()).unwrap_or_default());

    // Specialties, tracks and interests: fetched when the page opens and again when the
    // training file in use changes, once the content is in.
    let data = use_state(|| None::<Result<Rc<GuidanceData>, ContentStatus>>);
    {
        let data = data.clone();
        let content = app.content().cloned();
        let local = app.stored.guidance_file.clone();
        use_effect_with((content.is_some(), local.clone()), move |_| {
            if let Some(content) = content {
                load_guidance(content, local, Callback::from(move |result| data.set(Some(result))));
            }
        });
    }

    let page = |body: Html| {
        html! {
            <section class="guidance">
                <h1 ref={heading.clone()} tabindex="-1">{ g.guidance_title() }</h1>
                { body }
            </section>
        }
    };
    let Some(attempt) = attempt else {
        return page(html! {
            <>
                <p>{ g.guidance_none() }</p>
                <a href={Route::Start.href()} class="button primary">{ m.home_start() }</a>
            </>
        });
    };
    let ContentStatus::Ready(content) = status else {
        return page(html! { <ContentStatusView {status} /> });
    };
    let data = match &*data {
        Some(Ok(data)) => data.clone(),
        Some(Err(status)) => return page(html! { <ContentStatusView status={status.clone()} /> }),
        None => return page(html! { <ContentStatusView status={ContentStatus::Loading} /> }),
    };
    let guidance = &data.guidance;
    let view = View {
        m,
        g,
        lang: app.lang(),
        content: &content,
        guidance,
        filter: &filter,
        languages: &app.languages,
    };
    // Only domains whose questions are at hand: a teacher's own questions came with their
    // session and give no level here (nor do careers rest on them).
    let measured: Vec<_> = estimates(&content.bank, &attempt).into_iter().filter(|d| d.asked > 0).collect();
    let domains: Vec<String> = measured.iter().map(|d| d.domain.clone()).collect();
    let profile: Profile = measured.into_iter().map(|d| (d.domain, d.estimate)).collect();
    let interest = data.interests.scores(&app.stored.interests);
    let w = (*weights).unwrap_or(guidance.weights);
    let ranked: Vec<Ranked> =
        guidance.rank(&content.settings, &profile, &interest, w).into_iter().take(SHOWN).collect();
    let next = guidance.measure_next(&content.settings, &profile, &ranked);
    let date = attempt
        .finished_at
        .map(|t| browser::format_date(t, &app.catalog.language.locale))
        .unwrap_or_default();
    let charted = ranked.get(*chart).or(ranked.first());
    let onchart = {
        let chart = chart.clone();
        Callback::from(move |e: Event| {
            chart.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
        })
    };
    let onweights = {
        let weights = weights.clone();
        Callback::from(move |w| weights.set(Some(w)))
    };
    let onfilter = {
        let filter = filter.clone();
        Callback::from(move |f| filter.set(f))
    };

    page(html! {
        <>
            <p>{ fill(g.guidance_intro(), &[("date", date)]) }</p>
            <p class="actions no-print">
                <button type="button" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ m.print_pdf() }</button>
            </p>
            if !data.local_problems.is_empty() {
                <div class="notice error" role="alert">
                    <p>{ fill(g.guidance_local_broken(), &[("file", app.stored.guidance_file.as_ref().map(|f| f.name.clone()).unwrap_or_default())]) }</p>
                    <ProblemList problems={data.local_problems.clone()} />
                </div>
            }
            <InterestForm interests={data.interests.clone()} />
            <GuidanceControls weights={w} filter={(*filter).clone()} guidance={data.clone()} {onweights} {onfilter} />
            <h2>{ g.guidance_ranked() }</h2>
            if let Some(next) = &next {
                { view.measure_next(next, &ranked) }
            }
            <ol class="ranked">
                { for ranked.iter().map(|r| view.card(r, &profile)) }
            </ol>
            if let Some(r) = charted {
                <h2>{ fill(g.guidance_chart_title(), &[("specialty", r.specialty.title.get(view.lang).to_string())]) }</h2>
                <p class="chart-choose">
                    <label for="chart-specialty">{ g.guidance_chart_choose() }</label>{ " " }
                    <select id="chart-specialty" onchange={onchart}>
                        { for ranked.iter().enumerate().map(|(i, x)| html! {
                            <option value={i.to_string()} selected={std::ptr::eq(x, r)}>{ x.specialty.title.get(view.lang) }</option>
                        }) }
                    </select>
                </p>
                { view.chart(r, &domains, &profile) }
            }
            <LocalGuidance data={data.clone()} content={content.clone()} />
        </>
    })
}

/// What the page's parts are rendered from.
struct View<'a> {
    m: &'static Messages,
    g: &'static CareersMessages,
    lang: &'a str,
    content: &'a Content,
    guidance: &'a Guidance,
    filter: &'a TrackFilter,
    /// The interface languages, whose own names name a track's languages of instruction.
    languages: &'a [Language],
}

impl View<'_> {
    fn settings(&self) -> &Settings {
        &self.content.settings
    }

    fn domain(&self, id: &str) -> String {
        self.content.index.entry(id).map_or_else(|| id.to_string(), |e| e.title.get(self.lang).to_string())
    }

    fn level(&self, i: usize) -> String {
        self.settings().levels.get(i).map(|l| l.title.get(self.lang).to_string()).unwrap_or_default()
    }

    fn label(&self, labels: &[Label], id: &str) -> String {
        labels
            .iter()
            .find(|l| l.id == id)
            .map_or_else(|| id.to_string(), |l| l.title.get(self.lang).to_string())
    }

    /// Who can enter and where: language, diploma, bac streams, age and regions, each "not stated" where
    /// no source states it.
    fn access(&self, t: &Track) -> Vec<String> {
        let g = self.g;
        let languages: Vec<String> = t
            .languages
            .iter()
            .map(|code| {
                self.languages
                    .iter()
                    .find(|l| &l.code == code)
                    .map_or_else(|| code.clone(), |l| l.name.clone())
            })
            .collect();
        let language = if languages.is_empty() {
            g.track_language_unknown().to_string()
        } else {
            fill(g.track_language(), &[("languages", languages.join(", "))])
        };
        let diploma = t.min_diploma.as_deref().map_or(g.track_diploma_unknown().to_string(), |d| {
            fill(g.track_diploma(), &[("diploma", self.label(&self.guidance.diplomas, d))])
        });
        // A track's streams are listed where a source states them; "not stated" only once
        // the counselor filters by stream, since most routes have no stream condition.
        let labels = |ids: &[String], of: &[Label]| -> Vec<String> {
            ids.iter().map(|id| self.label(of, id)).collect()
        };
        let streams = if !t.bac_streams.is_empty() {
            Some(fill(
                g.track_bac_streams(),
                &[("streams", labels(&t.bac_streams, &self.guidance.bac_streams).join(", "))],
            ))
        } else {
            (!self.filter.bac_stream.is_empty()).then(|| g.track_bac_streams_unknown().to_string())
        };
        let age = match t.age {
            Some(AgeLimits { min: Some(min), max: Some(max) }) => {
                fill(g.track_age(), &[("min", min.to_string()), ("max", max.to_string())])
            }
            Some(AgeLimits { min: Some(min), max: None }) => {
                fill(g.track_age_min(), &[("min", min.to_string())])
            }
            Some(AgeLimits { min: None, max: Some(max) }) => {
                fill(g.track_age_max(), &[("max", max.to_string())])
            }
            _ => g.track_age_unknown().to_string(),
        };
        let regions = labels(&t.regions, &self.guidance.regions);
        let regions = if regions.is_empty() {
            g.track_regions_unknown().to_string()
        } else {
            fill(g.track_regions(), &[("regions", regions.join(", "))])
        };
        [Some(language), Some(diploma), streams, Some(age), Some(regions)].into_iter().flatten().collect()
    }

    /// A source's or provider's page: a real link, opened in a new tab (said to screen
    /// readers), left to right in every language.
    fn link(&self, href: &str) -> Html {
        html! {
            <a class="link" href={href.to_string()} target="_blank" rel="noopener noreferrer" dir="ltr">
                { href }<span class="visually-hidden">{ " " }{ self.g.guidance_new_tab() }</span>
            </a>
        }
    }

    /// How sure the data is of a figure or a track that is not from its primary source.
    fn confidence(&self, confidence: &str) -> &'static str {
        if confidence == "unverified" {
            self.g.guidance_unverified()
        } else {
            self.g.guidance_secondary()
        }
    }

    /// "What to measure next": the domain that would make the advice surer, and a link that
    /// starts exactly that quiz.
    fn measure_next(&self, next: &MeasureNext, ranked: &[Ranked]) -> Html {
        let title = |id: &str| {
            ranked
                .iter()
                .find(|r| r.specialty.id == id)
                .map_or_else(|| id.to_string(), |r| r.specialty.title.get(self.lang).to_string())
        };
        let domain = self.domain(&next.domain);
        let text = match &next.why {
            Why::Unmeasured { specialty } => fill(
                self.g.guidance_next_unmeasured(),
                &[("specialty", title(specialty)), ("domain", domain.clone())],
            ),
            Why::Close { first, second } => fill(
                self.g.guidance_next_close(),
                &[("first", title(first)), ("second", title(second)), ("domain", domain.clone())],
            ),
        };
        let mode = self.settings().modes.first().map(|m| m.id.clone()).unwrap_or_default();
        let href = Route::StartWith { mode, domain: next.domain.clone() }.href();
        html! {
            <div class="notice measure-next">
                <p>{ text }</p>
                <a class="button primary" {href}>{ fill(self.g.guidance_next_button(), &[("domain", domain)]) }</a>
            </div>
        }
    }

    fn gap(&self, g: &Gap) -> String {
        let (domain, need) = (self.domain(&g.domain), self.level(g.need));
        match g.have {
            Some(have) => {
                fill(self.g.guidance_gap(), &[("domain", domain), ("have", self.level(have)), ("need", need)])
            }
            None => fill(self.g.guidance_gap_unmeasured(), &[("domain", domain), ("need", need)]),
        }
    }

    fn track(&self, t: &Track, gaps: &[Gap]) -> Html {
        let duration = t.duration_months.map_or(self.g.guidance_duration_unknown().to_string(), |n| {
            self.g.guidance_duration.count(n as usize)
        });
        let format = t
            .format
            .as_deref()
            .map_or(self.g.guidance_format_unknown().to_string(), |f| self.label(&self.guidance.formats, f));
        let provider =
            format!("{} ({})", t.provider, self.label(&self.guidance.provider_types, &t.provider_type));
        let facts = [provider, format, duration, self.label(&self.guidance.costs, &t.cost)];
        html! {
            <li>
                <strong>{ t.title.get(self.lang) }</strong>
                <span class="muted">{ facts.join(" · ") }</span>
                <span class="muted access">{ self.access(t).join(" · ") }</span>
                if !t.sources.is_empty() {
                    <details class="sources">
                        <summary>{ self.g.guidance_source() }</summary>
                        <ul>{ for t.sources.iter().map(|s| html! { <li>{ self.link(s) }</li> }) }</ul>
                    </details>
                }
                <span class="muted">{ t.entry.get(self.lang) }</span>
                if let Some(apply) = &t.apply {
                    <span>
                        { fill(self.g.track_apply(), &[("period", apply.period.as_ref().map(|p| p.get(self.lang).to_string()).unwrap_or_default())]) }
                        if let Some(link) = &apply.link { { " " }{ self.link(link) } }
                    </span>
                }
                if !gaps.is_empty() {
                    <span class="gaps">{ gaps.iter().map(|g| self.gap(g)).collect::<Vec<_>>().join("; ") }</span>
                }
                if t.confidence != "primary" {
                    <span class="muted">{ self.confidence(&t.confidence) }</span>
                }
                { self.link(&t.link) }
            </li>
        }
    }

    /// One ranked specialty: match, why (strengths, gaps, what is not measured), demand with
    /// its sourced figures, and the training that leads there.
    fn card(&self, r: &Ranked, profile: &Profile) -> Html {
        let (m, s) = (self.m, r.specialty);
        let tier = self.guidance.demand_tiers.iter().find(|t| t.id == s.demand.tier);
        let (now, next) = self.guidance.tracks_for(self.settings(), profile, &s.id);
        let now: Vec<&Track> = now.into_iter().filter(|t| self.filter.keeps(self.guidance, t)).collect();
        let next: Vec<(&Track, Vec<Gap>)> =
            next.into_iter().filter(|(t, _)| self.filter.keeps(self.guidance, t)).take(NEXT_TRACKS).collect();
        let names = |ids: &[String]| ids.iter().map(|d| self.domain(d)).collect::<Vec<_>>().join(", ");
        let percent = ((r.score * 100.0).round() as i32).to_string();
        html! {
            <li class="specialty card">
                <h3>{ s.title.get(self.lang) }</h3>
                <p class="match">{ fill(self.g.guidance_match(), &[("percent", percent)]) }</p>
                if let Some(route) = self.guidance.routes.iter().find(|x| x.id == s.route) {
                    <p class="route">{ route.title.get(self.lang) }</p>
                }
                <p>{ s.description.get(self.lang) }</p>
                if !r.strengths.is_empty() {
                    <p><strong>{ self.g.guidance_strengths() }</strong>{ " " }{ names(&r.strengths) }</p>
                }
                if !r.gaps.is_empty() {
                    <p><strong>{ self.g.guidance_gaps() }</strong></p>
                    <ul>{ for r.gaps.iter().map(|g| html! { <li>{ self.gap(g) }</li> }) }</ul>
                } else if r.unmeasured.is_empty() {
                    <p>{ self.g.guidance_ready() }</p>
                }
                if !r.unmeasured.is_empty() {
                    <p class="unmeasured">
                        { fill(self.g.guidance_unmeasured(), &[("domains", names(&r.unmeasured))]) }{ " " }
                        <a href={Route::Start.href()}>{ m.nav_new_quiz() }</a>
                    </p>
                }
                <p><strong>{ fill(self.g.guidance_demand(), &[("tier", tier.map(|t| t.title.get(self.lang).to_string()).unwrap_or_default())]) }</strong></p>
                if s.demand.figures.is_empty() {
                    <p class="muted">{ self.g.guidance_no_figure() }</p>
                } else {
                    <details class="figures">
                        <summary>{ self.g.guidance_figures() }</summary>
                        <ul>
                            { for s.demand.figures.iter().map(|f| html! {
                                <li>
                                    { f.text.get(self.lang) }{ " — " }
                                    { fill(self.g.guidance_figure(), &[("value", f.value.clone()), ("scope", self.label(&self.guidance.scopes, &f.scope)), ("year", f.year.to_string())]) }
                                    if f.confidence != "primary" { { " (" }{ self.confidence(&f.confidence) }{ ")" } }
                                    <span class="muted">{ self.g.guidance_source() }{ ": " }{ self.link(&f.source) }</span>
                                </li>
                            }) }
                        </ul>
                    </details>
                }
                <h4>{ self.g.guidance_tracks_now() }</h4>
                if now.is_empty() {
                    <p class="muted">{ self.g.guidance_no_tracks() }</p>
                } else {
                    <ul class="tracks">{ for now.iter().map(|t| self.track(t, &[])) }</ul>
                }
                if !next.is_empty() {
                    <h4>{ self.g.guidance_tracks_next() }</h4>
                    <ul class="tracks">{ for next.iter().map(|(t, gaps)| self.track(t, gaps)) }</ul>
                }
            </li>
        }
    }

    /// The radar of the measured levels against a specialty's job-ready target, and the same
    /// figures as a table (the chart is hidden from screen readers).
    fn chart(&self, r: &Ranked, measured: &[String], profile: &Profile) -> Html {
        let (m, settings) = (self.m, self.settings());
        let mut axes: Vec<String> = measured.to_vec();
        axes.extend(r.specialty.job_ready.keys().filter(|d| !measured.contains(d)).cloned());
        let have = |d: &str| profile.get(d).map(|e| settings.place(*e).level);
        let need = |d: &str| {
            r.specialty.job_ready.get(d).and_then(|l| settings.levels.iter().position(|x| &x.id == l))
        };
        // On the chart a level is the middle of its ring; nothing measured sits at the centre.
        let ring = |level: Option<usize>| level.map_or(0.0, |l| l as f64 + 0.5);
        html! {
            <>
                <RadarChart labels={axes.iter().map(|d| self.domain(d)).collect::<Vec<_>>()}
                    you={axes.iter().map(|d| ring(have(d))).collect::<Vec<_>>()}
                    target={axes.iter().map(|d| ring(need(d))).collect::<Vec<_>>()}
                    rings={settings.levels.len()}
                    title={r.specialty.title.get(self.lang).to_string()}
                    you_label={self.g.guidance_chart_you()} target_label={self.g.guidance_chart_target()} />
                <table class="chart-table">
                    <thead><tr>
                        <th scope="col">{ m.results_domain() }</th>
                        <th scope="col">{ self.g.guidance_chart_you() }</th>
                        <th scope="col">{ self.g.guidance_chart_target() }</th>
                    </tr></thead>
                    <tbody>
                        { for axes.iter().map(|d| html! {
                            <tr>
                                <th scope="row">{ self.domain(d) }</th>
                                <td>{ have(d).map_or(self.g.guidance_not_measured().to_string(), |l| self.level(l)) }</td>
                                <td>{ need(d).map(|l| self.level(l)).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </>
        }
    }
}
