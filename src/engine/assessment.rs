//! Assessment settings, as data (`static/content/assessment.json`): the modes with their
//! stopping rules, the proficiency levels on the θ scale, the confidence band, and the
//! certainty-based marking scheme. Changing any of them needs no code change.

use super::fields;
use super::irt::{normal_cdf, Estimate};
use super::localized::Localized;
use super::problem::{Problem, ProblemKind, Range};

/// The settings format version this code reads.
/// Schema 2: adaptive lengths and precision are per measured domain (schema 1 capped the
/// whole attempt, which left 1–2 items per domain in an all-domain quick check).
pub const SETTINGS_SCHEMA: u64 = 2;

mod read;

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub schema: u64,
    pub modes: Vec<Mode>,
    /// Ordered from lowest to highest; the first has no lower bound.
    pub levels: Vec<Level>,
    pub band: Band,
    /// Certainty levels from least to most sure.
    pub certainty: Vec<CertaintyLevel>,
    /// A domain's result resting on fewer answers than this is shown as provisional.
    pub provisional_below: usize,
    /// New items asked but not scored, so that answers to them accumulate for calibration.
    pub pilots: Pilots,
}

/// Unscored pilot items: each attempt asks up to `per_domain` of a domain's pilots, at a
/// random place, and no score, level or stopping decision counts them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pilots {
    pub per_domain: usize,
    /// Each pilot item with its domain (named here so the start page can count them before
    /// the domain's file is loaded). A list rather than a map: a map type cost 4 KB of wasm.
    pub items: Vec<Pilot>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pilot {
    pub domain: String,
    pub id: String,
}

impl Pilots {
    /// How many pilot items an attempt asks in `domain`.
    pub fn asked_in(&self, domain: &str) -> usize {
        self.items.iter().filter(|p| p.domain == domain).count().min(self.per_domain)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.items.iter().any(|p| p.id == id)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mode {
    pub id: String,
    pub title: Localized,
    pub description: Localized,
    pub rule: Rule,
}

/// How a mode picks items and when it stops.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    Adaptive(AdaptiveRule),
    Fixed(FixedRule),
}

/// Computerized adaptive testing, one domain after another: maximum information with
/// randomesque exposure control, and a stopping rule per domain.
///
/// A domain stops once it has `min_items` and either the level it would show is likely enough
/// (`classify`: a Bayesian rule of computerized classification testing — the posterior
/// probability of the level shown, which is how often it is right when the model holds) or
/// its standard error is at most `se_target`; and in any case at `max_items`. The thresholds
/// were chosen by simulation (`examples/simulate.rs`, `static/content/precision.json`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdaptiveRule {
    /// Items per domain before any stop on precision.
    pub min_items: usize,
    /// Items per domain at most.
    pub max_items: usize,
    /// Stop a domain once its standard error is at most this...
    pub se_target: f64,
    /// ...or once the level shown has at least this probability (`None`: never).
    pub classify: Option<f64>,
    /// Pick at random among this many most informative items.
    pub randomesque: usize,
    /// How many domains the start page recommends at most for this mode (`None`: any).
    pub suggested_domains: Option<usize>,
    /// The learner may stop between domains and come back later (several sittings).
    pub sittings: bool,
}

/// Only a stand-in while reading goes on past a problem (see `fields::Fields`); a settings
/// file that does not read is refused whole.
impl Default for Rule {
    fn default() -> Self {
        Rule::Fixed(FixedRule::default())
    }
}

/// The same items for everyone: drawn with a seed fixed in the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FixedRule {
    pub items_per_domain: usize,
    pub seed: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub id: String,
    pub title: Localized,
    pub description: Localized,
    /// Lowest θ of the level; `null` for the first level.
    pub from: Option<f64>,
}

/// The confidence band shown around an estimate: θ ± z·SE.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Band {
    pub z: f64,
    /// The coverage the band stands for, as shown to users (80 for z = 1.28).
    pub percent: u32,
}

/// One level of certainty-based marking (Gardner-Medwin's scheme, as in Moodle).
#[derive(Clone, Debug, PartialEq)]
pub struct CertaintyLevel {
    pub label: Localized,
    /// Mark when right and when wrong.
    pub right: i32,
    pub wrong: i32,
    /// The range of probability of being right for which this level is the best choice:
    /// accuracy below `sure_from` is over-confidence, at or above `sure_to` under-confidence.
    pub sure_from: f64,
    pub sure_to: f64,
}

