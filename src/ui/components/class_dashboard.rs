use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::ClassroomMessages;

use crate::engine::class_report::xapi::statements;
use crate::engine::class_report::{to_csv, ClassReport, Flag, ItemStats, StudentRow};
use crate::engine::content::Content;
use crate::engine::decimal::fixed;
use crate::engine::own_bank;
use crate::engine::result_code::verify::{Mismatch, MAX_LABEL};
use crate::engine::result_code::Submission;
use crate::engine::session::{ClassSession, Session};
use crate::i18n::fill;
use crate::ui::browser;
use crate::ui::components::download_button::DownloadButton;
use crate::ui::hooks::{use_messages, use_own_bank};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct ClassDashboardProps {
    pub content: Rc<Content>,
    pub class: Rc<ClassSession>,
    /// The session's opened submissions; every figure is recomputed from them.
    pub opened: Rc<Vec<Rc<Submission>>>,
}

/// Students shown in the heat map at first, and added by each "show more".
const PAGE: usize = 100;

/// How a code does not match its session, in the teacher's language.
fn mismatch_text(c: &ClassroomMessages, m: &Mismatch) -> String {
    match m {
        Mismatch::LongLabel { chars } => {
            fill(c.mismatch_long_label(), &[("chars", chars.to_string()), ("max", MAX_LABEL.to_string())])
        }
        Mismatch::UnknownItem { item } => fill(c.mismatch_unknown_item(), &[("item", item.clone())]),
        Mismatch::OtherDomain { item } => fill(c.mismatch_other_domain(), &[("item", item.clone())]),
        Mismatch::Repeated { item } => fill(c.mismatch_repeated(), &[("item", item.clone())]),
        Mismatch::NotTheQuiz { from } => fill(c.mismatch_not_the_quiz(), &[("n", from.to_string())]),
        Mismatch::OverTime { seconds, limit } => fill(
            c.mismatch_over_time(),
            &[("used", seconds.div_ceil(60).to_string()), ("limit", (limit / 60).to_string())],
        ),
    }
}

/// Everything a student's code does not match, in one line.
fn checks(c: &ClassroomMessages, s: &StudentRow) -> String {
    s.mismatches.iter().map(|m| mismatch_text(c, m)).collect::<Vec<_>>().join("; ")
}

fn flag_text(c: &ClassroomMessages, flag: &Flag) -> String {
    match flag {
        Flag::AlmostNobodyRight => c.flag_hard().to_string(),
        Flag::EveryoneRight => c.flag_easy().to_string(),
        Flag::NegativeDiscrimination => c.flag_negative().to_string(),
        Flag::UnusedDistractor(option) => fill(c.flag_unused(), &[("option", option.clone())]),
    }
}

fn choices(s: &ItemStats) -> String {
    s.choices.iter().map(|(o, n)| format!("{o}: {n}")).collect::<Vec<_>>().join(" · ")
}

