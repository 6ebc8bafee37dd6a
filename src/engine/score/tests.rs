use proptest::prelude::*;

use super::*;
use crate::engine::testing::{fixed_attempt, right_answer, sample_bank};

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
    let mut a = fixed_attempt(&bank, &["d0", "d1"], 4, 11);
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
        vec![("d0".into(), Tally { correct: 4, total: 4 }), ("d1".into(), Tally { correct: 0, total: 4 })]
    );
    assert_eq!(s.review.len(), 8);
}

#[test]
fn wrong_shapes_and_missing_items_do_not_count_as_right() {
    let bank = sample_bank(1, 3);
    let mut a = fixed_attempt(&bank, &["d0"], 3, 1);
    for slot in &mut a.answers {
        *slot = Some(Answer::Choices(Default::default()));
    }
    a.items[0] = "gone".into();
    let s = score(&bank, &a);
    assert_eq!(s.unavailable, 1);
    assert_eq!(s.overall, Tally { correct: 0, total: 2 });
}

fn levels() -> Vec<CertaintyLevel> {
    crate::engine::assessment::Settings::parse(
        "s.json",
        include_str!("../../../static/content/assessment.json"),
    )
    .expect("valid settings")
    .certainty
}

#[test]
fn certainty_marks_follow_the_moodle_scheme_and_judge_calibration() {
    let bank = sample_bank(1, 6);
    let mut a = fixed_attempt(&bank, &["d0"], 6, 3);
    a.certainty = true;
    // Very sure four times, right twice: 3 + 3 - 6 - 6, over-confident.
    for i in 0..4 {
        let item = bank.item(&a.items[i]).unwrap();
        a.answers[i] = Some(if i < 2 { right_answer(item) } else { wrong_answer(&item.question) });
        a.certainties[i] = Some(2);
    }
    let r = certainty_report(&bank, &a, &levels(), "d0");
    assert_eq!(r.marks, -6);
    assert_eq!(r.answered, 4);
    assert_eq!(r.per_level[2], Tally { correct: 2, total: 4 });
    assert_eq!(r.calibration, Calibration::Over);

    // Not sure but always right: under-confident.
    for i in 0..4 {
        a.answers[i] = Some(right_answer(bank.item(&a.items[i]).unwrap()));
        a.certainties[i] = Some(0);
    }
    let r = certainty_report(&bank, &a, &levels(), "d0");
    assert_eq!((r.marks, r.calibration), (4, Calibration::Under));

    a.certainties = vec![None; 6];
    a.certainties[0] = Some(1);
    assert_eq!(certainty_report(&bank, &a, &levels(), "d0").calibration, Calibration::TooFew);
}

proptest! {
    #[test]
    fn each_right_answer_adds_exactly_one(seed: u64, mask: u16) {
        let bank = sample_bank(3, 6);
        let mut a = fixed_attempt(&bank, &["d0", "d1", "d2"], 4, seed);
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

/// Ordering and matching are all or nothing: only the full key is right; a partly right
/// order or set of pairs, an answer with an extra or missing entry, and an answer of another
/// type are wrong.
#[test]
fn ordering_and_matching_are_right_only_when_whole() {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let choices = |v: &[&str]| {
        v.iter()
            .map(|id| crate::engine::bank::Choice { id: id.to_string(), text: Default::default() })
            .collect()
    };
    let ordering = Question::Ordering { options: choices(&["a", "b", "c"]), order: ids(&["a", "b", "c"]) };
    assert!(is_correct(&ordering, &Answer::Order(ids(&["a", "b", "c"]))));
    assert!(!is_correct(&ordering, &Answer::Order(ids(&["a", "c", "b"]))), "two of three in place");
    assert!(!is_correct(&ordering, &Answer::Order(ids(&["a", "b"]))), "one missing");
    assert!(!is_correct(&ordering, &Answer::Order(ids(&["a", "b", "c", "c"]))), "one repeated");
    assert!(!is_correct(&ordering, &Answer::Choice("a".into())), "wrong shape");
    assert!(!is_correct(&ordering, &wrong_answer(&ordering)));

    let pairs = |v: &[(&str, &str)]| -> crate::engine::sorted::SortedMap<String, String> {
        v.iter().map(|(k, t)| (k.to_string(), t.to_string())).collect()
    };
    let matching = Question::Matching {
        options: choices(&["a", "b", "c"]),
        targets: choices(&["x", "y", "z", "w"]),
        pairs: pairs(&[("a", "x"), ("b", "y"), ("c", "z")]),
    };
    assert!(is_correct(&matching, &Answer::Pairs(pairs(&[("a", "x"), ("b", "y"), ("c", "z")]))));
    assert!(
        !is_correct(&matching, &Answer::Pairs(pairs(&[("a", "x"), ("b", "y"), ("c", "w")]))),
        "a distractor"
    );
    assert!(!is_correct(&matching, &Answer::Pairs(pairs(&[("a", "x"), ("b", "y")]))), "one unmatched");
    assert!(!is_correct(&matching, &Answer::Order(ids(&["x", "y", "z"]))), "wrong shape");
    assert!(!is_correct(&matching, &wrong_answer(&matching)));
    assert_eq!(key(&matching), Answer::Pairs(pairs(&[("a", "x"), ("b", "y"), ("c", "z")])));
}
