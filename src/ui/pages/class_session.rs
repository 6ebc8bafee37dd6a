use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::content::Content;
use crate::engine::result_code::Submission;
use crate::engine::session::{Session, QR_LINK_MAX};
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::class_dashboard::ClassDashboard;
use crate::ui::components::class_referral::ClassReferral;
use crate::ui::components::code_import::CodeImport;
use crate::ui::components::confirm_danger::ConfirmDanger;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::components::download_button::DownloadButton;
use crate::ui::components::qr_code::QrCodeView;
use crate::ui::components::session_fingerprint::{Reader, SessionFingerprint};
use crate::ui::hooks::{use_domains, use_focus_on, use_messages, use_own_questions, use_title};
use crate::ui::opened_codes::use_opened_codes;
use crate::ui::route::{replace, Route};
use crate::ui::state::{use_app, Action, ContentStatus};

#[derive(Properties, PartialEq)]
pub struct ClassSessionPageProps {
    pub id: String,
}

/// One session for its teacher: the link and QR code to hand out, the key to move it, the
/// import of result codes, and the class dashboard.
#[function_component]
pub fn ClassSessionPage(props: &ClassSessionPageProps) -> Html {
    let app = use_app();
    let c = use_messages::<ClassroomMessages>();
    let heading = use_node_ref();
    let class = app.stored.sessions.iter().find(|s| s.session.id == props.id).cloned();
    use_title(class.as_ref().map_or(c.classroom_title().to_string(), |c| c.session.title.clone()));
    use_focus_on(heading.clone(), props.id.clone());
    let own = use_own_questions(class.as_ref().and_then(|c| c.session.own_questions()));
    let fetched = use_domains(class.as_ref().map(|c| c.session.domains.clone()).unwrap_or_default());
    let status = own.unwrap_or(fetched);
    // Every stored code, opened once per change of the list (`None` while the browser makes
    // the key agreements of codes this tab has not opened yet).
    let opened = use_opened_codes(class.clone());

    let Some(class) = class else {
        return html! {
            <section>
                <h1 ref={heading} tabindex="-1">{ c.session_not_found() }</h1>
                <a href={Route::Classroom.href()} class="button">{ c.classroom_title() }</a>
            </section>
        };
    };
    // One shared copy for the import and the dashboard: a class can hold thousands of codes.
    let session = &class.session;
    let ContentStatus::Ready(content) = status else {
        return html! { <ContentStatusView {status} /> };
    };
    let lang = app.lang();
    let link = format!("{}{}", browser::page_address(), Route::Join { payload: session.to_payload() }.href());
    let summary = summary(session, &content, lang, c);
    let ondelete = {
        let (app, id) = (app.clone(), session.id.clone());
        Callback::from(move |()| {
            app.dispatch(Action::RemoveSession(id.clone()));
            replace(&Route::Classroom);
        })
    };
    html! {
        <section class="class-session">
            <h1 ref={heading} tabindex="-1">{ &session.title }</h1>
            <p class="muted">{ summary }</p>
            <SessionFingerprint id={session.id.clone()} reader={Reader::Teacher} />
            <h2>{ c.session_share() }</h2>
            <p>{ c.session_share_intro() }</p>
            <p class="share">
                <label for="session-link">{ c.session_link() }</label>
                <input type="text" id="session-link" readonly=true value={link.clone()} dir="ltr" />
                <CopyButton text={link.clone()} />
            </p>
            if link.len() <= QR_LINK_MAX {
                <div class="qr-box"><QrCodeView text={link} label={c.session_qr()} /></div>
            } else {
                <p class="notice warning" role="status">{ fill(c.session_too_long_for_qr(), &[("n", link.len().to_string())]) }</p>
                <p>
                    <DownloadButton label={c.session_file()} name={format!("kafaa-session-{}-questions.json", session.id)} mime="application/json"
                        make={{ let session = session.clone(); Callback::from(move |()| session.to_file()) }} />
                </p>
                <div class="qr-box">
                    <QrCodeView text={format!("{}{}", browser::page_address(), Route::Join { payload: String::new() }.href())} label={c.join_open_file()} />
                </div>
            }
            <h2>{ c.session_key() }</h2>
            <p>{ c.session_key_intro() }</p>
            <p>
                <DownloadButton label={c.session_key_download()} name={format!("kafaa-session-{}.json", session.id)} mime="application/json"
                    make={{ let class = class.clone(); Callback::from(move |()| class.to_key_file()) }} />
            </p>
            if let Some(opened) = opened {
                <CodeImport class={class.clone()} opened={opened.clone()} />
                <ClassDashboard {content} class={class.clone()} opened={opened.clone()} />
                <ClassReferral class={class.clone()} {opened} />
            } else {
                <p class="muted" role="status">{ c.session_opening_codes() }</p>
            }
            <ConfirmDanger label={c.session_delete()} warning={c.session_delete_confirm()}
                yes={c.session_delete_yes()} onconfirm={ondelete} />
        </section>
    }
}

/// Whether two submissions are the same student's same answers (codes differ each time they
/// are made, the responses do not).
pub fn same(a: &Submission, b: &Submission) -> bool {
    a.label == b.label && a.responses == b.responses
}

/// A session in one line: its mode, domains and time limit.
pub fn summary(session: &Session, content: &Content, lang: &str, c: &ClassroomMessages) -> String {
    let mode =
        content.settings.mode(&session.mode).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
    let domains: Vec<String> = session
        .domains
        .iter()
        .map(|d| content.bank.domain(d).map_or(d.clone(), |e| e.title.get(lang).to_string()))
        .collect();
    let minutes =
        session.minutes.map_or(c.session_no_limit().to_string(), |n| c.session_minutes.count(n as usize));
    fill(c.session_settings(), &[("mode", mode), ("domains", domains.join(", ")), ("minutes", minutes)])
}
