//! Reading guidance files' shape, by hand (see [`crate::engine::fields`] for why): strictly,
//! so that a field the format does not know is reported with its path (`tracks[3].linkk`)
//! and a school sees which of its entries to correct. What the values must be is checked
//! after, by [`Guidance::parse`] and [`Interests::parse`].

use crate::engine::json::Value;

use super::{
    AgeLimits, Apply, Demand, Figure, Guidance, InterestItem, Interests, Label, Route, Specialty, Tier,
    Track, Weights,
};
use crate::engine::fields::{list, map, number, object, string, strings, unsigned, Read};
use crate::engine::localized::Localized;

fn labels(v: &Value) -> Read<Vec<Label>> {
    list(v, |v| {
        let mut f = object(v)?;
        let label = Label { id: f.get("id", string), title: f.get("title", Localized::read) };
        f.finish().map(|()| label)
    })
}

/// Domain → level id.
fn levels(v: &Value) -> Read<crate::engine::sorted::SortedMap<String, String>> {
    map(v, string)
}

impl Guidance {
    pub(super) fn read(v: &Value) -> Read<Guidance> {
        let mut f = object(v)?;
        let guidance = Guidance {
            schema: f.get("schema", unsigned),
            weights: f.get("weights", |v| {
                let mut f = object(v)?;
                let weights = Weights {
                    readiness: f.get("readiness", number),
                    interest: f.get("interest", number),
                    demand: f.get("demand", number),
                };
                f.finish().map(|()| weights)
            }),
            families: f.get("families", labels),
            routes: f.get("routes", |v| {
                list(v, |v| {
                    let mut f = object(v)?;
                    let route = Route {
                        id: f.get("id", string),
                        title: f.get("title", Localized::read),
                        reach: f.get("reach", number),
                    };
                    f.finish().map(|()| route)
                })
            }),
            scopes: f.get("scopes", labels),
            formats: f.get("formats", labels),
            costs: f.get("costs", labels),
            provider_types: f.get("provider_types", labels),
            diplomas: f.optional("diplomas", labels).unwrap_or_default(),
            regions: f.optional("regions", labels).unwrap_or_default(),
            bac_streams: f.optional("bac_streams", labels).unwrap_or_default(),
            demand_tiers: f.get("demand_tiers", |v| {
                list(v, |v| {
                    let mut f = object(v)?;
                    let tier = Tier {
                        id: f.get("id", string),
                        score: f.get("score", number),
                        title: f.get("title", Localized::read),
                        rule: f.get("rule", Localized::read),
                    };
                    f.finish().map(|()| tier)
                })
            }),
            specialties: f.get("specialties", |v| list(v, Specialty::read)),
            tracks: f.get("tracks", |v| list(v, Track::read)),
        };
        f.finish().map(|()| guidance)
    }
}

impl Specialty {
    fn read(v: &Value) -> Read<Specialty> {
        let mut f = object(v)?;
        let specialty = Specialty {
            id: f.get("id", string),
            family: f.get("family", string),
            route: f.get("route", string),
            title: f.get("title", Localized::read),
            description: f.get("description", Localized::read),
            start: f.get("start", levels),
            job_ready: f.get("job_ready", levels),
            demand: f.get("demand", |v| {
                let mut f = object(v)?;
                let demand = Demand {
                    tier: f.get("tier", string),
                    figures: f.get("figures", |v| list(v, Figure::read)),
                };
                f.finish().map(|()| demand)
            }),
        };
        f.finish().map(|()| specialty)
    }
}

impl Figure {
    fn read(v: &Value) -> Read<Figure> {
        let mut f = object(v)?;
        let figure = Figure {
            text: f.get("text", Localized::read),
            value: f.get("value", string),
            source: f.get("source", string),
            year: f.get("year", unsigned),
            scope: f.get("scope", string),
            confidence: f.get("confidence", string),
        };
        f.finish().map(|()| figure)
    }
}

impl Track {
    fn read(v: &Value) -> Read<Track> {
        let mut f = object(v)?;
        let track = Track {
            id: f.get("id", string),
            title: f.get("title", Localized::read),
            provider: f.get("provider", string),
            provider_type: f.get("provider_type", string),
            specialties: f.get("specialties", strings),
            entry: f.get("entry", Localized::read),
            prerequisites: f.get("prerequisites", levels),
            duration_months: f.optional("duration_months", unsigned),
            format: f.optional("format", string),
            cost: f.get("cost", string),
            link: f.get("link", string),
            confidence: f.get("confidence", string),
            languages: f.optional("languages", strings).unwrap_or_default(),
            min_diploma: f.optional("min_diploma", string),
            bac_streams: f.optional("bac_streams", strings).unwrap_or_default(),
            age: f.optional("age", |v| {
                let mut f = object(v)?;
                let age = AgeLimits { min: f.optional("min", unsigned), max: f.optional("max", unsigned) };
                f.finish().map(|()| age)
            }),
            regions: f.optional("regions", strings).unwrap_or_default(),
            apply: f.optional("apply", |v| {
                let mut f = object(v)?;
                let apply =
                    Apply { period: f.optional("period", Localized::read), link: f.optional("link", string) };
                f.finish().map(|()| apply)
            }),
            sources: f.optional("sources", strings).unwrap_or_default(),
        };
        f.finish().map(|()| track)
    }
}

impl Interests {
    pub(super) fn read(v: &Value) -> Read<Interests> {
        let mut f = object(v)?;
        let interests = Interests {
            schema: f.get("schema", unsigned),
            items: f.get("items", |v| {
                list(v, |v| {
                    let mut f = object(v)?;
                    let item = InterestItem {
                        id: f.get("id", string),
                        family: f.get("family", string),
                        text: f.get("text", Localized::read),
                    };
                    f.finish().map(|()| item)
                })
            }),
        };
        f.finish().map(|()| interests)
    }
}
