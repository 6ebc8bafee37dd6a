//! Prints the content report: items per domain × difficulty × type, completeness per
//! language, code-reading items and sub-topics; or every problem if the content is invalid.
//! Run: `cargo run --example content_report`.

use kafaa::engine::bank::{Bank, DomainFile, Index};
use kafaa::engine::report::render;

fn main() {
    let read =
        |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let index = match Index::parse("content/index.json", &read("static/content/index.json")) {
        Ok(index) => index,
        Err(problems) => return fail(problems),
    };
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for entry in &index.domains {
        match DomainFile::parse(&index, entry, &read(&format!("static/content/{}", entry.file))) {
            Ok(file) => files.push((entry.id.clone(), file)),
            Err(p) => problems.extend(p),
        }
    }
    let bank = Bank::assemble(&index, |id| files.iter().find(|(d, _)| d == id).map(|(_, f)| f));
    print!("{}", render(&bank));
    if !problems.is_empty() {
        fail(problems);
    }
}

fn fail(problems: Vec<kafaa::engine::problem::Problem>) {
    eprintln!("\n{} problem(s):", problems.len());
    for p in &problems {
        eprintln!("  {p}");
    }
    std::process::exit(1);
}
