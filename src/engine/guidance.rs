//! Career guidance: specialties, training tracks and interests as data
//! (`static/guidance/*.json`), and the matching that ranks specialties for a measured profile
//! and explains itself.
//!
//! The ranking (`ranking`) weighs readiness to start, distance to job-ready, fit and the
//! route into the job, each need by the probability that the learner meets it. Demand comes
//! from sourced figures; a specialty without a figure gets the lowest tier, so unknown demand
//! never counts as high. Every file, the shipped one and a school's own, is read strictly:
//! an unknown or misspelt field is a problem with its path.

mod filter;
mod ranking;
mod read;

pub use filter::TrackFilter;
pub use ranking::{MeasureNext, Why, CLOSE};

use super::assessment::Settings;
use super::content::Checks;
use super::irt::Estimate;
use super::localized::Localized;
use super::problem::{Problem, ProblemKind, Range};
use super::sorted::{SortedMap, SortedSet};
use super::sorting::sort_stable_by_key;

pub const GUIDANCE_FILE: &str = "guidance/guidance.json";
pub const INTERESTS_FILE: &str = "guidance/interests.json";

#[derive(Clone, Debug, PartialEq)]
pub struct Guidance {
    pub schema: u64,
    pub weights: Weights,
    pub families: Vec<Label>,
    /// Routes into a job, most accessible first: a realistic first job, a job after a
    /// training, a job usually reached after a first one.
    pub routes: Vec<Route>,
    /// Where a demand figure applies (Morocco, the world, ...), and the formats, costs and
    /// provider types a training track can have: named in data so that a local file can add
    /// its own.
    pub scopes: Vec<Label>,
    pub formats: Vec<Label>,
    pub costs: Vec<Label>,
    pub provider_types: Vec<Label>,
    /// Diplomas from lowest to highest, and regions (online and nationwide among them), that
    /// tracks name; optional in a school's own file.
    pub diplomas: Vec<Label>,
    pub regions: Vec<Label>,
    /// Baccalauréat streams (sciences, economics, letters, ...) that tracks admit; optional.
    pub bac_streams: Vec<Label>,
    pub demand_tiers: Vec<Tier>,
    pub specialties: Vec<Specialty>,
    pub tracks: Vec<Track>,
}

/// How much readiness, interest and demand count in the ranking; a counselor may change them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Weights {
    pub readiness: f64,
    pub interest: f64,
    pub demand: f64,
}

/// An id with its title in every language: a specialty family, a scope, a format, a cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub id: String,
    pub title: Localized,
}

