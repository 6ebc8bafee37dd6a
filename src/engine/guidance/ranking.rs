//! The ranking of specialties for a measured profile, reasoned as a counselor would: how
//! ready the learner is to start a training track, how far they are from job-ready, how much
//! of what they are good at the specialty uses, and whether it is a realistic first job.
//!
//! Every need is weighed by the probability that the learner meets it (the estimate and its
//! standard error), so a provisional level counts less than a settled one and raising a level
//! never lowers a match. A need at the first level asks nothing: it neither raises readiness
//! nor counts as a strength. Ties are broken by meaning — the more accessible route, then the
//! higher demand, then fewer levels to gain — and never by the order of the data file.

use super::{Gap, Guidance, Profile, Ranked, Specialty, Weights};
use crate::engine::assessment::Settings;
use crate::engine::irt::{normal_cdf, Estimate};
use crate::engine::sorted::{SortedMap, SortedSet};
use crate::engine::sorting::{sort_stable_by, sort_stable_by_key};

/// How readiness to start, closeness to job-ready and fit make up the readiness part of the
/// score. Closeness weighs most: the counselor's first question is how far the job is.
const START: f64 = 0.3;
const CLOSENESS: f64 = 0.35;
const FIT: f64 = 0.35;
/// Levels still to gain at which closeness halves (1 / (1 + missing / HALF)): three levels,
/// about a year of training, is "halfway".
const HALF: f64 = 3.0;

/// The learner's expected standing against the levels of the settings.
struct Standing<'a> {
    settings: &'a Settings,
    profile: &'a Profile,
    /// What the ranking assumes of a domain nobody measured: the population's average (0),
    /// or the mean of the learner's measured domains when that is lower, with a standard
    /// error of 1. Skills go together, so a learner at the first level everywhere measured is
    /// not assumed average where nothing was measured, while a strong profile is not assumed
    /// strong in what it never showed; the page lists the domain as unmeasured either way.
    unmeasured: Estimate,
}

impl<'a> Standing<'a> {
    fn new(settings: &'a Settings, profile: &'a Profile) -> Standing<'a> {
        let n = profile.len().max(1) as f64;
        let theta = (profile.values().map(|e| e.theta).sum::<f64>() / n).min(0.0);
        Standing { settings, profile, unmeasured: Estimate { theta, se: 1.0 } }
    }

    fn estimate(&self, domain: &str) -> Estimate {
        self.profile.get(domain).copied().unwrap_or(self.unmeasured)
    }

    fn level(&self, id: &str) -> usize {
        self.settings.levels.iter().position(|l| l.id == id).unwrap_or(0)
    }

    /// The probability that the learner is at `level` (an index) or above in `domain`.
    fn at_least(&self, domain: &str, level: usize) -> f64 {
        match self.settings.levels.get(level).and_then(|l| l.from) {
            None => 1.0,
            Some(from) => {
                let e = self.estimate(domain);
                normal_cdf((e.theta - from) / e.se.max(1e-6))
            }
        }
    }

    /// Expected levels gained above the first, up to `cap`: Σ P(at least level k), k = 1..=cap.
    fn steps(&self, domain: &str, cap: usize) -> f64 {
        (1..=cap).map(|k| self.at_least(domain, k)).sum()
    }

    /// The level a measured domain is placed at (0 when unmeasured).
    fn placed(&self, domain: &str) -> usize {
        self.profile.get(domain).map_or(0, |e| self.settings.place(*e).level)
    }

    /// The levels the learner has shown above the first, over the measured domains, as
    /// placed: near-zero chances of a level in many weak domains add up to no strength.
    fn shown(&self) -> usize {
        self.profile.keys().map(|d| self.placed(d)).sum()
    }
}

/// How one specialty stands for the learner.
struct Reading {
    start: f64,
    job_readiness: f64,
    missing: f64,
    /// The share of the learner's shown levels the specialty uses; `None` when nothing is
    /// shown above the first level yet.
    fit: Option<f64>,
}

fn read(standing: &Standing, s: &Specialty, shown: usize) -> Reading {
    let needs = |target: &SortedMap<String, String>| -> Vec<(String, usize)> {
        target.iter().map(|(d, l)| (d.clone(), standing.level(l))).filter(|(_, n)| *n > 0).collect()
    };
    let start_needs = needs(&s.start);
    let start = if start_needs.is_empty() {
        1.0
    } else {
        start_needs.iter().map(|(d, n)| standing.at_least(d, *n)).sum::<f64>() / start_needs.len() as f64
    };
    let job_needs = needs(&s.job_ready);
    let total: usize = job_needs.iter().map(|(_, n)| n).sum();
    let met: f64 = job_needs.iter().map(|(d, n)| standing.steps(d, *n)).sum();
    // Only measured strengths count towards fit: an unmeasured domain is not a strength.
    let used: usize = job_needs.iter().map(|(d, n)| standing.placed(d).min(*n)).sum();
    Reading {
        start,
        job_readiness: if total == 0 { 1.0 } else { met / total as f64 },
        missing: total as f64 - met,
        fit: (shown > 0).then(|| used as f64 / shown as f64),
    }
}

