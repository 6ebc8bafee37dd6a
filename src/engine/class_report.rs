//! A class at a glance, recomputed from the students' raw responses: each student's levels,
//! the spread of levels per domain, and item analysis (proportion correct, point-biserial
//! discrimination, how often each option was chosen, flags); CSV for spreadsheets, and the
//! anonymous response file that calibration pools across classes.

use std::borrow::Borrow;
use std::cell::OnceCell;

use super::assessment::{Placement, Settings};
use super::attempt::{Answer, Attempt};
use super::bank::{Bank, Item, Question};
use super::calibration::responses::{Record, ResponseFile, UNDETERMINED};
use super::irt::{eap_from_terms, Estimate, GridTerms};
use super::result_code::verify::{Mismatch, SessionCheck};
use super::result_code::Submission;
use super::score::{score, Tally};
use super::session::Session;
use super::sorting::sort_stable_by;

pub mod xapi;

/// Below this proportion correct an item is flagged as almost nobody's.
pub const HARD_P: f64 = 0.2;
/// Above this, everybody's.
pub const EASY_P: f64 = 0.95;
/// Discrimination needs at least this many students who took the item.
pub const MIN_FOR_DISCRIMINATION: usize = 5;

/// One student's results, rescored.
#[derive(Clone, Debug, PartialEq)]
pub struct StudentRow {
    pub label: String,
    pub attempt: Attempt,
    /// Per session domain, in the session's order; `None` where no item was answered.
    pub domains: Vec<Option<DomainResult>>,
    pub overall: Tally,
    /// How the code does not match its session (`Submission::verify`): shown on its row, so
    /// the teacher sees a forged or damaged code instead of a silently scored one.
    pub mismatches: Vec<Mismatch>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DomainResult {
    pub estimate: Estimate,
    pub placement: Placement,
    pub tally: Tally,
}

/// What to look at in an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Fewer than [`HARD_P`] of the students got it right.
    AlmostNobodyRight,
    /// More than [`EASY_P`] got it right: it tells little about this class.
    EveryoneRight,
    /// Students who did well elsewhere did worse on it: a key or wording to check.
    NegativeDiscrimination,
    /// A wrong option nobody chose: it distracts nobody.
    UnusedDistractor(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemStats {
    pub item: Item,
    /// Students who were asked it, and who got it right.
    pub asked: usize,
    pub correct: usize,
    /// How many chose each option (choice and true/false items; empty for the others), in
    /// the item's option order; true/false count as options `true` and `false`.
    pub choices: Vec<(String, usize)>,
    /// Corrected point-biserial correlation with the rest of the test.
    pub discrimination: Option<f64>,
    pub flags: Vec<Flag>,
}

impl ItemStats {
    pub fn p(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            self.correct as f64 / self.asked as f64
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassReport {
    pub students: Vec<StudentRow>,
    /// Per session domain: how many students are at each level.
    pub distribution: Vec<(String, Vec<usize>)>,
    /// Every item asked, most missed first.
    pub items: Vec<ItemStats>,
}

impl ClassReport {
    /// Rescores every submission of `session` and analyses the class.
    /// (`S`: a `Submission`, or one shared, as the app keeps opened codes.)
    pub fn build<S: Borrow<Submission>>(
        bank: &Bank,
        settings: &Settings,
        session: &Session,
        submissions: &[S],
    ) -> Self {
        let submissions: Vec<&Submission> = submissions.iter().map(Borrow::borrow).collect();
        // Each item's likelihood terms once for the class, not once per student, by position.
        let terms: Vec<OnceCell<GridTerms>> = bank.items.iter().map(|_| OnceCell::new()).collect();
        let check = SessionCheck::new(session, bank, settings);
        let (students, marks): (Vec<StudentRow>, Vec<Vec<Mark>>) =
            submissions.iter().map(|s| student(bank, settings, session, s, &terms, &check)).unzip();
        let distribution = session
            .domains
            .iter()
            .enumerate()
            .map(|(d, domain)| {
                let mut counts = vec![0; settings.levels.len()];
                for row in &students {
                    if let Some(Some(r)) = row.domains.get(d) {
                        if let Some(c) = counts.get_mut(r.placement.level) {
                            *c += 1;
                        }
                    }
                }
                (domain.clone(), counts)
            })
            .collect();
        let items = item_analysis(bank, &students, &marks);
        ClassReport { students, distribution, items }
    }

    /// The class as an anonymous response file for calibration: per student, right or wrong
    /// on each item they answered (unanswered and unknown items left out), the session's
    /// mode, and the language. A result code does not carry the interface language the
    /// student used, so the language is the session's when it allows exactly one, and
    /// [`UNDETERMINED`] (`und`) otherwise. No name, label or attempt id; records sorted.
    pub fn response_file(&self, bank: &Bank, session: &Session) -> ResponseFile {
        let language = match session.languages.as_slice() {
            [only] => only.as_str(),
            _ => UNDETERMINED,
        };
        // A student's attempt has the session's mode (`Submission::to_attempt`).
        ResponseFile::anonymous(self.students.iter().map(|s| Record::answered(bank, &s.attempt, language)))
    }
}

/// One answer of a student's attempt to an item the bank has: the answer's place in the
/// attempt, the item's position in the bank, right or wrong. Scored once, read by the
/// student's row and the item analysis.
struct Mark {
    answer: usize,
    position: usize,
    right: bool,
}

fn student(
    bank: &Bank,
    settings: &Settings,
    session: &Session,
    submission: &Submission,
    terms: &[OnceCell<GridTerms>],
    check: &SessionCheck,
) -> (StudentRow, Vec<Mark>) {
    let attempt = submission.to_attempt(session, bank);
    let score = score(bank, &attempt);
    // `attempt_of` keeps only the items the bank has, so every answer is reviewed, in order.
    let marks: Vec<Mark> = score
        .review
        .iter()
        .enumerate()
        .map(|(answer, r)| Mark { answer, position: r.position, right: r.correct })
        .collect();
    let domains = session
        .domains
        .iter()
        .map(|d| {
            let tally = score.domains.iter().find(|(x, _)| x == d).map(|(_, t)| *t)?;
            // As `cat::estimates` scores a finished attempt: in order, unanswered as wrong.
            let responses: Vec<(&GridTerms, bool)> = score
                .review
                .iter()
                .filter(|r| &r.item.domain == d)
                .map(|r| (terms[r.position].get_or_init(|| r.item.irt.grid_terms()), r.correct))
                .collect();
            let estimate = eap_from_terms(&responses);
            (tally.total > 0).then(|| DomainResult { estimate, placement: settings.place(estimate), tally })
        })
        .collect();
    let mismatches = check.check(submission);
    let overall = score.overall;
    (StudentRow { label: submission.label.clone(), domains, overall, attempt, mismatches }, marks)
}

/// Counts the options a single answer chose (true/false as options `true` and `false`).
fn count_chosen(counts: &mut [(String, usize)], answer: &Answer) {
    let mut add = |option: &str| {
        if let Some(c) = counts.iter_mut().find(|(o, _)| o == option) {
            c.1 += 1;
        }
    };
    match answer {
        Answer::Choice(id) => add(id),
        Answer::Choices(ids) => ids.iter().for_each(|id| add(id)),
        Answer::Bool(b) => add(if *b { "true" } else { "false" }),
        Answer::Order(_) | Answer::Pairs(_) => {}
    }
}

/// The options an item's answers are counted over, with the keyed ones.
fn options(question: &Question) -> Vec<(String, bool)> {
    match question {
        Question::SingleChoice { options, answer } => {
            options.iter().map(|o| (o.id.clone(), &o.id == answer)).collect()
        }
        Question::MultipleSelect { options, answers } => {
            options.iter().map(|o| (o.id.clone(), answers.contains(&o.id))).collect()
        }
        Question::TrueFalse { answer, .. } => vec![("true".into(), *answer), ("false".into(), !*answer)],
        _ => Vec::new(),
    }
}

fn item_analysis(bank: &Bank, students: &[StudentRow], marks: &[Vec<Mark>]) -> Vec<ItemStats> {
    // Per student, each item taken, by its position in the bank (the last answer where a code
    // gives an item twice): right or wrong, and the answer. Positions, not ids: a class of
    // 2,000 spent 30 ms comparing and hashing item ids here.
    let marks: Vec<Vec<(usize, bool, Option<&Answer>)>> = students
        .iter()
        .zip(marks)
        .map(|(s, student_marks)| {
            let mut m: Vec<(usize, bool, Option<&Answer>)> = Vec::with_capacity(student_marks.len());
            for mark in student_marks {
                let (at, answer) = (mark.position, s.attempt.answers[mark.answer].as_ref());
                match m.iter_mut().find(|(p, ..)| *p == at) {
                    Some(taken) => *taken = (at, mark.right, answer),
                    None => m.push((at, mark.right, answer)),
                }
            }
            m
        })
        .collect();
    // Items in the order they first appear, student by student, each student's by id.
    let mut order: Vec<usize> = Vec::new();
    let mut takers: Vec<Vec<(usize, bool, Option<&Answer>)>> = vec![Vec::new(); bank.items.len()];
    for (student, m) in marks.iter().enumerate() {
        let new_from = order.len();
        for &(at, right, answer) in m {
            if takers[at].is_empty() {
                order.push(at);
            }
            takers[at].push((student, right, answer));
        }
        sort_stable_by(&mut order[new_from..], |a, b| bank.items[*a].id.cmp(&bank.items[*b].id));
    }
    // Each student's right answers and items, for the rest score of every item in one pass.
    let totals: Vec<(usize, usize)> =
        marks.iter().map(|m| (m.iter().filter(|(_, r, _)| *r).count(), m.len())).collect();
    let mut stats: Vec<ItemStats> = order
        .into_iter()
        .map(|at| {
            let item = &bank.items[at];
            let keyed = options(&item.question);
            let mut counts: Vec<(String, usize)> =
                keyed.iter().map(|(option, _)| (option.clone(), 0)).collect();
            // (right on this item, proportion right on the others) per student who took it.
            let mut pairs: Vec<(f64, f64)> = Vec::with_capacity(takers[at].len());
            for &(student, right, answer) in &takers[at] {
                if let Some(answer) = answer {
                    count_chosen(&mut counts, answer);
                }
                let (rights, count) = totals[student];
                let others = count - 1;
                let rest =
                    if others == 0 { 0.0 } else { (rights - usize::from(right)) as f64 / others as f64 };
                pairs.push((f64::from(u8::from(right)), rest));
            }
            let asked = pairs.len();
            let correct = pairs.iter().filter(|(x, _)| *x > 0.5).count();
            let discrimination = (asked >= MIN_FOR_DISCRIMINATION).then(|| pearson(&pairs)).flatten();
            let mut s = ItemStats {
                item: item.clone(),
                asked,
                correct,
                choices: counts,
                discrimination,
                flags: Vec::new(),
            };
            let p = s.p();
            if asked > 0 && p < HARD_P {
                s.flags.push(Flag::AlmostNobodyRight);
            }
            if asked > 0 && p > EASY_P {
                s.flags.push(Flag::EveryoneRight);
            }
            if discrimination.is_some_and(|r| r < 0.0) {
                s.flags.push(Flag::NegativeDiscrimination);
            }
            if asked >= MIN_FOR_DISCRIMINATION {
                for ((option, is_key), (_, n)) in keyed.iter().zip(&s.choices) {
                    if !is_key && *n == 0 {
                        s.flags.push(Flag::UnusedDistractor(option.clone()));
                    }
                }
            }
            s
        })
        .collect();
    sort_stable_by(&mut stats, |a, b| a.p().total_cmp(&b.p()));
    stats
}

/// Pearson correlation of the pairs; `None` when either side does not vary.
fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    let (mx, my) = pairs.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 1e-12 && syy > 1e-12).then(|| sxy / (sxx * syy).sqrt())
}

/// A table as CSV that spreadsheet programs open correctly: UTF-8 with a byte-order mark
/// (so Excel reads Arabic and accents right), CRLF line ends, fields quoted when needed.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                // A leading = + - @ (or a TAB or CR before one, which spreadsheets skip) would
                // be read as a formula: quote it and prefix a '.
                let formula = f.starts_with(['=', '+', '-', '@', '\t', '\r']) && f.parse::<f64>().is_err();
                let f = if formula { format!("'{f}") } else { f.clone() };
                if f.contains([',', '"', '\n', '\r']) || f.starts_with('\'') {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
