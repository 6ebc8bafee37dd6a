use super::*;

#[test]
fn settings_must_speak_every_language_of_the_bank() {
    let index = std::fs::read_to_string("static/content/index.json").unwrap();
    let settings = std::fs::read_to_string("static/content/assessment.json").unwrap();
    assert!(Content::parse(&index, &settings).is_ok());
    let mut v: serde_json::Value = serde_json::from_str(&settings).unwrap();
    v["levels"][1]["title"].as_object_mut().unwrap().remove("ar");
    let err = Content::parse(&index, &v.to_string()).unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(
        err[0].to_string(),
        "content/assessment.json, levels[1].title: has no text in \"ar\", a language the bank declares"
    );
}

#[test]
fn a_domain_outside_the_index_is_refused() {
    let index = std::fs::read_to_string("static/content/index.json").unwrap();
    let settings = std::fs::read_to_string("static/content/assessment.json").unwrap();
    let content = Content::parse(&index, &settings).unwrap();
    let err = content.with_domain("astrology", "{}").unwrap_err();
    assert_eq!(err[0].kind, super::super::problem::ProblemKind::UnknownDomain { id: "astrology".into() });
    assert!(!content.is_loaded("astrology"));
}

#[test]
fn a_teachers_questions_join_the_bank_but_not_the_index_and_a_session_quiz_runs_on_them() {
    use crate::engine::attempt::Attempt;
    use crate::engine::bank::Difficulty;
    use crate::engine::interchange::gift;
    use crate::engine::own_bank::{OwnBank, DOMAIN};
    use crate::engine::session::Session;
    let index = std::fs::read_to_string("static/content/index.json").unwrap();
    let settings = std::fs::read_to_string("static/content/assessment.json").unwrap();
    let web = std::fs::read_to_string("static/content/domains/web.json").unwrap();
    let mut own = OwnBank::default();
    let quiz = "Which port does HTTPS use? {=443 ~80 ~21}\n\nDNS maps names to addresses. {T}\n\nWhich are HTTP verbs? {~%50%GET ~%50%POST ~%-100%FETCH}\n\nMatch {=HTML -> structure =CSS -> style}";
    own.add(&gift::read(quiz, "ar").drafts, "ar", Difficulty::Easy);
    let text = own.to_json();

    let content = Content::parse(&index, &settings).unwrap();
    let content = content.with_own("Classe 2B", &text).unwrap();
    // Kafaa's domain arriving afterwards keeps the teacher's.
    let content = content.with_domain("web", &web).unwrap();
    assert!(content.is_loaded(DOMAIN) && content.is_loaded("web"));
    assert_eq!(content.own_text(), Some(text.as_str()));
    assert!(content.index.entry(DOMAIN).is_none(), "no page but the session's offers them");
    assert_eq!(content.bank.domain(DOMAIN).map(|d| d.title.get("fr")), Some("Classe 2B"));
    assert_eq!(content.bank.items_in(DOMAIN).count(), 4);

    let (_, public) = crate::engine::result_code::new_key_pair();
    let session = Session {
        id: crate::engine::session::id_hex(&public[..8]),
        title: "Classe 2B".into(),
        domains: vec!["web".into(), DOMAIN.into()],
        mode: "fixed".into(),
        items_per_domain: Some(3),
        minutes: None,
        languages: vec!["ar".into()],
        seed: 9,
        public_key: base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, public),
        questions: Some(text.clone()),
    };
    let mode = session.mode(&content.settings).unwrap();
    let attempt = Attempt::start(&content.bank, &session.plan(&mode, &content.settings, 0.0)).unwrap();
    let own_items = attempt.items.iter().filter(|id| id.starts_with("my-")).count();
    assert_eq!((attempt.items.len(), own_items), (6, 3));

    // Broken questions are refused with the bank's problems.
    assert!(Content::parse(&index, &settings).unwrap().with_own("x", "{}").is_err());
}
