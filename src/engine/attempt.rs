//! An attempt: which items were drawn, in which order, and what the learner answered.
//!
//! An attempt is plain data so that it can be saved after every answer and resumed exactly.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::bank::{Bank, Item};
use super::rng::Rng;

/// What the learner gave for one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// One option id (single choice).
    Choice(String),
    /// Several option ids (multiple select).
    Choices(BTreeSet<String>),
    /// True or false.
    Bool(bool),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: String,
    /// The bank the items come from.
    pub bank: String,
    /// The seed the items were drawn with, kept so the draw can be reproduced.
    pub seed: u64,
    pub domains: Vec<String>,
    /// Item ids in the order they are asked.
    pub items: Vec<String>,
    /// One slot per item; `None` until answered.
    pub answers: Vec<Option<Answer>>,
    /// Index of the question on screen.
    pub current: usize,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
    pub finished_at: Option<f64>,
}

/// Why an attempt cannot be built or resumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttemptError {
    NoDomains,
    UnknownDomain(String),
    /// Stored data whose parts do not fit together.
    Inconsistent(&'static str),
}

impl Attempt {
    /// Draws up to `per_domain` items from each chosen domain, spreading difficulties, and
    /// orders the quiz from easier to harder so that it starts with a warm-up.
    pub fn new(
        bank: &Bank,
        domains: &[String],
        per_domain: usize,
        seed: u64,
        now: f64,
    ) -> Result<Attempt, AttemptError> {
        if domains.is_empty() || per_domain == 0 {
            return Err(AttemptError::NoDomains);
        }
        let mut rng = Rng::new(seed);
        let mut chosen: Vec<&Item> = Vec::new();
        for domain in domains {
            if bank.domain(domain).is_none() {
                return Err(AttemptError::UnknownDomain(domain.clone()));
            }
            let mut pool: Vec<&Item> = bank.items_in(domain).collect();
            rng.shuffle(&mut pool);
            // Stable sort after the shuffle: random within a difficulty, then deal round-robin
            // across difficulties so a short quiz still mixes easy, medium and hard items.
            pool.sort_by_key(|i| i.difficulty);
            chosen.extend(round_robin_by_difficulty(pool).into_iter().take(per_domain));
        }
        rng.shuffle(&mut chosen);
        chosen.sort_by_key(|i| i.difficulty);
        let items: Vec<String> = chosen.iter().map(|i| i.id.clone()).collect();
        Ok(Attempt {
            id: format!("{:x}-{:x}", now as u64, seed),
            bank: bank.id.clone(),
            seed,
            domains: domains.to_vec(),
            answers: vec![None; items.len()],
            items,
            current: 0,
            started_at: now,
            finished_at: None,
        })
    }

    /// Checks that stored parts fit together, so the UI never indexes out of range.
    pub fn check(&self) -> Result<(), AttemptError> {
        if self.items.is_empty() {
            return Err(AttemptError::Inconsistent("an attempt without items"));
        }
        if self.answers.len() != self.items.len() {
            return Err(AttemptError::Inconsistent("answers do not match items"));
        }
        if self.current >= self.items.len() {
            return Err(AttemptError::Inconsistent("current question out of range"));
        }
        Ok(())
    }

    pub fn current_item_id(&self) -> &str {
        self.items.get(self.current).map(String::as_str).unwrap_or("")
    }

    pub fn current_answer(&self) -> Option<&Answer> {
        self.answers.get(self.current).and_then(Option::as_ref)
    }

    /// Records (or clears, with `None`) the answer to the question on screen.
    pub fn answer(&mut self, answer: Option<Answer>) {
        if let Some(slot) = self.answers.get_mut(self.current) {
            *slot = answer;
        }
    }

    /// Moves to question `index`, clamped to the quiz.
    pub fn go_to(&mut self, index: usize) {
        self.current = index.min(self.items.len().saturating_sub(1));
    }

