//! Computerized adaptive testing: per-domain ability estimates, the stopping rule, and the
//! choice of the next item.
//!
//! Domains are measured one after another, each with its own stopping rule. Selection is
//! maximum Fisher information at the domain's current estimate, with randomesque exposure
//! control (a seeded random pick among the k most informative items, ties broken at random),
//! a random starting point, sub-topic balancing, no repeats, and the previous attempt's items
//! avoided where the bank allows. The random pick is seeded by the attempt's seed and its
//! length, so the same answers always lead to the same next item, after a reload too.

use super::assessment::{AdaptiveRule, Settings};
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

/// The responses of an attempt in one domain, as IRT data (pilot items left out: they are
/// not scored).
pub fn responses(bank: &Bank, attempt: &Attempt, domain: &str) -> Vec<Response> {
    let finished = attempt.finished_at.is_some();
    attempt
        .items
        .iter()
        .zip(&attempt.answers)
        .filter_map(|(id, answer)| {
            let item = bank.item(id).filter(|i| i.domain == domain && !bank.is_pilot(id))?;
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
            asked: attempt
                .items
                .iter()
                .filter(|id| !bank.is_pilot(id) && bank.item(id).is_some_and(|i| &i.domain == d))
                .count(),
            estimate: eap(&responses(bank, attempt, d)),
        })
        .collect()
}

/// Where a domain stands in an attempt measured one domain after another (in this order, so
/// that views can index their words by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Done,
    Now,
    Later,
}

/// The stage of each of the attempt's domains, in its order: the domain of the question on
/// screen is under way, those before it are finished and those after it to come (once the
/// attempt is extended, every other domain is finished).
pub fn stages(bank: &Bank, attempt: &Attempt) -> Vec<(String, Stage)> {
    let now = bank.item(attempt.current_item_id()).map(|i| i.domain.as_str());
    let mut reached = attempt.extension.is_some();
    attempt
        .domains
        .iter()
        .map(|d| {
            let stage = if Some(d.as_str()) == now {
                reached = true;
                Stage::Now
            } else if reached {
                if attempt.extension.is_some() {
                    Stage::Done
                } else {
                    Stage::Later
                }
            } else {
                Stage::Done
            };
            (d.clone(), stage)
        })
        .collect()
}

/// At a break between two domains — the question on screen is the first of its domain and
/// not yet answered, after another domain — the finished domain and the next one.
pub fn between_domains<'b>(bank: &'b Bank, attempt: &Attempt) -> Option<(&'b str, &'b str)> {
    if attempt.extension.is_some() || attempt.current_answer().is_some() {
        return None;
    }
    let now = bank.item(attempt.current_item_id())?;
    let before = bank.item(attempt.items.get(attempt.current.checked_sub(1)?)?)?;
    let first = attempt.items[..attempt.current]
        .iter()
        .all(|id| bank.item(id).is_none_or(|i| i.domain != now.domain));
    (first && before.domain != now.domain).then_some((before.domain.as_str(), now.domain.as_str()))
}

/// Whether a domain has what the rule asks of it: its cap, or its minimum and a likely
/// enough level or a small enough standard error.
pub fn domain_done(d: &DomainEstimate, rule: &AdaptiveRule, settings: &Settings) -> bool {
    let settled = rule.classify.is_some_and(|p| settings.level_probability(d.estimate) >= p);
    d.asked >= rule.max_items || (d.asked >= rule.min_items && (d.estimate.se <= rule.se_target || settled))
}

