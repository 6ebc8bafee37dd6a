#![cfg(not(target_arch = "wasm32"))]
//! The `calibrate` command end to end: response files in, a table and a parameters file out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kafaa::engine::bank::{Bank, Question};
use kafaa::engine::calibration::params_file::ParamsFile;
use kafaa::engine::calibration::simulate::Design;
use kafaa::engine::content::whole_bank;
use kafaa::engine::irt::ItemParams;
use kafaa::engine::rng::Rng;

fn shipped_bank() -> Bank {
    let read = |path: &str| std::fs::read_to_string(format!("static/content/{path}")).unwrap();
    let (bank, problems) = whole_bank(read).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    bank
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
        stdout.contains("1200 learners (ar 300, en 600, fr 300), 30 items, 36000 responses; model 3pl"),
        "{stdout}"
    );
    assert!(stdout.contains("en-ar") && stdout.contains("en-fr") && stdout.contains("ar-fr"), "{stdout}");
    assert!(stdout.contains("converged"), "{stdout}");
    let written = ParamsFile::parse(&out, &std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written.items.len(), 30, "{stdout}");
    for (id, calibrated) in &written.items {
        let question = &bank.item(id).unwrap().question;
        let expected = match question {
            Question::TrueFalse { .. } => 0.49,
            Question::SingleChoice { options, .. } => 1.0 / options.len() as f64,
            Question::MultipleSelect { options, .. } => 1.0 / (2f64.powi(options.len() as i32) - 1.0),
            Question::Ordering { options, .. } | Question::Matching { options, .. } => {
                1.0 / (1..=options.len()).map(|k| k as f64).product::<f64>()
            }
        };
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
    assert!(line.contains("through 30 anchor item(s): θ_current = 1.000 θ"), "{stdout}");
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
