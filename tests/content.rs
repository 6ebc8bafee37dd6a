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
        assert!(c.total >= 60, "{}: {} items", c.domain, c.total);
        // Enough hard items that the top level can be reached and told apart.
        for (d, (name, min)) in [("easy", 10), ("medium", 15), ("hard", 15)].iter().enumerate() {
            assert!(c.of_difficulty(d) >= *min, "{}: only {} {name} items", c.domain, c.of_difficulty(d));
        }
        for kind in TYPES {
            assert!(c.of_type(kind) >= 3, "{}: only {} {kind} items", c.domain, c.of_type(kind));
        }
        for lang in &bank.languages {
            assert_eq!(c.languages.get(lang), Some(&c.total), "{}: not all items in {lang}", c.domain);
        }
        assert!(c.with_code >= 3, "{}: only {} code or log reading items", c.domain, c.with_code);
        assert!(c.subtopics.values().all(|&n| n >= 8), "{}: a thin sub-topic {:?}", c.domain, c.subtopics);
    }
    // Reading code is the job in these domains.
    for domain in ["programming", "web", "data", "devops"] {
        let c = counts.iter().find(|c| c.domain == domain).unwrap();
        assert!(c.with_code >= 15, "{domain}: only {} code items", c.with_code);
    }
}

/// Every sub-topic is asked at every difficulty, so a learner placed low or high still meets
/// all of a domain.
#[test]
fn every_subtopic_is_covered_at_every_difficulty() {
    use kafaa::engine::bank::Difficulty;
    let bank = shipped_bank();
    for d in &bank.domains {
        for s in &d.subtopics {
            for level in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
                let n = bank.items_in(&d.id).filter(|i| i.subtopic == s.id && i.difficulty == level).count();
                assert!(n >= 1, "{}/{}: no {level:?} item", d.id, s.id);
            }
        }
    }
}

/// The item-writing lint finds nothing: no cue a test-wise learner can use, one word per
/// term in every language, no invisible direction marks. Its figures and every violation are
/// in `cargo run --example content_report`.
#[test]
fn the_bank_passes_the_item_writing_lint() {
    use kafaa::engine::content::glossary::Glossary;
    use kafaa::engine::content::lint::lint;
    let glossary =
        Glossary::parse(&read("static/content/glossary.json")).unwrap_or_else(|p| panic!("{p:#?}"));
    let bank = shipped_bank();
    for term in &glossary.terms {
        for d in &term.domains {
            assert!(bank.domains.iter().any(|x| &x.id == d), "glossary {:?}: no domain {d}", term.en);
        }
    }
    let lint = lint(&bank, &glossary);
    let list: Vec<String> = lint.violations.iter().map(ToString::to_string).collect();
    assert!(list.is_empty(), "{} violation(s):\n{}", list.len(), list.join("\n"));
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

/// The figures the "About these levels" page shows are simulated from the shipped settings
/// and bank, not typed: the file must come from the current ones
/// (`cargo run --release --example simulate -- --write static/content/precision.json`), and
/// its figures meet the goals the levels are shown for.
#[test]
fn precision_figures_are_generated_from_the_shipped_settings_and_bank() {
    use kafaa::engine::assessment::Settings;
    use kafaa::engine::simulate::{fingerprint, PrecisionFile};
    let settings_text = read("static/content/assessment.json");
    let settings = Settings::parse("assessment.json", &settings_text).expect("valid settings");
    let file = PrecisionFile::parse(&read("static/content/precision.json")).expect("a precision file");
    assert_eq!(
        file.fingerprint,
        fingerprint(&settings_text, &shipped_bank()),
        "static/content/precision.json is stale: run `cargo run --release --example simulate -- --write \
         static/content/precision.json`"
    );
    let all: Vec<String> = shipped_bank().domains.iter().map(|d| d.id.clone()).collect();
    for mode in &settings.modes {
        let p = file.mode(&mode.id).unwrap_or_else(|| panic!("no figures for {}", mode.id));
        let (min, max) = settings.length(mode, &all).per_domain;
        // The start page's length claims hold in simulation.
        assert!(p.items_min >= min && p.items_max <= max, "{}: {p:?}", mode.id);
        assert!(p.items_min >= 6, "{}: {} items", mode.id, p.items_min);
        assert!(p.right_level >= 0.60, "{}: right level {}", mode.id, p.right_level);
        assert!((0.77..=0.83).contains(&p.coverage), "{}: coverage {}", mode.id, p.coverage);
        if kafaa::engine::simulate::is_adaptive(mode) {
            assert!(p.max_exposure <= 0.40, "{}: an item is seen by {}", mode.id, p.max_exposure);
        }
    }
    assert!(file.mode("quick").is_some_and(|p| p.overlap <= 0.5));
}

/// Each domain has at least as many items as any mode may ask of it, so the start page's
/// "up to N questions per domain" holds.
#[test]
fn every_domain_has_the_items_every_mode_may_ask() {
    use kafaa::engine::assessment::{Rule, Settings};
    let settings = Settings::parse("assessment.json", &read("static/content/assessment.json")).unwrap();
    let bank = shipped_bank();
    for mode in &settings.modes {
        let max = match &mode.rule {
            Rule::Adaptive(r) => r.max_items,
            Rule::Fixed(r) => r.items_per_domain,
        };
        for d in &bank.domains {
            assert!(bank.items_in(&d.id).count() >= max, "{}: fewer than {max} items for {}", d.id, mode.id);
        }
    }
}

/// Pilot items named in the settings exist, in the domain they are listed under, and are not
/// also needed to fill a mode's scored questions.
#[test]
fn pilot_items_exist_in_their_domains() {
    use kafaa::engine::assessment::{Rule, Settings};
    let settings = Settings::parse("assessment.json", &read("static/content/assessment.json")).unwrap();
    let bank = shipped_bank();
    for pilot in &settings.pilots.items {
        let (domain, id) = (&pilot.domain, &pilot.id);
        let item = bank.item(id).unwrap_or_else(|| panic!("pilot {id} is not in the bank"));
        assert_eq!(&item.domain, domain, "pilot {id} is listed under {domain}");
        let scored = bank.items_in(domain).filter(|i| !settings.pilots.contains(&i.id)).count();
        for mode in &settings.modes {
            let max = match &mode.rule {
                Rule::Adaptive(r) => r.max_items,
                Rule::Fixed(r) => r.items_per_domain,
            };
            assert!(scored >= max, "{domain}: {scored} scored items for {} of {max}", mode.id);
        }
    }
}

/// A mode's description that states its minimum states the one in its rule.
#[test]
fn mode_descriptions_state_the_minimum_of_their_rule() {
    use kafaa::engine::assessment::{Rule, Settings};
    let settings = Settings::parse("assessment.json", &read("static/content/assessment.json")).unwrap();
    for mode in &settings.modes {
        let (Rule::Adaptive(rule), Some(text)) = (&mode.rule, mode.description.0.get("en")) else { continue };
        if let Some((_, rest)) = text.split_once("at least ") {
            assert!(rest.starts_with(&format!("{} questions", rule.min_items)), "{}: {text}", mode.id);
        }
    }
}
