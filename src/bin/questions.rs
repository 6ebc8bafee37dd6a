//! Entry point of `questions.html`: the same app shell with the teacher's own questions (quiz
//! files from Moodle read and written, the question editor), whose readers, writers and editor
//! load only when a teacher opens them.

#![forbid(unsafe_code)]

fn main() {
    kafaa::ui::app::start(
        yew::Callback::from(kafaa::ui::pages::questions_document),
        None,
        Some(kafaa::ui::hooks::preload_part::<kafaa::i18n::QuestionsMessages>),
        Some(kafaa::ui::state::edit),
    );
}
