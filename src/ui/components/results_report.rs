use std::rc::Rc;

use yew::prelude::*;

use crate::engine::assessment::Rule;
use crate::engine::attempt::Attempt;
use crate::engine::cat::estimates;
use crate::engine::content::Content;
use crate::engine::score::{certainty_report, score, Calibration};
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::answer_review::AnswerReview;
use crate::ui::components::domain_scores::DomainScores;
use crate::ui::components::level_scale::LevelScale;
use crate::ui::route::Route;
use crate::ui::state::use_interface;

/// How many more items "continue" asks in a domain whose level is not settled.
pub const MORE_ITEMS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ResultsReportProps {
    pub attempt: Rc<Attempt>,
    pub content: Rc<Content>,
    /// Offered where a level is not settled: more items in that domain (the learner's own
    /// results only); `busy` when another attempt is in progress.
    #[prop_or_default]
    pub oncontinue: Option<Callback<String>>,
    #[prop_or_default]
    pub busy: bool,
}

/// A finished attempt: level per domain with its confidence band, percent correct for fixed
/// forms, certainty calibration, and the review of every answer. Shown to the learner, and
/// to a counselor reading a student's result.
#[function_component]
pub fn ResultsReport(props: &ResultsReportProps) -> Html {
    let app = use_interface();
    let m = app.messages();
    let (attempt, content) = (&*props.attempt, &props.content);
    let (bank, settings) = (&content.bank, &content.settings);
    let lang = app.lang();
    let mode = settings.mode(&attempt.mode);
    let fixed = !matches!(mode.map(|m| &m.rule), Some(Rule::Adaptive(_)));
    let s = score(bank, attempt);
    let title_of =
        |id: &str| bank.domain(id).map(|d| d.title.get(lang).to_string()).unwrap_or_else(|| id.to_string());
    let level_title = |i: usize| settings.levels.get(i).map(|l| l.title.get(lang)).unwrap_or_default();

    let levels = estimates(bank, attempt).into_iter().map(|d| {
        let place = settings.place(d.estimate);
        let half = settings.band.z * d.estimate.se;
        let remaining = bank.items_in(&d.domain).filter(|i| !attempt.items.contains(&i.id)).count();
        let domain_title = title_of(&d.domain);
        html! {
            <li class="level-card">
                <h3>{ &domain_title }</h3>
                <p class="level">
                    <span class="muted">{ m.results_level() }</span>
                    <strong>{ level_title(place.level) }</strong>
                </p>
                <LevelScale levels={settings.levels.clone()} theta={d.estimate.theta}
                    low={d.estimate.theta - half} high={d.estimate.theta + half} />
                <p>
                    { fill(m.results_band(), &[("percent", settings.band.percent.to_string())]) }{ ": " }
                    { if place.straddles() {
                        fill(m.results_band_range(), &[("low", level_title(place.low).to_string()), ("high", level_title(place.high).to_string())])
                    } else {
                        level_title(place.level).to_string()
                    } }
                    { " · " }{ m.results_based_on.count(d.asked) }
                </p>
                if d.asked < settings.provisional_below {
                    <p class="notice provisional">
                        { fill(m.results_provisional(), &[("n", app.catalog.number(settings.provisional_below))]) }
                    </p>
                }
                if place.straddles() {
                    <p class="notice warning">
                        { fill(m.results_between(), &[("low", level_title(place.low).to_string()), ("high", level_title(place.high).to_string())]) }
                    </p>
                    if let Some(oncontinue) = props.oncontinue.as_ref().filter(|_| !fixed && remaining > 0) {
                        if props.busy {
                            <p class="muted">{ m.results_more_busy() }</p>
                        } else {
                            <button type="button" onclick={oncontinue.reform({ let d = d.domain.clone(); move |_: MouseEvent| d.clone() })}>
                                { fill(m.results_more(), &[("n", MORE_ITEMS.min(remaining).to_string()), ("domain", domain_title.clone())]) }
                            </button>
                        }
                    }
                }
            </li>
        }
    });

    let rows: Vec<_> = s.domains.iter().map(|(id, tally)| (title_of(id), *tally)).collect();
    let entries: Vec<_> =
        s.review.iter().map(|r| (r.item.clone(), r.answer.cloned(), r.correct, r.pilot)).collect();
    let overall = fill(
        m.results_overall(),
        &[
            ("correct", s.overall.correct.to_string()),
            ("total", s.overall.total.to_string()),
            ("percent", s.overall.percent().to_string()),
        ],
    );
    let certainty = attempt.certainty.then(|| {
        attempt.domains.iter().map(|d| {
            let r = certainty_report(bank, attempt, &settings.certainty, d);
            let verdict = match r.calibration {
                Calibration::Good => 0,
                Calibration::Over => 1,
                Calibration::Under => 2,
                Calibration::TooFew => 3,
            };
            html! {
                <li>
                    <strong>{ title_of(d) }</strong>{ ": " }
                    { fill(m.results_marks(), &[("marks", r.marks.to_string()), ("n", r.answered.to_string())]) }
                    <ul>
                        { for r.per_level.iter().zip(&settings.certainty).filter(|(t, _)| t.total > 0).map(|(t, l)| html! {
                            <li>{ fill(m.results_accuracy_at(), &[("label", l.label.get(lang).to_string()), ("correct", t.correct.to_string()), ("total", t.total.to_string())]) }</li>
                        }) }
                    </ul>
                    <p class="calibration" data-verdict={verdict.to_string()}>{ m.results_calibration[verdict] }</p>
                </li>
            }
        }).collect::<Html>()
    });

    html! {
        <>
            <p class="muted">
                { mode.map(|m| m.title.get(lang).to_string()).unwrap_or_default() }
                if let Some(at) = attempt.finished_at.filter(|at| *at > 0.0) { { " · " }{ browser::format_date(at, &app.catalog.language.locale) } }
            </p>
            if s.unavailable > 0 {
                <p class="notice warning">{ m.results_unavailable.count(s.unavailable) }</p>
            }
            <h2>{ m.results_levels() }</h2>
            <ul class="levels" role="list">{ for levels }</ul>
            <p><a href={Route::AboutLevels.href()}>{ m.results_about() }</a></p>
            if fixed {
                <h2>{ m.results_percent_correct() }</h2>
                <p class="overall">{ overall }</p>
                <DomainScores {rows} />
            }
            if let Some(list) = certainty {
                <h2>{ m.results_certainty() }</h2>
                <ul class="certainty-report">{ list }</ul>
            }
            <h2>{ m.results_review() }</h2>
            <AnswerReview {entries} />
        </>
    }
}
