use yew::prelude::*;

use crate::engine::assessment::Rule;
use crate::engine::bank::Difficulty;
use crate::engine::cat::{between_domains, stages};
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::certainty_choice::CertaintyChoice;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::components::question_view::QuestionView;
use crate::ui::components::quiz_deadline::QuizDeadline;
use crate::ui::components::quiz_progress::QuizProgress;
use crate::ui::hooks::{use_domains, use_focus_on, use_own_questions, use_title};
use crate::ui::route::{replace, Route};
use crate::ui::state::{use_app, Action, ContentStatus};

/// One question per screen, resumed where the learner left it.
#[function_component]
pub fn QuizPage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    // Shown after "See my results" while questions of a fixed form are unanswered.
    let confirming = use_state(|| false);
    let key = app.stored.current.as_ref().map(|a| (a.id.clone(), a.current));
    let adaptive = match (app.content(), &app.stored.current) {
        (Some(content), Some(a)) => content.settings.mode(&a.mode).and_then(|mode| match &mode.rule {
            Rule::Adaptive(rule) => Some(rule.clone()),
            Rule::Fixed(_) => None,
        }),
        _ => None,
    };
    let title = match (&app.stored.current, &adaptive) {
        (Some(a), Some(_)) => fill(m.quiz_progress_adaptive(), &[("n", (a.current + 1).to_string())]),
        (Some(a), None) => fill(
            m.quiz_progress(),
            &[("n", (a.current + 1).to_string()), ("total", a.items.len().to_string())],
        ),
        (None, _) => m.quiz_none().to_string(),
    };
    use_title(title.clone());
    use_focus_on(heading.clone(), key);
    let needed = match (&app.stored.current, &app.pending) {
        (Some(a), _) => a.domains.clone(),
        (None, Some(p)) => p.domains.clone(),
        (None, None) => Vec::new(),
    };
    let own =
        use_own_questions(app.stored.current.as_ref().and_then(|a| a.session.as_ref()?.own_questions()));
    let fetched = use_domains(needed);
    let status = own.unwrap_or(fetched);
    // An attempt that has just ended: show its results, in place of this page in history.
    {
        let ended = app.finished.clone().filter(|_| app.stored.current.is_none() && app.pending.is_none());
        use_effect_with(ended, |ended| {
            if let Some(id) = ended {
                replace(&Route::Results { id: id.clone() });
            }
        });
    }

    let Some(attempt) = app.stored.current.clone() else {
        if app.pending.is_some() || !matches!(status, ContentStatus::Ready(_)) {
            return html! { <ContentStatusView {status} /> };
        }
        if app.finished.is_some() {
            return html! {};
        }
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ m.quiz_none() }</h1>
                <a href={Route::Start.href()} class="button primary">{ m.home_start() }</a>
            </section>
        };
    };
    let ContentStatus::Ready(content) = status else {
        return html! { <ContentStatusView {status} /> };
    };
    let (bank, settings) = (&content.bank, &content.settings);
    let lang = app.lang();
    let index = attempt.current;
    // Options in the attempt's own order (its seed and start time are stored with it).
    let item =
        bank.item(attempt.current_item_id()).map(|i| i.shuffled(attempt.seed ^ attempt.started_at as u64));
    let unanswered = attempt.unanswered();
    let answered = attempt.current_answer().is_some();
    // A fixed form may be left unanswered and revisited; an adaptive test needs every answer,
    // and certainty-based marking needs the certainty of every answer given.
    let blocked = match (adaptive.is_some() || answered, attempt.current_complete()) {
        (false, _) | (true, true) => None,
        (true, false) if !answered => Some(m.quiz_need_answer()),
        (true, false) => Some(m.quiz_need_certainty()),
    };
    let blocked = blocked.filter(|_| item.is_some());

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
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Finish { now: browser::now() }))
    };
    let onsubmit = {
        let app = app.clone();
        let confirming = confirming.clone();
        let ask_first = adaptive.is_none() && attempt.is_last() && !unanswered.is_empty();
        let blocked = blocked.is_some();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if blocked {
                return;
            }
            if ask_first && !*confirming {
                confirming.set(true);
            } else {
                app.dispatch(Action::Next { now: browser::now() });
            }
        })
    };
    let onanswer = {
        let app = app.clone();
        Callback::from(move |answer| app.dispatch(Action::Answer(answer)))
    };
    let oncertainty = {
        let app = app.clone();
        Callback::from(move |level| app.dispatch(Action::Certainty(Some(level))))
    };
    let last = adaptive.is_none() && attempt.is_last();
    let length = settings
        .mode(&attempt.mode)
        .map_or((0, 0), |mode| settings.length(mode, &attempt.domains).per_domain);
    let title_of =
        |id: &str| bank.domain(id).map(|d| d.title.get(lang).to_string()).unwrap_or_else(|| id.to_string());
    // A long assessment can be left between domains and resumed later: the first question of
    // each new domain says so.
    let pause = adaptive.as_ref().filter(|rule| rule.sittings).and_then(|_| between_domains(bank, &attempt));
    let stages = adaptive.as_ref().filter(|_| attempt.domains.len() > 1).map(|_| stages(bank, &attempt));
    // Progress by domain, in one line: "Programming: finished · Web: in progress · ...".
    let progress = stages.map(|stages| {
        let words = [m.quiz_domain_done(), m.quiz_domain_now(), m.quiz_domain_later()];
        let line: Vec<String> =
            stages.iter().map(|(d, stage)| format!("{}: {}", title_of(d), words[*stage as usize])).collect();
        html! { <p class="domain-progress" aria-label={m.quiz_domains()}>{ line.join(" · ") }</p> }
    });

    html! {
        <section class="quiz">
            <h1 ref={heading} tabindex="-1" class="quiz-heading">{ title }</h1>
            if let Some(deadline) = attempt.session.as_ref().and_then(|s| s.deadline) {
                <QuizDeadline {deadline} />
            }
            if adaptive.is_some() {
                if attempt.extension.is_none() {
                    <p class="muted">{ fill(m.quiz_adaptive_note(), &[("min", length.0.to_string()), ("max", length.1.to_string())]) }</p>
                }
                { progress }
            } else {
                <QuizProgress answered={attempt.answered()} total={attempt.items.len()} />
            }
            if let Some((done, next)) = pause {
                <p class="notice sitting">
                    { fill(m.quiz_pause_body(), &[("done", title_of(done)), ("domain", title_of(next))]) }{ " " }
                    <a href={Route::Home.href()}>{ m.quiz_pause_stop() }</a>
                </p>
            }
            <form {onsubmit}>
                { match &item {
                    Some(item) => html! {
                        <>
                            <p class="quiz-meta">
                                <span class="tag">{ bank.domain(&item.domain).map(|d| d.title.get(lang)).unwrap_or_default() }</span>
                                <span class="tag">{ m.difficulty[match item.difficulty { Difficulty::Easy => 0, Difficulty::Medium => 1, Difficulty::Hard => 2 }] }</span>
                            </p>
                            <QuestionView item={item.clone()} answer={attempt.current_answer().cloned()} {onanswer} />
                            if attempt.certainty {
                                <CertaintyChoice levels={settings.certainty.clone()} selected={attempt.current_certainty()} onchoose={oncertainty} />
                            }
                        </>
                    },
                    None => html! { <p class="notice warning">{ m.quiz_item_gone() }</p> },
                } }
                if *confirming && !unanswered.is_empty() {
                    <div class="notice warning" role="alert">
                        <p>{ m.quiz_unanswered.count(unanswered.len()) }</p>
                        <p class="actions">
                            <button type="button" onclick={goto(unanswered[0])}>
                                { fill(m.quiz_unanswered_go(), &[("n", (unanswered[0] + 1).to_string())]) }
                            </button>
                            <button type="button" class="primary" onclick={finish}>{ m.quiz_finish_anyway() }</button>
                        </p>
                    </div>
                }
                if let Some(reason) = blocked {
                    <p class="hint" id="next-hint">{ reason }</p>
                }
                <p class="actions quiz-actions">
                    if adaptive.is_none() {
                        <button type="button" onclick={goto(index.saturating_sub(1))} disabled={index == 0}>{ m.quiz_previous() }</button>
                    }
                    <button type="submit" class="primary" aria-disabled={blocked.is_some().then_some("true")}
                        aria-describedby={blocked.is_some().then_some("next-hint")}>
                        { if last { m.quiz_finish() } else { m.quiz_next() } }
                    </button>
                </p>
            </form>
            <p><a href={Route::Home.href()} class="quiet">{ m.quiz_leave() }</a></p>
        </section>
    }
}
