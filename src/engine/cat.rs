//! Computerized adaptive testing: per-domain ability estimates, the stopping rule, and the
//! choice of the next item.
//!
//! Selection is maximum Fisher information at the domain's current estimate, with
//! randomesque exposure control (a seeded random pick among the k most informative items),
//! content balancing across domains and their sub-topics, and no repeats. The random pick is
//! seeded by the attempt's seed and its length, so the same answers always lead to the same
//! next item, after a reload too.

use super::assessment::AdaptiveRule;
use super::attempt::Attempt;
use super::bank::{Bank, Item};
use super::irt::{eap, Estimate, Response};
use super::rng::Rng;
use super::score::is_correct;
use super::sorting::sort_stable_by;

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
    sort_stable_by(&mut domains, |a, b| a.asked.cmp(&b.asked).then(b.estimate.se.total_cmp(&a.estimate.se)));
    let administered: Vec<usize> = attempt.items.iter().filter_map(|id| bank.position(id)).collect();
    let mut asked = vec![false; bank.items.len()];
    for &p in &administered {
        asked[p] = true;
    }
    for d in &domains {
        // Sub-topic balancing: only the sub-topics asked least so far in this domain.
        let subtopics = bank.domain(&d.domain).map_or(0, |x| x.subtopics.len()).max(1);
        let mut counts = vec![0usize; subtopics];
        for &p in administered.iter().filter(|&&p| bank.items[p].domain == d.domain) {
            if let Some(c) = counts.get_mut(bank.subtopic_index(p)) {
                *c += 1;
            }
        }
        let count = |p: usize| counts.get(bank.subtopic_index(p)).copied().unwrap_or(0);
        let remaining = bank.positions_in(&d.domain).iter().copied().filter(|&p| !asked[p]);
        let Some(least) = remaining.clone().map(count).min() else { continue };
        let candidates = remaining.filter(|&p| count(p) == least);
        let mut rng = Rng::new(attempt.seed ^ (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        return randomesque(bank, candidates, d.estimate.theta, rule.randomesque, &mut rng);
    }
    None
}

/// A random pick among the `k` items most informative at `theta`; ties broken by id so the
/// order never depends on the bank's layout. `candidates` come by decreasing peak information,
/// so the scan stops as soon as no further item can enter the top `k`.
fn randomesque<'b>(
    bank: &'b Bank,
    candidates: impl Iterator<Item = usize>,
    theta: f64,
    k: usize,
    rng: &mut Rng,
) -> Option<&'b Item> {
    let k = k.max(1);
    let better = |x: &(f64, &Item), y: &(f64, &Item)| y.0.total_cmp(&x.0).then_with(|| x.1.id.cmp(&y.1.id));
    let mut top: Vec<(f64, &'b Item)> = Vec::with_capacity(k + 1);
    for item in candidates.map(|p| &bank.items[p]) {
        if top.len() == k && top[k - 1].0 > item.irt.max_information() {
            break;
        }
        let entry = (item.irt.information(theta), item);
        let at = top.partition_point(|t| better(t, &entry).is_lt());
        if at < k {
            top.insert(at, entry);
            top.truncate(k);
        }
    }
    let pick = rng.below(top.len().max(1));
    top.get(pick).map(|(_, item)| *item)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
