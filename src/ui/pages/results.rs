use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::components::results_report::{ResultsReport, MORE_ITEMS};
use crate::ui::hooks::{use_domains, use_focus_on, use_own_questions, use_title};
use crate::ui::route::{navigate, Route};
use crate::ui::state::{use_app, Action, ContentStatus};

#[derive(Properties, PartialEq)]
pub struct ResultsPageProps {
    pub id: String,
}

/// The learner's own results, with the ways on: careers, the result code of a classroom
/// session, another quiz, the history.
#[function_component]
pub fn ResultsPage(props: &ResultsPageProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    use_title(m.results_title().to_string());
    use_focus_on(heading.clone(), props.id.clone());
    let own = use_own_questions(app.stored.find(&props.id).and_then(|a| a.session.as_ref()?.own_questions()));
    let fetched = use_domains(app.stored.find(&props.id).map(|a| a.domains.clone()).unwrap_or_default());
    let status = own.unwrap_or(fetched);

    let Some(attempt) = app.stored.find(&props.id).cloned() else {
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ m.results_not_found() }</h1>
                <a href={Route::History.href()} class="button">{ m.nav_history() }</a>
            </section>
        };
    };
    let ContentStatus::Ready(content) = status else {
        return html! { <ContentStatusView {status} /> };
    };
    let oncontinue = {
        let (app, id) = (app.clone(), attempt.id.clone());
        Callback::from(move |domain: String| {
            app.dispatch(Action::Continue { id: id.clone(), domains: vec![domain], extra: MORE_ITEMS });
            navigate(&Route::Quiz);
        })
    };
    let busy = app.stored.current.is_some();
    let session = attempt.session.is_some();
    let id = attempt.id.clone();
    html! {
        <section class="results">
            <h1 ref={heading} tabindex="-1">{ m.results_title() }</h1>
            if session {
                <p class="notice success">
                    <a href={Route::ResultCode { id: id.clone() }.href()} class="button primary">{ m.results_code() }</a>
                </p>
            }
            <ResultsReport attempt={Rc::new(attempt)} {content} oncontinue={(!session).then_some(oncontinue)} {busy} />
            <p class="actions no-print">
                <a href={Route::Guidance { id: Some(id) }.href()} class="button primary">{ m.results_guidance() }</a>
                <a href={Route::Start.href()} class="button">{ m.results_again() }</a>
                <button type="button" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ m.print_pdf() }</button>
                <a href={Route::History.href()} class="button quiet">{ m.nav_history() }</a>
            </p>
        </section>
    }
}
