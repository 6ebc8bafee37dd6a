//! Career guidance: specialties, training tracks and interests as data
//! (`static/guidance/*.json`), and the matching that ranks specialties for a measured profile
//! and explains itself.
//!
//! Readiness for a specialty is, per domain it needs, the probability that the learner is at
//! or above the needed level given the estimate and its standard error: a wide band counts
//! less, and raising a level never lowers readiness. Fit is how many of the learner's strong
//! domains the specialty uses, so a profile is matched to what it is good at, not only to
//! what it clears. Demand comes from sourced figures; a specialty without a figure gets the
//! lowest tier, so unknown demand never counts as high.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assessment::Settings;
use super::content::Checks;
use super::irt::{normal_cdf, Estimate};
use super::localized::Localized;
use super::problem::{Problem, ProblemKind, Range};
use super::sorting::{sort_stable_by, sort_stable_by_key};

pub const GUIDANCE_FILE: &str = "guidance/guidance.json";
pub const INTERESTS_FILE: &str = "guidance/interests.json";

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Guidance {
    pub schema: u64,
    pub weights: Weights,
    pub families: Vec<Label>,
    /// Where a demand figure applies (Morocco, the world, ...), and the formats, costs and
    /// provider types a training track can have: named in data so that a local file can add
    /// its own.
    pub scopes: Vec<Label>,
    pub formats: Vec<Label>,
    pub costs: Vec<Label>,
    pub provider_types: Vec<Label>,
    pub demand_tiers: Vec<Tier>,
    pub specialties: Vec<Specialty>,
    pub tracks: Vec<Track>,
}

/// How much readiness, interest and demand count in the ranking; a counselor may change them.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Weights {
    pub readiness: f64,
    pub interest: f64,
    pub demand: f64,
}

