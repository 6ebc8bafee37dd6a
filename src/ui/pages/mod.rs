//! One component per route, and each document's pages by route.
//!
//! A document's entry point (`src/main.rs`, `src/bin/*.rs`) hands its function to
//! [`crate::ui::App`]; a route of another document sends the browser there.

use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use crate::i18n::{CareersMessages, ClassroomMessages, Language, QuestionsMessages};
use crate::ui::browser;
use crate::ui::hooks::{preload_part, use_part, PartsLoaded};
use crate::ui::route::Route;

pub mod about_levels;
pub mod class_session;
pub mod classroom;
pub mod counselor;
pub mod elsewhere;
pub mod guidance;
pub mod history;
pub mod home;
pub mod join;
pub mod my_data;
pub mod my_questions;
pub mod not_found;
pub mod question_editor;
pub mod quiz;
pub mod result_code;
pub mod results;
pub mod send_results;
pub mod start;

/// The pages of `index.html`.
pub fn main_document(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::HomePage /> },
        Route::Start => html! { <start::StartPage /> },
        Route::StartWith { mode, domain } => {
            html! { <start::StartPage preset={Some((mode.clone(), domain.clone()))} /> }
        }
        Route::Quiz => html! { <quiz::QuizPage /> },
        Route::Results { id } => html! { <results::ResultsPage {id} /> },
        Route::NotFound => html! { <not_found::NotFoundPage /> },
        route => html! { <elsewhere::ElsewherePage {route} /> },
    }
}

/// The pages of `careers.html`.
pub fn careers_document(route: Route) -> Html {
    let page = match route {
        Route::Guidance { id } => html! { <guidance::GuidancePage {id} /> },
        Route::AboutLevels => html! { <about_levels::AboutLevelsPage /> },
        Route::History => html! { <history::HistoryPage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        route => html! { <elsewhere::ElsewherePage {route} /> },
    };
    html! { <CareersParts>{ page }</CareersParts> }
}

/// The pages of `classroom.html`.
pub fn classroom_document(route: Route) -> Html {
    let page = match route {
        Route::Classroom => html! { <classroom::ClassroomPage /> },
        Route::ClassSession { id } => html! { <class_session::ClassSessionPage {id} /> },
        Route::Join { payload } => html! { <join::JoinPage {payload} /> },
        Route::ResultCode { id } => html! { <result_code::ResultCodePage {id} /> },
        route => html! { <elsewhere::ElsewherePage {route} /> },
    };
    html! { <ClassroomParts>{ page }</ClassroomParts> }
}

/// The pages of `counselor.html`.
pub fn counselor_document(route: Route) -> Html {
    let page = match route {
        Route::Counselor => html! { <counselor::CounselorPage /> },
        Route::SendResults { payload } => html! { <send_results::SendResultsPage {payload} /> },
        route => html! { <elsewhere::ElsewherePage {route} /> },
    };
    html! { <CounselorParts>{ page }</CounselorParts> }
}

/// The pages of `questions.html`: the teacher's own questions.
pub fn questions_document(route: Route) -> Html {
    let page = match route {
        Route::MyQuestions => html! { <my_questions::MyQuestionsPage /> },
        Route::EditQuestion { id } => html! { <question_editor::QuestionEditorPage {id} /> },
        route => html! { <elsewhere::ElsewherePage {route} /> },
    };
    html! { <QuestionsParts>{ page }</QuestionsParts> }
}

#[derive(Properties, PartialEq)]
pub struct PartsProps {
    pub children: Html,
}

/// The careers page, with its messages kept in the interface language.
#[function_component]
pub fn CareersParts(props: &PartsProps) -> Html {
    let loaded = use_part::<CareersMessages>();
    html! { <ContextProvider<PartsLoaded> context={PartsLoaded(loaded)}>{ props.children.clone() }</ContextProvider<PartsLoaded>> }
}

/// The classroom pages, with their messages kept in the interface language.
#[function_component]
pub fn ClassroomParts(props: &PartsProps) -> Html {
    let loaded = use_part::<ClassroomMessages>();
    html! { <ContextProvider<PartsLoaded> context={PartsLoaded(loaded)}>{ props.children.clone() }</ContextProvider<PartsLoaded>> }
}

/// The counselor's pages, with the classroom's messages and the careers' ones (for the
/// counselor's shortlist) kept in the interface language.
#[function_component]
pub fn CounselorParts(props: &PartsProps) -> Html {
    let loaded = use_part::<ClassroomMessages>() + use_part::<CareersMessages>();
    html! { <ContextProvider<PartsLoaded> context={PartsLoaded(loaded)}>{ props.children.clone() }</ContextProvider<PartsLoaded>> }
}

/// Both parts of the counselor's pages, for `app::start` (see `hooks::preload_part`).
pub fn preload_counselor_parts(language: Language) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(async move {
        let classroom = browser::started(preload_part::<ClassroomMessages>(language.clone()));
        preload_part::<CareersMessages>(language).await;
        let _ = classroom.await;
    })
}

/// The teacher's own questions, with their messages kept in the interface language.
#[function_component]
pub fn QuestionsParts(props: &PartsProps) -> Html {
    let loaded = use_part::<QuestionsMessages>();
    html! { <ContextProvider<PartsLoaded> context={PartsLoaded(loaded)}>{ props.children.clone() }</ContextProvider<PartsLoaded>> }
}
