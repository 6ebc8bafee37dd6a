use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::problem::Problem;
use crate::engine::referral::{CounselorLink, Referral};
use crate::engine::result_code::Submission;
use crate::engine::session::ClassSession;
use crate::i18n::{fill, ClassroomMessages};
use crate::ui::components::code_out::{code_file, CodeOut};
use crate::ui::components::content_status::ProblemList;
use crate::ui::components::session_fingerprint::{Reader, SessionFingerprint};
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct ClassReferralProps {
    pub class: Rc<ClassSession>,
    /// The session's opened submissions.
    pub opened: Rc<Vec<Rc<Submission>>>,
}

/// The counselor's link as pasted: the whole address, or only what follows `#/send/`.
fn link_payload(text: &str) -> &str {
    let text = text.trim();
    text.rsplit_once("#/send/").map_or(text, |(_, payload)| payload)
}

/// The teacher sends one student's result on to a counselor: sealed again to the
/// counselor's own key (from the counselor's link), so the counselor reads that student only
/// and never needs the class's key.
#[function_component]
pub fn ClassReferral(props: &ClassReferralProps) -> Html {
    let c = use_messages::<ClassroomMessages>();
    let student = use_state(|| 0usize);
    let pasted = use_state(String::new);
    let made = use_state(|| None::<Result<(CounselorLink, String), Vec<Problem>>>);
    if props.opened.is_empty() {
        return html! {};
    }
    let onstudent = {
        let (student, made) = (student.clone(), made.clone());
        Callback::from(move |e: Event| {
            made.set(None);
            student.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0));
        })
    };
    let onlink = {
        let (pasted, made) = (pasted.clone(), made.clone());
        Callback::from(move |e: InputEvent| {
            made.set(None);
            pasted.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = {
        let (student, pasted, made, class, opened) =
            (student.clone(), pasted.clone(), made.clone(), props.class.clone(), props.opened.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = opened.get(*student) else { return };
            let result = CounselorLink::from_payload(link_payload(&pasted)).map(|link| {
                let code = Referral::of_class(&link.id, &class.session, submission).seal(&link);
                (link, code.unwrap_or_default())
            });
            made.set(Some(result));
        })
    };
    let label = props.opened.get(*student).map(|s| s.label.clone()).unwrap_or_default();
    html! {
        <section class="card class-referral no-print" aria-labelledby="class-referral-title">
            <h2 id="class-referral-title">{ c.refer_title() }</h2>
            <p>{ c.refer_intro() }</p>
            <form {onsubmit}>
                <p>
                    <label for="refer-student">{ c.refer_student() }</label>{ " " }
                    <select id="refer-student" onchange={onstudent}>
                        { for props.opened.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == *student}>{ format!("{} ({})", s.label, i + 1) }</option>
                        }) }
                    </select>
                </p>
                <p>
                    <label for="refer-link">{ c.refer_link() }</label>
                    <input type="url" id="refer-link" dir="ltr" required=true spellcheck="false" value={(*pasted).clone()} oninput={onlink} />
                </p>
                <p><button type="submit" class="primary" disabled={pasted.trim().is_empty()}>{ c.refer_make() }</button></p>
            </form>
            { match &*made {
                Some(Err(problems)) => html! {
                    <div class="notice error" role="alert">
                        <p>{ c.send_invalid() }</p>
                        <ProblemList problems={problems.clone()} />
                    </div>
                },
                Some(Ok((link, code))) => html! {
                    <div>
                        <p class="lead">{ fill(c.refer_for(), &[("name", link.name.clone()), ("label", label.clone())]) }</p>
                        <SessionFingerprint id={link.id.clone()} reader={Reader::Sender} />
                        <CodeOut code={code.clone()} file={code_file("kafaa-for-counselor", &label)} id="refer-code" />
                    </div>
                },
                None => html! {},
            } }
        </section>
    }
}
