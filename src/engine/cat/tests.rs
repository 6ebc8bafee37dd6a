use proptest::prelude::*;

use std::collections::HashSet;

use super::*;
use crate::engine::assessment::{Mode, Rule};
use crate::engine::attempt::Plan;
use crate::engine::localized::Localized;
use crate::engine::score::wrong_answer;
use crate::engine::sorted::SortedMap;
use crate::engine::testing::{right_answer, sample_bank, SETTINGS};

/// An adaptive mode with per-domain `min_items`..`max_items` and an SE target, no classification.
fn adaptive(se_target: f64, min_items: usize, max_items: usize) -> Mode {
    classifying(se_target, min_items, max_items, None)
}

fn classifying(se_target: f64, min_items: usize, max_items: usize, classify: Option<f64>) -> Mode {
    Mode {
        id: "cat".into(),
        title: Localized::en("CAT"),
        description: Localized::en("CAT"),
        rule: Rule::Adaptive(AdaptiveRule {
            min_items,
            max_items,
            se_target,
            classify,
            randomesque: 3,
            suggested_domains: None,
            sittings: false,
        }),
    }
}

fn rule(mode: &Mode) -> &AdaptiveRule {
    match &mode.rule {
        Rule::Adaptive(r) => r,
        Rule::Fixed(_) => unreachable!("adaptive modes only"),
    }
}

fn start(bank: &Bank, mode: &Mode, domains: &[&str], seed: u64) -> Attempt {
    start_avoiding(bank, mode, domains, seed, vec![])
}

fn start_avoiding(bank: &Bank, mode: &Mode, domains: &[&str], seed: u64, avoid: Vec<String>) -> Attempt {
    let domains: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
    let plan = Plan { mode, settings: &SETTINGS, domains: &domains, certainty: false, seed, now: 0.0, avoid };
    Attempt::start(bank, &plan).unwrap()
}

/// The bank again after its items or domains were edited, so its indexes match them.
fn rebuilt(bank: Bank) -> Bank {
    Bank::new(bank.id, bank.languages, bank.title, bank.domains, bank.items)
}

/// An attempt answered to its end, every answer right or every answer wrong.
fn finish(bank: &Bank, mode: &Mode, domains: &[&str], seed: u64, right: bool) -> Attempt {
    let mut a = start(bank, mode, domains, seed);
    while answer_and_next(bank, mode, &mut a, right) {}
    a
}

