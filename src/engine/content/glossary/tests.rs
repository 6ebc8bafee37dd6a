use super::*;

#[test]
fn whole_words_and_plurals_match_but_not_parts_of_words() {
    let text = "Codes, a code; the encoder and QR Code";
    let hits: Vec<&str> = find_word(text, "code").into_iter().map(|r| &text[r]).collect();
    assert_eq!(hits, ["Codes", "code", "Code"]);
    assert_eq!(find_word("browsers' cache", "browser").len(), 1);
    assert!(find_word("routeur", "router").is_empty());
}

#[test]
fn arabic_marks_do_not_make_two_forms() {
    assert_eq!(normalize("الدالّة"), normalize("الدالة"));
    assert_eq!(normalize("Pare-Feu"), "pare-feu");
}

#[test]
fn problems_name_the_term() {
    let text = r#"{"schema": 1, "terms": [{"en": "code", "ar": []}, {"en": "Code", "fr": ["code"]}]}"#;
    let problems = Glossary::parse(text).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("\"code\"") && problems[0].contains("ar has an empty list"));
    assert!(problems[1].contains("listed twice"));
    let ok = Glossary::parse(
        r#"{"schema": 1, "terms": [{"en": "code", "fr": ["code"]}, {"en": "QR code", "fr": ["code QR"]}]}"#,
    )
    .unwrap();
    assert_eq!(ok.terms[0].en, "QR code");
}