/// The length of an attempt, in questions (see [`Settings::length`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    pub per_domain: (usize, usize),
    pub total: (usize, usize),
    /// The most unscored pilot questions a domain adds.
    pub pilots: usize,
}

/// Where an estimate falls among the levels, with the levels at both ends of its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub level: usize,
    pub low: usize,
    pub high: usize,
}

impl Placement {
    /// The band reaches into another level: more items would settle it.
    pub fn straddles(&self) -> bool {
        self.low != self.high
    }
}

impl Settings {
    /// Reads and checks settings; `file` names it in problems.
    pub fn parse(file: &str, text: &str) -> Result<Settings, Vec<Problem>> {
        let problem =
            |path: &str, kind| Problem { file: file.to_string(), item: None, path: path.to_string(), kind };
        let value: crate::engine::json::Value =
            crate::engine::json::Value::parse(text).map_err(|e| vec![Problem::from_json(file, &e)])?;
        let settings = fields::in_file(file, Settings::read(&value)).map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        let mut check = |ok: bool, path: String, kind: ProblemKind| {
            if !ok {
                problems.push(problem(&path, kind));
            }
        };
        check(
            settings.schema == SETTINGS_SCHEMA,
            "schema".into(),
            ProblemKind::UnsupportedSchema { found: settings.schema.to_string() },
        );
        check(!settings.modes.is_empty(), "modes".into(), ProblemKind::Empty);
        for (i, mode) in settings.modes.iter().enumerate() {
            let path = format!("modes[{i}]");
            check(
                settings.modes[..i].iter().all(|m| m.id != mode.id),
                format!("{path}.id"),
                ProblemKind::DuplicateId { id: mode.id.clone() },
            );
            match &mode.rule {
                Rule::Adaptive(r) => {
                    let p = format!("{path}.rule.adaptive");
                    let range = ProblemKind::OutOfRange { range: Range::AboveZeroAtMostTwo };
                    check(r.se_target > 0.0 && r.se_target <= 2.0, format!("{p}.se_target"), range);
                    let positive = ProblemKind::OutOfRange { range: Range::AtLeastOne };
                    check(
                        r.classify.is_none_or(|c| (0.0..=1.0).contains(&c)),
                        format!("{p}.classify"),
                        ProblemKind::OutOfRange { range: Range::ZeroToOne },
                    );
                    check(r.min_items >= 1, format!("{p}.min_items"), positive.clone());
                    check(r.randomesque >= 1, format!("{p}.randomesque"), positive.clone());
                    check(
                        r.suggested_domains.is_none_or(|n| n >= 1),
                        format!("{p}.suggested_domains"),
                        positive,
                    );
                    check(r.min_items <= r.max_items, format!("{p}.max_items"), ProblemKind::OutOfOrder);
                }
                Rule::Fixed(r) => check(
                    r.items_per_domain >= 1,
                    format!("{path}.rule.fixed.items_per_domain"),
                    ProblemKind::OutOfRange { range: Range::AtLeastOne },
                ),
            }
        }
        check(!settings.levels.is_empty(), "levels".into(), ProblemKind::Empty);
        for (i, level) in settings.levels.iter().enumerate() {
            let path = format!("levels[{i}].from");
            match (i, level.from, i.checked_sub(1).and_then(|j| settings.levels[j].from)) {
                (0, from, _) => {
                    check(from.is_none(), path, ProblemKind::OutOfRange { range: Range::NullForFirstLevel })
                }
                (_, None, _) => check(false, path, ProblemKind::Missing),
                (_, Some(from), Some(previous)) => check(from > previous, path, ProblemKind::OutOfOrder),
                (_, Some(_), None) => {}
            }
        }
        let pilots = &settings.pilots.items;
        for (i, pilot) in pilots.iter().enumerate() {
            check(
                pilots[..i].iter().all(|p| p.id != pilot.id),
                format!("pilots.items[{i}].id"),
                ProblemKind::DuplicateId { id: pilot.id.clone() },
            );
        }
        check(
            pilots.is_empty() || settings.pilots.per_domain >= 1,
            "pilots.per_domain".into(),
            ProblemKind::OutOfRange { range: Range::AtLeastOne },
        );
        check(settings.band.z > 0.0, "band.z".into(), ProblemKind::OutOfRange { range: Range::AboveZero });
        check(
            settings.certainty.len() >= 2,
            "certainty".into(),
            ProblemKind::TooFewOptions { min: 2, found: settings.certainty.len() },
        );
        for (i, c) in settings.certainty.iter().enumerate() {
            let path = format!("certainty[{i}]");
            check(c.sure_from < c.sure_to, format!("{path}.sure_to"), ProblemKind::OutOfOrder);
            check(c.right > 0, format!("{path}.right"), ProblemKind::OutOfRange { range: Range::AboveZero });
            check(
                c.wrong <= 0,
                format!("{path}.wrong"),
                ProblemKind::OutOfRange { range: Range::ZeroOrBelow },
            );
        }
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }

