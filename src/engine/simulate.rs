//! Simulated learners, to measure what each mode shows: how often the level is right, how
//! often the band holds the true ability, how long a domain takes, and how often items repeat.
//!
//! Learners with known abilities (standard normal) take real attempts through the engine, one
//! domain at a time, and answer each item right with the model's probability — which, with
//! the default parameters, includes guessing at the question type's chance rate. The figures
//! feed `scripts/bench`, the tests and the "About these levels" page
//! (`static/content/precision.json`, written by `examples/simulate.rs`).

use crate::engine::json::Value;
use serde::Serialize;

use super::assessment::{Mode, Rule, Settings};
use super::attempt::{Attempt, Plan};
use super::bank::{Bank, Choice, Difficulty, Domain, Item, Question, Subtopic};
use super::cat::estimates;
use super::irt::ItemParams;
use super::localized::Localized;
use super::rng::Rng;
use super::score::{key, wrong_answer};

/// Where the app finds the figures, relative to the page.
pub const PRECISION_FILE: &str = "content/precision.json";

/// The precision file's format version.
pub const PRECISION_SCHEMA: u64 = 1;

/// What simulation found for every mode, and what it was run on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PrecisionFile {
    pub schema: u64,
    /// [`fingerprint`] of the settings and bank simulated: a stale file is detected.
    pub fingerprint: String,
    /// Simulated learners per domain and mode.
    pub learners_per_domain: usize,
    pub modes: Vec<Precision>,
}

/// One mode's figures, per measured domain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Precision {
    pub mode: String,
    /// Items per domain: fewest, mean, most.
    pub items_min: usize,
    pub items_mean: f64,
    pub items_max: usize,
    /// Share of learners shown their true level, overall and for each true level (`None`
    /// where no simulated learner had that level).
    pub right_level: f64,
    pub right_by_level: Vec<Option<f64>>,
    /// Share of true levels among the simulated learners (the population the figures are for).
    pub level_shares: Vec<f64>,
    /// Share of learners whose band holds their true ability.
    pub coverage: f64,
    /// Mean width of the band, in logits (levels are 1 logit wide).
    pub band_width: f64,
    /// Share of bands that lie inside one level.
    pub settled: f64,
    pub bias: f64,
    pub rmse: f64,
    /// The largest share of a domain's learners who saw any one item.
    pub max_exposure: f64,
    /// Mean share of a learner's items that another learner of the domain also saw.
    pub overlap: f64,
    /// Mean share of a learner's items seen again when the same learner takes it again.
    pub retest_repeat: f64,
}

/// A fingerprint (FNV-1a, hex) of the settings text and every item's id, domain, sub-topic
/// and parameters: what the simulated figures depend on.
pub fn fingerprint(settings_text: &str, bank: &Bank) -> String {
    let mut text = settings_text.trim().to_string();
    for item in &bank.items {
        let ItemParams { a, b, c } = item.irt;
        text.push_str(&format!("\n{} {} {} {a:.6} {b:.6} {c:.6}", item.id, item.domain, item.subtopic));
    }
    let hash =
        text.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3));
    format!("{hash:016x}")
}

/// One simulated attempt of `mode` over `domains` by a learner of abilities `truth`.
pub fn take(
    bank: &Bank,
    settings: &Settings,
    mode: &Mode,
    domains: &[String],
    truth: &[f64],
    avoid: Vec<String>,
    rng: &mut Rng,
) -> Option<Attempt> {
    let plan = Plan { mode, settings, domains, certainty: false, seed: rng.next_u64(), now: 0.0, avoid };
    let mut attempt = Attempt::start(bank, &plan).ok()?;
    while let Some(item) = bank.item(attempt.current_item_id()) {
        let d = domains.iter().position(|d| *d == item.domain).unwrap_or(0);
        let right = rng.uniform() < item.irt.p(truth[d]);
        attempt.answer(Some(if right { key(&item.question) } else { wrong_answer(&item.question) }));
        if !attempt.advance(bank, settings) {
            break;
        }
    }
    attempt.finished_at = Some(1.0);
    Some(attempt)
}

