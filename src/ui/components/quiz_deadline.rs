use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct QuizDeadlineProps {
    /// When time is up, in milliseconds since the Unix epoch.
    pub deadline: f64,
}

/// A classroom session's time limit: the time left, updated every second; when it runs out
/// the attempt ends with the answers given so far (each was saved as it was given).
#[function_component]
pub fn QuizDeadline(props: &QuizDeadlineProps) -> Html {
    let app = use_app();
    let m = app.messages();
    let now = use_state(browser::now);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let tick = Closure::<dyn Fn()>::new(move || now.set(browser::now()));
            let window = web_sys::window();
            let id = window.as_ref().and_then(|w| {
                w.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000)
                    .ok()
            });
            move || {
                if let (Some(w), Some(id)) = (window, id) {
                    w.clear_interval_with_handle(id);
                }
                drop(tick);
            }
        });
    }
    let left = ((props.deadline - *now) / 1000.0).ceil().max(0.0) as u64;
    {
        let app = app.clone();
        use_effect_with(left == 0, move |up| {
            if *up {
                app.dispatch(Action::Finish { now: browser::now() });
            }
        });
    }
    let time = format!("{}:{:02}", left / 60, left % 60);
    html! {
        <p class="deadline" data-soon={(left < 60).then_some("")} role="timer" aria-live="off">
            { if left == 0 { m.quiz_time_up().to_string() } else { fill(m.quiz_time_left(), &[("time", time)]) } }
        </p>
    }
}
