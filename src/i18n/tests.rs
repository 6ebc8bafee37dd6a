use super::*;

fn language(code: &str) -> Language {
    languages("i18n/languages.json", LANGUAGES).unwrap().into_iter().find(|l| l.code == code).unwrap()
}

#[test]
fn fills_named_slots() {
    assert_eq!(
        fill("Question {n} of {total}", &[("n", "4".into()), ("total", "12".into())]),
        "Question 4 of 12"
    );
    // Slots without a value, and braces that open none, stay; a value is not filled in turn.
    assert_eq!(fill("{a} {b} {", &[("a", "{b}".into())]), "{b} {b} {");
    assert_eq!(fill("{n}{n}}", &[("n", "٣".into())]), "٣٣}");
    let en = english().unwrap();
    assert_eq!(en.messages.start_total.count(1), "1 question in all");
    assert_eq!(en.messages.start_total.count(12), "12 questions in all");
}

#[test]
fn every_shipped_catalog_is_complete_and_keeps_the_slots() {
    for l in languages("i18n/languages.json", LANGUAGES).unwrap() {
        let path = format!("static/{}", l.file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let catalog = Catalog::parse(l.clone(), &text).unwrap_or_else(|p| panic!("{p}"));
        assert_eq!(catalog.language, l);
        Messages::check_slots(&l.file, &text, ENGLISH).unwrap_or_else(|p| panic!("{p}"));
        // Each document's own part: complete, and keeping the English slots.
        let read = |file: &str| {
            let path = format!("static/{file}");
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let (careers, classroom) =
            (part_file::<CareersMessages>(&l.code), part_file::<ClassroomMessages>(&l.code));
        remember_part::<CareersMessages>(&l, &careers, &read(&careers)).unwrap_or_else(|p| panic!("{p}"));
        remember_part::<ClassroomMessages>(&l, &classroom, &read(&classroom))
            .unwrap_or_else(|p| panic!("{p}"));
        let english = |file: String| read(&file.replace(&format!("/{}.json", l.code), "/en.json"));
        CareersMessages::check_slots(&careers, &read(&careers), &english(careers.clone()))
            .unwrap_or_else(|p| panic!("{p}"));
        ClassroomMessages::check_slots(&classroom, &read(&classroom), &english(classroom.clone()))
            .unwrap_or_else(|p| panic!("{p}"));
        assert!(cached_part::<ClassroomMessages>(&l.code).is_some());
        let questions = part_file::<QuestionsMessages>(&l.code);
        remember_part::<QuestionsMessages>(&l, &questions, &read(&questions))
            .unwrap_or_else(|p| panic!("{p}"));
        QuestionsMessages::check_slots(&questions, &read(&questions), &english(questions.clone()))
            .unwrap_or_else(|p| panic!("{p}"));
    }
}

#[test]
fn a_missing_key_or_a_wrong_slot_is_reported() {
    let mut v: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    v.as_object_mut().unwrap().remove("nav_home");
    let err = Catalog::parse(language("fr"), &v.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, nav_home: is missing");
    let mut v: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    v["nav_hmoe"] = serde_json::json!("Accueil");
    let err = Catalog::parse(language("fr"), &v.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, nav_hmoe: is not a known key");
    let mut v: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    v["start_total"] = serde_json::json!({"one": "une question"});
    let err = Catalog::parse(language("fr"), &v.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, start_total.other: is missing");
    v["start_total"] = serde_json::json!({"other": "{n} questions", "lots": "beaucoup"});
    let err = Catalog::parse(language("fr"), &v.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, start_total.lots: is not a known key");
    let mut v: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    v["nav_home"] = serde_json::json!("  ");
    v["difficulty"] = serde_json::json!(["facile", "moyen"]);
    let err = Catalog::parse(language("fr"), &v.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, nav_home: is empty", "the first problem in key order");
    v["nav_home"] = serde_json::json!("Accueil");
    let err = Catalog::parse(language("fr"), &v.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, difficulty: has 2 options; at least 3 are needed");

    let mut v: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    v["quiz_progress"] = serde_json::json!("Question {n} sur {totl}");
    let err = Messages::check_slots("i18n/fr.json", &v.to_string(), ENGLISH).unwrap_err();
    assert_eq!(err.to_string(), "i18n/fr.json, quiz_progress: names option \"{totl}\", which does not exist");
}

#[test]
fn plural_forms_follow_the_category() {
    let p = Plural {
        locale: "ar",
        zero: Some("z"),
        one: Some("o"),
        two: Some("t"),
        few: Some("f"),
        many: Some("m"),
        other: "x",
    };
    assert_eq!(
        [p.select("zero"), p.select("two"), p.select("few"), p.select("many"), p.select("other")],
        ["z", "t", "f", "m", "x"]
    );
    let fr = Plural { locale: "fr", one: Some("o"), other: "x", ..Plural::default() };
    assert_eq!(fr.select("many"), "x");
}

#[test]
fn range_phrases_are_in_the_catalogs_order() {
    let en = english().unwrap();
    for (place, range) in Range::ALL.into_iter().enumerate() {
        assert_eq!(range as usize, place, "Range::ALL follows the declaration order");
        assert_eq!(
            en.messages.problem_ranges[place],
            range.as_str(),
            "the English catalog says what the engine says"
        );
    }
}