/// Simulates `per_domain` learners taking `mode` on each domain of `bank` alone (domains are
/// measured one after another, so a domain's figures do not depend on the others chosen),
/// each then retaking it once.
pub fn measure(bank: &Bank, settings: &Settings, mode: &Mode, per_domain: usize, seed: u64) -> Precision {
    let levels = settings.levels.len();
    let mut rng = Rng::new(seed);
    let (mut lengths, mut errors, mut squares, mut widths) = (Vec::new(), 0.0, 0.0, 0.0);
    let (mut right, mut covered, mut settled) = (0usize, 0usize, 0usize);
    let mut by_level = vec![(0usize, 0usize); levels];
    let (mut max_exposure, mut overlap, mut pairs, mut repeated, mut retaken) =
        (0.0f64, 0.0, 0usize, 0.0, 0usize);
    for domain in &bank.domains {
        let domains = vec![domain.id.clone()];
        let mut seen = vec![0usize; bank.items.len()];
        let mut previous: Option<Vec<String>> = None;
        for _ in 0..per_domain {
            let theta = rng.normal();
            let Some(attempt) = take(bank, settings, mode, &domains, &[theta], Vec::new(), &mut rng) else {
                continue;
            };
            let Some(est) = estimates(bank, &attempt).first().map(|d| d.estimate) else { continue };
            lengths.push(attempt.items.len());
            let error = est.theta - theta;
            errors += error;
            squares += error * error;
            widths += 2.0 * settings.band.z * est.se;
            let placement = settings.place(est);
            let truth = settings.level_at(theta);
            right += usize::from(placement.level == truth);
            by_level[truth].0 += usize::from(placement.level == truth);
            by_level[truth].1 += 1;
            covered += usize::from((error / est.se).abs() <= settings.band.z);
            settled += usize::from(!placement.straddles());
            for p in attempt.items.iter().filter_map(|id| bank.position(id)) {
                seen[p] += 1;
            }
            if let Some(other) = &previous {
                overlap += shared(&attempt.items, other);
                pairs += 1;
            }
            // The same learner again, avoiding the items just seen as the app does.
            if let Some(again) =
                take(bank, settings, mode, &domains, &[theta], attempt.items.clone(), &mut rng)
            {
                repeated += shared(&again.items, &attempt.items);
                retaken += 1;
            }
            previous = Some(attempt.items);
        }
        let most = seen.iter().copied().max().unwrap_or(0);
        max_exposure = max_exposure.max(most as f64 / per_domain.max(1) as f64);
    }
    let n = lengths.len().max(1) as f64;
    let share = |k: usize| k as f64 / n;
    Precision {
        mode: mode.id.clone(),
        items_min: lengths.iter().copied().min().unwrap_or(0),
        items_mean: lengths.iter().sum::<usize>() as f64 / n,
        items_max: lengths.iter().copied().max().unwrap_or(0),
        right_level: share(right),
        right_by_level: by_level.iter().map(|&(r, t)| (t > 0).then(|| r as f64 / t as f64)).collect(),
        level_shares: by_level.iter().map(|&(_, t)| share(t)).collect(),
        coverage: share(covered),
        band_width: widths / n,
        settled: share(settled),
        bias: errors / n,
        rmse: (squares / n).sqrt(),
        max_exposure,
        overlap: overlap / pairs.max(1) as f64,
        retest_repeat: repeated / retaken.max(1) as f64,
    }
}

/// The share of `items` that are also in `other`.
fn shared(items: &[String], other: &[String]) -> f64 {
    items.iter().filter(|id| other.contains(id)).count() as f64 / items.len().max(1) as f64
}

/// Every mode of `settings` measured on `bank`, as the precision file.
pub fn precision_file(
    settings_text: &str,
    settings: &Settings,
    bank: &Bank,
    per_domain: usize,
) -> PrecisionFile {
    PrecisionFile {
        schema: PRECISION_SCHEMA,
        fingerprint: fingerprint(settings_text, bank),
        learners_per_domain: per_domain,
        modes: settings
            .modes
            .iter()
            .map(|m| measure(bank, settings, m, per_domain, 2026).rounded())
            .collect(),
    }
}

impl Precision {
    /// The figures to six decimals: the file stays readable, and each number reads back as
    /// the same `f64` (serde_json's fast float parser is exact for so few digits, not for 17).
    fn rounded(mut self) -> Precision {
        let r = |x: f64| (x * 1e6).round() / 1e6;
        for x in [
            &mut self.items_mean,
            &mut self.right_level,
            &mut self.coverage,
            &mut self.band_width,
            &mut self.settled,
            &mut self.bias,
            &mut self.rmse,
            &mut self.max_exposure,
            &mut self.overlap,
            &mut self.retest_repeat,
        ] {
            *x = r(*x);
        }
        for x in self.right_by_level.iter_mut().flatten().chain(self.level_shares.iter_mut()) {
            *x = r(*x);
        }
        self
    }
}

