use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;

use super::*;
use crate::engine::attempt::{Answer, Attempt};
use crate::engine::cat::estimates;
use crate::engine::result_code::{new_key_pair, seal_compressed};
use crate::engine::score::{key, score, wrong_answer};
use crate::engine::sorted::SortedMap;
use crate::engine::testing::{fixed_attempt, sample_bank, SETTINGS};

/// A finished attempt over two sample domains, every third answer wrong.
fn finished(bank: &Bank) -> Attempt {
    let mut attempt = fixed_attempt(bank, &["d0", "d1"], 5, 3);
    for i in 0..attempt.items.len() {
        attempt.go_to(i);
        let question = &bank.item(&attempt.items[i]).unwrap().question;
        attempt.answer(Some(if i % 3 == 0 { wrong_answer(question) } else { key(question) }));
        attempt.note_time(1000.0 * (i as f64 + 1.0) * 4.0);
    }
    attempt.finished_at = Some(1_765_000_000_000.0);
    attempt
}

fn with_checks<T>(then: impl FnOnce(&Checks) -> T) -> T {
    let domains: Vec<String> = ["d0", "d1"].iter().map(|s| s.to_string()).collect();
    let languages = vec!["en".to_string()];
    then(&Checks { domains: &domains, languages: &languages, settings: &SETTINGS })
}

#[test]
fn a_learner_alone_sends_a_result_only_the_counselor_opens_and_it_scores_the_same() {
    let bank = sample_bank(2, 12);
    let attempt = finished(&bank);
    let counselor = CounselorKey::create("  Ms Benali, career office  ", 1.0);
    assert_eq!(counselor.link.name, "Ms Benali, career office");
    // The learner has only the link, read back from its payload.
    let link = CounselorLink::from_payload(&counselor.link.to_payload()).unwrap();
    assert_eq!(link, counselor.link);
    let interests = SortedMap::from([("i1".to_string(), 1), ("i2".to_string(), -1), ("i3".to_string(), 0)]);
    let code = Referral::of_attempt(&link.id, " Sara ", &attempt, interests.clone()).seal(&link).unwrap();

    let opened = counselor.open(&code).unwrap();
    assert_eq!((opened.label.as_str(), opened.title.as_str()), ("Sara", ""));
    assert_eq!(opened.interests, interests);
    assert_eq!(opened.finished_at, 1_765_000_000_000.0);
    assert!(with_checks(|checks| opened.check(checks)).is_empty());
    let rescored = opened.to_attempt(&bank);
    assert_eq!(estimates(&bank, &rescored), estimates(&bank, &attempt));
    let (a, b) = (score(&bank, &rescored), score(&bank, &attempt));
    assert_eq!((a.overall, a.domains), (b.overall, b.domains));
    assert_eq!(rescored.seconds, attempt.seconds);

    // Another counselor's key does not open it, and says whose it is.
    let other = CounselorKey::create("Mr Alami", 1.0);
    assert_eq!(other.open(&code), Err(CodeError::OtherSession(link.id.clone())));
}

#[test]
fn a_teacher_sends_one_students_result_and_the_counselor_needs_no_class_key() {
    let bank = sample_bank(2, 12);
    let attempt = finished(&bank);
    let (class_secret, class_public) = new_key_pair();
    let session = Session {
        id: id_hex(&class_public[..8]),
        title: "2nd year, group B".into(),
        domains: vec!["d0".into(), "d1".into()],
        mode: "fixed".into(),
        items_per_domain: Some(5),
        minutes: None,
        languages: vec!["en".into()],
        seed: 3,
        public_key: URL_SAFE_NO_PAD.encode(class_public),
        questions: None,
    };
    let class_code = Submission::of(&session.id, "Yassine", &attempt).seal(&session.public_key).unwrap();
    let submission = Submission::open(&class_code, &session, &class_secret).unwrap();

    let counselor = CounselorKey::create("Career office", 1.0);
    // The class's own code is not for the counselor: it names the session.
    assert_eq!(counselor.open(&class_code), Err(CodeError::OtherSession(session.id.clone())));
    let code = Referral::of_class(&counselor.link.id, &session, &submission).seal(&counselor.link).unwrap();
    let opened = counselor.open(&code).unwrap();
    assert_eq!((opened.label.as_str(), opened.title.as_str()), ("Yassine", "2nd year, group B"));
    let rescored = opened.to_attempt(&bank);
    assert_eq!(estimates(&bank, &rescored), estimates(&bank, &submission.to_attempt(&session, &bank)));
    // And a referral is not a class code: the teacher's key refuses it as another session's.
    assert_eq!(
        Submission::open(&code, &session, &class_secret),
        Err(CodeError::OtherSession(counselor.link.id.clone()))
    );
}