/// Answers the item on screen (right or wrong) and asks for the next one.
fn answer_and_next(bank: &Bank, mode: &Mode, attempt: &mut Attempt, right: bool) -> bool {
    let item = bank.item(attempt.current_item_id()).unwrap();
    attempt.answer(Some(if right { right_answer(item) } else { wrong_answer(&item.question) }));
    match next_item(bank, attempt, &SETTINGS, rule(mode)) {
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
fn each_domain_stops_at_its_maximum_one_after_another_and_never_repeats() {
    let bank = sample_bank(2, 30);
    let mode = adaptive(0.01, 1, 12);
    let mut a = start(&bank, &mode, &["d0", "d1"], 5);
    let mut steps = 1;
    while answer_and_next(&bank, &mode, &mut a, steps % 2 == 0) {
        steps += 1;
    }
    assert_eq!(a.items.len(), 24);
    let unique: HashSet<&String> = a.items.iter().collect();
    assert_eq!(unique.len(), 24);
    // The first domain is measured whole before the second begins.
    assert!(a.items[..12].iter().all(|id| id.starts_with("d0")), "{:?}", a.items);
    assert!(a.items[12..].iter().all(|id| id.starts_with("d1")));
}

#[test]
fn a_domain_stops_once_its_level_is_likely_enough() {
    let bank = sample_bank(1, 30);
    // Every answer wrong: after the minimum the lowest level is very likely.
    let mode = classifying(0.01, 4, 20, Some(0.7));
    let a = finish(&bank, &mode, &["d0"], 3, false);
    let estimate = estimates(&bank, &a)[0].estimate;
    assert!(a.items.len() < 20, "{}", a.items.len());
    assert!(SETTINGS.level_probability(estimate) >= 0.7);
    // Without classification the same learner runs to the cap.
    let mode = adaptive(0.01, 4, 20);
    let a = finish(&bank, &mode, &["d0"], 3, false);
    assert_eq!(a.items.len(), 20);
}

#[test]
fn ties_between_equal_items_are_broken_at_random_by_the_seed() {
    // Thirty items of one difficulty and type (every third of the sample): equally informative.
    let mut bank = sample_bank(1, 90);
    bank.items.retain(|i| i.id.trim_start_matches("d0-").parse::<usize>().is_ok_and(|n| n % 3 == 1));
    let bank = rebuilt(bank);
    let mode = adaptive(0.01, 1, 1);
    let firsts: HashSet<String> =
        (0..60).map(|seed| start(&bank, &mode, &["d0"], seed).items[0].clone()).collect();
    // With ties broken by id, every learner would start on the same three items.
    assert!(firsts.len() > 10, "{firsts:?}");
}

#[test]
fn a_retest_avoids_the_previous_items_while_the_domain_has_others() {
    let bank = sample_bank(1, 30);
    let mode = adaptive(0.01, 1, 10);
    let first = finish(&bank, &mode, &["d0"], 1, true);
    let mut again = start_avoiding(&bank, &mode, &["d0"], 2, first.items.clone());
    while answer_and_next(&bank, &mode, &mut again, true) {}
    assert_eq!(again.items.len(), 10);
    assert!(again.items.iter().all(|id| !first.items.contains(id)));
    // When the bank cannot avoid them all, the test still runs to its length.
    let mode = adaptive(0.01, 1, 25);
    let mut again = start_avoiding(&bank, &mode, &["d0"], 2, first.items.clone());
    while answer_and_next(&bank, &mode, &mut again, true) {}
    assert_eq!(again.items.len(), 25);
    assert!(again.items[..20].iter().all(|id| !first.items.contains(id)));
}

#[test]
fn stops_when_every_domain_is_precise_enough_after_the_minimum() {
    let bank = sample_bank(1, 60);
    let mode = adaptive(0.9, 3, 50);
    let a = finish(&bank, &mode, &["d0"], 9, true);
    // One item of a = 1 barely moves SE from 1; three bring it under 0.9.
    assert!(a.items.len() >= 3 && a.items.len() < 10, "{}", a.items.len());
    assert!(estimates(&bank, &a)[0].estimate.se < 0.9);
}

#[test]
fn stops_when_the_bank_runs_out() {
    let bank = sample_bank(1, 4);
    let mode = adaptive(0.01, 1, 50);
    let a = finish(&bank, &mode, &["d0"], 2, false);
    assert_eq!(a.items.len(), 4);
}

#[test]
fn an_extension_asks_more_in_the_named_domains_only() {
    let bank = sample_bank(2, 20);
    let mode = adaptive(0.01, 2, 4);
    let mut a = finish(&bank, &mode, &["d0", "d1"], 3, true);
    assert_eq!(a.items.len(), 8);
    a.extension = Some(crate::engine::attempt::Extension { domains: vec!["d1".into()], until: 11 });
    while answer_and_next(&bank, &mode, &mut a, true) {}
    assert_eq!(a.items.len(), 11);
    assert!(a.items[8..].iter().all(|id| id.starts_with("d1")));
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
    let bank = rebuilt(bank);
    let mode = adaptive(0.01, 1, 6);
    let a = finish(&bank, &mode, &["d0"], 4, true);
    let mut per: SortedMap<String, usize> = SortedMap::new();
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
        all.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| tie_key(seed, &x.1.id).cmp(&tie_key(seed, &y.1.id))));
        let expected: Vec<&str> = all.iter().take(k).map(|(_, i)| i.id.as_str()).collect();
        let mut picked = crate::engine::sorted::SortedSet::new();
        for r in 0..200u64 {
            let mut rng = crate::engine::rng::Rng::new(r);
            let item = randomesque(&bank, positions.iter().copied(), theta, k, seed, &mut rng).unwrap();
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
        let bank = rebuilt(bank);
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

#[test]
fn stages_and_breaks_follow_the_domains_in_order() {
    let bank = sample_bank(3, 20);
    let mode = adaptive(0.01, 1, 2);
    let mut a = start(&bank, &mode, &["d0", "d1", "d2"], 4);
    let stage = |a: &Attempt| stages(&bank, a).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
    assert_eq!(stage(&a), [Stage::Now, Stage::Later, Stage::Later]);
    assert_eq!(between_domains(&bank, &a), None, "no break before the first question");
    answer_and_next(&bank, &mode, &mut a, true);
    assert_eq!(between_domains(&bank, &a), None, "no break inside a domain");
    answer_and_next(&bank, &mode, &mut a, true);
    assert_eq!(stage(&a), [Stage::Done, Stage::Now, Stage::Later]);
    assert_eq!(between_domains(&bank, &a), Some(("d0", "d1")));
    // Once answered, the break is behind the learner.
    a.answer(Some(right_answer(bank.item(a.current_item_id()).unwrap())));
    assert_eq!(between_domains(&bank, &a), None);
}

/// The shipped settings with `ids` of domain `d0` as pilots, one per attempt.
fn with_pilots(bank: Bank, ids: &[&str]) -> (Bank, crate::engine::assessment::Settings) {
    let mut settings = SETTINGS.clone();
    settings.pilots.per_domain = 1;
    for id in ids {
        settings
            .pilots
            .items
            .push(crate::engine::assessment::Pilot { domain: "d0".into(), id: id.to_string() });
    }
    (bank.with_pilots(&settings.pilots), settings)
}

#[test]
fn a_pilot_is_asked_once_within_the_minimum_and_never_scored() {
    let (bank, mut settings) = with_pilots(sample_bank(2, 30), &["d0-1", "d0-4"]);
    let mode = adaptive(0.01, 5, 8);
    settings.modes.push(mode.clone());
    for seed in 0..20 {
        let domains = ["d0".to_string(), "d1".to_string()];
        let plan = Plan {
            mode: &mode,
            settings: &settings,
            domains: &domains,
            certainty: false,
            seed,
            now: 0.0,
            avoid: vec![],
        };
        let mut a = Attempt::start(&bank, &plan).unwrap();
        loop {
            let item = bank.item(a.current_item_id()).unwrap();
            a.answer(Some(right_answer(item)));
            if !a.advance(&bank, &settings) {
                break;
            }
        }
        let pilots: Vec<usize> =
            a.items.iter().enumerate().filter(|(_, id)| bank.is_pilot(id)).map(|(i, _)| i).collect();
        assert_eq!(pilots.len(), 1, "one pilot in d0, none in d1: {:?}", a.items);
        assert!(pilots[0] >= 1 && pilots[0] < 5, "within the domain's first five items: {pilots:?}");
        // The domain still gets its own eight scored items; the pilot is not among them.
        let est = estimates(&bank, &a);
        assert_eq!((est[0].asked, est[1].asked), (8, 8));
        assert_eq!(responses(&bank, &a, "d0").len(), 8);
        assert_eq!(a.items.len(), 17);
    }
}

#[test]
fn a_fixed_form_carries_the_same_pilot_for_everyone_and_scores_without_it() {
    let (bank, settings) = with_pilots(sample_bank(1, 30), &["d0-2"]);
    let mode = crate::engine::testing::fixed_mode(6, 9);
    let domains = ["d0".to_string()];
    let plan = Plan {
        mode: &mode,
        settings: &settings,
        domains: &domains,
        certainty: false,
        seed: 1,
        now: 0.0,
        avoid: vec![],
    };
    let mut a = Attempt::start(&bank, &plan).unwrap();
    assert_eq!(a.items.len(), 7);
    assert!(a.items.contains(&"d0-2".to_string()));
    for i in 0..a.items.len() {
        a.go_to(i);
        let item = bank.item(&a.items[i]).unwrap();
        a.answer(Some(if bank.is_pilot(&item.id) {
            wrong_answer(&item.question)
        } else {
            right_answer(item)
        }));
    }
    let s = crate::engine::score::score(&bank, &a);
    assert_eq!((s.overall.correct, s.overall.total), (6, 6), "the wrong pilot answer counts nowhere");
    assert!(s.review.iter().any(|r| r.pilot && !r.correct));
}