/// An id with its title in every language: a specialty family, a scope, a format, a cost.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Label {
    pub id: String,
    pub title: Localized,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Tier {
    pub id: String,
    pub score: f64,
    pub title: Localized,
    /// When a specialty is in this tier, in words.
    pub rule: Localized,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Specialty {
    pub id: String,
    pub family: String,
    pub title: Localized,
    pub description: Localized,
    /// Domain → level id needed to start a training track, and to be job-ready.
    pub start: BTreeMap<String, String>,
    pub job_ready: BTreeMap<String, String>,
    pub demand: Demand,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Demand {
    pub tier: String,
    pub figures: Vec<Figure>,
}

/// A sourced figure behind a demand tier.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Figure {
    pub text: Localized,
    pub value: String,
    pub source: String,
    pub year: u32,
    pub scope: String,
    pub confidence: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Track {
    pub id: String,
    pub title: Localized,
    pub provider: String,
    pub provider_type: String,
    pub specialties: Vec<String>,
    pub entry: Localized,
    pub prerequisites: BTreeMap<String, String>,
    /// `None` where no source states it: unknowns stay unknown rather than guessed.
    pub duration_months: Option<u32>,
    pub format: Option<String>,
    pub cost: String,
    pub link: String,
    pub confidence: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Interests {
    pub schema: u64,
    pub items: Vec<InterestItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct InterestItem {
    pub id: String,
    pub family: String,
    pub text: Localized,
}

/// A specialties-and-tracks file a school or counselor loaded, kept as given: it is checked
/// again at every use, against the content of the day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalFile {
    pub name: String,
    pub text: String,
}

/// What the careers page works from: the guidance in use (shipped, or a valid local file),
/// the questionnaire, and what is wrong with a stored local file that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct GuidanceData {
    pub guidance: Guidance,
    pub interests: Interests,
    /// The local file's name when its data is in use.
    pub local: Option<String>,
    /// Why a stored local file is not in use (the shipped data is, instead).
    pub local_problems: Vec<Problem>,
}

impl GuidanceData {
    /// Reads the shipped guidance and questionnaire, and a stored local file if there is one;
    /// a local file that does not check out leaves the shipped data in use, with its problems.
    pub fn build(
        shipped: &str,
        interests: &str,
        local: Option<&LocalFile>,
        checks: &Checks,
    ) -> Result<GuidanceData, Vec<Problem>> {
        let shipped =
            Guidance::parse(GUIDANCE_FILE, shipped, checks.domains, checks.languages, checks.settings)?;
        let interests = Interests::parse(INTERESTS_FILE, interests, &shipped.families, checks.languages)?;
        let mut data = GuidanceData { guidance: shipped, interests, local: None, local_problems: vec![] };
        if let Some(file) = local {
            match data.check_local(file, checks) {
                Ok(guidance) => {
                    data.guidance = guidance;
                    data.local = Some(file.name.clone());
                }
                Err(problems) => data.local_problems = problems,
            }
        }
        Ok(data)
    }

    /// Checks a local file as guidance data that must also name every family the
    /// questionnaire asks about.
    pub fn check_local(&self, file: &LocalFile, checks: &Checks) -> Result<Guidance, Vec<Problem>> {
        let g = Guidance::parse(&file.name, &file.text, checks.domains, checks.languages, checks.settings)?;
        let mut needed: Vec<&String> = self.interests.items.iter().map(|i| &i.family).collect();
        needed.sort_unstable();
        needed.dedup();
        let problems: Vec<Problem> = needed
            .into_iter()
            .filter(|f| g.families.iter().all(|x| &x.id != *f))
            .map(|f| problem(&file.name, "families".into(), ProblemKind::NeededId { id: f.clone() }))
            .collect();
        if problems.is_empty() {
            Ok(g)
        } else {
            Err(problems)
        }
    }
}

/// The measured level per domain (EAP estimate and standard error).
pub type Profile = BTreeMap<String, Estimate>;

/// A domain the learner still needs to work on for a specialty.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub domain: String,
    /// Level positions in the settings: where the learner is (`None`: not measured yet), and
    /// where the specialty or track needs them.
    pub have: Option<usize>,
    pub need: usize,
}

/// A specialty's place in the ranking, with what explains it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked<'g> {
    pub specialty: &'g Specialty,
    pub score: f64,
    /// Probability-weighted readiness to start a training track, and to be job-ready.
    pub readiness: f64,
    pub job_readiness: f64,
    pub fit: f64,
    pub interest: f64,
    pub demand: f64,
    /// Needed domains where the learner is already at the job-ready level.
    pub strengths: Vec<String>,
    /// Needed domains measured below the job-ready level, largest gap first.
    pub gaps: Vec<Gap>,
    /// Needed domains not measured yet: neither strengths nor gaps until a quiz says.
    pub unmeasured: Vec<String>,
}

fn problem(file: &str, path: String, kind: ProblemKind) -> Problem {
    Problem { file: file.to_string(), item: None, path, kind }
}

fn read<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, Vec<Problem>> {
    serde_json::from_str(text).map_err(|e| vec![Problem::from_json(file, &e)])
}

