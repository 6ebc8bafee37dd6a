use yew::prelude::*;

use crate::engine::score::Tally;
use crate::i18n::fill;
use crate::ui::state::use_interface;

#[derive(Properties, PartialEq)]
pub struct DomainScoresProps {
    /// Domain title and its tally, in display order.
    pub rows: Vec<(String, Tally)>,
}

/// A table of scores per domain; the bars repeat the numbers for sighted readers.
#[function_component]
pub fn DomainScores(props: &DomainScoresProps) -> Html {
    let m = use_interface().messages();
    html! {
        <table class="domain-scores">
            <thead>
                <tr>
                    <th scope="col">{ m.results_domain() }</th>
                    <th scope="col">{ m.results_correct() }</th>
                    <th scope="col">{ m.results_percent() }</th>
                </tr>
            </thead>
            <tbody>
                { for props.rows.iter().map(|(title, tally)| {
                    let percent = tally.percent();
                    html! {
                        <tr>
                            <th scope="row">{ title }</th>
                            <td>{ fill("{c} / {t}", &[("c", tally.correct.to_string()), ("t", tally.total.to_string())]) }</td>
                            <td>
                                <span class="bar" aria-hidden="true">
                                    <span class="fill" style={format!("inline-size: {percent}%")}></span>
                                </span>
                                { format!("{percent}%") }
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
