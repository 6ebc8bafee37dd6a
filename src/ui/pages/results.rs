use yew::prelude::*;
use yew_router::prelude::*;

use crate::engine::score::score;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::answer_review::AnswerReview;
use crate::ui::components::bank_status::BankStatusView;
use crate::ui::components::domain_scores::DomainScores;
use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ResultsPageProps {
    pub id: String,
}

/// Overall and per-domain scores of a finished attempt, and the review of every answer.
#[function_component]
pub fn ResultsPage(props: &ResultsPageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    use_title(m.results_title.to_string());
    use_focus_on(heading.clone(), props.id.clone());

    let Some(attempt) = app.stored.find(&props.id) else {
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ m.results_not_found }</h1>
                <Link<Route> to={Route::History} classes="button">{ m.nav_history }</Link<Route>>
            </section>
        };
    };
    let Some(bank) = app.bank() else {
        return html! { <BankStatusView /> };
    };
    let lang = app.lang.code();
    let s = score(bank, attempt);
    let rows: Vec<_> = s
        .domains
        .iter()
        .map(|(id, tally)| {
            (bank.domain(id).map(|d| d.title.get(lang).to_string()).unwrap_or_else(|| id.clone()), *tally)
        })
        .collect();
    let entries: Vec<_> = s.review.iter().map(|r| (r.item.clone(), r.answer.cloned(), r.correct)).collect();
    let overall = fill(
        m.results_overall,
        &[
            ("correct", s.overall.correct.to_string()),
            ("total", s.overall.total.to_string()),
            ("percent", s.overall.percent().to_string()),
        ],
    );
    html! {
        <section class="results">
            <h1 ref={heading} tabindex="-1">{ m.results_title }</h1>
            <p class="overall">{ overall }</p>
            if let Some(at) = attempt.finished_at {
                <p class="muted">{ browser::format_date(at, lang) }</p>
            }
            if s.unavailable > 0 {
                <p class="notice warning">{ m.results_unavailable.count(s.unavailable) }</p>
            }
            <h2>{ m.results_by_domain }</h2>
            <DomainScores {rows} />
            <h2>{ m.results_review }</h2>
            <AnswerReview {entries} />
            <p class="actions">
                <Link<Route> to={Route::Start} classes="button primary">{ m.results_again }</Link<Route>>
                <Link<Route> to={Route::History} classes="button quiet">{ m.nav_history }</Link<Route>>
            </p>
        </section>
    }
}
