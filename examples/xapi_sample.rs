//! Prints, as one JSON array, the xAPI statements of two sample classes over the shipped
//! content, for `tests/xapi/validate.test.mjs` to check with an xAPI validator:
//!
//! - a class in French, English and Arabic taking the session's fixed form over two domains
//!   (the form the session draws, so every code fits it);
//! - an Arabic-only class given the first item of each question type of one domain: drawn
//!   forms start with the most informative items, and a true/false item (right half the time
//!   by chance) comes only after some thirty per domain, so this class's codes do not fit
//!   its session's form, which the dashboard would show and the export leaves as it is.
//!
//! Students answer right or wrong at random (seeded), the second of each class skips the
//! second question, and the first row has the start and end times an attempt on the student's
//! own device has (a result code carries none).
//! Run: `cargo run --example xapi_sample`.

use kafaa::engine::attempt::Attempt;
use kafaa::engine::bank::Question;
use kafaa::engine::class_report::xapi::statements;
use kafaa::engine::class_report::ClassReport;
use kafaa::engine::content::Content;
use kafaa::engine::json::Value;
use kafaa::engine::result_code::{Response, Submission};
use kafaa::engine::rng::Rng;
use kafaa::engine::score::{key, wrong_answer};
use kafaa::engine::session::Session;

const HOME_PAGE: &str = "https://lycee.example/kafaa";

fn main() {
    let read =
        |path: &str| std::fs::read_to_string(format!("static/content/{path}")).expect("shipped content");
    let mut content = Content::parse(&read("index.json"), &read("assessment.json")).expect("valid content");
    for d in ["networks", "web"] {
        let file = content.index.entry(d).expect("shipped domain").file.clone();
        content = content.with_domain(d, &read(&file)).expect("valid domain");
    }
    let mut rng = Rng::new(7);
    let mut all = Vec::new();

    let class = Session {
        id: "5e55a0a000000001".into(),
        title: "Terminale NSI — groupe B".into(),
        domains: vec!["networks".into(), "web".into()],
        mode: "fixed".into(),
        items_per_domain: Some(8),
        minutes: Some(45),
        languages: vec!["fr".into(), "en".into(), "ar".into()],
        seed: 7,
        public_key: String::new(),
        questions: None,
    };
    let mode = class.mode(&content.settings).expect("fixed mode");
    let form = Attempt::start(&content.bank, &class.plan(&mode, &content.settings, 0.0)).expect("a form");
    let codes = answers(&content, &class, &form.items, &["Amina", "Bilal", "Chaïmae"], &mut rng);
    let mut report = ClassReport::build(&content.bank, &content.settings, &class, &codes);
    let mismatches: Vec<_> = report.students.iter().flat_map(|s| &s.mismatches).collect();
    assert!(mismatches.is_empty(), "every code fits the session's form: {mismatches:?}");
    let first = &mut report.students[0].attempt;
    first.started_at = 1_796_637_600_000.0; // 2026-12-07T10:00:00Z
    let spent: u32 = first.seconds.iter().sum();
    first.finished_at = Some(first.started_at + f64::from(spent) * 1000.0);
    all.extend(array(statements(&report, &class, &content.bank, HOME_PAGE)));

    let arabic = Session {
        id: "5e55a0a000000002".into(),
        title: "شبكات — الفوج الأول".into(),
        domains: vec!["networks".into()],
        languages: vec!["ar".into()],
        items_per_domain: Some(5),
        ..class
    };
    let mut items: Vec<String> = Vec::new();
    let mut kinds: Vec<&str> = Vec::new();
    for item in content.bank.items_in("networks") {
        let kind = kind(&item.question);
        if !kinds.contains(&kind) {
            kinds.push(kind);
            items.push(item.id.clone());
        }
    }
    let codes = answers(&content, &arabic, &items, &["إيمان", "يوسف"], &mut rng);
    let report = ClassReport::build(&content.bank, &content.settings, &arabic, &codes);
    all.extend(array(statements(&report, &arabic, &content.bank, HOME_PAGE)));

    let asked: Vec<&str> = form
        .items
        .iter()
        .chain(&items)
        .filter_map(|id| content.bank.item(id))
        .map(|i| kind(&i.question))
        .collect();
    for k in ["single choice", "multiple select", "true/false", "ordering", "matching"] {
        assert!(asked.contains(&k), "the sample asks no {k} item");
    }
    println!("{}", Value::Array(all).pretty());
}

/// Each student's code for `items`: right or wrong at random, the second student skipping
/// the second question, 10 to 69 seconds per item.
fn answers(
    content: &Content,
    session: &Session,
    items: &[String],
    students: &[&str],
    rng: &mut Rng,
) -> Vec<Submission> {
    students
        .iter()
        .enumerate()
        .map(|(s, label)| {
            let ability = 0.3 + 0.6 * rng.uniform();
            let responses = items
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let question = &content.bank.item(id).expect("an item of the bank").question;
                    let right = rng.uniform() < ability;
                    let answer = if right { key(question) } else { wrong_answer(question) };
                    Response {
                        item: id.clone(),
                        answer: (s != 1 || i != 1).then_some(answer),
                        seconds: 10 + rng.below(60) as u32,
                    }
                })
                .collect();
            Submission { session: session.id.clone(), label: label.to_string(), responses }
        })
        .collect()
}

fn kind(question: &Question) -> &'static str {
    match question {
        Question::SingleChoice { .. } => "single choice",
        Question::MultipleSelect { .. } => "multiple select",
        Question::TrueFalse { .. } => "true/false",
        Question::Ordering { .. } => "ordering",
        Question::Matching { .. } => "matching",
    }
}

fn array(statements: Value) -> Vec<Value> {
    match statements {
        Value::Array(list) => list,
        other => panic!("statements are not an array: {other}"),
    }
}