/// The class at a glance: levels per domain, a student × domain heat map, item analysis with
/// flags, CSV downloads of both tables, the class's anonymous answers (JSON) to pool for
/// calibration, and xAPI statements for the school's learning record store.
#[function_component]
pub fn ClassDashboard(props: &ClassDashboardProps) -> Html {
    let app = use_app();
    let (m, lang) = (app.messages(), app.lang());
    let c = use_messages::<ClassroomMessages>();
    let (content, session) = (&props.content, &props.class.session);
    let settings = &content.settings;
    // Rebuilt only when the codes, the students left out or the content change, not on every
    // render of the page: the figures from the students counted, and the rows of those left
    // out (with what their codes do not match).
    let own = use_own_bank();
    let excluded = props.class.excluded.clone();
    // A year's class can be thousands of students: rows are drawn a page at a time, so the
    // dashboard appears at once (the CSV always has every student).
    let shown = use_state(|| PAGE);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let reports = use_memo(
        (props.opened.clone(), excluded, content.clone(), session.clone()),
        |(opened, excluded, content, session)| {
            // (An id hashes the whole code: not worked out when nobody is left out.)
            let (counted, left_out): (Vec<Rc<Submission>>, Vec<Rc<Submission>>) =
                opened.iter().cloned().partition(|s| excluded.is_empty() || !excluded.contains(&s.id()));
            let build =
                |subs: &[Rc<Submission>]| ClassReport::build(&content.bank, &content.settings, session, subs);
            (Rc::new(build(&counted)), build(&left_out).students)
        },
    );
    let (report, left_out) = (reports.0.clone(), &reports.1);
    let count = |id: &str, counted: bool| {
        let (app, session, id) = (app.clone(), session.id.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::CountStudent { session: session.clone(), id: id.clone(), counted })
        })
    };
    if props.opened.is_empty() {
        return html! {
            <section class="dashboard" aria-labelledby="dashboard-title">
                <h2 id="dashboard-title">{ c.dashboard_title() }</h2>
                <p class="muted">{ c.dashboard_empty() }</p>
            </section>
        };
    }
    let report_rc = report.clone();
    let report = &*report;
    let domain = |id: &str| domain_title(content, id, lang);
    let level = |i: usize| level_title(content, i, lang);
    let stem = |s: &ItemStats| s.item.stem.get(lang).chars().take(90).collect::<String>();

    let mismatched = report.students.iter().filter(|s| !s.mismatches.is_empty()).count();
    // The downloads are made on click, from the report of that moment.
    let download =
        |make: fn(&ClassReport, &Content, &Session, &str, &'static ClassroomMessages) -> String| {
            let (report, content, session, lang) =
                (report_rc.clone(), content.clone(), session.clone(), lang.to_string());
            Callback::from(move |()| make(&report, &content, &session, &lang, c))
        };
    let students =
        download(|r, content, session, lang, c| to_csv(&students_table(r, content, session, lang, c)));
    let items = download(|r, content, _, lang, c| to_csv(&items_table(r, content, lang, c)));
    let responses = download(|r, content, session, _, _| r.response_file(&content.bank, session).to_json());
    // Statements name the app's own address as the home of students' accounts and activities.
    let xapi = download(|r, content, session, _, _| {
        let address = browser::page_address();
        let home = address.rsplit_once('/').map_or(address.as_str(), |(folder, _)| folder);
        statements(r, session, &content.bank, home).to_string()
    });
    let file = |name: &str| format!("kafaa-{}-{name}", session.id);
    // The teacher's own questions that were flagged and are still in their bank open in the
    // editor, so what the class's answers show can be fixed.
    let flagged_own = report.items.iter().any(|s| !s.flags.is_empty() && s.item.domain == own_bank::DOMAIN);
    let editable: Vec<&str> = match (flagged_own, &*own) {
        (true, Ok(bank)) => bank.items.iter().map(|i| i.id.as_str()).collect(),
        _ => Vec::new(),
    };

    html! {
        <section class="dashboard" aria-labelledby="dashboard-title">
            <h2 id="dashboard-title">{ c.dashboard_title() }</h2>
            <p class="lead">{ c.dashboard_students.count(report.students.len()) }</p>
            <p class="actions">
                <DownloadButton label={c.dashboard_csv_students()} name={file("students.csv")} mime="text/csv" make={students} />
                <DownloadButton label={c.dashboard_csv_items()} name={file("items.csv")} mime="text/csv" make={items} />
                <DownloadButton label={c.dashboard_responses()} name={file("responses.json")} mime="application/json" make={responses} />
                <DownloadButton label={c.dashboard_xapi()} name={file("xapi.json")} mime="application/json" make={xapi} />
            </p>
            <p class="muted">{ c.dashboard_xapi_intro() }</p>
            <p class="muted">{ c.dashboard_responses_intro() }</p>
            if mismatched > 0 {
                <p class="notice warning" role="status">{ fill(c.dashboard_mismatches(), &[("n", mismatched.to_string())]) }</p>
            }

            <h3>{ c.dashboard_distribution() }</h3>
            <div class="table-wrap">
                <table class="distribution">
                    <thead><tr>
                        <th scope="col">{ m.results_domain() }</th>
                        { for settings.levels.iter().map(|l| html! { <th scope="col">{ l.title.get(lang) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for report.distribution.iter().map(|(d, counts)| {
                            let total = counts.iter().sum::<usize>().max(1);
                            html! {
                                <tr>
                                    <th scope="row">{ domain(d) }</th>
                                    { for counts.iter().enumerate().map(|(i, n)| html! {
                                        <td class={format!("lvl lvl-{i}")}>
                                            <span class="count">{ n }</span>
                                            <span class="bar" style={format!("inline-size: {}%", n * 100 / total)}></span>
                                        </td>
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>

            <h3>{ c.dashboard_heatmap() }</h3>
            <div class="table-wrap">
                <table class="heatmap">
                    <thead><tr>
                        <th scope="col">{ c.dashboard_student() }</th>
                        { for session.domains.iter().map(|d| html! { <th scope="col">{ domain(d) }</th> }) }
                        <th scope="col">{ c.dashboard_score() }</th>
                        <th scope="col" class="no-print"><span class="visually-hidden">{ c.dashboard_leave_out() }</span></th>
                    </tr></thead>
                    <tbody>
                        { for report.students.iter().take(*shown).map(|s| html! {
                            <tr>
                                <th scope="row">
                                    { &s.label }
                                    if !s.mismatches.is_empty() {
                                        <span class="mismatch">{ " ⚠ " }{ checks(c, s) }</span>
                                    }
                                </th>
                                { for s.domains.iter().map(|r| match r {
                                    Some(r) => html! { <td class={format!("lvl-{}", r.placement.level)}>{ level(r.placement.level) }</td> },
                                    None => html! { <td class="muted">{ c.dashboard_not_taken() }</td> },
                                }) }
                                <td class="score">{ format!("{}/{} ({}%)", s.overall.correct, s.overall.total, s.overall.percent()) }</td>
                                <td class="no-print">
                                    <button type="button" class="quiet" onclick={count(&s.attempt.id, false)}
                                        aria-label={fill(c.dashboard_leave_out_of(), &[("label", s.label.clone())])}>{ c.dashboard_leave_out() }</button>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>

            if report.students.len() > *shown {
                <p class="actions no-print">
                    <span class="muted" role="status">
                        { fill(c.dashboard_shown(), &[("shown", shown.to_string()), ("total", report.students.len().to_string())]) }
                    </span>
                    { " " }
                    <button type="button" onclick={more}>{ c.dashboard_show_more.count(PAGE.min(report.students.len() - *shown)) }</button>
                </p>
            }

            if !left_out.is_empty() {
                <h3>{ fill(c.dashboard_left_out(), &[("n", left_out.len().to_string())]) }</h3>
                <ul class="left-out">
                    { for left_out.iter().map(|s| html! {
                        <li>
                            <strong>{ &s.label }</strong>
                            if !s.mismatches.is_empty() {
                                <span class="mismatch">{ " ⚠ " }{ checks(c, s) }</span>
                            }
                            { " " }
                            <button type="button" onclick={count(&s.attempt.id, true)}
                                aria-label={fill(c.dashboard_count_again_of(), &[("label", s.label.clone())])}>{ c.dashboard_count_again() }</button>
                        </li>
                    }) }
                </ul>
            }

            <h3>{ c.dashboard_items() }</h3>
            <p class="muted">{ c.dashboard_items_intro() }</p>
            <div class="table-wrap">
                <table class="items">
                    <thead><tr>
                        <th scope="col">{ c.dashboard_item() }</th>
                        <th scope="col">{ c.dashboard_asked() }</th>
                        <th scope="col">{ c.dashboard_p() }</th>
                        <th scope="col">{ c.dashboard_discrimination() }</th>
                        <th scope="col">{ c.dashboard_choices() }</th>
                        <th scope="col">{ c.dashboard_flags() }</th>
                    </tr></thead>
                    <tbody>
                        { for report.items.iter().map(|s| html! {
                            <tr class={if s.flags.is_empty() { "" } else { "flagged" }}>
                                <th scope="row">
                                    <code dir="ltr">{ &s.item.id }</code>
                                    <span class="muted">{ stem(s) }</span>
                                </th>
                                <td>{ s.asked }</td>
                                <td>{ format!("{}%", percent(s)) }</td>
                                <td dir="ltr">{ s.discrimination.map(|r| fixed(r, 2)).unwrap_or_else(|| "—".into()) }</td>
                                <td dir="ltr">{ choices(s) }</td>
                                <td>
                                    { s.flags.iter().map(|f| flag_text(c, f)).collect::<Vec<_>>().join("; ") }
                                    if !s.flags.is_empty() && editable.contains(&s.item.id.as_str()) {
                                        { " " }<a href={Route::EditQuestion { id: s.item.id.clone() }.href()}>{ c.dashboard_edit_item() }</a>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The students' table for a spreadsheet: a row per student, level and right answers per
/// domain, the total, and what does not match the session.
fn students_table(
    report: &ClassReport,
    content: &Content,
    session: &Session,
    lang: &str,
    c: &ClassroomMessages,
) -> Vec<Vec<String>> {
    let domain = |id: &str| domain_title(content, id, lang);
    let level = |i: usize| level_title(content, i, lang);
    let mut rows = vec![{
        let mut h = vec![c.dashboard_student().to_string()];
        for d in &session.domains {
            h.push(fill(c.csv_level(), &[("domain", domain(d))]));
            h.push(fill(c.csv_correct(), &[("domain", domain(d))]));
        }
        h.extend([
            c.csv_total().to_string(),
            c.csv_of().to_string(),
            c.csv_percent().to_string(),
            "⚠".to_string(),
        ]);
        h
    }];
    for s in &report.students {
        let mut row = vec![s.label.clone()];
        for r in &s.domains {
            match r {
                Some(r) => row.extend([level(r.placement.level), r.tally.correct.to_string()]),
                None => row.extend([c.dashboard_not_taken().to_string(), String::new()]),
            }
        }
        row.extend([
            s.overall.correct.to_string(),
            s.overall.total.to_string(),
            s.overall.percent().to_string(),
            checks(c, s),
        ]);
        rows.push(row);
    }
    rows
}

/// The items' table for a spreadsheet: how often each item was asked and answered right,
/// its discrimination, the choices made, and its flags.
fn items_table(
    report: &ClassReport,
    content: &Content,
    lang: &str,
    c: &ClassroomMessages,
) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        c.dashboard_item().to_string(),
        c.csv_domain().to_string(),
        String::new(),
        c.dashboard_asked().to_string(),
        c.dashboard_p().to_string(),
        c.dashboard_discrimination().to_string(),
        c.dashboard_choices().to_string(),
        c.dashboard_flags().to_string(),
    ]];
    for s in &report.items {
        rows.push(vec![
            s.item.id.clone(),
            domain_title(content, &s.item.domain, lang),
            s.item.stem.get(lang).to_string(),
            s.asked.to_string(),
            format!("{}%", percent(s)),
            s.discrimination.map(|r| fixed(r, 2)).unwrap_or_default(),
            choices(s),
            s.flags.iter().map(|f| flag_text(c, f)).collect::<Vec<_>>().join("; "),
        ]);
    }
    rows
}

fn domain_title(content: &Content, id: &str, lang: &str) -> String {
    content.bank.domain(id).map_or(id.to_string(), |e| e.title.get(lang).to_string())
}

fn level_title(content: &Content, i: usize, lang: &str) -> String {
    content.settings.levels.get(i).map(|l| l.title.get(lang).to_string()).unwrap_or_default()
}

fn percent(s: &ItemStats) -> u32 {
    (s.p() * 100.0).round() as u32
}
