//! Scoring an attempt: right or wrong per item, tallies per domain and overall.

use super::assessment::CertaintyLevel;
use super::attempt::{Answer, Attempt};
use super::bank::{Bank, Item, Question};

/// Correct answers out of items asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    /// Whole percent, rounded half up; 0 for an empty tally.
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        ((self.correct * 200 + self.total) / (self.total * 2)) as u32
    }

    fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }
}

/// One line of the answer review.
#[derive(Clone, Debug, PartialEq)]
pub struct Reviewed<'a> {
    pub item: &'a Item,
    /// The item's position in the bank.
    pub position: usize,
    pub answer: Option<&'a Answer>,
    pub correct: bool,
    /// A pilot item: reviewed like the others, counted in no tally.
    pub pilot: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score<'a> {
    pub overall: Tally,
    /// Per domain, in the order the attempt chose them.
    pub domains: Vec<(String, Tally)>,
    pub review: Vec<Reviewed<'a>>,
    /// Items of the attempt that the bank no longer has; they are left out of the tallies.
    pub unavailable: usize,
}

/// How a learner's certainty compared with their accuracy in a domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calibration {
    /// Accuracy at each certainty level fell in the range that level is meant for.
    Good,
    /// Right less often than the certainty chosen implies.
    Over,
    /// Right more often than the certainty chosen implies.
    Under,
    /// No certainty level was used often enough to judge.
    TooFew,
}

/// Certainty-based marking in one domain.
#[derive(Clone, Debug, PartialEq)]
pub struct CertaintyReport {
    pub marks: i32,
    pub answered: usize,
    /// Right answers out of answers at each certainty level.
    pub per_level: Vec<Tally>,
    pub calibration: Calibration,
}

/// Answers needed at a certainty level before its accuracy is judged.
const MIN_TO_JUDGE: usize = 2;

/// Marks and calibration of the answers given with a certainty in `domain`.
pub fn certainty_report(
    bank: &Bank,
    attempt: &Attempt,
    levels: &[CertaintyLevel],
    domain: &str,
) -> CertaintyReport {
    let mut per_level = vec![Tally::default(); levels.len()];
    let mut marks = 0;
    let mut answered = 0;
    for ((id, answer), certainty) in attempt.items.iter().zip(&attempt.answers).zip(&attempt.certainties) {
        let (Some(item), Some(answer), Some(level)) = (bank.item(id), answer, certainty) else { continue };
        let (Some(scheme), Some(tally)) = (levels.get(*level), per_level.get_mut(*level)) else { continue };
        if item.domain != domain || bank.is_pilot(id) {
            continue;
        }
        let right = is_correct(&item.question, answer);
        tally.add(right);
        marks += if right { scheme.right } else { scheme.wrong };
        answered += 1;
    }
    let judged: Vec<(f64, &CertaintyLevel)> = per_level
        .iter()
        .zip(levels)
        .filter(|(t, _)| t.total >= MIN_TO_JUDGE)
        .map(|(t, l)| (t.correct as f64 / t.total as f64, l))
        .collect();
    let calibration = if judged.is_empty() {
        Calibration::TooFew
    } else if judged.iter().any(|(acc, l)| *acc < l.sure_from) {
        Calibration::Over
    } else if judged.iter().any(|(acc, l)| *acc >= l.sure_to) {
        Calibration::Under
    } else {
        Calibration::Good
    };
    CertaintyReport { marks, answered, per_level, calibration }
}

/// Whether `answer` is right for `question`; an answer of the wrong shape is wrong.
pub fn is_correct(question: &Question, answer: &Answer) -> bool {
    match (question, answer) {
        (Question::SingleChoice { answer: key, .. }, Answer::Choice(given)) => key == given,
        (Question::MultipleSelect { answers: key, .. }, Answer::Choices(given)) => key == given,
        (Question::TrueFalse { answer: key }, Answer::Bool(given)) => key == given,
        (Question::Ordering { order, .. }, Answer::Order(given)) => order == given,
        (Question::Matching { pairs, .. }, Answer::Pairs(given)) => pairs == given,
        _ => false,
    }
}

/// The keyed (right) answer of a question.
pub fn key(question: &Question) -> Answer {
    match question {
        Question::SingleChoice { answer, .. } => Answer::Choice(answer.clone()),
        Question::MultipleSelect { answers, .. } => Answer::Choices(answers.clone()),
        Question::TrueFalse { answer } => Answer::Bool(*answer),
        Question::Ordering { order, .. } => Answer::Order(order.clone()),
        Question::Matching { pairs, .. } => Answer::Pairs(pairs.clone()),
    }
}

/// A plausible wrong answer: another option, the first unkeyed option alone, the opposite, the
/// reversed order, or rotated pairs.
/// Used by simulated examinees.
pub fn wrong_answer(question: &Question) -> Answer {
    let options = question.options();
    match question {
        Question::SingleChoice { answer, .. } => {
            Answer::Choice(options.iter().find(|o| &o.id != answer).map(|o| o.id.clone()).unwrap_or_default())
        }
        Question::MultipleSelect { answers, .. } => Answer::Choices(
            options.iter().find(|o| !answers.contains(&o.id)).map(|o| o.id.clone()).into_iter().collect(),
        ),
        Question::TrueFalse { answer } => Answer::Bool(!answer),
        // The right order reversed; validation guarantees at least three options.
        Question::Ordering { order, .. } => Answer::Order(order.iter().rev().cloned().collect()),
        // Every option given the next option's target (a rotation), so none is right.
        Question::Matching { pairs, .. } => {
            let targets: Vec<&String> = pairs.values().collect();
            Answer::Pairs(
                pairs
                    .keys()
                    .enumerate()
                    .map(|(i, k)| (k.clone(), targets[(i + 1) % targets.len()].clone()))
                    .collect(),
            )
        }
    }
}

pub fn score<'a>(bank: &'a Bank, attempt: &'a Attempt) -> Score<'a> {
    let mut overall = Tally::default();
    let mut domains: Vec<(String, Tally)> =
        attempt.domains.iter().map(|d| (d.clone(), Tally::default())).collect();
    let mut review = Vec::new();
    let mut unavailable = 0;
    for (id, answer) in attempt.items.iter().zip(&attempt.answers) {
        let Some(position) = bank.position(id) else {
            unavailable += 1;
            continue;
        };
        let item = &bank.items[position];
        let correct = answer.as_ref().is_some_and(|a| is_correct(&item.question, a));
        let pilot = bank.is_pilot_at(position);
        if !pilot {
            overall.add(correct);
            if let Some((_, tally)) = domains.iter_mut().find(|(d, _)| *d == item.domain) {
                tally.add(correct);
            }
        }
        review.push(Reviewed { item, position, answer: answer.as_ref(), correct, pilot });
    }
    Score { overall, domains, review, unavailable }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
