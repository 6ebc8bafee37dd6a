use yew::prelude::*;

use crate::engine::assessment::Rule;
use crate::engine::cat::{stages, Stage};
use crate::i18n::fill;
use crate::ui::hooks::{use_domains, use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, ContentStatus};

/// What Kafaa is, and the way in: start, resume, or look back.
#[function_component]
pub fn HomePage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    use_title(m.nav_home().to_string());
    use_focus_on(heading.clone(), ());
    let history = app.stored.history.len();
    // An assessment taken domain by domain says how far it has come, once its domains are in
    // (the service worker keeps them, so this is quick after the first visit).
    let sittings = app.stored.current.as_ref().filter(|a| {
        a.domains.len() > 1
            && app.content().is_some_and(|c| {
                matches!(c.settings.mode(&a.mode).map(|m| &m.rule), Some(Rule::Adaptive(r)) if r.sittings)
            })
    });
    let status = use_domains(sittings.map(|a| a.domains.clone()).unwrap_or_default());
    let domains_done = match (sittings, &status) {
        (Some(a), ContentStatus::Ready(content)) => {
            let stages = stages(&content.bank, a);
            Some((stages.iter().filter(|(_, s)| *s == Stage::Done).count(), stages.len()))
        }
        _ => None,
    };
    html! {
        <section class="home">
            <h1 ref={heading} tabindex="-1">{ m.home_title() }</h1>
            <p class="lead">{ m.app_tagline() }</p>
            <p>{ m.home_intro() }</p>
            <ul class="points">
                { for m.home_points.iter().map(|p| html! { <li>{ *p }</li> }) }
            </ul>
            if let Some(attempt) = &app.stored.current {
                <div class="resume card">
                    <p>{ fill(m.home_resume_detail(), &[("n", (attempt.current + 1).to_string()), ("total", attempt.items.len().to_string())]) }</p>
                    if let Some((done, total)) = domains_done {
                        <p>{ fill(m.home_resume_domains(), &[("done", done.to_string()), ("total", total.to_string())]) }</p>
                    }
                    <a href={Route::Quiz.href()} class="button primary">{ m.home_resume() }</a>
                </div>
            }
            <p class="actions">
                if app.stored.current.is_none() {
                    <a href={Route::Start.href()} class="button primary">{ m.home_start() }</a>
                } else {
                    <a href={Route::Start.href()} class="button">{ m.home_start() }</a>
                }
                if history > 0 {
                    <a href={Route::History.href()} class="button quiet">{ m.home_history.count(history) }</a>
                }
            </p>
        </section>
    }
}
