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