    pub fn is_last(&self) -> bool {
        self.current + 1 >= self.items.len()
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Positions (0-based) of questions not answered yet.
    pub fn unanswered(&self) -> Vec<usize> {
        self.answers.iter().enumerate().filter(|(_, a)| a.is_none()).map(|(i, _)| i).collect()
    }
}

/// Deals items sorted by difficulty into easy, medium, hard, easy, medium, hard, ...
fn round_robin_by_difficulty(sorted: Vec<&Item>) -> Vec<&Item> {
    let mut buckets: Vec<Vec<&Item>> = Vec::new();
    for item in sorted {
        match buckets.last_mut() {
            Some(b) if b[0].difficulty == item.difficulty => b.push(item),
            _ => buckets.push(vec![item]),
        }
    }
    let mut out = Vec::new();
    let longest = buckets.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..longest {
        out.extend(buckets.iter().filter_map(|b| b.get(round).copied()));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::testing::sample_bank;

    #[test]
    fn draws_per_domain_and_starts_at_the_first_question() {
        let bank = sample_bank(3, 10);
        let a = Attempt::new(&bank, &["d0".into(), "d2".into()], 4, 7, 1000.0).unwrap();
        assert_eq!(a.items.len(), 8);
        assert_eq!(a.current, 0);
        assert!(a.answers.iter().all(Option::is_none));
        for d in ["d0", "d2"] {
            assert_eq!(a.items.iter().filter(|id| bank.item(id).unwrap().domain == d).count(), 4);
        }
        let difficulties: Vec<_> = a.items.iter().map(|id| bank.item(id).unwrap().difficulty).collect();
        assert!(difficulties.windows(2).all(|w| w[0] <= w[1]), "easier first");
        assert!(
            difficulties.contains(&crate::engine::bank::Difficulty::Hard),
            "a short quiz still mixes difficulties"
        );
        a.check().unwrap();
    }

    #[test]
    fn refuses_empty_or_unknown_domains() {
        let bank = sample_bank(1, 3);
        assert_eq!(Attempt::new(&bank, &[], 4, 1, 0.0), Err(AttemptError::NoDomains));
        assert_eq!(
            Attempt::new(&bank, &["zz".into()], 4, 1, 0.0),
            Err(AttemptError::UnknownDomain("zz".into()))
        );
    }

    #[test]
    fn answering_and_moving() {
        let bank = sample_bank(1, 5);
        let mut a = Attempt::new(&bank, &["d0".into()], 5, 3, 0.0).unwrap();
        a.answer(Some(Answer::Bool(true)));
        a.go_to(99);
        assert_eq!(a.current, 4);
        assert!(a.is_last());
        a.answer(Some(Answer::Choice("a".into())));
        assert_eq!(a.answered(), 2);
        assert_eq!(a.unanswered(), vec![1, 2, 3]);
        a.answer(None);
        assert_eq!(a.answered(), 1);
    }

    #[test]
    fn check_refuses_inconsistent_stored_attempts() {
        let bank = sample_bank(1, 5);
        let mut a = Attempt::new(&bank, &["d0".into()], 5, 3, 0.0).unwrap();
        a.current = 5;
        assert!(a.check().is_err());
        a.current = 0;
        a.answers.pop();
        assert!(a.check().is_err());
    }

    proptest! {
        #[test]
        fn same_seed_same_quiz_and_never_a_repeat(seed: u64, per in 1usize..12, n in 1usize..4) {
            let bank = sample_bank(3, 9);
            let domains: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
            let a = Attempt::new(&bank, &domains, per, seed, 5.0).unwrap();
            let b = Attempt::new(&bank, &domains, per, seed, 5.0).unwrap();
            prop_assert_eq!(&a, &b);
            let unique: BTreeSet<&String> = a.items.iter().collect();
            prop_assert_eq!(unique.len(), a.items.len());
            prop_assert_eq!(a.items.len(), n * per.min(9));
        }
    }
}
