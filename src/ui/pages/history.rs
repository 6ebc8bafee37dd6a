use yew::prelude::*;
use yew_router::prelude::*;

use crate::engine::score::score;
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::bank_status::BankStatusView;
use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::use_app;

/// Finished attempts on this device, newest first.
#[function_component]
pub fn HistoryPage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    use_title(m.history_title.to_string());
    use_focus_on(heading.clone(), ());
    let lang = app.lang.code();

    let body = if app.stored.history.is_empty() {
        html! {
            <>
                <p>{ m.history_empty }</p>
                <Link<Route> to={Route::Start} classes="button primary">{ m.home_start }</Link<Route>>
            </>
        }
    } else if let Some(bank) = app.bank() {
        html! {
            <table class="history">
                <thead>
                    <tr>
                        <th scope="col">{ m.history_date }</th>
                        <th scope="col">{ m.history_domains }</th>
                        <th scope="col">{ m.history_score }</th>
                        <th scope="col"><span class="visually-hidden">{ m.history_open }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for app.stored.history.iter().rev().map(|a| {
                        let s = score(bank, a);
                        let domains: Vec<&str> =
                            a.domains.iter().map(|d| bank.domain(d).map(|d| d.title.get(lang)).unwrap_or(d)).collect();
                        html! {
                            <tr>
                                <td>{ a.finished_at.map(|t| browser::format_date(t, lang)).unwrap_or_default() }</td>
                                <td>{ domains.join(", ") }</td>
                                <td>{ fill("{c} / {t} ({p}%)", &[("c", s.overall.correct.to_string()), ("t", s.overall.total.to_string()), ("p", s.overall.percent().to_string())]) }</td>
                                <td><Link<Route> to={Route::Results { id: a.id.clone() }}>{ m.history_open }</Link<Route>></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    } else {
        html! { <BankStatusView /> }
    };
    html! {
        <section class="history-page">
            <h1 ref={heading} tabindex="-1">{ m.history_title }</h1>
            { body }
        </section>
    }
}
