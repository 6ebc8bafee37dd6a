#![cfg(not(target_arch = "wasm32"))]
//! The shipped content must validate and meet the coverage every domain needs.

use kafaa::engine::bank::{Bank, DomainFile, Index};
use kafaa::engine::content::whole_bank;
use kafaa::engine::report::{count, TYPES};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The whole shipped bank, every domain loaded; every problem listed if any.
fn shipped_bank() -> Bank {
    let (bank, problems) =
        whole_bank(|path| read(&format!("static/content/{path}"))).unwrap_or_else(|p| panic!("index: {p:?}"));
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(list.is_empty(), "{} problem(s):\n{}", list.len(), list.join("\n"));
    bank
}

#[test]
fn shipped_bank_covers_every_domain_in_every_language_and_type() {
    let bank = shipped_bank();
    assert_eq!(bank.languages, ["en", "fr", "ar"]);
    let counts = count(&bank);
    assert!(counts.len() >= 11, "{} domains", counts.len());
    for c in &counts {
        assert!(c.total >= 30, "{}: {} items", c.domain, c.total);
        for (d, name) in ["easy", "medium", "hard"].iter().enumerate() {
            assert!(c.of_difficulty(d) >= 6, "{}: only {} {name} items", c.domain, c.of_difficulty(d));
        }
        for kind in TYPES {
            assert!(c.of_type(kind) >= 3, "{}: only {} {kind} items", c.domain, c.of_type(kind));
        }
        for lang in &bank.languages {
            assert_eq!(c.languages.get(lang), Some(&c.total), "{}: not all items in {lang}", c.domain);
        }
        assert!(c.with_code >= 3, "{}: only {} code or log reading items", c.domain, c.with_code);
        assert!(c.subtopics.values().all(|&n| n >= 2), "{}: a thin sub-topic {:?}", c.domain, c.subtopics);
    }
}

#[test]
fn item_ids_are_unique_across_domains() {
    let bank = shipped_bank();
    let mut ids: Vec<&str> = bank.items.iter().map(|i| i.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len());
}

#[test]
fn broken_fixture_is_reported_item_by_item() {
    let index = Index::parse("content/index.json", &read("static/content/index.json")).unwrap();
    let entry = index.entry("web").expect("the web domain is listed");
    let problems =
        DomainFile::parse(&index, entry, &read("tests/fixtures/broken-domain.json")).expect_err("broken");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "content/domains/web.json, item web-02, items[1].answer: names option \"z\", which does not exist",
            "content/domains/web.json, item web-03, items[2].stem: is missing",
            "content/domains/web.json, item web-04, items[3].explanation: has no text in \"ar\", a language the bank declares",
        ]
    );
}