#[test]
fn the_same_result_sent_twice_keeps_one_id_for_the_counselors_notes() {
    let bank = sample_bank(2, 12);
    let attempt = finished(&bank);
    let counselor = CounselorKey::create("Office", 1.0);
    let referral = Referral::of_attempt(&counselor.link.id, "Sara", &attempt, SortedMap::new());
    let (a, b) = (referral.seal(&counselor.link).unwrap(), referral.seal(&counselor.link).unwrap());
    assert_ne!(a, b, "each sealing draws a fresh ephemeral key");
    assert_eq!(counselor.open(&a).unwrap().id(), counselor.open(&b).unwrap().id());
    let other = Referral::of_attempt(&counselor.link.id, "Sara B", &attempt, SortedMap::new());
    assert_ne!(other.id(), referral.id());
}

#[test]
fn a_link_that_is_wrong_is_refused_with_what_is_wrong() {
    let counselor = CounselorKey::create("Office", 1.0);
    let path = |payload: &str| {
        CounselorLink::from_payload(payload).unwrap_err().into_iter().map(|p| p.path).collect::<Vec<_>>()
    };
    // A key swapped for another: the id no longer is the key's.
    let mut swapped = counselor.link.clone();
    swapped.public_key = CounselorKey::create("Other", 1.0).link.public_key;
    assert_eq!(path(&swapped.to_payload()), ["id"]);
    let mut unnamed = counselor.link.clone();
    unnamed.name = "  ".into();
    assert_eq!(path(&unnamed.to_payload()), ["name"]);
    let mut short = counselor.link.clone();
    short.public_key = "AAAA".into();
    assert_eq!(path(&short.to_payload()), ["public_key"]);
    assert_eq!(path("%%%"), [""]);
    let newer = URL_SAFE_NO_PAD.encode(r#"{"v":2,"id":"x","name":"y","public_key":"z"}"#);
    assert_eq!(path(&newer), ["v"]);
    let missing = URL_SAFE_NO_PAD.encode(r#"{"v":1,"name":"y"}"#);
    assert!(CounselorLink::from_payload(&missing).is_err());
}

#[test]
fn a_referral_naming_what_this_version_does_not_know_is_reported_not_scored() {
    let bank = sample_bank(2, 12);
    let mut referral = Referral::of_attempt("0011223344556677", "Sara", &finished(&bank), SortedMap::new());
    referral.mode = "telepathy".into();
    referral.domains.push("astrology".into());
    let paths: Vec<String> =
        with_checks(|checks| referral.check(checks)).into_iter().map(|p| p.path).collect();
    assert_eq!(paths, ["mode", "domains[2]"]);
}

#[test]
fn garbage_sealed_to_the_counselor_is_refused_as_damaged() {
    let counselor = CounselorKey::create("Office", 1.0);
    let link = &counselor.link;
    for payload in [vec![], vec![2], vec![2; 300], vec![1, 0, 0]] {
        let compressed = miniz_oxide::deflate::compress_to_vec(&payload, 9);
        let code = seal_compressed(&link.id, &link.public_key, &compressed).unwrap();
        assert_eq!(counselor.open(&code), Err(CodeError::Damaged));
    }
}

fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        "[a-z]{1,3}".prop_map(|s| Some(Answer::Choice(s))),
        any::<bool>().prop_map(|b| Some(Answer::Bool(b))),
        proptest::collection::vec("[a-z]{1,3}", 0..5).prop_map(|v| Some(Answer::Order(v))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any referral seals and opens to itself.
    #[test]
    fn any_referral_round_trips(
        label in "\\PC{0,40}",
        title in "\\PC{0,40}",
        seed in any::<u64>(),
        finished_at in 0.0f64..1e13,
        responses in proptest::collection::vec(("[a-z0-9-]{1,20}", answer(), 0u32..100_000), 0..40),
        interests in proptest::collection::btree_map("[a-z0-9-]{1,12}", -1i8..=1, 0..12),
    ) {
        let counselor = CounselorKey::create("Office", 1.0);
        let referral = Referral {
            counselor: counselor.link.id.clone(),
            label,
            title,
            mode: "adaptive".into(),
            seed,
            domains: vec!["d0".into()],
            finished_at,
            responses: responses.into_iter().map(|(item, answer, seconds)| Response { item, answer, seconds }).collect(),
            interests: interests.into_iter().collect(),
        };
        let code = referral.seal(&counselor.link).unwrap();
        prop_assert_eq!(counselor.open(&code), Ok(referral));
    }
}