impl Guidance {
    /// Reads and checks guidance data against the bank's domains and languages and the
    /// settings' levels; `file` names it in problems (a school's own file, or the shipped one).
    pub fn parse(
        file: &str,
        text: &str,
        domains: &[String],
        languages: &[String],
        settings: &Settings,
    ) -> Result<Guidance, Vec<Problem>> {
        let g: Guidance = read(file, text)?;
        let mut problems = Vec::new();
        let mut check = |ok: bool, path: String, kind: ProblemKind| {
            if !ok {
                problems.push(problem(file, path, kind));
            }
        };
        check(g.schema == 1, "schema".into(), ProblemKind::UnsupportedSchema { found: g.schema.to_string() });
        let w = g.weights;
        check(
            w.readiness >= 0.0
                && w.interest >= 0.0
                && w.demand >= 0.0
                && w.readiness + w.interest + w.demand > 0.0,
            "weights".into(),
            ProblemKind::OutOfRange { range: Range::NotAllZero },
        );
        let mut texts: Vec<(String, &Localized)> = Vec::new();
        for (key, labels) in [
            ("families", &g.families),
            ("scopes", &g.scopes),
            ("formats", &g.formats),
            ("costs", &g.costs),
            ("provider_types", &g.provider_types),
        ] {
            for (i, l) in labels.iter().enumerate() {
                check(
                    labels[..i].iter().all(|o| o.id != l.id),
                    format!("{key}[{i}].id"),
                    ProblemKind::DuplicateId { id: l.id.clone() },
                );
                texts.push((format!("{key}[{i}].title"), &l.title));
            }
        }
        let known = |labels: &[Label], id: &str| labels.iter().any(|l| l.id == id);
        let lowest = g.demand_tiers.iter().map(|t| t.score).fold(f64::INFINITY, f64::min);
        for (i, t) in g.demand_tiers.iter().enumerate() {
            check(
                (0.0..=1.0).contains(&t.score),
                format!("demand_tiers[{i}].score"),
                ProblemKind::OutOfRange { range: Range::ZeroToOne },
            );
            texts.push((format!("demand_tiers[{i}].title"), &t.title));
            texts.push((format!("demand_tiers[{i}].rule"), &t.rule));
        }
        let level = |id: &str| settings.levels.iter().position(|l| l.id == id);
        for (i, s) in g.specialties.iter().enumerate() {
            let path = format!("specialties[{i}]");
            check(
                g.specialties[..i].iter().all(|o| o.id != s.id),
                format!("{path}.id"),
                ProblemKind::DuplicateId { id: s.id.clone() },
            );
            check(
                known(&g.families, &s.family),
                format!("{path}.family"),
                ProblemKind::UnknownOption { id: s.family.clone() },
            );
            texts.push((format!("{path}.title"), &s.title));
            texts.push((format!("{path}.description"), &s.description));
            for (key, target) in [("start", &s.start), ("job_ready", &s.job_ready)] {
                for (d, l) in target {
                    check(
                        domains.contains(d),
                        format!("{path}.{key}.{d}"),
                        ProblemKind::UnknownDomain { id: d.clone() },
                    );
                    check(
                        level(l).is_some(),
                        format!("{path}.{key}.{d}"),
                        ProblemKind::UnknownOption { id: l.clone() },
                    );
                }
            }
            for (d, l) in &s.start {
                let ready = s.job_ready.get(d).and_then(|r| level(r));
                check(
                    ready.is_some() && level(l) <= ready,
                    format!("{path}.start.{d}"),
                    ProblemKind::OutOfOrder,
                );
            }
            match g.demand_tiers.iter().find(|t| t.id == s.demand.tier) {
                None => check(
                    false,
                    format!("{path}.demand.tier"),
                    ProblemKind::UnknownOption { id: s.demand.tier.clone() },
                ),
                // Without a sourced figure a specialty may only be in the lowest tier.
                Some(t) => check(
                    !s.demand.figures.is_empty() || t.score <= lowest,
                    format!("{path}.demand.figures"),
                    ProblemKind::Empty,
                ),
            }
            for (j, f) in s.demand.figures.iter().enumerate() {
                let fp = format!("{path}.demand.figures[{j}]");
                check(
                    f.source.starts_with("http"),
                    format!("{fp}.source"),
                    ProblemKind::OutOfRange { range: Range::WebAddress },
                );
                check(
                    (1990..=2100).contains(&f.year),
                    format!("{fp}.year"),
                    ProblemKind::OutOfRange { range: Range::Year },
                );
                check(
                    known(&g.scopes, &f.scope),
                    format!("{fp}.scope"),
                    ProblemKind::UnknownOption { id: f.scope.clone() },
                );
                texts.push((format!("{fp}.text"), &f.text));
            }
        }
        for (i, t) in g.tracks.iter().enumerate() {
            let path = format!("tracks[{i}]");
            check(
                g.tracks[..i].iter().all(|o| o.id != t.id),
                format!("{path}.id"),
                ProblemKind::DuplicateId { id: t.id.clone() },
            );
            for s in &t.specialties {
                check(
                    g.specialties.iter().any(|x| &x.id == s),
                    format!("{path}.specialties"),
                    ProblemKind::UnknownOption { id: s.clone() },
                );
            }
            for (d, l) in &t.prerequisites {
                check(
                    domains.contains(d),
                    format!("{path}.prerequisites.{d}"),
                    ProblemKind::UnknownDomain { id: d.clone() },
                );
                check(
                    level(l).is_some(),
                    format!("{path}.prerequisites.{d}"),
                    ProblemKind::UnknownOption { id: l.clone() },
                );
            }
            if let Some(format) = &t.format {
                check(
                    known(&g.formats, format),
                    format!("{path}.format"),
                    ProblemKind::UnknownOption { id: format.clone() },
                );
            }
            check(
                known(&g.provider_types, &t.provider_type),
                format!("{path}.provider_type"),
                ProblemKind::UnknownOption { id: t.provider_type.clone() },
            );
            check(
                known(&g.costs, &t.cost),
                format!("{path}.cost"),
                ProblemKind::UnknownOption { id: t.cost.clone() },
            );
            check(
                t.link.starts_with("http"),
                format!("{path}.link"),
                ProblemKind::OutOfRange { range: Range::WebAddress },
            );
            texts.push((format!("{path}.title"), &t.title));
            texts.push((format!("{path}.entry"), &t.entry));
        }
        for (path, text) in texts {
            for lang in languages.iter().filter(|l| !text.0.contains_key(*l)) {
                problems.push(problem(
                    file,
                    path.clone(),
                    ProblemKind::MissingLanguage { lang: lang.clone() },
                ));
            }
        }
        if problems.is_empty() {
            Ok(g)
        } else {
            Err(problems)
        }
    }

