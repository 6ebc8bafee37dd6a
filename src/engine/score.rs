//! Scoring an attempt: right or wrong per item, tallies per domain and overall.

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
    pub answer: Option<&'a Answer>,
    pub correct: bool,
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

/// Whether `answer` is right for `question`; an answer of the wrong shape is wrong.
pub fn is_correct(question: &Question, answer: &Answer) -> bool {
    match (question, answer) {
        (Question::SingleChoice { answer: key, .. }, Answer::Choice(given)) => key == given,
        (Question::MultipleSelect { answers: key, .. }, Answer::Choices(given)) => key == given,
        (Question::TrueFalse { answer: key }, Answer::Bool(given)) => key == given,
        _ => false,
    }
}

/// The keyed (right) answer of a question.
pub fn key(question: &Question) -> Answer {
    match question {
        Question::SingleChoice { answer, .. } => Answer::Choice(answer.clone()),
        Question::MultipleSelect { answers, .. } => Answer::Choices(answers.clone()),
        Question::TrueFalse { answer } => Answer::Bool(*answer),
    }
}

pub fn score<'a>(bank: &'a Bank, attempt: &'a Attempt) -> Score<'a> {
    let mut overall = Tally::default();
    let mut domains: Vec<(String, Tally)> =
        attempt.domains.iter().map(|d| (d.clone(), Tally::default())).collect();
    let mut review = Vec::new();
    let mut unavailable = 0;
    for (id, answer) in attempt.items.iter().zip(&attempt.answers) {
        let Some(item) = bank.item(id) else {
            unavailable += 1;
            continue;
        };
        let correct = answer.as_ref().is_some_and(|a| is_correct(&item.question, a));
        overall.add(correct);
        if let Some((_, tally)) = domains.iter_mut().find(|(d, _)| *d == item.domain) {
            tally.add(correct);
        }
        review.push(Reviewed { item, answer: answer.as_ref(), correct });
    }
    Score { overall, domains, review, unavailable }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::testing::{right_answer, sample_bank};

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(Tally { correct: 1, total: 3 }.percent(), 33);
        assert_eq!(Tally { correct: 2, total: 3 }.percent(), 67);
        assert_eq!(Tally { correct: 1, total: 8 }.percent(), 13);
        assert_eq!(Tally::default().percent(), 0);
    }

    #[test]
    fn scores_per_domain_and_overall() {
        let bank = sample_bank(2, 4);
        let mut a = Attempt::new(&bank, &["d0".into(), "d1".into()], 4, 11, 0.0).unwrap();
        for i in 0..a.items.len() {
            let item = bank.item(&a.items[i]).unwrap();
            if item.domain == "d0" {
                a.answers[i] = Some(right_answer(item));
            }
        }
        let s = score(&bank, &a);
        assert_eq!(s.overall, Tally { correct: 4, total: 8 });
        assert_eq!(
            s.domains,
            vec![
                ("d0".into(), Tally { correct: 4, total: 4 }),
                ("d1".into(), Tally { correct: 0, total: 4 })
            ]
        );
        assert_eq!(s.review.len(), 8);
    }

    #[test]
    fn wrong_shapes_and_missing_items_do_not_count_as_right() {
        let bank = sample_bank(1, 3);
        let mut a = Attempt::new(&bank, &["d0".into()], 3, 1, 0.0).unwrap();
        for slot in &mut a.answers {
            *slot = Some(Answer::Choices(Default::default()));
        }
        a.items[0] = "gone".into();
        let s = score(&bank, &a);
        assert_eq!(s.unavailable, 1);
        assert_eq!(s.overall, Tally { correct: 0, total: 2 });
    }

    proptest! {
        #[test]
        fn each_right_answer_adds_exactly_one(seed: u64, mask: u16) {
            let bank = sample_bank(3, 6);
            let mut a = Attempt::new(&bank, &["d0".into(), "d1".into(), "d2".into()], 4, seed, 0.0).unwrap();
            let mut expected = 0;
            for i in 0..a.items.len() {
                if mask & (1 << i) != 0 {
                    a.answers[i] = Some(right_answer(bank.item(&a.items[i]).unwrap()));
                    expected += 1;
                }
            }
            let s = score(&bank, &a);
            prop_assert_eq!(s.overall.correct, expected);
            prop_assert_eq!(s.domains.iter().map(|(_, t)| t.correct).sum::<usize>(), expected);
            prop_assert!(s.overall.percent() <= 100);
        }
    }
}
