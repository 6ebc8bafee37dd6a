use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::engine::irt::normal_cdf;

fn settings() -> Settings {
    Settings::parse("s.json", include_str!("../../../static/content/assessment.json"))
        .expect("valid settings")
}

fn domains() -> Vec<String> {
    ["data", "programming", "cloud", "web", "cybersecurity"].iter().map(|s| s.to_string()).collect()
}

fn langs() -> Vec<String> {
    vec!["en".into()]
}

fn text(s: &str) -> Value {
    json!({"en": s})
}

fn specialty(id: &str, job_ready: Value, tier: &str, figures: Value) -> Value {
    json!({
        "id": id, "family": "f", "route": "first", "title": text(id), "description": text("d"),
        "start": {}, "job_ready": job_ready,
        "demand": {"tier": tier, "figures": figures}
    })
}

fn figure() -> Value {
    json!([{"text": text("t"), "value": "v", "source": "https://example.org", "year": 2025, "scope": "morocco", "confidence": "primary"}])
}

fn guidance(specialties: Vec<Value>) -> Value {
    let first = specialties[0]["id"].clone();
    json!({
        "schema": 1,
        "weights": {"readiness": 0.6, "interest": 0.25, "demand": 0.15},
        "families": [{"id": "f", "title": text("F")}, {"id": "g", "title": text("G")}],
        "routes": [{"id": "first", "title": text("First job"), "reach": 1.0},
                   {"id": "later", "title": text("After a first job"), "reach": 0.5}],
        "scopes": [{"id": "morocco", "title": text("Morocco")}],
        "formats": [{"id": "online", "title": text("Online")}],
        "costs": [{"id": "unknown", "title": text("Cost unknown")}],
        "provider_types": [{"id": "public", "title": text("Public")}],
        "demand_tiers": [
            {"id": "high", "score": 0.75, "title": text("High"), "rule": text("r")},
            {"id": "unknown", "score": 0.25, "title": text("Unknown"), "rule": text("no local figure")}
        ],
        "specialties": specialties,
        "tracks": [{
            "id": "t1", "title": text("T"), "provider": "P", "provider_type": "public", "specialties": [first],
            "entry": text("e"), "prerequisites": {"data": "intermediate"}, "duration_months": null,
            "format": "online", "cost": "unknown", "link": "https://example.org", "confidence": "primary"
        }]
    })
}

fn parse(v: &Value) -> Result<Guidance, Vec<Problem>> {
    Guidance::parse("g.json", &v.to_string(), &domains(), &langs(), &settings())
}

fn sample() -> Guidance {
    parse(&guidance(vec![
        specialty("a", json!({"data": "advanced", "programming": "intermediate"}), "high", figure()),
        specialty("b", json!({"cloud": "advanced", "programming": "intermediate"}), "high", figure()),
        specialty("c", json!({"web": "intermediate"}), "high", figure()),
        specialty("d", json!({"cybersecurity": "advanced", "cloud": "intermediate"}), "high", figure()),
    ]))
    .expect("valid sample")
}

/// A profile exactly at a target: each needed domain in the middle of its level, others at
/// the first level, all measured precisely.
fn profile_at(settings: &Settings, target: &SortedMap<String, String>) -> Profile {
    domains()
        .into_iter()
        .map(|d| {
            let level =
                target.get(&d).and_then(|l| settings.levels.iter().position(|x| &x.id == l)).unwrap_or(0);
            let from = settings.levels[level].from.unwrap_or(-2.0);
            let to = settings.levels.get(level + 1).and_then(|l| l.from).unwrap_or(from + 1.0);
            (d, Estimate { theta: (from + to) / 2.0, se: 0.15 })
        })
        .collect()
}

