use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;

use super::*;
use crate::engine::cat::estimates;
use crate::engine::score::score;
use crate::engine::sorted::{SortedMap, SortedSet};
use crate::engine::testing::sample_bank;

/// A session over the sample bank's domains with a fresh key pair; the secret key too.
fn session() -> (Session, [u8; 32]) {
    let (secret, public) = new_key_pair();
    let session = Session {
        id: id_hex(&public[..8]),
        title: "Class".into(),
        domains: vec!["d0".into(), "d1".into()],
        mode: "fixed".into(),
        items_per_domain: None,
        minutes: None,
        languages: vec!["en".into()],
        seed: 1,
        public_key: URL_SAFE_NO_PAD.encode(public),
        questions: None,
    };
    (session, secret)
}

fn answer() -> impl Strategy<Value = Option<Answer>> {
    let id = "[a-z]{1,3}";
    prop_oneof![
        Just(None),
        id.prop_map(|s| Some(Answer::Choice(s))),
        proptest::collection::btree_set(id, 0..4)
            .prop_map(|s| Some(Answer::Choices(s.into_iter().collect()))),
        any::<bool>().prop_map(|b| Some(Answer::Bool(b))),
        proptest::collection::vec(id, 0..5).prop_map(|v| Some(Answer::Order(v))),
        proptest::collection::btree_map(id, id, 0..4)
            .prop_map(|m| Some(Answer::Pairs(m.into_iter().collect()))),
    ]
}

