//! Simulated examinees, to check that the adaptive test measures what it claims.
//!
//! Examinees with known abilities (drawn from a standard normal, one per domain) answer each
//! item right with the model's probability; the harness runs the real attempt code and
//! compares the final estimates with the true abilities. Used by `cargo test` (the targets of
//! the quick check) and by `scripts/bench` (the full table).

use super::assessment::{Mode, Settings};
use super::attempt::{Attempt, Plan};
use super::bank::{Bank, Choice, Difficulty, Domain, Item, Question, Subtopic};
use super::cat::estimates;
use super::irt::ItemParams;
use super::localized::Localized;
use super::rng::Rng;
use super::score::{key, wrong_answer};

/// Accuracy and length of a mode on a bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub examinees: usize,
    /// Mean number of items per attempt.
    pub mean_length: f64,
    /// Mean of estimate − true ability, over examinees and domains.
    pub bias: f64,
    /// Root mean squared error of the estimates.
    pub rmse: f64,
    /// Mean reported standard error, to compare with the RMSE.
    pub mean_se: f64,
}

/// A 2PL bank of `per_domain` items in each of `domains` domains (`s0`…`s3` sub-topics),
/// with a ~ U(0.8, 2.0) and b ~ U(−2.5, 2.5): the spread of a calibrated bank that covers
/// beginners to experts.
pub fn synthetic_bank(domains: usize, per_domain: usize, seed: u64) -> Bank {
    let mut rng = Rng::new(seed);
    let options = vec![
        Choice { id: "a".into(), text: Localized::en("right") },
        Choice { id: "b".into(), text: Localized::en("wrong") },
    ];
    let mut items = Vec::with_capacity(domains * per_domain);
    for d in 0..domains {
        for i in 0..per_domain {
            let a = 0.8 + 1.2 * rng.uniform();
            let b = -2.5 + 5.0 * rng.uniform();
            items.push(Item {
                id: format!("syn-{d}-{i}"),
                domain: format!("d{d}"),
                subtopic: format!("s{}", i % 4),
                difficulty: Difficulty::Medium,
                tags: vec![],
                stem: Localized::en("synthetic"),
                code: None,
                question: Question::SingleChoice { options: options.clone(), answer: "a".into() },
                explanation: Localized::en("synthetic"),
                irt: ItemParams { a, b, c: 0.0 },
            });
        }
    }
    let domains = (0..domains)
        .map(|d| Domain {
            id: format!("d{d}"),
            title: Localized::en(&format!("Domain {d}")),
            description: Localized::en("synthetic"),
            subtopics: (0..4)
                .map(|s| Subtopic { id: format!("s{s}"), title: Localized::en("s"), frameworks: vec![] })
                .collect(),
        })
        .collect();
    Bank::new("synthetic".into(), vec!["en".into()], Localized::en("Synthetic"), domains, items)
}

/// Runs `examinees` simulated attempts of `mode` over every domain of `bank`.
pub fn simulate(bank: &Bank, settings: &Settings, mode: &Mode, examinees: usize, seed: u64) -> Report {
    let domains: Vec<String> = bank.domains.iter().map(|d| d.id.clone()).collect();
    let mut rng = Rng::new(seed);
    let (mut length, mut errors, mut squares, mut ses, mut count) = (0usize, 0.0, 0.0, 0.0, 0usize);
    for _ in 0..examinees {
        let truth: Vec<f64> = domains.iter().map(|_| rng.normal()).collect();
        let plan = Plan { mode, domains: &domains, certainty: false, seed: rng.next_u64(), now: 0.0 };
        let Ok(mut attempt) = Attempt::start(bank, &plan) else { continue };
        while let Some(item) = bank.item(attempt.current_item_id()) {
            let d = domains.iter().position(|d| *d == item.domain).unwrap_or(0);
            let right = rng.uniform() < item.irt.p(truth[d]);
            attempt.answer(Some(if right { key(&item.question) } else { wrong_answer(&item.question) }));
            if !attempt.advance(bank, settings) {
                break;
            }
        }
        attempt.finished_at = Some(1.0);
        length += attempt.items.len();
        for (est, theta) in estimates(bank, &attempt).iter().zip(&truth) {
            let e = est.estimate.theta - theta;
            errors += e;
            squares += e * e;
            ses += est.estimate.se;
            count += 1;
        }
    }
    let n = count.max(1) as f64;
    Report {
        examinees,
        mean_length: length as f64 / examinees.max(1) as f64,
        bias: errors / n,
        rmse: (squares / n).sqrt(),
        mean_se: ses / n,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
