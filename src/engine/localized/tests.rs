use super::*;

#[test]
fn falls_back_to_english_then_any() {
    let mut t = Localized::en("Hello");
    t.0.insert("fr".into(), "Bonjour".into());
    assert_eq!(t.get("fr"), "Bonjour");
    assert_eq!(t.get("ar"), "Hello");
    let only_fr = Localized(SortedMap::from([("fr".to_string(), "Salut".to_string())]));
    assert_eq!(only_fr.get("ar"), "Salut");
    assert_eq!(Localized::default().get("en"), "");
}
