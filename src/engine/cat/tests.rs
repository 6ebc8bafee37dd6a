use proptest::prelude::*;

use std::collections::{BTreeMap, HashSet};

use super::*;
use crate::engine::assessment::{Mode, Rule};
use crate::engine::attempt::Plan;
use crate::engine::localized::Localized;
use crate::engine::score::wrong_answer;
use crate::engine::testing::{right_answer, sample_bank};

fn adaptive(se_target: f64, min_items: usize, max_items: usize) -> Mode {
    Mode {
        id: "cat".into(),
        title: Localized::en("CAT"),
        description: Localized::en("CAT"),
        rule: Rule::Adaptive(AdaptiveRule { se_target, min_items, max_items, randomesque: 3 }),
    }
}

fn rule(mode: &Mode) -> &AdaptiveRule {
    match &mode.rule {
        Rule::Adaptive(r) => r,
        Rule::Fixed(_) => unreachable!("adaptive modes only"),
    }
}

fn start(bank: &Bank, mode: &Mode, domains: &[&str], seed: u64) -> Attempt {
    let domains: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
    Attempt::start(bank, &Plan { mode, domains: &domains, certainty: false, seed, now: 0.0 }).unwrap()
}

/// Answers the item on screen (right or wrong) and asks for the next one.
fn answer_and_next(bank: &Bank, mode: &Mode, attempt: &mut Attempt, right: bool) -> bool {
    let item = bank.item(attempt.current_item_id()).unwrap();
    attempt.answer(Some(if right { right_answer(item) } else { wrong_answer(&item.question) }));
    match next_item(bank, attempt, rule(mode)) {
        Some(next) => {
            attempt.items.push(next.id.clone());
            attempt.answers.push(None);
            attempt.certainties.push(None);
            attempt.current += 1;
            true
        }
        None => false,
    }
}

#[test]
fn first_item_is_among_the_most_informative_at_zero() {
    let bank = sample_bank(1, 9);
    let mode = adaptive(0.4, 1, 5);
    let a = start(&bank, &mode, &["d0"], 1);
    // Medium items (b = 0) are the most informative at θ = 0; with three of them, k = 3
    // keeps the choice among them.
    assert_eq!(bank.item(&a.items[0]).unwrap().irt.b, 0.0);
}

#[test]
fn stops_at_the_maximum_and_never_repeats() {
    let bank = sample_bank(2, 30);
    let mode = adaptive(0.01, 1, 12);
    let mut a = start(&bank, &mode, &["d0", "d1"], 5);
    let mut steps = 1;
    while answer_and_next(&bank, &mode, &mut a, steps % 2 == 0) {
        steps += 1;
    }
    assert_eq!(a.items.len(), 12);
    let unique: HashSet<&String> = a.items.iter().collect();
    assert_eq!(unique.len(), 12);
    // Balanced across domains.
    let d0 = a.items.iter().filter(|id| id.starts_with("d0")).count();
    assert_eq!(d0, 6);
}

#[test]
fn stops_when_every_domain_is_precise_enough_after_the_minimum() {
    let bank = sample_bank(1, 60);
    let mode = adaptive(0.9, 3, 50);
    let mut a = start(&bank, &mode, &["d0"], 9);
    while answer_and_next(&bank, &mode, &mut a, true) {}
    // One item of a = 1 barely moves SE from 1; three bring it under 0.9.
    assert!(a.items.len() >= 3 && a.items.len() < 10, "{}", a.items.len());
    assert!(estimates(&bank, &a)[0].estimate.se < 0.9);
}

#[test]
fn stops_when_the_bank_runs_out() {
    let bank = sample_bank(1, 4);
    let mode = adaptive(0.01, 1, 50);
    let mut a = start(&bank, &mode, &["d0"], 2);
    while answer_and_next(&bank, &mode, &mut a, false) {}
    assert_eq!(a.items.len(), 4);
}

#[test]
fn an_extension_asks_more_in_the_named_domains_only() {
    let bank = sample_bank(2, 20);
    let mode = adaptive(0.5, 2, 4);
    let mut a = start(&bank, &mode, &["d0", "d1"], 3);
    while answer_and_next(&bank, &mode, &mut a, true) {}
    assert_eq!(a.items.len(), 4);
    a.extension = Some(crate::engine::attempt::Extension { domains: vec!["d1".into()], until: 7 });
    while answer_and_next(&bank, &mode, &mut a, true) {}
    assert_eq!(a.items.len(), 7);
    assert!(a.items[4..].iter().all(|id| id.starts_with("d1")));
}

