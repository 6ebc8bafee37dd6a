#![cfg(not(target_arch = "wasm32"))]
//! The `calibrate` command end to end: response files in, a table and a parameters file out,
//! and the parameters written into the domain files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kafaa::engine::bank::{Bank, Question};
use kafaa::engine::calibration::params_file::ParamsFile;
use kafaa::engine::calibration::simulate::Design;
use kafaa::engine::content::whole_bank;
use kafaa::engine::irt::ItemParams;
use kafaa::engine::rng::Rng;

fn shipped_bank() -> Bank {
    bank_in(Path::new("static/content"))
}

/// The bank whose index and domain files are in `content`.
fn bank_in(content: &Path) -> Bank {
    let read = |path: &str| std::fs::read_to_string(content.join(path)).unwrap();
    let (bank, problems) = whole_bank(read).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    bank
}

/// A copy of the shipped bank's index and domain files in `dir`/content.
fn copy_of_bank(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("domains")).unwrap();
    std::fs::copy("static/content/index.json", content.join("index.json")).unwrap();
    for entry in std::fs::read_dir("static/content/domains").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, content.join("domains").join(path.file_name().unwrap())).unwrap();
    }
    content
}

/// Every file of the folder, by name, with its bytes.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn calibrate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_calibrate")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Two classes' files over the AI domain's items, answered with guessing at each type's
/// chance rate; then a 3PL with c from the types, written and linked back to itself.
#[test]
fn calibrates_response_files_into_a_parameters_file() {
    let bank = shipped_bank();
    let n = bank.items_in("ai").count();
    let items: Vec<(String, ItemParams)> = bank
        .items_in("ai")
        .map(|i| {
            let c = if matches!(i.question, Question::TrueFalse { .. }) { 0.49 } else { 0.1 };
            (i.id.clone(), ItemParams { a: 1.3, b: i.irt.b, c })
        })
        .collect();
    let dir = folder("calibrate");
    let mut rng = Rng::new(5);
    let mut paths = Vec::new();
    for (class, languages) in [("one", ["en", "fr"]), ("two", ["ar", "en"])] {
        let learners: Vec<(String, f64)> =
            (0..600).map(|i| (languages[i % 2].to_string(), rng.normal())).collect();
        let file = Design::complete(items.clone()).run(&learners, &mut rng);
        let path = dir.join(format!("{class}.json"));
        std::fs::write(&path, file.to_json()).unwrap();
        paths.push(path.to_string_lossy().into_owned());
    }
    let out = dir.join("calibration.json").to_string_lossy().into_owned();
    let mut args = vec!["--model", "3pl", "--c-from-types", "static/content", "--out", &out];
    args.extend(paths.iter().map(String::as_str));
    let run = calibrate(&args);
    let stdout = text(&run.stdout);
    assert!(run.status.success(), "{stdout}\n{}", text(&run.stderr));
    assert!(
        stdout.contains(&format!(
            "1200 learners (ar 300, en 600, fr 300), {n} items, {} responses; model 3pl",
            1200 * n
        )),
        "{stdout}"
    );
    assert!(stdout.contains("en-ar") && stdout.contains("en-fr") && stdout.contains("ar-fr"), "{stdout}");
    assert!(stdout.contains("converged"), "{stdout}");
    let written = ParamsFile::parse(&out, &std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written.items.len(), n, "{stdout}");
    for (id, calibrated) in &written.items {
        let question = &bank.item(id).unwrap().question;
        // The chance rate of the type as scored (tested in the bank's own tests), kept below
        // the model's bound of 0.5 (true/false: 0.49).
        let expected = question.chance().min(0.49);
        assert!(
            (calibrated.params.c - expected).abs() < 1e-4,
            "{id}: c {} for {question:?}",
            calibrated.params.c
        );
        assert_eq!(calibrated.n, 1_200);
    }
    // Linking to the file just written changes nothing.
    let mut args = vec!["--model", "3pl", "--c-from-types", "static/content", "--link", &out];
    args.extend(paths.iter().map(String::as_str));
    let stdout = text(&calibrate(&args).stdout);
    let line = stdout.lines().find(|l| l.starts_with("linked to")).unwrap_or_default();
    assert!(line.contains(&format!("through {n} anchor item(s): θ_current = 1.000 θ")), "{stdout}");
    assert!(line.ends_with("+0.000") || line.ends_with("-0.000"), "{line}");
}

