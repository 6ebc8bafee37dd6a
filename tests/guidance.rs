#![cfg(not(target_arch = "wasm32"))]
//! The shipped guidance data must validate against the bank and settings, and every demand
//! figure must carry a source and a year.

use std::collections::BTreeMap;

use kafaa::engine::assessment::Settings;
use kafaa::engine::bank::Index;
use kafaa::engine::guidance::{Guidance, Interests};
use kafaa::engine::irt::Estimate;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn shipped() -> (Guidance, Interests, Settings) {
    let index = Index::parse("content/index.json", &read("static/content/index.json")).expect("valid index");
    let settings = Settings::parse("content/assessment.json", &read("static/content/assessment.json"))
        .expect("valid settings");
    let domains: Vec<String> = index.domains.iter().map(|d| d.id.clone()).collect();
    let guidance = Guidance::parse(
        "guidance/guidance.json",
        &read("static/guidance/guidance.json"),
        &domains,
        &index.languages,
        &settings,
    )
    .unwrap_or_else(|p| panic!("{}", p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let interests = Interests::parse(
        "guidance/interests.json",
        &read("static/guidance/interests.json"),
        &guidance.families,
        &index.languages,
    )
    .unwrap_or_else(|p| panic!("{p:?}"));
    (guidance, interests, settings)
}

#[test]
fn shipped_guidance_is_valid_and_sourced() {
    let (guidance, interests, _) = shipped();
    assert!(guidance.specialties.len() >= 12);
    assert!(guidance.tracks.len() >= 20);
    assert!(interests.items.len() <= 24);
    for s in &guidance.specialties {
        for f in &s.demand.figures {
            assert!(f.source.starts_with("http") && f.year >= 2000, "{}: {f:?}", s.id);
        }
    }
    for t in &guidance.tracks {
        assert!(!t.specialties.is_empty(), "{} serves no specialty", t.id);
    }
}

#[test]
fn every_specialty_is_ranked_first_for_its_own_target_profile_at_equal_interest() {
    let (guidance, _, settings) = shipped();
    // Demand is equalised: only readiness and fit decide.
    let weights = kafaa::engine::guidance::Weights { readiness: 1.0, interest: 0.0, demand: 0.0 };
    for s in &guidance.specialties {
        let profile: BTreeMap<String, Estimate> = s
            .job_ready
            .iter()
            .map(|(d, l)| {
                let i = settings.levels.iter().position(|x| &x.id == l).unwrap();
                let from = settings.levels[i].from.unwrap_or(-2.0);
                let to = settings.levels.get(i + 1).and_then(|x| x.from).unwrap_or(from + 1.0);
                (d.clone(), Estimate { theta: (from + to) / 2.0, se: 0.15 })
            })
            .collect();
        let ranked = guidance.rank(&settings, &profile, &BTreeMap::new(), weights);
        let best = ranked[0].score;
        let own = ranked.iter().find(|r| r.specialty.id == s.id).unwrap().score;
        assert!(own >= best - 1e-9, "{}: {own} below {} ({best})", s.id, ranked[0].specialty.id);
    }
}
