use yew::prelude::*;
use yew_router::prelude::*;

use crate::engine::bank::Difficulty;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::bank_status::BankStatusView;
use crate::ui::components::question_view::QuestionView;
use crate::ui::components::quiz_progress::QuizProgress;
use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action};

/// One question per screen, resumed where the learner left it.
#[function_component]
pub fn QuizPage() -> Html {
    let app = use_app();
    let m = app.messages();
    let navigator = use_navigator();
    let heading = use_node_ref();
    // Shown after "See my results" while questions are unanswered.
    let confirming = use_state(|| false);
    let current = app.stored.current.as_ref().map(|a| (a.id.clone(), a.current));
    let title = match &app.stored.current {
        Some(a) => {
            fill(m.quiz_progress, &[("n", (a.current + 1).to_string()), ("total", a.items.len().to_string())])
        }
        None => m.quiz_none.to_string(),
    };
    use_title(title.clone());
    use_focus_on(heading.clone(), current);

    let Some(attempt) = app.stored.current.clone() else {
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ m.quiz_none }</h1>
                <Link<Route> to={Route::Start} classes="button primary">{ m.home_start }</Link<Route>>
            </section>
        };
    };
    let Some(bank) = app.bank().cloned() else {
        return html! { <BankStatusView /> };
    };
    let lang = app.lang.code();
    let index = attempt.current;
    let total = attempt.items.len();
    let item = bank.item(attempt.current_item_id()).cloned();
    let unanswered = attempt.unanswered();

    let goto = |i: usize| {
        let app = app.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            app.dispatch(Action::GoTo(i));
        })
    };
    let finish = {
        let app = app.clone();
        let id = attempt.id.clone();
        Callback::from(move |_: ()| {
            app.dispatch(Action::Finish { now: browser::now() });
            if let Some(nav) = &navigator {
                nav.push(&Route::Results { id: id.clone() });
            }
        })
    };
    let onsubmit = {
        let app = app.clone();
        let confirming = confirming.clone();
        let finish = finish.clone();
        let last = attempt.is_last();
        let complete = unanswered.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !last {
                app.dispatch(Action::GoTo(index + 1));
            } else if complete || *confirming {
                finish.emit(());
            } else {
                confirming.set(true);
            }
        })
    };
    let onanswer = {
        let app = app.clone();
        Callback::from(move |answer| app.dispatch(Action::Answer(answer)))
    };

    html! {
        <section class="quiz">
            <h1 ref={heading} tabindex="-1" class="quiz-heading">{ title }</h1>
            <QuizProgress answered={attempt.answered()} {total} />
            <form {onsubmit}>
                { match &item {
                    Some(item) => html! {
                        <>
                            <p class="quiz-meta">
                                <span class="tag">{ bank.domain(&item.domain).map(|d| d.title.get(lang)).unwrap_or_default() }</span>
                                <span class="tag">{ m.difficulty[match item.difficulty { Difficulty::Easy => 0, Difficulty::Medium => 1, Difficulty::Hard => 2 }] }</span>
                            </p>
                            <QuestionView item={item.clone()} answer={attempt.current_answer().cloned()} {onanswer} />
                        </>
                    },
                    None => html! { <p class="notice warning">{ m.quiz_item_gone }</p> },
                } }
                if *confirming && !unanswered.is_empty() {
                    <div class="notice warning" role="alert">
                        <p>{ m.quiz_unanswered.count(unanswered.len()) }</p>
                        <p class="actions">
                            <button type="button" onclick={goto(unanswered[0])}>
                                { fill(m.quiz_unanswered_go, &[("n", (unanswered[0] + 1).to_string())]) }
                            </button>
                            <button type="button" class="primary" onclick={finish.reform(|_: MouseEvent| ())}>{ m.quiz_finish_anyway }</button>
                        </p>
                    </div>
                }
                <p class="actions quiz-actions">
                    <button type="button" onclick={goto(index.saturating_sub(1))} disabled={index == 0}>{ m.quiz_previous }</button>
                    <button type="submit" class="primary">{ if attempt.is_last() { m.quiz_finish } else { m.quiz_next } }</button>
                </p>
            </form>
            <p><Link<Route> to={Route::Home} classes="quiet">{ m.quiz_leave }</Link<Route>></p>
        </section>
    }
}