/// A label and responses; the test gives them a session.
fn responses() -> impl Strategy<Value = (String, Vec<Response>)> {
    ("\\PC{0,40}", proptest::collection::vec(("[a-z0-9-]{1,20}", answer(), 0u32..100_000), 0..40)).prop_map(
        |(label, responses)| {
            let responses = responses
                .into_iter()
                .map(|(item, answer, seconds)| Response { item, answer, seconds })
                .collect();
            (label, responses)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any submission seals and opens to itself.
    #[test]
    fn any_submission_round_trips((label, responses) in responses()) {
        let (session, secret) = session();
        let s = Submission { session: session.id.clone(), label, responses };
        let code = s.seal(&session.public_key).unwrap();
        prop_assert!(code.starts_with(PREFIX));
        prop_assert_eq!(Submission::open(&code, &session, &secret), Ok(s));
    }

    /// Any change of one character is detected: the code is refused, never misread.
    #[test]
    fn any_single_character_change_is_detected(pos in 0usize..10_000, c in proptest::char::range('!', '~')) {
        let (session, secret) = session();
        let s = Submission { session: session.id.clone(), label: "Amina".into(), responses: vec![
            Response { item: "d0-0".into(), answer: Some(Answer::Bool(true)), seconds: 12 },
        ]};
        let code = s.seal(&session.public_key).unwrap();
        let mut chars: Vec<char> = code.chars().collect();
        let i = pos % chars.len();
        prop_assume!(chars[i] != c);
        chars[i] = c;
        let altered: String = chars.into_iter().collect();
        prop_assert!(Submission::open(&altered, &session, &secret).is_err());
    }

    /// Any byte string read as a code is refused or read, never a panic.
    #[test]
    fn any_text_opens_without_panic(text in "\\PC{0,300}") {
        let (session, secret) = session();
        let _ = Submission::open(&text, &session, &secret);
        let _ = Submission::open(&format!("{PREFIX}{text}"), &session, &secret);
    }
}

#[test]
fn sealed_submissions_open_with_the_session_key_only() {
    let (session, secret) = session();
    let s = Submission {
        session: session.id.clone(),
        label: "Youssef ب".into(),
        responses: vec![
            Response { item: "d0-0".into(), answer: Some(Answer::Choice("a".into())), seconds: 5 },
            Response {
                item: "d0-1".into(),
                answer: Some(Answer::Choices(SortedSet::from(["a".into(), "c".into()]))),
                seconds: 300,
            },
            Response {
                item: "d1-0".into(),
                answer: Some(Answer::Pairs(SortedMap::from([("x".into(), "1".into())]))),
                seconds: 0,
            },
            Response { item: "d1-1".into(), answer: None, seconds: 70_000 },
        ],
    };
    let code = s.seal(&session.public_key).unwrap();
    assert_eq!(Submission::open(&code, &session, &secret), Ok(s.clone()));
    // Whitespace around a pasted code does not matter.
    assert_eq!(Submission::open(&format!("  {code}\n"), &session, &secret), Ok(s));

    let (other, other_secret) = self::session();
    assert_eq!(
        Submission::open(&code, &other, &other_secret),
        Err(CodeError::OtherSession(session.id.clone()))
    );
    let (_, wrong) = new_key_pair();
    assert_eq!(Submission::open(&code, &session, &wrong), Err(CodeError::WrongKey));
    assert_eq!(Submission::open(&code[..code.len() - 10], &session, &secret), Err(CodeError::Damaged));
    assert_eq!(Submission::open("hello", &session, &secret), Err(CodeError::NotACode));
    assert_eq!(Submission::open(&format!("{PREFIX}***"), &session, &secret), Err(CodeError::Damaged));
}

#[test]
fn a_code_opened_for_one_session_is_refused_by_another_even_when_cached() {
    let (a, a_secret) = session();
    let (b, b_secret) = session();
    let code = Submission { session: a.id.clone(), label: "Amal".into(), responses: vec![] }
        .seal(&a.public_key)
        .unwrap();
    let mut opened = OpenedCodes::default();
    let none = Agreed::new();
    assert!(opened.open(&code, &a, &a_secret, &none).is_ok());
    assert!(opened.has(&code, &a) && !opened.has(&code, &b));
    assert_eq!(opened.open(&code, &b, &b_secret, &none), Err(CodeError::OtherSession(a.id.clone())));
    assert!(opened.open(&format!(" {code} "), &a, &a_secret, &none).is_ok());
}

/// The X25519 agreement of RFC 7748, as a browser's WebCrypto makes it.
fn x25519(secret: &[u8; 32], public: [u8; 32]) -> [u8; 32] {
    curve25519_dalek::MontgomeryPoint(public).mul_clamped(*secret).to_bytes()
}

#[test]
fn a_key_agreement_made_elsewhere_opens_the_code_and_a_wrong_one_changes_nothing() {
    let (session, secret) = session();
    let s = Submission { session: session.id.clone(), label: "Amal".into(), responses: vec![] };
    let code = s.seal(&session.public_key).unwrap();
    let ephemeral = ephemeral_key(&code).unwrap();
    let agreed = Agreed::from([(ephemeral, x25519(&secret, ephemeral))]);
    assert_eq!(Submission::open_agreed(&code, &session, &secret, &agreed), Ok(s.clone()));
    // The agreement alone opens it: with it, the secret key is not even used.
    let (_, wrong) = new_key_pair();
    assert_eq!(Submission::open_agreed(&code, &session, &wrong, &agreed), Ok(s.clone()));
    // A wrong agreement falls back to making it here.
    let bad = Agreed::from([(ephemeral, x25519(&wrong, ephemeral))]);
    assert_eq!(Submission::open_agreed(&code, &session, &secret, &bad), Ok(s));
    assert_eq!(Submission::open_agreed(&code, &session, &wrong, &bad), Err(CodeError::WrongKey));
    assert_eq!(ephemeral_key("hello"), None);
    assert_eq!(ephemeral_key(&format!("{PREFIX}{}", &code[PREFIX.len()..50])), None);
}

#[test]
fn responses_rescore_to_the_same_numbers_as_the_attempt() {
    let bank = sample_bank(2, 10);
    let (session, secret) = session();
    let mode = crate::engine::testing::fixed_mode(5, session.seed);
    let plan = crate::engine::attempt::Plan {
        mode: &mode,
        settings: &crate::engine::testing::SETTINGS,
        domains: &session.domains,
        certainty: false,
        seed: session.seed,
        now: 0.0,
        avoid: vec![],
    };
    let mut attempt = Attempt::start(&bank, &plan).unwrap();
    for i in 0..attempt.items.len() {
        attempt.go_to(i);
        let item = bank.item(&attempt.items[i]).unwrap();
        let answer = if i % 3 == 0 {
            crate::engine::score::wrong_answer(&item.question)
        } else {
            crate::engine::score::key(&item.question)
        };
        attempt.answer(Some(answer));
        attempt.note_time(1000.0 * (i as f64 + 1.0) * 7.0);
    }
    let code = Submission::of(&session.id, "Sara", &attempt).seal(&session.public_key).unwrap();
    let opened = Submission::open(&code, &session, &secret).unwrap();
    assert_eq!(opened.responses.iter().map(|r| r.seconds).collect::<Vec<_>>(), vec![7; 10]);
    let rescored = opened.to_attempt(&session, &bank);
    assert_eq!(estimates(&bank, &rescored), estimates(&bank, &attempt));
    let (a, b) = (score(&bank, &rescored), score(&bank, &attempt));
    assert_eq!((a.overall, a.domains), (b.overall, b.domains));
}

#[test]
fn thirty_responses_fit_in_one_qr_code() {
    let (session, _) = session();
    let responses = (0..30)
        .map(|i| Response {
            item: format!("cybersecurity-{i:02}"),
            answer: Some(Answer::Order(vec!["b".into(), "d".into(), "a".into(), "c".into()])),
            seconds: 45 + i,
        })
        .collect();
    let s = Submission { session: session.id.clone(), label: "Fatima-Zahra El Idrissi".into(), responses };
    let code = s.seal(&session.public_key).unwrap();
    let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M).unwrap();
    let qrcode::Version::Normal(version) = qr.version() else { panic!("a normal QR code") };
    // Version 25 is 117 modules a side: still readable by a phone across a classroom.
    assert!(version <= 25, "{} characters: version {version}", code.len());
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

/// Two students who typed the same name are two attempts, each with its own notes; the same
/// attempt sealed again (a new code each visit) is the same one; notes kept under the old
/// name-only key are still found.
#[test]
fn same_name_students_are_two_attempts_and_resealing_keeps_the_id() {
    let (session, secret) = session();
    let response = |answer: bool| Response {
        item: "networks-01".into(),
        answer: Some(Answer::Bool(answer)),
        seconds: 30,
    };
    let amina = |answer| Submission {
        session: session.id.clone(),
        label: "Amina".into(),
        responses: vec![response(answer)],
    };
    let (first, second) = (amina(true), amina(false));
    assert_ne!(first.id(), second.id());
    assert!(first.id().starts_with(&format!("{}-", session.id)));
    let resealed =
        |s: &Submission| Submission::open(&s.seal(&session.public_key).unwrap(), &session, &secret).unwrap();
    assert_eq!(resealed(&first).id(), first.id());
    assert_ne!(
        first.seal(&session.public_key),
        first.seal(&session.public_key),
        "each code is sealed afresh"
    );
    // Before, notes were kept by session and name alone: both Aminas find those.
    let [_, legacy] = first.note_keys();
    assert_eq!(legacy, second.note_keys()[1]);
    assert_eq!(first.note_keys()[0], first.id());
}

/// A student holding the link can seal any bytes to the session's key: they get past the
/// checksum and the seal, and the inflater and the payload reader refuse them as damaged.
#[test]
fn anything_sealed_to_the_session_is_read_or_refused_as_damaged() {
    let (session, secret) = session();
    let open = |compressed: &[u8]| {
        let code = seal_compressed(&session.id, &session.public_key, compressed).unwrap();
        Submission::open(&code, &session, &secret)
    };
    assert_eq!(open(b"not deflate at all"), Err(CodeError::Damaged));
    let deflate = |bytes: &[u8]| miniz_oxide::deflate::compress_to_vec(bytes, 9);
    assert_eq!(open(&deflate(b"\x01not a payload")), Err(CodeError::Damaged));
    // Larger than any payload once inflated: refused before it fills memory.
    assert_eq!(open(&deflate(&vec![0u8; 10 * 1024 * 1024])), Err(CodeError::Damaged));
    let honest = Submission { session: session.id.clone(), label: "Sara".into(), responses: vec![] };
    let code = honest.seal(&session.public_key).unwrap();
    assert_eq!(Submission::open(&code, &session, &secret), Ok(honest));
}
