use yew::prelude::*;

use crate::engine::cat::estimates;
use crate::ui::browser;
use crate::ui::components::content_status::ContentStatusView;
use crate::ui::hooks::{use_domains, use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, ContentStatus};

/// Finished attempts on this device, newest first.
#[function_component]
pub fn HistoryPage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    use_title(m.history_title().to_string());
    use_focus_on(heading.clone(), ());
    let lang = app.lang();
    let status = use_domains(app.stored.history_domains());

    let body = if app.stored.history.is_empty() {
        html! {
            <>
                <p>{ m.history_empty() }</p>
                <a href={Route::Start.href()} class="button primary">{ m.home_start() }</a>
            </>
        }
    } else if let ContentStatus::Ready(content) = &status {
        let (bank, settings) = (&content.bank, &content.settings);
        html! {
            <table class="history">
                <thead>
                    <tr>
                        <th scope="col">{ m.history_date() }</th>
                        <th scope="col">{ m.history_mode() }</th>
                        <th scope="col">{ m.history_result() }</th>
                        <th scope="col"><span class="visually-hidden">{ m.history_open() }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for app.stored.history.iter().rev().map(|a| {
                        // Each domain with its level: "Data & spreadsheets: Intermediate". A
                        // domain none of whose questions is at hand (a teacher's own, which
                        // came with its session) has no level to show here.
                        let levels: Vec<String> = estimates(bank, a)
                            .into_iter()
                            .filter(|d| d.asked > 0)
                            .map(|d| {
                                let title = bank.domain(&d.domain).map(|x| x.title.get(lang)).unwrap_or(&d.domain);
                                let level = settings.levels.get(settings.place(d.estimate).level).map(|l| l.title.get(lang));
                                format!("{title}: {}", level.unwrap_or_default())
                            })
                            .collect();
                        let mode = settings.mode(&a.mode).map(|x| x.title.get(lang)).unwrap_or_default();
                        html! {
                            <tr>
                                <td>{ a.finished_at.map(|t| browser::format_date(t, &app.catalog.language.locale)).unwrap_or_default() }</td>
                                <td>{ mode }</td>
                                <td>{ for levels.iter().map(|l| html! { <span class="history-level">{ l }</span> }) }</td>
                                <td><a href={Route::Results { id: a.id.clone() }.href()}>{ m.history_open() }</a></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    } else {
        html! { <ContentStatusView {status} /> }
    };
    html! {
        <section class="history-page">
            <h1 ref={heading} tabindex="-1">{ m.history_title() }</h1>
            { body }
        </section>
    }
}