/// The next item to ask, or `None` when the stopping rule says stop (or nothing is left).
///
/// Domains are measured one after another, in the attempt's order, so that a long assessment
/// can be paused between domains; an extension (more items to settle some levels) serves
/// the least-asked of its domains first.
pub fn next_item<'b>(
    bank: &'b Bank,
    attempt: &Attempt,
    settings: &Settings,
    rule: &AdaptiveRule,
) -> Option<&'b Item> {
    let n = attempt.items.len();
    let mut domains = estimates(bank, attempt);
    match &attempt.extension {
        Some(ext) => {
            if n >= ext.until {
                return None;
            }
            domains.retain(|d| ext.domains.contains(&d.domain));
            sort_stable_by(&mut domains, |a, b| {
                a.asked.cmp(&b.asked).then(b.estimate.se.total_cmp(&a.estimate.se))
            });
        }
        None => domains.retain(|d| !domain_done(d, rule, settings)),
    }
    let administered: Vec<usize> = attempt.items.iter().filter_map(|id| bank.position(id)).collect();
    let mut unavailable = vec![false; bank.items.len()];
    for &p in &administered {
        unavailable[p] = true;
    }
    // Pilot items are never chosen for what they tell about the learner (see `pilot`).
    for (p, flag) in unavailable.iter_mut().enumerate() {
        *flag |= bank.is_pilot_at(p);
    }
    let mut avoided = unavailable.clone();
    for p in attempt.avoid.iter().filter_map(|id| bank.position(id)) {
        avoided[p] = true;
    }
    let mut rng = Rng::new(attempt.seed ^ (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    for d in &domains {
        if attempt.extension.is_none() {
            if let Some(item) = pilot(bank, attempt, settings, rule, d, &administered) {
                return Some(item);
            }
        }
        // A retest avoids the items of the learner's previous attempt while the domain has others.
        let fresh = bank.positions_in(&d.domain).iter().any(|&p| !avoided[p]);
        let skip = if fresh { &avoided } else { &unavailable };
        // Sub-topic balancing: only the sub-topics asked least so far in this domain.
        let subtopics = bank.domain(&d.domain).map_or(0, |x| x.subtopics.len()).max(1);
        let mut counts = vec![0usize; subtopics];
        for &p in administered.iter().filter(|&&p| bank.items[p].domain == d.domain) {
            if let Some(c) = counts.get_mut(bank.subtopic_index(p)) {
                *c += 1;
            }
        }
        let count = |p: usize| counts.get(bank.subtopic_index(p)).copied().unwrap_or(0);
        let remaining = bank.positions_in(&d.domain).iter().copied().filter(|&p| !skip[p]);
        let Some(least) = remaining.clone().map(count).min() else { continue };
        let candidates = remaining.filter(|&p| count(p) == least);
        // The first item of a domain is chosen at a random ability near the middle, so that
        // not every learner starts on the same few items.
        let theta = if d.asked == 0 { rng.uniform() - 0.5 } else { d.estimate.theta };
        return randomesque(bank, candidates, theta, rule.randomesque, attempt.seed, &mut rng);
    }
    None
}

/// A pilot item of the domain, when the attempt has reached the place drawn for it: one in
/// the domain's first `min_items`, at a place drawn from the attempt's seed, so the pilot
/// is answered like any other item and the domain's stopping rule is not delayed.
fn pilot<'b>(
    bank: &'b Bank,
    attempt: &Attempt,
    settings: &Settings,
    rule: &AdaptiveRule,
    d: &DomainEstimate,
    administered: &[usize],
) -> Option<&'b Item> {
    let in_domain = |&p: &usize| bank.items[p].domain == d.domain && bank.is_pilot_at(p);
    let asked = administered.iter().filter(|p| in_domain(p)).count();
    let mut rng = Rng::for_key(attempt.seed, &d.domain);
    let place = 1 + rng.below(rule.min_items.max(2) - 1);
    if asked >= settings.pilots.asked_in(&d.domain) || d.asked < place {
        return None;
    }
    let left: Vec<usize> = bank
        .positions_in(&d.domain)
        .iter()
        .copied()
        .filter(|p| in_domain(p) && !administered.contains(p))
        .collect();
    let pick = left.get(Rng::for_key(attempt.seed ^ asked as u64, &d.domain).below(left.len().max(1)))?;
    Some(&bank.items[*pick])
}

/// A random pick among the `k` items most informative at `theta`. Ties are broken by a hash
/// of the attempt's seed and the item's id: at random for each attempt (items of one authored
/// difficulty and type have the same default parameters, and breaking their ties by id gave
/// every learner the same items), yet independent of the bank's layout. `candidates` come by
/// decreasing peak information, so the scan stops as soon as no further item can enter the
/// top `k`.
fn randomesque<'b>(
    bank: &'b Bank,
    candidates: impl Iterator<Item = usize>,
    theta: f64,
    k: usize,
    seed: u64,
    rng: &mut Rng,
) -> Option<&'b Item> {
    let k = k.max(1);
    let better = |x: &(f64, u64, &Item), y: &(f64, u64, &Item)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    let mut top: Vec<(f64, u64, &'b Item)> = Vec::with_capacity(k + 1);
    for item in candidates.map(|p| &bank.items[p]) {
        if top.len() == k && top[k - 1].0 > item.irt.max_information() {
            break;
        }
        let entry = (item.irt.information(theta), tie_key(seed, &item.id), item);
        let at = top.partition_point(|t| better(t, &entry).is_lt());
        if at < k {
            top.insert(at, entry);
            top.truncate(k);
        }
    }
    let pick = rng.below(top.len().max(1));
    top.get(pick).map(|(_, _, item)| *item)
}

/// A pseudo-random key for an item in an attempt (FNV-1a of the id, mixed with the seed).
fn tie_key(seed: u64, id: &str) -> u64 {
    let hash =
        id.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3));
    Rng::new(seed ^ hash).next_u64()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
