//! Computerized adaptive testing: per-domain ability estimates, the stopping rule, and the
//! choice of the next item.
//!
//! Selection is maximum Fisher information at the domain's current estimate, with
//! randomesque exposure control (a seeded random pick among the k most informative items),
//! content balancing across domains and their sub-topics, and no repeats. The random pick is
//! seeded by the attempt's seed and its length, so the same answers always lead to the same
//! next item, after a reload too.

use std::collections::{BTreeMap, HashSet};

use super::assessment::AdaptiveRule;
use super::attempt::Attempt;
use super::bank::{Bank, Item};
use super::irt::{eap, Estimate, Response};
use super::rng::Rng;
use super::score::is_correct;

/// A domain's state in an attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainEstimate {
    pub domain: String,
    /// Items of the domain in the attempt, answered or not.
    pub asked: usize,
    /// EAP estimate and posterior standard deviation from the answered items (all items
    /// once the attempt is finished: an unanswered item then counts as wrong).
    pub estimate: Estimate,
}

/// The responses of an attempt in one domain, as IRT data.
pub fn responses(bank: &Bank, attempt: &Attempt, domain: &str) -> Vec<Response> {
    let finished = attempt.finished_at.is_some();
    attempt
        .items
        .iter()
        .zip(&attempt.answers)
        .filter_map(|(id, answer)| {
            let item = bank.item(id).filter(|i| i.domain == domain)?;
            match answer {
                Some(a) => Some((item.irt, is_correct(&item.question, a))),
                None if finished => Some((item.irt, false)),
                None => None,
            }
        })
        .collect()
}

/// Estimates for every domain of the attempt, in the attempt's order.
pub fn estimates(bank: &Bank, attempt: &Attempt) -> Vec<DomainEstimate> {
    attempt
        .domains
        .iter()
        .map(|d| DomainEstimate {
            domain: d.clone(),
            asked: attempt.items.iter().filter(|id| bank.item(id).is_some_and(|i| &i.domain == d)).count(),
            estimate: eap(&responses(bank, attempt, d)),
        })
        .collect()
}

/// The next item to ask, or `None` when the stopping rule says stop (or nothing is left).
pub fn next_item<'b>(bank: &'b Bank, attempt: &Attempt, rule: &AdaptiveRule) -> Option<&'b Item> {
    let n = attempt.items.len();
    let mut domains = estimates(bank, attempt);
    match &attempt.extension {
        Some(ext) => {
            if n >= ext.until {
                return None;
            }
            domains.retain(|d| ext.domains.contains(&d.domain));
        }
        None => {
            if n >= rule.max_items {
                return None;
            }
            let open: Vec<DomainEstimate> =
                domains.iter().filter(|d| d.estimate.se >= rule.se_target).cloned().collect();
            if open.is_empty() && n >= rule.min_items {
                return None;
            }
            if !open.is_empty() {
                domains = open;
            }
        }
    }
    // Content balancing: the least-asked domain first, the least precise among equals.
    domains.sort_by(|a, b| a.asked.cmp(&b.asked).then(b.estimate.se.total_cmp(&a.estimate.se)));
    let asked: HashSet<&str> = attempt.items.iter().map(String::as_str).collect();
    for d in &domains {
        let remaining: Vec<&Item> =
            bank.items_in(&d.domain).filter(|i| !asked.contains(i.id.as_str())).collect();
        if remaining.is_empty() {
            continue;
        }
        let candidates = least_asked_subtopic(bank, attempt, &d.domain, remaining);
        let mut rng = Rng::new(attempt.seed ^ (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        return Some(randomesque(candidates, d.estimate.theta, rule.randomesque, &mut rng));
    }
    None
}

/// Keeps the remaining items of the sub-topic(s) asked least so far in this domain.
fn least_asked_subtopic<'b>(
    bank: &Bank,
    attempt: &Attempt,
    domain: &str,
    remaining: Vec<&'b Item>,
) -> Vec<&'b Item> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in attempt.items.iter().filter_map(|id| bank.item(id)).filter(|i| i.domain == domain) {
        *counts.entry(item.subtopic.as_str()).or_default() += 1;
    }
    let count = |i: &Item| counts.get(i.subtopic.as_str()).copied().unwrap_or(0);
    let least = remaining.iter().map(|i| count(i)).min().unwrap_or(0);
    remaining.into_iter().filter(|i| count(i) == least).collect()
}

/// A random pick among the `k` items most informative at `theta`; ties broken by id so the
/// order never depends on the bank's layout. `candidates` must not be empty.
fn randomesque<'b>(mut candidates: Vec<&'b Item>, theta: f64, k: usize, rng: &mut Rng) -> &'b Item {
    let mut scored: Vec<(f64, &'b Item)> =
        candidates.drain(..).map(|i| (i.irt.information(theta), i)).collect();
    let order = |x: &(f64, &Item), y: &(f64, &Item)| y.0.total_cmp(&x.0).then_with(|| x.1.id.cmp(&y.1.id));
    let k = k.clamp(1, scored.len());
    if k < scored.len() {
        scored.select_nth_unstable_by(k - 1, order);
        scored.truncate(k);
    }
    scored.sort_by(order);
    scored[rng.below(k)].1
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