impl PrecisionFile {
    /// Reads a precision file; `None` when it is not one (the page then says the figures are
    /// not available rather than show wrong ones). Walked by hand over a JSON value, which the
    /// app already parses for its content: a derived reader cost several KB of wasm.
    pub fn parse(text: &str) -> Option<PrecisionFile> {
        let v: Value = Value::parse(text).ok()?;
        (v.get("schema")?.as_u64()? == PRECISION_SCHEMA).then_some(())?;
        let modes = v.get("modes")?.as_array()?.iter().map(Precision::read).collect::<Option<Vec<_>>>()?;
        Some(PrecisionFile {
            schema: PRECISION_SCHEMA,
            fingerprint: v.get("fingerprint")?.as_str()?.to_string(),
            learners_per_domain: usize::try_from(v.get("learners_per_domain")?.as_u64()?).ok()?,
            modes,
        })
    }

    pub fn mode(&self, id: &str) -> Option<&Precision> {
        self.modes.iter().find(|m| m.mode == id)
    }
}

impl Precision {
    fn read(v: &Value) -> Option<Precision> {
        let share = |key: &str| v.get(key)?.as_f64().filter(|x| x.is_finite());
        let count = |key: &str| usize::try_from(v.get(key)?.as_u64()?).ok();
        let shares =
            |key: &str| v.get(key)?.as_array()?.iter().map(|x| x.as_f64()).collect::<Option<Vec<f64>>>();
        Some(Precision {
            mode: v.get("mode")?.as_str()?.to_string(),
            items_min: count("items_min")?,
            items_mean: share("items_mean")?,
            items_max: count("items_max")?,
            right_level: share("right_level")?,
            right_by_level: v.get("right_by_level")?.as_array()?.iter().map(Value::as_f64).collect(),
            level_shares: shares("level_shares")?,
            coverage: share("coverage")?,
            band_width: share("band_width")?,
            settled: share("settled")?,
            bias: share("bias")?,
            rmse: share("rmse")?,
            max_exposure: share("max_exposure")?,
            overlap: share("overlap")?,
            retest_repeat: share("retest_repeat")?,
        })
    }
}

/// Whether a mode is adaptive (exposure targets apply only there: a fixed form is the same
/// for everyone by design).
pub fn is_adaptive(mode: &Mode) -> bool {
    matches!(mode.rule, Rule::Adaptive(_))
}

/// A 2PL bank of `per_domain` items in each of `domains` domains (`s0`…`s3` sub-topics),
/// with a ~ U(0.8, 2.0) and b ~ U(−2.5, 2.5): the spread of a calibrated bank that covers
/// beginners to experts.
pub fn synthetic_bank(domains: usize, per_domain: usize, seed: u64) -> Bank {
    let mut rng = Rng::new(seed);
    let options = vec![
        Choice { id: "a".into(), text: Localized::en("right") },
        Choice { id: "b".into(), text: Localized::en("wrong") },
    ];
    let mut items = Vec::with_capacity(domains * per_domain);
    for d in 0..domains {
        for i in 0..per_domain {
            let a = 0.8 + 1.2 * rng.uniform();
            let b = -2.5 + 5.0 * rng.uniform();
            items.push(Item {
                id: format!("syn-{d}-{i}"),
                domain: format!("d{d}"),
                subtopic: format!("s{}", i % 4),
                difficulty: Difficulty::Medium,
                tags: vec![],
                stem: Localized::en("synthetic"),
                code: None,
                question: Question::SingleChoice { options: options.clone(), answer: "a".into() },
                explanation: Localized::en("synthetic"),
                irt: ItemParams { a, b, c: 0.0 },
            });
        }
    }
    let domains = (0..domains)
        .map(|d| Domain {
            id: format!("d{d}"),
            title: Localized::en(&format!("Domain {d}")),
            description: Localized::en("synthetic"),
            subtopics: (0..4)
                .map(|s| Subtopic { id: format!("s{s}"), title: Localized::en("s"), frameworks: vec![] })
                .collect(),
        })
        .collect();
    Bank::new("synthetic".into(), vec!["en".into()], Localized::en("Synthetic"), domains, items)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
