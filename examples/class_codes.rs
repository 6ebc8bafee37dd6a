//! Makes a classroom session over the shipped content and `N` students' result codes (random
//! right and wrong answers to its fixed form), writes the session key file and the codes for
//! the browser benchmark, and times opening every code and building the class report natively.
//! Run: `cargo run --release --example class_codes -- <out-dir> [N]`.

use std::time::Instant;

use kafaa::engine::attempt::Attempt;
use kafaa::engine::class_report::ClassReport;
use kafaa::engine::content::Content;
use kafaa::engine::result_code::Submission;
use kafaa::engine::rng::Rng;
use kafaa::engine::score::{key, wrong_answer};
use kafaa::engine::session::{ClassSession, Session};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "target/bench".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let read =
        |path: &str| std::fs::read_to_string(format!("static/content/{path}")).expect("shipped content");
    let mut content = Content::parse(&read("index.json"), &read("assessment.json")).expect("valid content");
    let domains = vec!["networks".to_string(), "cybersecurity".to_string(), "data".to_string()];
    for d in &domains {
        let file = content.index.entry(d).expect("shipped domain").file.clone();
        content = content.with_domain(d, &read(&file)).expect("valid domain");
    }
    let session = Session {
        id: String::new(),
        title: format!("Benchmark, {n} students"),
        domains: domains.clone(),
        mode: "fixed".into(),
        items_per_domain: Some(10),
        minutes: None,
        languages: vec!["en".into()],
        seed: 7,
        public_key: String::new(),
        questions: None,
    };
    let class = ClassSession::create(session, 0.0);
    let session = &class.session;
    let mode = session.mode(&content.settings).expect("fixed mode");
    let plan = session.plan(&mode, &content.settings, 0.0);
    let form = Attempt::start(&content.bank, &plan).expect("a form");

    let started = Instant::now();
    let mut rng = Rng::new(42);
    let codes: Vec<String> = (0..n)
        .map(|s| {
            // Each student has an ability: the chance of answering right.
            let ability = rng.uniform();
            let mut attempt = form.clone();
            for (i, id) in form.items.iter().enumerate() {
                let question = &content.bank.item(id).expect("drawn from the bank").question;
                let right = rng.uniform() < 0.2 + 0.7 * ability;
                attempt.answers[i] = Some(if right { key(question) } else { wrong_answer(question) });
                attempt.seconds.push(20 + rng.below(100) as u32);
            }
            Submission::of(&session.id, &format!("Student {s:04}"), &attempt)
                .seal(&session.public_key)
                .expect("a valid key")
        })
        .collect();
    let sealing = started.elapsed();

    let secret = class.secret_key_bytes().expect("a valid key");
    let started = Instant::now();
    let opened: Vec<Submission> =
        codes.iter().map(|c| Submission::open(c, session, &secret).expect("own code")).collect();
    let opening = started.elapsed();
    let started = Instant::now();
    let report = ClassReport::build(&content.bank, &content.settings, session, &opened);
    let building = started.elapsed();

    std::fs::create_dir_all(&out).expect("output folder");
    std::fs::write(format!("{out}/class-key.json"), class.to_key_file()).expect("key file");
    std::fs::write(format!("{out}/class-codes.txt"), codes.join("\n")).expect("codes");
    let mean = codes.iter().map(String::len).sum::<usize>() / n.max(1);
    println!("  {n} result codes of {} responses (mean {mean} characters)", form.items.len());
    println!(
        "  native: seal {sealing:.2?}, open {opening:.2?}, class report {building:.2?} ({} items analysed)",
        report.items.len()
    );
}
