//! The content report: counts per domain × difficulty × question type, and per language, so
//! authors see gaps at a glance (`cargo run --example content_report`); and the item-writing
//! lint's figures and violations.

use std::fmt::Write;

use super::bank::{Bank, Difficulty, Question};
use super::content::lint::{Lint, KEYED_TRUE, KEY_LONGEST_MAX, ONE_KEY_SIZE_MAX};
use super::sorted::SortedMap;

/// The question types, in report order.
pub const TYPES: [&str; 5] = ["single_choice", "multiple_select", "true_false", "ordering", "matching"];

/// Counts for one domain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DomainCounts {
    pub domain: String,
    pub total: usize,
    /// Items per (type, difficulty); difficulty as 0 easy, 1 medium, 2 hard.
    pub cells: SortedMap<(&'static str, usize), usize>,
    /// Items whose every text exists in the language.
    pub languages: SortedMap<String, usize>,
    pub with_code: usize,
    pub subtopics: SortedMap<String, usize>,
}

impl DomainCounts {
    pub fn of_type(&self, kind: &str) -> usize {
        self.cells.iter().filter(|((k, _), _)| *k == kind).map(|(_, n)| n).sum()
    }

    pub fn of_difficulty(&self, difficulty: usize) -> usize {
        self.cells.iter().filter(|((_, d), _)| *d == difficulty).map(|(_, n)| n).sum()
    }
}

pub fn type_name(question: &Question) -> &'static str {
    match question {
        Question::SingleChoice { .. } => TYPES[0],
        Question::MultipleSelect { .. } => TYPES[1],
        Question::TrueFalse { .. } => TYPES[2],
        Question::Ordering { .. } => TYPES[3],
        Question::Matching { .. } => TYPES[4],
    }
}

pub fn count(bank: &Bank) -> Vec<DomainCounts> {
    bank.domains
        .iter()
        .map(|d| {
            let mut c = DomainCounts { domain: d.id.clone(), ..DomainCounts::default() };
            for s in &d.subtopics {
                c.subtopics.insert(s.id.clone(), 0);
            }
            for item in bank.items_in(&d.id) {
                c.total += 1;
                let difficulty = match item.difficulty {
                    Difficulty::Easy => 0,
                    Difficulty::Medium => 1,
                    Difficulty::Hard => 2,
                };
                *c.cells.entry((type_name(&item.question), difficulty)).or_default() += 1;
                *c.subtopics.entry(item.subtopic.clone()).or_default() += 1;
                c.with_code += usize::from(item.code.is_some());
                for lang in &bank.languages {
                    let texts = item
                        .question
                        .options()
                        .iter()
                        .map(|o| &o.text)
                        .chain([&item.stem, &item.explanation]);
                    if texts.into_iter().all(|t| t.0.contains_key(lang)) {
                        *c.languages.entry(lang.clone()).or_default() += 1;
                    }
                }
            }
            c
        })
        .collect()
}

/// The report as text: one block per domain, types down, difficulties across.
pub fn render(bank: &Bank) -> String {
    let mut out = String::new();
    let counts = count(bank);
    let _ = writeln!(
        out,
        "Content report: {} domains, {} items, languages {}",
        counts.len(),
        bank.items.len(),
        bank.languages.join(", ")
    );
    for c in &counts {
        let _ = writeln!(out, "\n{} — {} items, {} with code", c.domain, c.total, c.with_code);
        let _ = writeln!(out, "  {:<16} {:>5} {:>7} {:>5} {:>6}", "type", "easy", "medium", "hard", "total");
        for kind in TYPES {
            let cell = |d| c.cells.get(&(kind, d)).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "  {kind:<16} {:>5} {:>7} {:>5} {:>6}",
                cell(0),
                cell(1),
                cell(2),
                c.of_type(kind)
            );
        }
        let _ = writeln!(
            out,
            "  {:<16} {:>5} {:>7} {:>5} {:>6}",
            "all",
            c.of_difficulty(0),
            c.of_difficulty(1),
            c.of_difficulty(2),
            c.total
        );
        let langs: Vec<String> = bank
            .languages
            .iter()
            .map(|l| format!("{l} {}", c.languages.get(l).copied().unwrap_or(0)))
            .collect();
        let _ = writeln!(out, "  complete in: {}", langs.join(", "));
        let subs: Vec<String> = c.subtopics.iter().map(|(s, n)| format!("{s} {n}")).collect();
        let _ = writeln!(out, "  sub-topics: {}", subs.join(", "));
    }
    out
}

/// The lint as text: its figures per domain beside their limits, every violation, and the
/// cross-domain pairs an author should look at.
pub fn render_lint(lint: &Lint) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nItem-writing lint (limits: key longest ≤ {:.0}% · keyed true {:.0}–{:.0}% · one key size ≤ {:.0}%)",
        100.0 * KEY_LONGEST_MAX,
        100.0 * KEYED_TRUE.start(),
        100.0 * KEYED_TRUE.end(),
        100.0 * ONE_KEY_SIZE_MAX
    );
    let _ = writeln!(
        out,
        "  {:<14} {:>12} {:>12} multiple-select key sizes",
        "domain", "key longest", "keyed true"
    );
    for f in &lint.figures {
        let sizes: Vec<String> = f.key_sizes.iter().map(|(size, n)| format!("{n}×{size}")).collect();
        let _ = writeln!(
            out,
            "  {:<14} {:>11.0}% {:>5} of {:<3} {}",
            f.domain,
            100.0 * f.key_longest_share(),
            f.keyed_true,
            f.true_false,
            sizes.join(" ")
        );
    }
    let _ = writeln!(out, "  {} violation(s)", lint.violations.len());
    for v in &lint.violations {
        let _ = writeln!(out, "    {v}");
    }
    let _ = writeln!(out, "  possible duplicate concepts across domains: {}", lint.near_duplicates.len());
    for (a, b) in &lint.near_duplicates {
        let _ = writeln!(out, "    {a} ~ {b}");
    }
    out
}
