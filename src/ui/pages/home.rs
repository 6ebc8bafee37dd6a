use yew::prelude::*;

use crate::i18n::fill;
use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::use_app;

/// What Kafaa is, and the way in: start, resume, or look back.
#[function_component]
pub fn HomePage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    use_title(m.nav_home.to_string());
    use_focus_on(heading.clone(), ());
    let history = app.stored.history.len();
    html! {
        <section class="home">
            <h1 ref={heading} tabindex="-1">{ m.home_title }</h1>
            <p class="lead">{ m.app_tagline }</p>
            <p>{ m.home_intro }</p>
            <ul class="points">
                { for m.home_points.iter().map(|p| html! { <li>{ *p }</li> }) }
            </ul>
            if let Some(attempt) = &app.stored.current {
                <div class="resume card">
                    <p>{ fill(m.home_resume_detail, &[("n", (attempt.current + 1).to_string()), ("total", attempt.items.len().to_string())]) }</p>
                    <a href={Route::Quiz.href()} class="button primary">{ m.home_resume }</a>
                </div>
            }
            <p class="actions">
                <a href={Route::Start.href()} class={classes!("button", app.stored.current.is_none().then_some("primary"))}>{ m.home_start }</a>
                if history > 0 {
                    <a href={Route::History.href()} class="button quiet">{ m.home_history.count(history) }</a>
                }
            </p>
        </section>
    }
}