    /// Ranks every specialty, best first; equal scores keep the data's order.
    pub fn rank(
        &self,
        settings: &Settings,
        profile: &Profile,
        interests: &BTreeMap<String, f64>,
        weights: Weights,
    ) -> Vec<Ranked<'_>> {
        let level_from = |id: &str| settings.levels.iter().find(|l| l.id == id).and_then(|l| l.from);
        let level_index = |id: &str| settings.levels.iter().position(|l| l.id == id).unwrap_or(0);
        let estimate = |d: &str| profile.get(d).copied().unwrap_or(Estimate { theta: 0.0, se: 1.0 });
        let meets = |d: &str, level: &str| match level_from(level) {
            None => 1.0,
            Some(from) => {
                let e = estimate(d);
                normal_cdf((e.theta - from) / e.se.max(1e-6))
            }
        };
        let mean = |target: &BTreeMap<String, String>| {
            if target.is_empty() {
                1.0
            } else {
                target.iter().map(|(d, l)| meets(d, l)).sum::<f64>() / target.len() as f64
            }
        };
        // The learner's strong domains: placed above the first level.
        let strong: Vec<&String> =
            profile.iter().filter(|(_, e)| settings.place(**e).level > 0).map(|(d, _)| d).collect();
        let total = weights.readiness + weights.interest + weights.demand;
        let total = if total > 0.0 { total } else { 1.0 };
        let mut ranked: Vec<Ranked> = self
            .specialties
            .iter()
            .map(|s| {
                let readiness = mean(&s.start);
                let job_readiness = mean(&s.job_ready);
                let fit = if strong.is_empty() {
                    1.0
                } else {
                    strong.iter().filter(|d| s.job_ready.contains_key(**d)).count() as f64
                        / strong.len() as f64
                };
                let interest = interests.get(&s.family).copied().unwrap_or(0.5);
                let demand =
                    self.demand_tiers.iter().find(|t| t.id == s.demand.tier).map_or(0.0, |t| t.score);
                let score = (weights.readiness * readiness * (0.5 + 0.5 * fit)
                    + weights.interest * interest
                    + weights.demand * demand)
                    / total;
                let mut strengths = Vec::new();
                let mut gaps = Vec::new();
                let mut unmeasured = Vec::new();
                for (d, l) in &s.job_ready {
                    let need = level_index(l);
                    match profile.get(d).map(|e| settings.place(*e).level) {
                        None => unmeasured.push(d.clone()),
                        Some(have) if have >= need => strengths.push(d.clone()),
                        Some(have) => gaps.push(Gap { domain: d.clone(), have: Some(have), need }),
                    }
                }
                sort_stable_by_key(&mut gaps, |g| std::cmp::Reverse(g.need - g.have.unwrap_or(0)));
                Ranked {
                    specialty: s,
                    score,
                    readiness,
                    job_readiness,
                    fit,
                    interest,
                    demand,
                    strengths,
                    gaps,
                    unmeasured,
                }
            })
            .collect();
        sort_stable_by(&mut ranked, |a, b| b.score.total_cmp(&a.score));
        ranked
    }

    /// Tracks for a specialty: those whose prerequisites the learner meets now, then those one
    /// level-step away, each with the domains to work on.
    pub fn tracks_for<'g>(
        &'g self,
        settings: &Settings,
        profile: &Profile,
        specialty: &str,
    ) -> (Vec<&'g Track>, Vec<(&'g Track, Vec<Gap>)>) {
        let level_index = |id: &str| settings.levels.iter().position(|l| l.id == id).unwrap_or(0);
        let have = |d: &str| profile.get(d).map(|e| settings.place(*e).level);
        let mut now = Vec::new();
        let mut next = Vec::new();
        for t in self.tracks.iter().filter(|t| t.specialties.iter().any(|s| s == specialty)) {
            let gaps: Vec<Gap> = t
                .prerequisites
                .iter()
                // The first level asks nothing, so it is met even where nothing was measured.
                .filter(|(d, l)| level_index(l) > 0 && have(d).is_none_or(|h| h < level_index(l)))
                .map(|(d, l)| Gap { domain: d.clone(), have: have(d), need: level_index(l) })
                .collect();
            if gaps.is_empty() {
                now.push(t);
            } else {
                next.push((t, gaps));
            }
        }
        sort_stable_by_key(&mut next, |(_, gaps)| {
            gaps.iter().map(|g| g.need - g.have.unwrap_or(0)).sum::<usize>()
        });
        (now, next)
    }
}