#[test]
fn subtopics_are_balanced_within_a_domain() {
    let mut bank = sample_bank(1, 12);
    for (i, item) in bank.items.iter_mut().enumerate() {
        item.subtopic = ["s1", "s2", "s3"][i % 3].to_string();
    }
    bank.domains[0].subtopics = ["s1", "s2", "s3"]
        .iter()
        .map(|s| crate::engine::bank::Subtopic {
            id: s.to_string(),
            title: Localized::en(s),
            frameworks: vec![],
        })
        .collect();
    let bank = Bank::new(
        bank.id.clone(),
        bank.languages.clone(),
        bank.title.clone(),
        bank.domains.clone(),
        bank.items.clone(),
    );
    let mode = adaptive(0.01, 1, 6);
    let mut a = start(&bank, &mode, &["d0"], 4);
    while answer_and_next(&bank, &mode, &mut a, true) {}
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    for id in &a.items {
        *per.entry(bank.item(id).unwrap().subtopic.clone()).or_default() += 1;
    }
    assert_eq!(per.values().copied().collect::<Vec<_>>(), [2, 2, 2]);
}

proptest! {
    #[test]
    fn same_seed_and_answers_give_the_same_items(seed: u64, pattern: u32) {
        let bank = sample_bank(3, 15);
        let mode = adaptive(0.3, 4, 15);
        let run = || {
            let mut a = start(&bank, &mode, &["d0", "d1", "d2"], seed);
            let mut i = 0;
            while answer_and_next(&bank, &mode, &mut a, pattern & (1 << (i % 32)) != 0) {
                i += 1;
            }
            a.items
        };
        prop_assert_eq!(run(), run());
    }
}

proptest! {
    /// The early stop of the scan never changes which items make the top k.
    #[test]
    fn pruned_selection_matches_a_full_sort(seed: u64, theta in -3.0f64..3.0, k in 1usize..6) {
        let bank = crate::engine::simulate::synthetic_bank(1, 300, seed);
        let positions = bank.positions_in("d0").to_vec();
        let mut all: Vec<(f64, &Item)> =
            positions.iter().map(|&p| &bank.items[p]).map(|i| (i.irt.information(theta), i)).collect();
        all.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.id.cmp(&y.1.id)));
        let expected: Vec<&str> = all.iter().take(k).map(|(_, i)| i.id.as_str()).collect();
        let mut picked = std::collections::BTreeSet::new();
        for r in 0..200u64 {
            let item = randomesque(&bank, positions.iter().copied(), theta, k, &mut crate::engine::rng::Rng::new(r)).unwrap();
            picked.insert(item.id.as_str());
        }
        prop_assert!(picked.iter().all(|id| expected.contains(id)), "{picked:?} not within {expected:?}");
        prop_assert_eq!(picked.len(), k);
    }
}

proptest! {
    /// Any bank, down to one item, with guessing and extreme parameters: an adaptive attempt
    /// runs to its end without a panic and with finite estimates.
    #[test]
    fn any_bank_runs_to_the_end(
        params in prop::collection::vec((0.01f64..6.0, -8.0f64..8.0, 0.0f64..0.6), 1..8),
        answers: u16,
        seed: u64,
    ) {
        let mut bank = sample_bank(1, params.len());
        for (item, (a, b, c)) in bank.items.iter_mut().zip(&params) {
            item.irt = crate::engine::irt::ItemParams { a: *a, b: *b, c: *c };
        }
        let bank = Bank::new(bank.id.clone(), bank.languages.clone(), bank.title.clone(), bank.domains.clone(), bank.items.clone());
        let mode = adaptive(0.3, 1, 50);
        let mut a = start(&bank, &mode, &["d0"], seed);
        let mut i = 0;
        while answer_and_next(&bank, &mode, &mut a, answers & (1 << (i % 16)) != 0) {
            i += 1;
        }
        prop_assert!(a.items.len() <= params.len());
        for d in estimates(&bank, &a) {
            prop_assert!(d.estimate.theta.is_finite() && d.estimate.se.is_finite());
        }
    }
}