#[test]
fn a_profile_equal_to_a_target_ranks_that_specialty_first() {
    let g = sample();
    let s = settings();
    for spec in &g.specialties {
        let ranked = g.rank(&s, &profile_at(&s, &spec.job_ready), &SortedMap::new(), g.weights);
        assert_eq!(
            ranked[0].specialty.id,
            spec.id,
            "{:?}",
            ranked.iter().map(|r| (&r.specialty.id, r.score)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn unknown_demand_cannot_claim_a_high_tier_and_ranks_below_known_demand() {
    let err =
        parse(&guidance(vec![specialty("a", json!({"data": "advanced"}), "high", json!([]))])).unwrap_err();
    assert_eq!(err[0].path, "specialties[0].demand.figures");
    let g = parse(&guidance(vec![
        specialty("a", json!({"data": "advanced"}), "unknown", json!([])),
        specialty("b", json!({"data": "advanced"}), "high", figure()),
    ]))
    .unwrap();
    let ranked = g.rank(&settings(), &SortedMap::new(), &SortedMap::new(), g.weights);
    assert_eq!(ranked[0].specialty.id, "b");
    assert!(ranked[1].demand < ranked[0].demand);
}

#[test]
fn ties_are_broken_by_route_then_demand_never_by_file_order() {
    let with = |id: &str, route: &str, tier: &str| {
        let figures = if tier == "unknown" { json!([]) } else { figure() };
        let mut s = specialty(id, json!({"data": "advanced"}), tier, figures);
        s["route"] = json!(route);
        s
    };
    let specialties =
        vec![with("x", "later", "high"), with("y", "first", "unknown"), with("z", "first", "high")];
    let mut reversed = specialties.clone();
    reversed.reverse();
    // Job-ready in data: the route no longer lowers the match, so the scores are equal but for demand.
    let profile = Profile::from([("data".to_string(), Estimate { theta: 1.0, se: 0.1 })]);
    let weights = Weights { readiness: 1.0, interest: 0.0, demand: 0.0 };
    for list in [specialties, reversed] {
        let g = parse(&guidance(list)).unwrap();
        let ranked = g.rank(&settings(), &profile, &SortedMap::new(), weights);
        let ids: Vec<&str> = ranked.iter().map(|r| r.specialty.id.as_str()).collect();
        assert_eq!(ids, ["z", "y", "x"], "{:?}", ranked.iter().map(|r| r.score).collect::<Vec<_>>());
    }
}

#[test]
fn a_beginner_sees_the_realistic_first_job_before_a_later_one() {
    let mut later = specialty("later-job", json!({"data": "intermediate"}), "high", figure());
    later["route"] = json!("later");
    let first = specialty("first-job", json!({"data": "intermediate"}), "high", figure());
    let g = parse(&guidance(vec![later, first])).unwrap();
    let beginner = Profile::from([("data".to_string(), Estimate { theta: -1.5, se: 0.3 })]);
    let ranked = g.rank(&settings(), &beginner, &SortedMap::new(), g.weights);
    assert_eq!(ranked[0].specialty.id, "first-job");
    assert!(ranked[0].score > ranked[1].score);
}

#[test]
fn a_first_level_need_is_neither_a_strength_nor_readiness() {
    let s = settings();
    let g = parse(&guidance(vec![
        specialty("a", json!({"data": "foundation", "web": "intermediate"}), "high", figure()),
        specialty("b", json!({"web": "intermediate"}), "high", figure()),
    ]))
    .unwrap();
    let profile = Profile::from([
        ("data".to_string(), Estimate { theta: -1.5, se: 0.3 }),
        ("web".to_string(), Estimate { theta: -1.5, se: 0.3 }),
    ]);
    let ranked = g.rank(&s, &profile, &SortedMap::new(), g.weights);
    for r in &ranked {
        assert!(r.strengths.is_empty(), "{}: {:?}", r.specialty.id, r.strengths);
    }
    // The no-op need changes nothing: a and b score the same.
    assert!((ranked[0].score - ranked[1].score).abs() < 1e-12);
}

#[test]
fn a_provisional_level_counts_less_than_a_settled_one() {
    let g = sample();
    let s = settings();
    let at = |se: f64| {
        let profile = Profile::from([
            ("data".to_string(), Estimate { theta: 1.0, se }),
            ("programming".to_string(), Estimate { theta: 0.0, se: 0.3 }),
        ]);
        let ranked = g.rank(&s, &profile, &SortedMap::new(), g.weights);
        ranked.iter().find(|r| r.specialty.id == "a").unwrap().score
    };
    assert!(at(0.3) > at(0.8));
}

#[test]
fn what_to_measure_next_names_an_unmeasured_need_then_the_domain_that_splits_a_close_call() {
    let g = sample();
    let s = settings();
    // Data measured high; "a" needs programming too, which nobody measured.
    let profile = Profile::from([("data".to_string(), Estimate { theta: 1.0, se: 0.3 })]);
    let ranked = g.rank(&s, &profile, &SortedMap::new(), g.weights);
    assert_eq!(ranked[0].specialty.id, "a");
    assert_eq!(
        g.measure_next(&s, &profile, &ranked),
        Some(MeasureNext { domain: "programming".into(), why: Why::Unmeasured { specialty: "a".into() } })
    );
    // Two specialties with the same score: the domain they need at different levels.
    let close = parse(&guidance(vec![
        specialty("p", json!({"data": "advanced", "web": "intermediate"}), "high", figure()),
        specialty("q", json!({"data": "intermediate", "web": "advanced"}), "high", figure()),
    ]))
    .unwrap();
    let profile = Profile::from([
        ("data".to_string(), Estimate { theta: 0.5, se: 0.7 }),
        ("web".to_string(), Estimate { theta: 0.5, se: 0.3 }),
    ]);
    let ranked = close.rank(&s, &profile, &SortedMap::new(), close.weights);
    assert!(ranked[0].score - ranked[1].score < CLOSE);
    let next = close.measure_next(&s, &profile, &ranked).unwrap();
    assert_eq!(next.domain, "data", "the wider estimate is the one worth measuring again");
    // Settled and far apart: nothing to add.
    let sure = Profile::from([
        ("data".to_string(), Estimate { theta: 1.0, se: 0.2 }),
        ("web".to_string(), Estimate { theta: -1.5, se: 0.2 }),
    ]);
    let ranked = close.rank(&s, &sure, &SortedMap::new(), close.weights);
    assert_eq!(close.measure_next(&s, &sure, &ranked), None);
}

#[test]
fn a_misspelt_field_is_refused_where_it_is() {
    let mut v = guidance(vec![specialty("a", json!({"data": "advanced"}), "high", figure())]);
    v["specialties"][0]["job_redy"] = json!({});
    let err = parse(&v).unwrap_err();
    assert_eq!(err[0].kind, ProblemKind::Unexpected, "{err:?}");
    assert_eq!(err[0].path, "specialties[0].job_redy");
}

#[test]
fn gaps_and_tracks_explain_the_distance() {
    let g = sample();
    let s = settings();
    let mut profile = Profile::new();
    profile.insert("data".into(), Estimate { theta: 0.0, se: 0.2 });
    let ranked = g.rank(&s, &profile, &SortedMap::new(), g.weights);
    let a = ranked.iter().find(|r| r.specialty.id == "a").unwrap();
    assert_eq!(a.gaps[0], Gap { domain: "data".into(), have: Some(1), need: 2 });
    assert_eq!(a.unmeasured, vec!["programming".to_string()], "not measured: neither strength nor gap");
    assert!(a.strengths.is_empty());
    let (now, next) = g.tracks_for(&s, &profile, "a");
    assert_eq!(now.len(), 1, "intermediate data meets the track's prerequisite");
    assert!(next.is_empty());
    let (now, next) = g.tracks_for(&s, &Profile::new(), "a");
    assert!(now.is_empty());
    assert_eq!(next[0].1, vec![Gap { domain: "data".into(), have: None, need: 1 }]);
}

#[test]
fn bad_guidance_is_reported_precisely() {
    let mut v =
        guidance(vec![specialty("a", json!({"astrology": "advanced", "data": "guru"}), "nope", figure())]);
    v["tracks"][0]["specialties"] = json!(["zz"]);
    v["tracks"][0]["format"] = json!("carrier pigeon");
    v["tracks"][0]["cost"] = json!("priceless");
    v["tracks"][0]["bac_streams"] = json!(["astrology"]);
    v["specialties"][0]["demand"]["figures"][0]["scope"] = json!("mars");
    v["formats"] =
        json!([{"id": "online", "title": text("Online")}, {"id": "online", "title": {"fr": "En ligne"}}]);
    let err = parse(&v).unwrap_err();
    let found: Vec<String> = err.iter().map(|p| format!("{}: {}", p.path, p.kind)).collect();
    assert_eq!(
        found,
        [
            "formats[1].id: id \"online\" is used more than once",
            "specialties[0].job_ready.astrology: names domain \"astrology\", which the bank does not define",
            "specialties[0].job_ready.data: names option \"guru\", which does not exist",
            "specialties[0].demand.tier: names option \"nope\", which does not exist",
            "specialties[0].demand.figures[0].scope: names option \"mars\", which does not exist",
            "tracks[0].specialties: names option \"zz\", which does not exist",
            "tracks[0].format: names option \"carrier pigeon\", which does not exist",
            "tracks[0].cost: names option \"priceless\", which does not exist",
            "tracks[0].bac_streams: names option \"astrology\", which does not exist",
            "formats[1].title: has no text in \"en\", a language the bank declares",
        ]
    );
}

#[test]
fn interests_give_a_score_per_family() {
    let text = json!({"schema": 1, "items": [
        {"id": "i1", "family": "f", "text": {"en": "a"}},
        {"id": "i2", "family": "f", "text": {"en": "b"}},
        {"id": "i3", "family": "g", "text": {"en": "c"}}
    ]});
    let g = sample();
    let i = Interests::parse("i.json", &text.to_string(), &g.families, &langs()).unwrap();
    let scores =
        i.scores(&SortedMap::from([("i1".to_string(), 1), ("i2".to_string(), 0), ("i3".to_string(), -1)]));
    assert_eq!(scores.get("f"), Some(&0.75));
    assert_eq!(scores.get("g"), Some(&0.0));
}

fn interests_text() -> String {
    json!({"schema": 1, "items": [
        {"id": "i1", "family": "f", "text": {"en": "a"}},
        {"id": "i2", "family": "g", "text": {"en": "b"}}
    ]})
    .to_string()
}

fn build(local: Option<&LocalFile>) -> Result<GuidanceData, Vec<Problem>> {
    let (domains, languages, settings) = (domains(), langs(), settings());
    let checks = Checks { domains: &domains, languages: &languages, settings: &settings };
    let shipped = guidance(vec![specialty("a", json!({"data": "advanced"}), "high", figure())]);
    GuidanceData::build(&shipped.to_string(), &interests_text(), local, &checks)
}

#[test]
fn a_valid_local_file_replaces_the_shipped_data() {
    let mut own = guidance(vec![specialty("ours", json!({"web": "intermediate"}), "high", figure())]);
    own["tracks"][0]["id"] = json!("our-track");
    let file = LocalFile { name: "school.json".into(), text: own.to_string() };
    let data = build(Some(&file)).unwrap();
    assert_eq!(data.local.as_deref(), Some("school.json"));
    assert!(data.local_problems.is_empty());
    assert_eq!(data.guidance.specialties[0].id, "ours");
    assert_eq!(build(None).unwrap().guidance.specialties[0].id, "a");
}

#[test]
fn a_bad_local_file_leaves_the_shipped_data_in_use_and_says_why() {
    // Not JSON at all: one problem, at the place the reader stopped.
    let file = LocalFile { name: "notes.json".into(), text: "{\"tracks\": [".into() };
    let data = build(Some(&file)).unwrap();
    assert_eq!(data.local, None);
    assert_eq!(data.guidance.specialties[0].id, "a");
    assert_eq!(data.local_problems[0].file, "notes.json");
    assert!(matches!(data.local_problems[0].kind, ProblemKind::Syntax { .. }));
    // Valid guidance that drops a family the questionnaire asks about.
    let mut own = guidance(vec![specialty("ours", json!({"web": "intermediate"}), "high", figure())]);
    own["families"] = json!([{"id": "f", "title": text("F")}]);
    let file = LocalFile { name: "school.json".into(), text: own.to_string() };
    let data = build(Some(&file)).unwrap();
    assert_eq!(data.local, None);
    let found: Vec<String> = data.local_problems.iter().map(|p| format!("{}: {}", p.path, p.kind)).collect();
    assert_eq!(found, ["families: does not define \"g\", which the interest questionnaire uses"]);
}

#[test]
fn normal_cdf_is_accurate() {
    for (x, p) in [(0.0, 0.5), (1.0, 0.841_344_746), (-1.96, 0.024_997_895), (3.0, 0.998_650_102)] {
        assert!((normal_cdf(x) - p).abs() < 1e-6, "{x}");
    }
}

proptest! {
    /// Raising a domain's level never lowers readiness for a specialty that needs it.
    #[test]
    fn raising_a_level_never_lowers_readiness(theta in -3.0f64..3.0, step in 0.0f64..2.0, se in 0.05f64..1.5, domain in 0usize..5) {
        let g = sample();
        let s = settings();
        let d = domains()[domain].clone();
        let mut before = Profile::new();
        before.insert(d.clone(), Estimate { theta, se });
        let mut after = before.clone();
        after.insert(d.clone(), Estimate { theta: theta + step, se });
        let r0 = g.rank(&s, &before, &SortedMap::new(), g.weights);
        let r1 = g.rank(&s, &after, &SortedMap::new(), g.weights);
        for spec in g.specialties.iter().filter(|x| x.job_ready.contains_key(&d)) {
            let a = r0.iter().find(|r| r.specialty.id == spec.id).unwrap();
            let b = r1.iter().find(|r| r.specialty.id == spec.id).unwrap();
            prop_assert!(b.job_readiness >= a.job_readiness - 1e-12);
            prop_assert!(b.readiness >= a.readiness - 1e-12);
        }
    }
}
