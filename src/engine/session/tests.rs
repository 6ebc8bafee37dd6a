use super::*;
use crate::engine::result_code::new_key_pair;
use serde_json::Value;

fn settings() -> Settings {
    Settings::parse("s.json", include_str!("../../../static/content/assessment.json")).expect("valid")
}

fn sample_session() -> Session {
    let (_, public) = new_key_pair();
    Session {
        id: id_hex(&public[..8]),
        title: "Classe 2B — تجربة".into(),
        domains: vec!["data".into(), "web".into()],
        mode: "fixed".into(),
        items_per_domain: Some(4),
        minutes: Some(20),
        languages: vec!["fr".into(), "ar".into()],
        seed: 77,
        public_key: URL_SAFE_NO_PAD.encode(public),
        questions: None,
    }
}

fn with_checks<R>(then: impl FnOnce(&Checks) -> R) -> R {
    let domains: Vec<String> = ["data", "web", "cloud"].iter().map(|s| s.to_string()).collect();
    let languages: Vec<String> = ["en", "fr", "ar"].iter().map(|s| s.to_string()).collect();
    let settings = settings();
    then(&Checks { domains: &domains, languages: &languages, settings: &settings })
}

#[test]
fn a_link_carries_the_whole_session() {
    let s = sample_session();
    let payload = s.to_payload();
    assert!(payload.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{payload}");
    assert_eq!(with_checks(|c| Session::from_payload(&payload, c)), Ok(s));
}

/// A link whose key was swapped for another (to read the class's codes) no longer matches
/// its id, and says so; the fingerprint the class compares with the board comes from the id.
/// What reading `s`'s link reports, as "path: problem".
fn problems(s: &Session) -> Vec<String> {
    with_checks(|c| Session::from_payload(&s.to_payload(), c))
        .unwrap_err()
        .iter()
        .map(|p| format!("{}: {}", p.path, p.kind))
        .collect()
}

#[test]
fn a_link_whose_key_was_swapped_is_refused_and_fingerprints_differ() {
    let s = sample_session();
    let mut swapped = s.clone();
    swapped.public_key = sample_session().public_key;
    assert_eq!(
        problems(&swapped),
        ["id: must be the first 16 hexadecimal digits of its public key (the link was changed)"]
    );
    // With the id made to match the new key, the link reads, but its fingerprint is another.
    swapped.id = id_hex(&swapped.public_key_bytes().unwrap()[..8]);
    assert!(with_checks(|c| Session::from_payload(&swapped.to_payload(), c)).is_ok());
    assert_ne!(swapped.fingerprint(), s.fingerprint());
    assert_eq!(s.fingerprint(), format!("{}-{}", &s.id[..4], &s.id[4..8]));
}

#[test]
fn a_bad_link_says_what_is_wrong_and_where() {
    let mut s = sample_session();
    s.domains.push("astrology".into());
    s.mode = "marathon".into();
    s.minutes = Some(0);
    s.public_key = "short".into();
    assert_eq!(
        problems(&s),
        [
            "domains[2]: names domain \"astrology\", which the bank does not define",
            "mode: names option \"marathon\", which does not exist",
            "minutes: must be from 1 to 240",
            "public_key: must be a 32-byte key in base64url",
        ]
    );
    // A link without a field: named by its path.
    let mut v = serde_json::to_value(sample_session()).unwrap();
    v["v"] = Value::from(LINK_VERSION);
    v.as_object_mut().unwrap().remove("title");
    let link = URL_SAFE_NO_PAD.encode(v.to_string());
    let found = with_checks(|c| Session::from_payload(&link, c)).unwrap_err();
    assert_eq!((found[0].path.as_str(), &found[0].kind), ("title", &ProblemKind::Missing));
    assert_eq!(found[0].to_string(), "session link, title: is missing");
    let cut = &sample_session().to_payload()[..40];
    assert!(with_checks(|c| Session::from_payload(cut, c)).is_err());
    assert!(with_checks(|c| Session::from_payload("%%%", c)).is_err());
}

#[test]
fn a_fixed_session_gives_everyone_the_sessions_form() {
    let s = sample_session();
    let settings = settings();
    let mode = s.mode(&settings).unwrap();
    assert_eq!(mode.rule, Rule::Fixed(FixedRule { items_per_domain: 4, seed: 77 }));
    let mut adaptive = sample_session();
    adaptive.mode = "quick".into();
    assert_eq!(adaptive.mode(&settings).unwrap(), settings.mode("quick").unwrap().clone());
}

proptest::proptest! {
    #[test]
    fn any_link_text_is_read_without_panic(text in "\\PC{0,200}") {
        let _ = with_checks(|c| Session::from_payload(&text, c));
    }
}

#[test]
fn a_key_file_reopens_the_session_and_is_refused_when_it_does_not_match() {
    let created = ClassSession::create(sample_session(), 5.0);
    assert!(id_bytes(&created.session.id).is_some());
    assert_eq!(created.session.public_key_bytes().map(|k| k.len()), Some(32));
    let file = created.to_key_file();
    assert_eq!(read_key_file(&file), Some(created.clone()));
    // Another session's public key with this secret key: refused.
    let mut other = created.clone();
    other.session.public_key = sample_session().public_key;
    assert_eq!(read_key_file(&other.to_key_file()), None);
    // The right keys with an id that is not the key's: refused.
    let mut renamed = created.clone();
    renamed.session.id = "0123456789abcdef".into();
    assert_eq!(read_key_file(&renamed.to_key_file()), None);
    assert_eq!(read_key_file("{\"kafaa_export\": 1}"), None);
    assert_eq!(read_key_file("not json"), None);
}

/// Twenty of a teacher's own questions, as the classroom keeps them.
fn own_questions(n: usize) -> String {
    use crate::engine::bank::Difficulty;
    use crate::engine::interchange::gift;
    let file: String = (0..n)
        .map(|i| {
            format!(
                "::Q{i}::Which port does service number {i} use? {{=port {i} ~port {} ~port {}}}\n\n",
                i + 100,
                i + 200
            )
        })
        .collect();
    let mut bank = crate::engine::own_bank::OwnBank::default();
    bank.add(&gift::read(&file, "fr").drafts, "fr", Difficulty::Medium);
    bank.to_json()
}

#[test]
fn a_link_carries_the_teachers_own_questions_deflated() {
    let s = Session {
        domains: vec!["web".into(), own_bank::DOMAIN.into()],
        questions: Some(own_questions(20)),
        ..sample_session()
    };
    let payload = s.to_payload();
    assert!(payload.starts_with('z'));
    assert!(payload.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    let plain = to_payload(&s, LINK_VERSION);
    assert!(payload.len() * 2 < plain.len(), "deflated {} vs {}", payload.len(), plain.len());
    assert_eq!(with_checks(|c| Session::from_payload(&payload, c)), Ok(s.clone()));
    // Without its questions, the teacher's domain is unknown to a student's browser.
    let bare = Session { questions: None, ..s };
    let problems = with_checks(|c| bare.check(c));
    assert_eq!(problems[0].kind, ProblemKind::UnknownDomain { id: own_bank::DOMAIN.into() });
}

#[test]
fn broken_questions_in_a_link_are_named_and_hostile_ones_refused() {
    let mut value: Value = serde_json::from_str(&own_questions(2)).unwrap();
    value["items"][1]["answer"] = Value::from("zz");
    let s = Session {
        domains: vec![own_bank::DOMAIN.into()],
        questions: Some(value.to_string()),
        ..sample_session()
    };
    let problems = with_checks(|c| Session::from_payload(&s.to_payload(), c)).unwrap_err();
    assert!(problems.iter().any(|p| p.file == LINK && p.path == "items[1].answer"), "{problems:?}");
    // Not deflate, or a bomb: refused with a problem, never a panic or a huge allocation.
    for payload in ["z", "z!!!", "zAAAA"] {
        assert!(with_checks(|c| Session::from_payload(payload, c)).is_err());
    }
    let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&vec![b' '; 4 << 20], 9));
    assert!(with_checks(|c| Session::from_payload(&format!("z{bomb}"), c)).is_err());
}

#[test]
fn how_many_own_questions_fit_a_qr_code() {
    // The figure the session page relies on when it says a link is too long for a QR code.
    let fits = |n| {
        let s = Session {
            domains: vec![own_bank::DOMAIN.into()],
            questions: Some(own_questions(n)),
            ..sample_session()
        };
        s.to_payload().len() + "https://example.org/kafaa/classroom.html#/join/".len() <= QR_LINK_MAX
    };
    assert!(fits(10));
    assert!(!fits(200));
}

#[test]
fn ids_are_lowercase_hexadecimal_two_digits_a_byte() {
    assert_eq!(id_hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
    assert_eq!(id_hex(&[]), "");
}

#[test]
fn a_payload_is_the_session_with_its_version_last() {
    let s = sample_session();
    let json = String::from_utf8(URL_SAFE_NO_PAD.decode(s.to_payload()).unwrap()).unwrap();
    let mut expected = serde_json::to_value(&s).unwrap();
    expected["v"] = Value::from(LINK_VERSION);
    assert_eq!(json, expected.to_string());
}
