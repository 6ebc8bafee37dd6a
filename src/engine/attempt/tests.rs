use proptest::prelude::*;

use super::*;
use crate::engine::testing::{fixed_attempt, fixed_mode, sample_bank, SETTINGS};

fn plan<'a>(mode: &'a Mode, domains: &'a [String]) -> Plan<'a> {
    Plan { mode, settings: &SETTINGS, domains, certainty: false, seed: 1, now: 0.0, avoid: vec![] }
}

#[test]
fn draws_per_domain_and_starts_at_the_first_question() {
    let bank = sample_bank(3, 10);
    let a = fixed_attempt(&bank, &["d0", "d2"], 4, 7);
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
    let mode = fixed_mode(4, 1);
    assert_eq!(Attempt::start(&bank, &plan(&mode, &[])), Err(AttemptError::NoDomains));
    assert_eq!(
        Attempt::start(&bank, &plan(&mode, &["zz".into()])),
        Err(AttemptError::UnknownDomain("zz".into()))
    );
}

#[test]
fn answering_and_moving() {
    let bank = sample_bank(1, 5);
    let mut a = fixed_attempt(&bank, &["d0"], 5, 3);
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
    let mut a = fixed_attempt(&bank, &["d0"], 5, 3);
    a.current = 5;
    assert!(a.check().is_err());
    a.current = 0;
    a.answers.pop();
    assert!(a.check().is_err());
    a.answers.push(None);
    a.certainties.pop();
    assert!(a.check().is_err());
}

#[test]
fn a_fixed_form_is_the_same_for_everyone_and_advances_to_its_end() {
    let bank = sample_bank(2, 9);
    let domains = vec!["d0".to_string(), "d1".to_string()];
    let mode = fixed_mode(3, 77);
    let settings_like = |seed| Attempt::start(&bank, &Plan { seed, ..plan(&mode, &domains) }).unwrap();
    let (a, b) = (settings_like(1), settings_like(2));
    assert_eq!(a.items, b.items, "the form's own seed decides, not the learner's");
    assert_eq!(a.items.len(), 6);
}

#[test]
fn certainty_is_required_to_complete_a_question_only_when_on() {
    let bank = sample_bank(1, 3);
    let mut a = fixed_attempt(&bank, &["d0"], 3, 1);
    a.answer(Some(Answer::Bool(true)));
    assert!(a.current_complete());
    a.certainty = true;
    assert!(!a.current_complete());
    a.set_certainty(Some(2));
    assert!(a.current_complete());
    assert_eq!(a.current_certainty(), Some(2));
}

proptest! {
    #[test]
    fn same_seed_same_quiz_and_never_a_repeat(seed: u64, per in 1usize..12, n in 1usize..4) {
        let bank = sample_bank(3, 9);
        let domains: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
        let mode = fixed_mode(per, seed);
        let a = Attempt::start(&bank, &plan(&mode, &domains)).unwrap();
        let b = Attempt::start(&bank, &plan(&mode, &domains)).unwrap();
        prop_assert_eq!(&a, &b);
        let unique: SortedSet<&String> = a.items.iter().collect();
        prop_assert_eq!(unique.len(), a.items.len());
        prop_assert_eq!(a.items.len(), n * per.min(9));
    }
}

fn any_answer() -> impl Strategy<Value = Answer> {
    let id = "[a-z]{1,3}";
    prop_oneof![
        id.prop_map(Answer::Choice),
        prop::collection::vec(id, 0..4).prop_map(|ids| Answer::Choices(ids.into_iter().collect())),
        any::<bool>().prop_map(Answer::Bool),
        prop::collection::vec(id, 0..4).prop_map(Answer::Order),
        prop::collection::vec((id, id), 0..4).prop_map(|pairs| Answer::Pairs(pairs.into_iter().collect())),
    ]
}

proptest! {
    /// What is stored reads back as it was, whatever the answers and optional parts.
    #[test]
    fn a_stored_attempt_reads_back_as_it_was(
        answers in prop::collection::vec(prop::option::of(any_answer()), 5),
        certainties in prop::collection::vec(prop::option::of(0usize..3), 5),
        seconds in prop::collection::vec(any::<u32>(), 0..5),
        seed in any::<u64>(),
        // Milliseconds since the epoch, as `Date.now()` gives them.
        finished in prop::option::of((0u64..2_000_000_000_000).prop_map(|ms| ms as f64)),
        tagged in any::<bool>(),
        extended in any::<bool>(),
    ) {
        let bank = sample_bank(1, 5);
        let mut a = fixed_attempt(&bank, &["d0"], 5, 3);
        a.answers = answers;
        a.certainties = certainties;
        a.seconds = seconds;
        a.seed = seed;
        a.finished_at = finished;
        a.lang = Some("ar".into());
        a.avoid = vec!["x".into()];
        a.extension = extended.then(|| Extension { domains: vec!["d0".into()], until: 7 });
        a.session = tagged.then(|| SessionTag {
            id: "s".into(),
            title: "Class".into(),
            public_key: "k".into(),
            label: "Amal".into(),
            deadline: Some(1.5),
            questions: extended.then(|| "[]".into()),
        });
        // Written by hand exactly as serde would, and read back as it was.
        let written = crate::engine::to_json::ToJson::to_json(&a);
        prop_assert_eq!(&written, &serde_json::to_string(&a).unwrap());
        let stored = crate::engine::json::Value::parse(&written).unwrap();
        prop_assert_eq!(Attempt::read(&stored).unwrap(), a);
    }
}

#[test]
fn a_stored_attempt_that_does_not_read_says_where() {
    let bank = sample_bank(1, 5);
    let a = fixed_attempt(&bank, &["d0"], 5, 3);
    let mut stored = serde_json::to_value(&a).unwrap();
    let path = |v: &serde_json::Value| Attempt::read(&v.into()).unwrap_err().path;
    stored["answers"][2] = serde_json::json!({"choice": 1});
    assert_eq!(path(&stored), "answers[2].choice");
    stored["answers"][2] = serde_json::json!({"guess": "a"});
    assert_eq!(path(&stored), "answers[2].guess");
    stored["answers"][2] = serde_json::json!({"choice": "a", "bool": true});
    assert_eq!(path(&stored), "answers[2].bool");
    stored.as_object_mut().unwrap().remove("items");
    assert_eq!(path(&stored), "items");
    // Fields a later schema added may be absent.
    let mut old = serde_json::to_value(&a).unwrap();
    for key in ["seconds", "session", "avoid", "lang"] {
        old.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(Attempt::read(&(&old).into()).unwrap().seconds, Vec::<u32>::new());
}
