#![cfg(not(target_arch = "wasm32"))]
//! The shipped guidance data must validate against the bank and settings, and every demand
//! figure must carry a source and a year.

use kafaa::engine::assessment::Settings;
use kafaa::engine::bank::Index;
use kafaa::engine::guidance::{Guidance, Interests};
use kafaa::engine::irt::Estimate;
use kafaa::engine::sorted::SortedMap;

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

/// Every figure says where it comes from and how sure that is; every track links to a page
/// about the training itself — never a code repository or a document-sharing site — and one
/// not on the provider's own site is marked as less sure.
#[test]
fn figures_and_tracks_say_where_they_come_from() {
    let (guidance, _, _) = shipped();
    let confidences = ["primary", "secondary", "unverified"];
    for s in &guidance.specialties {
        for f in &s.demand.figures {
            assert!(confidences.contains(&f.confidence.as_str()), "{}: {f:?}", s.id);
            assert!(
                !f.scope.is_empty() && f.year >= 2000 && f.source.starts_with("https://"),
                "{}: {f:?}",
                s.id
            );
        }
    }
    // Code and document sharing, news and orientation portals: never the provider's page.
    let shared = [
        "github.com",
        "gitlab.com",
        "scribd.com",
        "slideshare.net",
        "docplayer",
        "calameo.com",
        "issuu.com",
        "souss.digital",
        "lessentielinfo.com",
        "mapexpress.ma",
        "etudiant.ma",
        "telquel.ma",
        "le360.ma",
        "leconomiste.com",
        "yabiladi.com",
        "hespress.com",
        "medias24.com",
        "lematin.ma",
        "9rayti.com",
        "tawjihnet.net",
        "libe.ma",
        "lavieeco.com",
    ];
    assert!(guidance.tracks.len() >= 40, "{} tracks", guidance.tracks.len());
    for t in &guidance.tracks {
        assert!(t.link.starts_with("https://"), "{}: {}", t.id, t.link);
        assert!(
            !shared.iter().any(|h| t.link.contains(h)),
            "{}: {} is not the provider's page",
            t.id,
            t.link
        );
        assert!(confidences.contains(&t.confidence.as_str()), "{}: {}", t.id, t.confidence);
    }
}

/// An estimate in the middle of a level, settled (or wide, for a provisional one).
fn at_level(settings: &Settings, level: &str, se: f64) -> Estimate {
    let i = settings.levels.iter().position(|x| x.id == level).unwrap_or_else(|| panic!("no level {level}"));
    let from = settings.levels[i].from.unwrap_or(-1.5);
    let to = settings.levels.get(i + 1).and_then(|x| x.from).unwrap_or(from + 1.0);
    Estimate { theta: (from + to) / 2.0, se }
}

/// Each specialty is strictly first — no tie — for a learner exactly at its job-ready levels
/// (other domains unmeasured), when only readiness counts.
#[test]
fn every_specialty_is_strictly_first_for_its_own_target_profile() {
    let (guidance, _, settings) = shipped();
    let weights = kafaa::engine::guidance::Weights { readiness: 1.0, interest: 0.0, demand: 0.0 };
    for s in &guidance.specialties {
        let profile: SortedMap<String, Estimate> =
            s.job_ready.iter().map(|(d, l)| (d.clone(), at_level(&settings, l, 0.15))).collect();
        let ranked = guidance.rank(&settings, &profile, &SortedMap::new(), weights);
        let order: Vec<String> =
            ranked.iter().take(3).map(|r| format!("{} {:.4}", r.specialty.id, r.score)).collect();
        assert_eq!(ranked[0].specialty.id, s.id, "{}: {order:?}", s.id);
        assert!(ranked[0].score > ranked[1].score + 1e-6, "{}: a tie {order:?}", s.id);
    }
}

/// The counselor panel (`tests/counselor-panel.json`): learner profiles with the top three a
/// counselor would accept and the specialties they would name first, ranked with the
/// shipped data and weights.
#[test]
fn the_counselor_panel_accepts_every_top_three() {
    let (guidance, _, settings) = shipped();
    let panel: serde_json::Value = serde_json::from_str(&read("tests/counselor-panel.json")).unwrap();
    let profiles = panel["profiles"].as_array().unwrap();
    assert!(profiles.len() >= 12);
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().map_or(vec![], |a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
    };
    let mut failures = Vec::new();
    for p in profiles {
        let provisional = ids(&p["provisional"]);
        let profile: SortedMap<String, Estimate> = p["levels"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(d, l)| {
                let se = if provisional.contains(d) { 0.8 } else { 0.3 };
                (d.clone(), at_level(&settings, l.as_str().unwrap(), se))
            })
            .collect();
        let interests: SortedMap<String, f64> = p["interests"]
            .as_object()
            .map_or(SortedMap::new(), |o| o.iter().map(|(f, v)| (f.clone(), v.as_f64().unwrap())).collect());
        for id in ids(&p["first"]).iter().chain(&ids(&p["top3"])) {
            assert!(guidance.specialties.iter().any(|s| &s.id == id), "{}: no specialty {id}", p["id"]);
        }
        let ranked = guidance.rank(&settings, &profile, &interests, guidance.weights);
        let top: Vec<String> = ranked.iter().take(3).map(|r| r.specialty.id.clone()).collect();
        let shown: Vec<String> =
            ranked.iter().take(5).map(|r| format!("{} {:.3}", r.specialty.id, r.score)).collect();
        // Shown with `cargo test --test guidance -- --nocapture`: the panel's rankings.
        println!("{}: {shown:?}", p["id"].as_str().unwrap());
        let accepted = ids(&p["top3"]);
        if !ids(&p["first"]).contains(&top[0]) || top.iter().any(|t| !accepted.contains(t)) {
            failures.push(format!("{}: {shown:?}", p["id"].as_str().unwrap()));
        }
    }
    assert!(failures.is_empty(), "{} profile(s):\n{}", failures.len(), failures.join("\n"));
}
