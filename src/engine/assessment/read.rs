//! Reading the settings file's shape, by hand (see [`crate::engine::fields`] for why): every
//! field of the format present, of the right kind, and no other. What the values must be is
//! checked after, by [`Settings::parse`].

use crate::engine::json::Value;

use super::{AdaptiveRule, Band, CertaintyLevel, FixedRule, Level, Mode, Pilot, Pilots, Rule, Settings};
use crate::engine::fields::{boolean, list, number, object, signed, string, tagged, unsigned, Read};
use crate::engine::localized::Localized;

impl Settings {
    pub(super) fn read(v: &Value) -> Read<Settings> {
        let mut f = object(v)?;
        let settings = Settings {
            schema: f.get("schema", unsigned),
            modes: f.get("modes", |v| list(v, Mode::read)),
            levels: f.get("levels", |v| list(v, Level::read)),
            band: f.get("band", |v| {
                let mut f = object(v)?;
                let band = Band { z: f.get("z", number), percent: f.get("percent", unsigned) };
                f.finish().map(|()| band)
            }),
            certainty: f.get("certainty", |v| list(v, CertaintyLevel::read)),
            provisional_below: f.get("provisional_below", unsigned),
            pilots: f.optional("pilots", Pilots::read).unwrap_or_default(),
        };
        f.finish().map(|()| settings)
    }
}

impl Mode {
    fn read(v: &Value) -> Read<Mode> {
        let mut f = object(v)?;
        let mode = Mode {
            id: f.get("id", string),
            title: f.get("title", Localized::read),
            description: f.get("description", Localized::read),
            rule: f.get("rule", Rule::read),
        };
        f.finish().map(|()| mode)
    }
}

impl Rule {
    /// `{"adaptive": {…}}` or `{"fixed": {…}}`.
    fn read(v: &Value) -> Read<Rule> {
        tagged(v, |kind, f| match kind {
            "adaptive" => Some(Rule::Adaptive(f.get("adaptive", AdaptiveRule::read))),
            "fixed" => Some(Rule::Fixed(f.get("fixed", FixedRule::read))),
            _ => None,
        })
    }
}

impl AdaptiveRule {
    fn read(v: &Value) -> Read<AdaptiveRule> {
        let mut f = object(v)?;
        let rule = AdaptiveRule {
            min_items: f.get("min_items", unsigned),
            max_items: f.get("max_items", unsigned),
            se_target: f.get("se_target", number),
            classify: f.optional("classify", number),
            randomesque: f.get("randomesque", unsigned),
            suggested_domains: f.optional("suggested_domains", unsigned),
            sittings: f.optional("sittings", boolean).unwrap_or_default(),
        };
        f.finish().map(|()| rule)
    }
}

impl FixedRule {
    fn read(v: &Value) -> Read<FixedRule> {
        let mut f = object(v)?;
        let rule = FixedRule {
            items_per_domain: f.get("items_per_domain", unsigned),
            seed: f.get("seed", unsigned),
        };
        f.finish().map(|()| rule)
    }
}

impl Level {
    fn read(v: &Value) -> Read<Level> {
        let mut f = object(v)?;
        let level = Level {
            id: f.get("id", string),
            title: f.get("title", Localized::read),
            description: f.get("description", Localized::read),
            from: f.optional("from", number),
        };
        f.finish().map(|()| level)
    }
}

impl CertaintyLevel {
    fn read(v: &Value) -> Read<CertaintyLevel> {
        let mut f = object(v)?;
        let level = CertaintyLevel {
            label: f.get("label", Localized::read),
            right: f.get("right", signed),
            wrong: f.get("wrong", signed),
            sure_from: f.get("sure_from", number),
            sure_to: f.get("sure_to", number),
        };
        f.finish().map(|()| level)
    }
}

impl Pilots {
    fn read(v: &Value) -> Read<Pilots> {
        let mut f = object(v)?;
        let pilots = Pilots {
            per_domain: f.get("per_domain", unsigned),
            items: f.get("items", |v| {
                list(v, |v| {
                    let mut f = object(v)?;
                    let pilot = Pilot { domain: f.get("domain", string), id: f.get("id", string) };
                    f.finish().map(|()| pilot)
                })
            }),
        };
        f.finish().map(|()| pilots)
    }
}
