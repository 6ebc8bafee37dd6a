use super::*;
use crate::engine::guidance::Label;
use crate::engine::localized::Localized;

fn label(id: &str) -> Label {
    Label { id: id.into(), title: Localized::en(id) }
}

fn guidance() -> Guidance {
    Guidance {
        schema: 1,
        weights: crate::engine::guidance::Weights { readiness: 1.0, interest: 0.0, demand: 0.0 },
        families: vec![],
        routes: vec![],
        scopes: vec![],
        formats: vec![],
        costs: vec![],
        provider_types: vec![],
        diplomas: ["none", "bac", "bac2", "licence"].map(label).to_vec(),
        regions: ["online", "nationwide", "oriental", "souss-massa"].map(label).to_vec(),
        bac_streams: ["sciences-math", "letters"].map(label).to_vec(),
        demand_tiers: vec![],
        specialties: vec![],
        tracks: vec![],
    }
}

fn track() -> Track {
    Track {
        id: "t".into(),
        title: Localized::en("T"),
        provider: "P".into(),
        provider_type: "public".into(),
        specialties: vec![],
        entry: Localized::en("e"),
        prerequisites: Default::default(),
        duration_months: None,
        format: None,
        cost: "unknown".into(),
        link: "https://example.org".into(),
        confidence: "primary".into(),
        languages: vec![],
        min_diploma: None,
        bac_streams: vec![],
        age: None,
        regions: vec![],
        apply: None,
        sources: vec![],
    }
}

#[test]
fn unknown_facts_are_kept_by_every_filter() {
    let g = guidance();
    let strict = TrackFilter {
        format: "online".into(),
        cost: "free".into(),
        max_months: Some(6),
        language: "ar".into(),
        diploma: "none".into(),
        bac_stream: "letters".into(),
        age: Some(40),
        region: "oriental".into(),
    };
    assert!(strict.keeps(&g, &track()));
}

#[test]
fn stated_facts_are_filtered() {
    let g = guidance();
    let t = Track {
        languages: vec!["fr".into()],
        min_diploma: Some("bac".into()),
        bac_streams: vec!["sciences-math".into()],
        age: Some(AgeLimits { min: Some(18), max: Some(30) }),
        regions: vec!["souss-massa".into()],
        cost: "paid".into(),
        duration_months: Some(24),
        ..track()
    };
    let keeps = |f: TrackFilter| f.keeps(&g, &t);
    assert!(keeps(TrackFilter::default()));
    assert!(!keeps(TrackFilter { language: "ar".into(), ..Default::default() }));
    assert!(keeps(TrackFilter { language: "fr".into(), ..Default::default() }));
    assert!(!keeps(TrackFilter { diploma: "none".into(), ..Default::default() }));
    assert!(keeps(TrackFilter { diploma: "licence".into(), ..Default::default() }));
    assert!(!keeps(TrackFilter { bac_stream: "letters".into(), ..Default::default() }));
    assert!(keeps(TrackFilter { bac_stream: "sciences-math".into(), ..Default::default() }));
    assert!(!keeps(TrackFilter { age: Some(31), ..Default::default() }));
    assert!(keeps(TrackFilter { age: Some(18), ..Default::default() }));
    assert!(!keeps(TrackFilter { region: "oriental".into(), ..Default::default() }));
    assert!(keeps(TrackFilter { region: "souss-massa".into(), ..Default::default() }));
    assert!(!keeps(TrackFilter { cost: "free".into(), ..Default::default() }));
    assert!(!keeps(TrackFilter { max_months: Some(12), ..Default::default() }));
    let online = Track { regions: vec!["online".into()], ..track() };
    assert!(TrackFilter { region: "oriental".into(), ..Default::default() }.keeps(&g, &online));
}
