use std::collections::BTreeSet;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::engine::attempt::Attempt;
use crate::engine::bank::Bank;
use crate::ui::browser;
use crate::ui::components::bank_status::BankStatusView;
use crate::ui::hooks::{use_focus_on, use_title};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action};

/// Questions per domain for the short and standard lengths; complete takes every item.
const SHORT: usize = 4;
const STANDARD: usize = 7;

/// Choose domains and a length, then start.
#[function_component]
pub fn StartPage() -> Html {
    let app = use_app();
    let m = app.messages();
    let heading = use_node_ref();
    let navigator = use_navigator();
    // `None` until the learner changes it: all domains selected.
    let chosen = use_state(|| None::<BTreeSet<String>>);
    let per_domain = use_state(|| SHORT);
    use_title(m.start_title.to_string());
    use_focus_on(heading.clone(), ());

    let Some(bank) = app.bank().cloned() else {
        return html! { <BankStatusView /> };
    };
    let lang = app.lang.code();
    let all: BTreeSet<String> = bank.domains.iter().map(|d| d.id.clone()).collect();
    let selected = (*chosen).clone().unwrap_or_else(|| all.clone());
    let lengths = lengths(&bank);
    let total: usize = bank
        .domains
        .iter()
        .filter(|d| selected.contains(&d.id))
        .map(|d| bank.items_in(&d.id).count().min(*per_domain))
        .sum();

    let ontoggle = |id: Option<String>| {
        let chosen = chosen.clone();
        let selected = selected.clone();
        let all = all.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let next = match &id {
                None if on => all.clone(),
                None => BTreeSet::new(),
                Some(id) => {
                    let mut next = selected.clone();
                    if on {
                        next.insert(id.clone());
                    } else {
                        next.remove(id);
                    }
                    next
                }
            };
            chosen.set(Some(next));
        })
    };
    let onsubmit = {
        let app = app.clone();
        let bank = bank.clone();
        let selected = selected.clone();
        let per_domain = *per_domain;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let domains: Vec<String> =
                bank.domains.iter().filter(|d| selected.contains(&d.id)).map(|d| d.id.clone()).collect();
            if let Ok(attempt) =
                Attempt::new(&bank, &domains, per_domain, browser::fresh_seed(), browser::now())
            {
                app.dispatch(Action::Start(attempt));
                if let Some(nav) = &navigator {
                    nav.push(&Route::Quiz);
                }
            }
        })
    };
    let in_progress = app.stored.current.is_some();

    html! {
        <section class="start">
            <h1 ref={heading} tabindex="-1">{ m.start_title }</h1>
            <p>{ m.start_intro }</p>
            <form {onsubmit}>
                <fieldset class="domains">
                    <legend>{ m.start_domains }</legend>
                    <label class="option all">
                        <input type="checkbox" checked={selected.len() == all.len()} onchange={ontoggle(None)} />
                        <span>{ m.start_all_domains }</span>
                    </label>
                    <ul class="options" role="list">
                        { for bank.domains.iter().map(|d| {
                            let id = format!("domain-{}", d.id);
                            let desc = format!("{id}-desc");
                            html! {
                                <li>
                                    <label class="option" for={id.clone()}>
                                        <input type="checkbox" id={id} aria-describedby={desc.clone()}
                                            checked={selected.contains(&d.id)} onchange={ontoggle(Some(d.id.clone()))} />
                                        <span>
                                            <strong>{ d.title.get(lang) }</strong>
                                            <span class="muted" id={desc}>
                                                { d.description.get(lang) }{ " · " }{ m.start_domain_items.count(bank.items_in(&d.id).count()) }
                                            </span>
                                        </span>
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
                <fieldset class="length">
                    <legend>{ m.start_length }</legend>
                    <ul class="options" role="list">
                        { for lengths.iter().map(|(name, n)| {
                            let n = *n;
                            let per_domain = per_domain.clone();
                            let id = format!("length-{n}");
                            let label = match *name {
                                Length::Short => m.start_length_short,
                                Length::Standard => m.start_length_standard,
                                Length::Complete => m.start_length_complete,
                            };
                            html! {
                                <li>
                                    <label class="option" for={id.clone()}>
                                        <input type="radio" name="length" id={id} checked={*per_domain == n}
                                            onchange={Callback::from(move |_| per_domain.set(n))} />
                                        <span><strong>{ label }</strong>{ " · " }{ m.start_per_domain.count(n) }</span>
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
                <p class="total" aria-live="polite">
                    { if selected.is_empty() { m.start_pick_one.to_string() } else { m.start_total.count(total) } }
                </p>
                if in_progress {
                    <p class="notice warning">
                        { m.start_in_progress }{ " " }
                        <Link<Route> to={Route::Quiz}>{ m.home_resume }</Link<Route>>
                    </p>
                }
                <button type="submit" class="primary" disabled={selected.is_empty()}>
                    { if in_progress { m.start_replace_button } else { m.start_button } }
                </button>
            </form>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Length {
    Short,
    Standard,
    Complete,
}

/// The lengths this bank allows, without duplicates when its domains are small.
fn lengths(bank: &Bank) -> Vec<(Length, usize)> {
    let most = bank.domains.iter().map(|d| bank.items_in(&d.id).count()).max().unwrap_or(0);
    let mut out: Vec<(Length, usize)> = Vec::new();
    for (name, n) in
        [(Length::Short, SHORT.min(most)), (Length::Standard, STANDARD.min(most)), (Length::Complete, most)]
    {
        if n > 0 && out.last().is_none_or(|(_, last)| *last < n) {
            out.push((name, n));
        }
    }
    out
}