#[test]
fn a_bad_file_is_reported_and_nothing_is_written() {
    let dir = folder("calibrate-bad");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"schema": 1, "kind": "kafaa-responses", "records": [{"language": "en", "mode": "quick", "name": "Amal", "responses": {"x": 3}}]}"#,
    )
    .unwrap();
    let out = dir.join("calibration.json");
    let run = calibrate(&["--out", &out.to_string_lossy(), &bad.to_string_lossy()]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr.contains("records[0].name: is not a known key"), "{stderr}");
    assert!(stderr.contains("item x, records[0].responses.x: must be from 0 to 1"), "{stderr}");
    assert!(!out.exists());
    let missing = calibrate(&[&dir.join("none.json").to_string_lossy()]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn bad_arguments_show_the_usage() {
    for args in [&[][..], &["--model", "4pl", "x.json"], &["--out"], &["--fast", "x.json"]] {
        let run = calibrate(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(text(&run.stderr).contains("usage: calibrate"), "{args:?}");
    }
}

/// `--apply`: each calibrated item's parameters go into its `irt` block in a copy of the
/// shipped bank, rounded to 3 decimals, and read back through the bank reader; items not
/// calibrated, and every other file, stay byte for byte as they were; a second calibration
/// replaces the blocks the first wrote.
#[test]
fn applies_the_calibrated_parameters_to_the_domain_files() {
    let shipped = shipped_bank();
    let dir = folder("calibrate-apply");
    let content = copy_of_bank(&dir);
    let shipped_ai = std::fs::read_to_string("static/content/domains/ai.json").unwrap();
    let others = || {
        files_in(&content.join("domains"))
            .into_iter()
            .filter(|(name, _)| name != "ai.json")
            .collect::<Vec<_>>()
    };
    let shipped_others = others();
    // Responses to 15 of the AI domain's 30 items: the other 15 are not calibrated.
    let items: Vec<(String, ItemParams)> = shipped
        .items_in("ai")
        .take(15)
        .map(|i| (i.id.clone(), ItemParams { a: 1.3, b: i.irt.b, c: 0.0 }))
        .collect();
    let out = dir.join("calibration.json").to_string_lossy().into_owned();
    let mut first: Option<Bank> = None;
    for seed in [7, 8] {
        let mut rng = Rng::new(seed);
        let learners: Vec<(String, f64)> = (0..600).map(|_| ("en".to_string(), rng.normal())).collect();
        let responses = dir.join("responses.json");
        std::fs::write(&responses, Design::complete(items.clone()).run(&learners, &mut rng).to_json())
            .unwrap();
        let run =
            calibrate(&["--out", &out, "--apply", &content.to_string_lossy(), &responses.to_string_lossy()]);
        let stdout = text(&run.stdout);
        assert!(run.status.success(), "{stdout}\n{}", text(&run.stderr));
        let ai_path = content.join("domains/ai.json");
        assert!(stdout.contains(&format!("applied 15 item(s) to {}", ai_path.display())), "{stdout}");
        assert!(stdout.contains("--example simulate -- --write"), "{stdout}");

        let written = ParamsFile::parse(&out, &std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(written.items.len(), 15, "{stdout}");
        let bank = bank_in(&content);
        for (id, calibrated) in &written.items {
            let read = bank.item(id).unwrap().irt;
            let pairs =
                [(read.a, calibrated.params.a), (read.b, calibrated.params.b), (read.c, calibrated.params.c)];
            for (applied, estimate) in pairs {
                assert!(
                    (applied - estimate).abs() <= 0.0005 + 1e-9,
                    "{id}: {read:?} for {:?}",
                    calibrated.params
                );
                assert!(
                    (applied * 1000.0 - (applied * 1000.0).round()).abs() < 1e-6,
                    "{id}: {applied}, 3 decimals"
                );
            }
        }
        for item in &shipped.items {
            if !written.items.contains_key(&item.id) {
                assert_eq!(bank.item(&item.id), Some(item), "{} is not calibrated", item.id);
            }
        }
        // One block per calibrated item, each on its own line: without those lines the file is
        // the shipped one, byte for byte. Every other domain file is untouched.
        let ai = std::fs::read_to_string(&ai_path).unwrap();
        assert_eq!(ai.matches("\"irt\"").count(), 15, "replaced, not added again");
        let without: String =
            ai.split_inclusive('\n').filter(|line| !line.starts_with("      \"irt\": {\"a\": ")).collect();
        assert_eq!(without, shipped_ai);
        assert!(others() == shipped_others);
        match &first {
            None => first = Some(bank),
            Some(before) => assert!(
                written.items.keys().any(|id| before.item(id).unwrap().irt != bank.item(id).unwrap().irt),
                "the second calibration's parameters replace the first's"
            ),
        }
    }
}

/// A domain file the bank reader refuses as it is: nothing is applied anywhere.
#[test]
fn nothing_is_applied_to_a_bank_with_a_problem() {
    let dir = folder("calibrate-apply-refused");
    let content = copy_of_bank(&dir);
    let web = content.join("domains/web.json");
    let broken = std::fs::read_to_string(&web).unwrap().replacen(
        "\"difficulty\": \"easy\"",
        "\"difficulty\": \"trivial\"",
        1,
    );
    std::fs::write(&web, broken).unwrap();
    let before = files_in(&content.join("domains"));
    let bank = shipped_bank();
    let items: Vec<(String, ItemParams)> =
        bank.items_in("ai").map(|i| (i.id.clone(), ItemParams { a: 1.0, b: i.irt.b, c: 0.0 })).collect();
    let responses = dir.join("responses.json");
    let learners: Vec<(String, f64)> =
        (0..200).map(|i| ("fr".to_string(), f64::from(i % 9) / 2.0 - 2.0)).collect();
    std::fs::write(&responses, Design::complete(items).run(&learners, &mut Rng::new(3)).to_json()).unwrap();
    let run = calibrate(&["--apply", &content.to_string_lossy(), &responses.to_string_lossy()]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("nothing applied:"), "{stderr}");
    assert!(stderr.contains(&format!("{}: the file has problems as it is", web.display())), "{stderr}");
    assert!(files_in(&content.join("domains")) == before, "no file written");
}