/// How a specialty is usually reached. `reach` (0 to 1) is how much of its match a learner
/// far from job-ready keeps: 1 for a realistic first job, less for a job that usually needs a
/// long training or a first job before it, so a beginner sees realistic first steps first.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub id: String,
    pub title: Localized,
    pub reach: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    pub id: String,
    pub score: f64,
    pub title: Localized,
    /// When a specialty is in this tier, in words.
    pub rule: Localized,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Specialty {
    pub id: String,
    pub family: String,
    /// One of the file's `routes`: whether this is a realistic first job.
    pub route: String,
    pub title: Localized,
    pub description: Localized,
    /// Domain → level id needed to start a training track, and to be job-ready.
    pub start: SortedMap<String, String>,
    pub job_ready: SortedMap<String, String>,
    pub demand: Demand,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Demand {
    pub tier: String,
    pub figures: Vec<Figure>,
}

/// A sourced figure behind a demand tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub text: Localized,
    pub value: String,
    pub source: String,
    pub year: u32,
    pub scope: String,
    pub confidence: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Track {
    pub id: String,
    pub title: Localized,
    pub provider: String,
    pub provider_type: String,
    pub specialties: Vec<String>,
    pub entry: Localized,
    pub prerequisites: SortedMap<String, String>,
    /// `None` where no source states it: unknowns stay unknown rather than guessed.
    pub duration_months: Option<u32>,
    pub format: Option<String>,
    pub cost: String,
    pub link: String,
    pub confidence: String,
    /// Facts a counselor filters by; empty or `None` where no source states them, shown as
    /// "not stated" and never filtered out.
    /// Languages of instruction (language codes).
    pub languages: Vec<String>,
    /// The lowest diploma that admits, one of the file's `diplomas`.
    pub min_diploma: Option<String>,
    /// The baccalauréat streams it admits, ids of the file's `bac_streams`: some public
    /// routes take only scientific or technical streams, which decides a lycée student's
    /// choice.
    pub bac_streams: Vec<String>,
    pub age: Option<AgeLimits>,
    /// Where it is taught: ids of the file's `regions` (which include online and nationwide).
    pub regions: Vec<String>,
    pub apply: Option<Apply>,
    /// Where the facts above were read.
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AgeLimits {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

/// When and where to apply, as a source says (either may be unknown, not both).
#[derive(Clone, Debug, PartialEq)]
pub struct Apply {
    pub period: Option<Localized>,
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Interests {
    pub schema: u64,
    pub items: Vec<InterestItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InterestItem {
    pub id: String,
    pub family: String,
    pub text: Localized,
}

/// A specialties-and-tracks file a school or counselor loaded, kept as given: it is checked
/// again at every use, against the content of the day.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct LocalFile {
    pub name: String,
    pub text: String,
}

impl LocalFile {
    /// Reads a file as stored (see [`super::fields`] for why by hand).
    pub fn read(v: &crate::engine::json::Value) -> super::fields::Read<LocalFile> {
        let mut f = super::fields::object(v)?;
        let file = LocalFile {
            name: f.get("name", super::fields::string),
            text: f.get("text", super::fields::string),
        };
        f.end().map(|()| file)
    }
}

/// What the careers page works from: the guidance in use (shipped, or a valid local file),
/// the questionnaire, and what is wrong with a stored local file that could not be used.
#[derive(Clone, Debug)]
pub struct GuidanceData {
    pub guidance: Guidance,
    pub interests: Interests,
    /// The local file's name when its data is in use.
    pub local: Option<String>,
    /// Why a stored local file is not in use (the shipped data is, instead).
    pub local_problems: Vec<Problem>,
}

/// Equal only to itself, like `content::Content`: the careers page's components get it as a
/// shared prop, where a deep comparison walked every specialty and track on each render.
impl PartialEq for GuidanceData {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
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
        let needed: SortedSet<&String> = self.interests.items.iter().map(|i| &i.family).collect();
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
pub type Profile = SortedMap<String, Estimate>;

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
    /// Probability-weighted readiness to start a training track, and the share of the
    /// job-ready levels the learner is expected to have.
    pub readiness: f64,
    pub job_readiness: f64,
    /// The share of what the learner has shown that the specialty uses.
    pub fit: f64,
    pub interest: f64,
    pub demand: f64,
    /// Needed domains where the learner is already at the job-ready level.
    pub strengths: Vec<String>,
    /// Needed domains measured below the job-ready level, largest gap first.
    pub gaps: Vec<Gap>,
    /// Needed domains not measured yet: neither strengths nor gaps until a quiz says.
    pub unmeasured: Vec<String>,
    /// Expected levels still to gain to be job-ready.
    pub missing: f64,
    /// The position of the specialty's route (0: the most accessible).
    pub access: usize,
}

fn problem(file: &str, path: String, kind: ProblemKind) -> Problem {
    Problem { file: file.to_string(), item: None, path, kind }
}

/// Parses a guidance file and reads its shape with `read`.
fn read<T>(
    file: &str,
    text: &str,
    read: fn(&crate::engine::json::Value) -> super::fields::Read<T>,
) -> Result<T, Vec<Problem>> {
    let value: crate::engine::json::Value =
        crate::engine::json::Value::parse(text).map_err(|e| vec![Problem::from_json(file, &e)])?;
    super::fields::in_file(file, read(&value)).map_err(|p| vec![p])
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
        let g = read(file, text, Guidance::read)?;
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
            ("diplomas", &g.diplomas),
            ("regions", &g.regions),
            ("bac_streams", &g.bac_streams),
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
        for (i, r) in g.routes.iter().enumerate() {
            check(
                g.routes[..i].iter().all(|o| o.id != r.id),
                format!("routes[{i}].id"),
                ProblemKind::DuplicateId { id: r.id.clone() },
            );
            check(
                (0.0..=1.0).contains(&r.reach),
                format!("routes[{i}].reach"),
                ProblemKind::OutOfRange { range: Range::ZeroToOne },
            );
            texts.push((format!("routes[{i}].title"), &r.title));
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
            check(
                g.routes.iter().any(|r| r.id == s.route),
                format!("{path}.route"),
                ProblemKind::UnknownOption { id: s.route.clone() },
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
            for lang in &t.languages {
                check(
                    languages.contains(lang),
                    format!("{path}.languages"),
                    ProblemKind::UnknownOption { id: lang.clone() },
                );
            }
            if let Some(d) = &t.min_diploma {
                check(
                    known(&g.diplomas, d),
                    format!("{path}.min_diploma"),
                    ProblemKind::UnknownOption { id: d.clone() },
                );
            }
            for b in &t.bac_streams {
                check(
                    known(&g.bac_streams, b),
                    format!("{path}.bac_streams"),
                    ProblemKind::UnknownOption { id: b.clone() },
                );
            }
            if let Some(AgeLimits { min: Some(min), max: Some(max) }) = t.age {
                check(min <= max, format!("{path}.age"), ProblemKind::OutOfOrder);
            }
            for r in &t.regions {
                check(
                    known(&g.regions, r),
                    format!("{path}.regions"),
                    ProblemKind::UnknownOption { id: r.clone() },
                );
            }
            if let Some(a) = &t.apply {
                check(
                    a.link.as_ref().is_none_or(|l| l.starts_with("https://")),
                    format!("{path}.apply.link"),
                    ProblemKind::OutOfRange { range: Range::WebAddress },
                );
                check(a.period.is_some() || a.link.is_some(), format!("{path}.apply"), ProblemKind::Empty);
                if let Some(period) = &a.period {
                    texts.push((format!("{path}.apply.period"), period));
                }
            }
            for (j, source) in t.sources.iter().enumerate() {
                check(
                    source.starts_with("http"),
                    format!("{path}.sources[{j}]"),
                    ProblemKind::OutOfRange { range: Range::WebAddress },
                );
            }
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
        let i = read(file, text, Interests::read)?;
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
    pub fn scores(&self, answers: &SortedMap<String, i8>) -> SortedMap<String, f64> {
        let mut sums: SortedMap<String, (f64, usize)> = SortedMap::new();
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