impl Guidance {
    /// Ranks every specialty, best first (see the module's documentation).
    pub fn rank(
        &self,
        settings: &Settings,
        profile: &Profile,
        interests: &SortedMap<String, f64>,
        weights: Weights,
    ) -> Vec<Ranked<'_>> {
        let standing = Standing::new(settings, profile);
        let shown = standing.shown();
        let total = weights.readiness + weights.interest + weights.demand;
        let total = if total > 0.0 { total } else { 1.0 };
        let mut ranked: Vec<Ranked> = self
            .specialties
            .iter()
            .map(|s| {
                let r = read(&standing, s, shown);
                let route = self.routes.iter().find(|x| x.id == s.route);
                let open = route.map_or(1.0, |x| x.reach);
                // A route that usually comes after training or a first job counts less the
                // further the learner is from job-ready, and not at all once they are there.
                let reach = open + (1.0 - open) * r.job_readiness;
                let closeness = 1.0 / (1.0 + r.missing / HALF);
                // The route weighs on how far the job is (start, closeness) and on its demand
                // (the market for a job one cannot reach yet matters less now), not on how much
                // of the learner's strengths it uses.
                let distance = (START * r.start + CLOSENESS * closeness) * reach;
                // Without any strength shown, fit says nothing: readiness rests on the rest.
                let readiness = match r.fit {
                    Some(fit) => distance + FIT * fit,
                    None => distance / (START + CLOSENESS),
                };
                let interest = interests.get(&s.family).copied().unwrap_or(0.5);
                let demand =
                    self.demand_tiers.iter().find(|t| t.id == s.demand.tier).map_or(0.0, |t| t.score);
                let score = (weights.readiness * readiness
                    + weights.interest * interest
                    + weights.demand * demand * reach)
                    / total;
                let (strengths, gaps, unmeasured) = explain(&standing, s);
                Ranked {
                    specialty: s,
                    score,
                    readiness: r.start,
                    job_readiness: r.job_readiness,
                    fit: r.fit.unwrap_or(0.0),
                    interest,
                    demand,
                    strengths,
                    gaps,
                    unmeasured,
                    missing: r.missing,
                    access: route
                        .map_or(usize::MAX, |x| self.routes.iter().position(|y| y.id == x.id).unwrap_or(0)),
                }
            })
            .collect();
        sort_stable_by(&mut ranked, |a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.access.cmp(&b.access))
                .then(b.demand.total_cmp(&a.demand))
                .then(a.missing.total_cmp(&b.missing))
                .then(a.specialty.id.cmp(&b.specialty.id))
        });
        ranked
    }
}

/// The needs above the first level the learner meets (strengths), falls short of (gaps,
/// largest first) and has not measured.
fn explain(standing: &Standing, s: &Specialty) -> (Vec<String>, Vec<Gap>, Vec<String>) {
    let mut strengths = Vec::new();
    let mut gaps = Vec::new();
    let mut unmeasured = Vec::new();
    for (d, l) in &s.job_ready {
        let need = standing.level(l);
        if need == 0 {
            continue;
        }
        match standing.profile.get(d).map(|e| standing.settings.place(*e).level) {
            None => unmeasured.push(d.clone()),
            Some(have) if have >= need => strengths.push(d.clone()),
            Some(have) => gaps.push(Gap { domain: d.clone(), have: Some(have), need }),
        }
    }
    sort_stable_by_key(&mut gaps, |g| std::cmp::Reverse(g.need - g.have.unwrap_or(0)));
    (strengths, gaps, unmeasured)
}

/// Two specialties whose scores differ by less than this are a close call: one more measured
/// domain may well reorder them.
pub const CLOSE: f64 = 0.05;

/// Why a domain is worth assessing next.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// The first specialty needs it and it has not been measured.
    Unmeasured { specialty: String },
    /// The first two are a close call, and they need it at different levels.
    Close { first: String, second: String },
}

/// The domain to assess next, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureNext {
    pub domain: String,
    pub why: Why,
}

impl Guidance {
    /// What to measure next to make the advice surer, given a ranking: a domain the first
    /// specialty needs but nobody measured (the one it needs most), else, when the first two
    /// are a close call, the domain where their needs differ most weighed by how uncertain
    /// the learner's standing there is. `None` when the advice would not change.
    pub fn measure_next(
        &self,
        settings: &Settings,
        profile: &Profile,
        ranked: &[Ranked],
    ) -> Option<MeasureNext> {
        let standing = Standing::new(settings, profile);
        let first = ranked.first()?;
        let need = |s: &Specialty, d: &str| s.job_ready.get(d).map_or(0, |l| standing.level(l));
        let unmeasured = first
            .specialty
            .job_ready
            .keys()
            .filter(|d| !profile.contains_key(*d) && need(first.specialty, d) > 0)
            .max_by_key(|d| (need(first.specialty, d), std::cmp::Reverse((*d).clone())));
        if let Some(d) = unmeasured {
            return Some(MeasureNext {
                domain: d.clone(),
                why: Why::Unmeasured { specialty: first.specialty.id.clone() },
            });
        }
        let second = ranked.get(1).filter(|r| first.score - r.score < CLOSE)?;
        let (a, b) = (first.specialty, second.specialty);
        let domains: SortedSet<&String> = a.job_ready.keys().chain(b.job_ready.keys()).collect();
        let telling = |d: &&String| need(a, d).abs_diff(need(b, d)) as f64 * standing.estimate(d).se;
        let best = domains
            .into_iter()
            .filter(|d| telling(d) > 0.0)
            .max_by(|x, y| telling(x).total_cmp(&telling(y)).then(y.cmp(x)))?;
        Some(MeasureNext {
            domain: best.clone(),
            why: Why::Close { first: a.id.clone(), second: b.id.clone() },
        })
    }
}
