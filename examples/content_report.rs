//! Prints the content report: items per domain × difficulty × type, completeness per
//! language, code-reading items and sub-topics; then the item-writing lint (figures, every
//! violation, possible duplicates across domains). Exits with 1 if the content is invalid or
//! the lint finds a violation.
//! Run: `cargo run --example content_report`.

use kafaa::engine::content::glossary::{Glossary, GLOSSARY_FILE};
use kafaa::engine::content::lint::lint;
use kafaa::engine::content::whole_bank;
use kafaa::engine::report::{render, render_lint};

fn main() {
    let read = |path: &str| {
        let path = format!("static/{path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    };
    let mut problems: Vec<String> = Vec::new();
    let glossary = Glossary::parse(&read(GLOSSARY_FILE)).map_err(|p| problems.extend(p)).ok();
    match whole_bank(|path| read(&format!("content/{path}"))) {
        Ok((bank, invalid)) => {
            print!("{}", render(&bank));
            problems.extend(invalid.iter().map(ToString::to_string));
            if let Some(glossary) = glossary {
                let lint = lint(&bank, &glossary);
                print!("{}", render_lint(&lint));
                problems.extend(lint.violations.iter().map(ToString::to_string));
            }
        }
        Err(invalid) => problems.extend(invalid.iter().map(ToString::to_string)),
    }
    if !problems.is_empty() {
        eprintln!("\n{} problem(s):", problems.len());
        for p in &problems {
            eprintln!("  {p}");
        }
        std::process::exit(1);
    }
}