impl Interests {
    pub fn parse(
        file: &str,
        text: &str,
        families: &[Label],
        languages: &[String],
    ) -> Result<Interests, Vec<Problem>> {
        let i: Interests = read(file, text)?;
        let mut problems = Vec::new();
        if i.items.len() > 24 {
            problems.push(problem(
                file,
                "items".into(),
                ProblemKind::OutOfRange { range: Range::AtMost24Items },
            ));
        }
        for (n, item) in i.items.iter().enumerate() {
            if !families.iter().any(|f| f.id == item.family) {
                problems.push(problem(
                    file,
                    format!("items[{n}].family"),
                    ProblemKind::UnknownOption { id: item.family.clone() },
                ));
            }
            for lang in languages.iter().filter(|l| !item.text.0.contains_key(*l)) {
                problems.push(problem(
                    file,
                    format!("items[{n}].text"),
                    ProblemKind::MissingLanguage { lang: lang.clone() },
                ));
            }
        }
        if problems.is_empty() {
            Ok(i)
        } else {
            Err(problems)
        }
    }

    /// Interest per family in [0, 1] from answers (item id → +1 like, 0 not sure, −1 dislike);
    /// families without an answer are left out (the ranking then counts them as neutral).
    pub fn scores(&self, answers: &BTreeMap<String, i8>) -> BTreeMap<String, f64> {
        let mut sums: BTreeMap<String, (f64, usize)> = BTreeMap::new();
        for item in &self.items {
            if let Some(a) = answers.get(&item.id) {
                let e = sums.entry(item.family.clone()).or_default();
                e.0 += (f64::from((*a).clamp(-1, 1)) + 1.0) / 2.0;
                e.1 += 1;
            }
        }
        sums.into_iter().map(|(f, (sum, n))| (f, sum / n as f64)).collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
