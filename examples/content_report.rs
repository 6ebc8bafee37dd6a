//! Prints the content report: items per domain × difficulty × type, completeness per
//! language, code-reading items and sub-topics; then every problem if the content is invalid.
//! Run: `cargo run --example content_report`.

use kafaa::engine::content::whole_bank;
use kafaa::engine::report::render;

fn main() {
    let read = |path: &str| {
        let path = format!("static/content/{path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    };
    let problems = match whole_bank(read) {
        Ok((bank, problems)) => {
            print!("{}", render(&bank));
            problems
        }
        Err(problems) => problems,
    };
    if !problems.is_empty() {
        eprintln!("\n{} problem(s):", problems.len());
        for p in &problems {
            eprintln!("  {p}");
        }
        std::process::exit(1);
    }
}