    /// Problems for every text that lacks one of `languages` (the bank's languages), so a
    /// mode or level is never shown in the wrong language.
    pub fn missing_languages(&self, file: &str, languages: &[String]) -> Vec<Problem> {
        let mut texts: Vec<(String, &Localized)> = Vec::new();
        for (i, m) in self.modes.iter().enumerate() {
            texts.push((format!("modes[{i}].title"), &m.title));
            texts.push((format!("modes[{i}].description"), &m.description));
        }
        for (i, l) in self.levels.iter().enumerate() {
            texts.push((format!("levels[{i}].title"), &l.title));
            texts.push((format!("levels[{i}].description"), &l.description));
        }
        for (i, c) in self.certainty.iter().enumerate() {
            texts.push((format!("certainty[{i}].label"), &c.label));
        }
        texts
            .into_iter()
            .flat_map(|(path, text)| {
                languages.iter().filter(|l| !text.0.contains_key(*l)).map(move |lang| Problem {
                    file: file.to_string(),
                    item: None,
                    path: path.clone(),
                    kind: ProblemKind::MissingLanguage { lang: lang.clone() },
                })
            })
            .collect()
    }

    pub fn mode(&self, id: &str) -> Option<&Mode> {
        self.modes.iter().find(|m| m.id == id)
    }

    /// How many questions `mode` asks over `domains`, pilots included: per domain and in all,
    /// fewest and most, and the most pilots a domain adds. What the start page states, so it
    /// is computed here and tested.
    pub fn length(&self, mode: &Mode, domains: &[String]) -> Length {
        let (min, max) = match &mode.rule {
            Rule::Adaptive(r) => (r.min_items, r.max_items),
            Rule::Fixed(r) => (r.items_per_domain, r.items_per_domain),
        };
        let pilots: Vec<usize> = domains.iter().map(|d| self.pilots.asked_in(d)).collect();
        let (fewest, most) =
            (pilots.iter().min().copied().unwrap_or(0), pilots.iter().max().copied().unwrap_or(0));
        let added: usize = pilots.iter().sum();
        Length {
            per_domain: (min + fewest, max + most),
            total: (min * domains.len() + added, max * domains.len() + added),
            pilots: most,
        }
    }

    /// The level `theta` falls in.
    pub fn level_at(&self, theta: f64) -> usize {
        self.levels.iter().rposition(|l| l.from.is_none_or(|from| theta >= from)).unwrap_or(0)
    }

    /// The probability that the ability lies in the level `estimate` is placed in, with the
    /// posterior taken as normal (its mean and standard deviation are what EAP gives).
    pub fn level_probability(&self, estimate: Estimate) -> f64 {
        let level = self.level_at(estimate.theta);
        let below = |from: Option<f64>| {
            from.map_or(0.0, |from| normal_cdf((from - estimate.theta) / estimate.se.max(1e-9)))
        };
        let next = self.levels.get(level + 1).map_or(Some(f64::INFINITY), |l| l.from);
        let upper = next.map_or(1.0, |to| if to.is_finite() { below(Some(to)) } else { 1.0 });
        upper - below(self.levels[level].from)
    }

    /// The level of an estimate and of both ends of its confidence band.
    pub fn place(&self, estimate: Estimate) -> Placement {
        let half = self.band.z * estimate.se;
        Placement {
            level: self.level_at(estimate.theta),
            low: self.level_at(estimate.theta - half),
            high: self.level_at(estimate.theta + half),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
