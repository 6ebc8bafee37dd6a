use yew::prelude::*;

use crate::ui::components::content_status::describe;
use crate::ui::state::{use_app, Action, ContentStatus};

/// Tells the learner when saved data was set aside or when saving fails.
#[function_component]
pub fn StorageNotices() -> Html {
    let app = use_app();
    let m = app.messages();
    let ondismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DismissSetAside))
    };
    html! {
        <>
            if !app.set_aside.is_empty() {
                <div class="notice warning" role="status">
                    <p><strong>{ m.notice_set_aside.count(app.set_aside.len()) }</strong></p>
                    <p>{ m.notice_set_aside_detail() }</p>
                    <button type="button" class="quiet" onclick={ondismiss}>{ m.dismiss() }</button>
                </div>
            }
            if let Some(failure) = &app.language_failed {
                <div class="notice warning" role="status">
                    <p>{ crate::i18n::fill(m.notice_language_failed(), &[("detail", match failure {
                        ContentStatus::Invalid(problems) => problems.iter().map(|p| format!("{}, {}: {}", p.file, p.path, describe(&p.kind, m))).collect::<Vec<_>>().join("; "),
                        ContentStatus::Unreachable(detail) => detail.clone(),
                        _ => String::new(),
                    })]) }</p>
                </div>
            }
            if app.save_failed {
                <div class="notice error" role="alert">
                    <p>{ m.notice_save_failed() }</p>
                </div>
            }
        </>
    }
}
