//! Which training tracks a counselor lists: by format, cost, duration, language of
//! instruction, the learner's diploma and age, and region. A track whose data does not state
//! a fact is kept (the page says "not stated"): an unknown is never filtered out silently.

use super::{AgeLimits, Guidance, Track};

/// The cost id that means "no source states the cost".
const UNKNOWN_COST: &str = "unknown";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrackFilter {
    /// A format id, a cost id, or empty for any.
    pub format: String,
    pub cost: String,
    /// Tracks lasting at most this many months.
    pub max_months: Option<u32>,
    /// A language of instruction (code), or empty for any.
    pub language: String,
    /// The learner's highest diploma (an id of the data's `diplomas`), or empty for any.
    pub diploma: String,
    pub age: Option<u32>,
    /// A region id, or empty for any; online and nationwide tracks are open in every region.
    pub region: String,
}

impl TrackFilter {
    pub fn keeps(&self, g: &Guidance, t: &Track) -> bool {
        let any = |chosen: &str| chosen.is_empty();
        let rank = |id: &str| g.diplomas.iter().position(|d| d.id == id);
        let format = any(&self.format) || t.format.as_deref().is_none_or(|f| f == self.format);
        let cost = any(&self.cost) || t.cost == UNKNOWN_COST || t.cost == self.cost;
        let months = self.max_months.is_none_or(|max| t.duration_months.is_none_or(|d| d <= max));
        let language = any(&self.language) || t.languages.is_empty() || t.languages.contains(&self.language);
        let diploma = any(&self.diploma)
            || t.min_diploma
                .as_deref()
                .and_then(rank)
                .is_none_or(|need| rank(&self.diploma).is_some_and(|have| have >= need));
        let age = match (self.age, t.age) {
            (Some(age), Some(AgeLimits { min, max })) => {
                min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m)
            }
            _ => true,
        };
        let region = any(&self.region)
            || t.regions.is_empty()
            || t.regions.iter().any(|r| r == &self.region || r == "online" || r == "nationwide");
        format && cost && months && language && diploma && age && region
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
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
        assert!(!keeps(TrackFilter { age: Some(31), ..Default::default() }));
        assert!(keeps(TrackFilter { age: Some(18), ..Default::default() }));
        assert!(!keeps(TrackFilter { region: "oriental".into(), ..Default::default() }));
        assert!(keeps(TrackFilter { region: "souss-massa".into(), ..Default::default() }));
        assert!(!keeps(TrackFilter { cost: "free".into(), ..Default::default() }));
        assert!(!keeps(TrackFilter { max_months: Some(12), ..Default::default() }));
        let online = Track { regions: vec!["online".into()], ..track() };
        assert!(TrackFilter { region: "oriental".into(), ..Default::default() }.keeps(&g, &online));
    }
}
