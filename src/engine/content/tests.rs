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
    assert!(!content.is_loaded("astrology", "en"));
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
    assert!(content.is_loaded(DOMAIN, "fr") && content.is_loaded("web", "ar"));
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

/// The shipped content, and each shipped domain file's source text.
fn shipped() -> (Content, Vec<(String, String)>) {
    let read = |path: &str| std::fs::read_to_string(format!("static/content/{path}")).unwrap();
    let content = Content::parse(&read("index.json"), &read("assessment.json")).unwrap();
    let files = content.index.domains.iter().map(|d| (d.id.clone(), read(&d.file))).collect();
    (content, files)
}

#[test]
fn every_shipped_domain_split_by_language_reads_back_as_its_source_in_that_language() {
    let (content, files) = shipped();
    for (domain, source) in &files {
        let whole = content.with_domain(domain, source).unwrap();
        let mut merged = content.clone();
        for lang in &content.index.languages {
            let text = split::in_language(source, lang).unwrap();
            assert!(
                text.len() * 2 < source.len(),
                "{domain} in {lang}: {} of {} bytes",
                text.len(),
                source.len()
            );
            let one = content.with_language(domain, lang, &text).unwrap();
            assert!(one.is_loaded(domain, lang));
            for other in content.index.languages.iter().filter(|l| *l != lang) {
                assert!(!one.is_loaded(domain, other));
            }
            // The same items, options and answers, each text in this language only.
            for (item, source_item) in one.bank.items_in(domain).zip(whole.bank.items_in(domain)) {
                assert_eq!(item.id, source_item.id);
                assert_eq!(item.stem.0.keys().collect::<Vec<_>>(), vec![lang]);
                assert_eq!(item.stem.get(lang), source_item.stem.get(lang));
                assert_eq!(item.explanation.get(lang), source_item.explanation.get(lang));
                assert_eq!(item.irt, source_item.irt);
            }
            merged = merged.with_language(domain, lang, &text).unwrap();
        }
        // Every language loaded one after the other gives back the whole file.
        assert_eq!(merged.bank, whole.bank, "{domain}");
    }
}

#[test]
fn a_language_file_of_another_version_replaces_the_languages_loaded_before() {
    let (content, files) = shipped();
    let (domain, source) = &files[0];
    let en = content.with_language(domain, "en", &split::in_language(source, "en").unwrap()).unwrap();
    let mut changed: serde_json::Value =
        serde_json::from_str(&split::in_language(source, "fr").unwrap()).unwrap();
    changed["items"].as_array_mut().unwrap().pop();
    let both = en.with_language(domain, "fr", &changed.to_string()).unwrap();
    assert!(both.is_loaded(domain, "fr") && !both.is_loaded(domain, "en"));
    assert_eq!(both.bank.items_in(domain).count(), en.bank.items_in(domain).count() - 1);
    // A broken file is refused with its language's path, and nothing loaded is lost.
    let err = en.with_language(domain, "ar", "{").unwrap_err();
    assert_eq!(err[0].file, format!("content/ar/domains/{domain}.json"));
    assert!(content.with_language(domain, "ar", &split::in_language(source, "fr").unwrap()).is_err());
}
