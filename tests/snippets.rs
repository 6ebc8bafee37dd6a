#![cfg(not(target_arch = "wasm32"))]
//! Every code snippet whose output an item keys is run, so a key can never state an output the
//! code does not print. An item's optional `run` block names the runner (`python3`, `node` or
//! `sqlite`), optional `setup` run first (tables for a query), and the `stdout` expected; the
//! app ignores the block. A single-choice option whose English text is that output must be
//! the key. Needs python3 and node, which `scripts/lib.sh` installs.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Runs SQL the way the sqlite3 shell prints it by default: each row's values joined by `|`,
/// NULL as nothing. Python's sqlite3 module rather than the shell, which Debian does not
/// install with python3.
const SQLITE: &str = r#"
import json, sqlite3, sys
job = json.load(sys.stdin)
db = sqlite3.connect(":memory:")
db.executescript(job["setup"])
statement = ""
for line in job["code"].splitlines(keepends=True):
    statement += line
    if sqlite3.complete_statement(statement):
        for row in db.execute(statement):
            print("|".join("" if v is None else str(v) for v in row))
        statement = ""
if statement.strip():
    for row in db.execute(statement):
        print("|".join("" if v is None else str(v) for v in row))
"#;

struct Run {
    id: String,
    with: String,
    setup: String,
    code: String,
    stdout: String,
    fails: bool,
}

/// Output compared line by line, without trailing spaces or blank lines at the end.
fn tidy(text: &str) -> String {
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim_end().to_string()
}

fn execute(run: &Run) -> (bool, String) {
    let (program, args, input): (&str, Vec<&str>, String) = match run.with.as_str() {
        "python3" => ("python3", vec!["-"], format!("{}\n{}", run.setup, run.code)),
        "node" => ("node", vec!["-"], format!("{}\n{}", run.setup, run.code)),
        "sqlite" => {
            let job = serde_json::json!({"setup": run.setup, "code": run.code});
            ("python3", vec!["-c", SQLITE], job.to_string())
        }
        other => panic!("{}: run.with is {other:?}; use python3, node or sqlite", run.id),
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: cannot start {program}: {e}", run.id));
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    (out.status.success(), text)
}

/// The `run` blocks of the shipped bank, checked for shape.
fn runs() -> Vec<(Run, Value)> {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let index: Value = serde_json::from_str(&read("static/content/index.json")).unwrap();
    let mut out = Vec::new();
    for domain in index["domains"].as_array().unwrap() {
        let path = format!("static/content/{}", domain["file"].as_str().unwrap());
        let file: Value = serde_json::from_str(&read(&path)).unwrap();
        for item in file["items"].as_array().unwrap() {
            let Some(block) = item.get("run") else { continue };
            let id = item["id"].as_str().unwrap().to_string();
            let text = |key: &str| {
                block.get(key).map(|v| v.as_str().unwrap_or_else(|| panic!("{id}: run.{key} is not text")))
            };
            let run = Run {
                with: text("with").unwrap_or_else(|| panic!("{id}: run.with is missing")).to_string(),
                setup: text("setup").unwrap_or("").to_string(),
                code: item["code"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{id}: a run block needs code"))
                    .to_string(),
                stdout: text("stdout").unwrap_or_else(|| panic!("{id}: run.stdout is missing")).to_string(),
                fails: block.get("fails").and_then(Value::as_bool).unwrap_or(false),
                id,
            };
            out.push((run, item.clone()));
        }
    }
    out
}

#[test]
fn every_snippet_prints_what_its_item_says() {
    let mut failures = Vec::new();
    let runs = runs();
    for (run, item) in &runs {
        let (ok, printed) = execute(run);
        let want = tidy(&run.stdout);
        let matches =
            if run.fails { !ok && printed.contains(want.as_str()) } else { ok && tidy(&printed) == want };
        if !matches {
            failures.push(format!("{} ({}): expected {want:?}, got {:?}", run.id, run.with, tidy(&printed)));
        }
        // An option that shows the output is the key, and only the key shows it.
        if item["type"] == "single_choice" {
            let flat = want.split_whitespace().collect::<Vec<_>>().join(" ");
            for option in item["options"].as_array().unwrap() {
                let shown = option["text"]["en"]
                    .as_str()
                    .unwrap_or("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                if !run.fails && shown == flat && option["id"] != item["answer"] {
                    failures.push(format!(
                        "{}: option {} shows the output but is not the key",
                        run.id, option["id"]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} snippets:\n{}", failures.len(), runs.len(), failures.join("\n"));
}

#[test]
fn a_wrong_output_is_caught() {
    let run = |code: &str, stdout: &str, with: &str| Run {
        id: "t".into(),
        with: with.into(),
        setup: if with == "sqlite" {
            "CREATE TABLE t(x); INSERT INTO t VALUES (1), (NULL);".into()
        } else {
            String::new()
        },
        code: code.into(),
        stdout: stdout.into(),
        fails: false,
    };
    assert_eq!(execute(&run("print(2 + 3)", "5", "python3")), (true, "5\n".to_string()));
    assert_eq!(execute(&run("console.log([1, 2].map(x => x * 2).join(','))", "", "node")).1, "2,4\n");
    assert_eq!(execute(&run("SELECT x, 'a' FROM t;", "", "sqlite")).1, "1|a\n|a\n");
    let (ok, text) = execute(&run("raise ValueError('no')", "", "python3"));
    assert!(!ok && text.contains("ValueError: no"), "{text}");
}
