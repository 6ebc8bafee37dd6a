//! Item response theory: the three-parameter logistic model, item information, and ability
//! estimation (EAP with a standard-normal prior; maximum likelihood where it exists).
//!
//! Formulas as in catsim (github.com/douglasrizzo/catsim), which the tests cross-check to
//! three decimals: P(θ) = c + (1 − c) / (1 + e^(−a(θ − b))), I(θ) = a²(P − c)²(1 − P) /
//! ((1 − c)² P), SE = 1 / √ΣI.

use serde::{Deserialize, Serialize};

/// The ability range searched; catsim's "extended" range.
pub const THETA_MIN: f64 = -6.0;
pub const THETA_MAX: f64 = 6.0;

/// Quadrature for EAP: 121 points from −6 to 6, 0.1 apart.
const GRID_POINTS: usize = 121;
const GRID_STEP: f64 = 0.1;

/// Discrimination a, difficulty b, pseudo-guessing c (c = 0 is the 2PL model).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemParams {
    pub a: f64,
    pub b: f64,
    pub c: f64,
}

impl ItemParams {
    /// Probability of a right answer at ability `theta`.
    pub fn p(&self, theta: f64) -> f64 {
        self.c + (1.0 - self.c) / (1.0 + (-self.a * (theta - self.b)).exp())
    }

    /// Fisher information at `theta`.
    pub fn information(&self, theta: f64) -> f64 {
        let p = self.p(theta);
        if p <= 0.0 || p >= 1.0 {
            return 0.0;
        }
        let num = self.a * self.a * (p - self.c).powi(2) * (1.0 - p);
        let den = (1.0 - self.c).powi(2) * p;
        if den > 0.0 {
            num / den
        } else {
            0.0
        }
    }
}

impl ItemParams {
    /// The largest information the item gives at any θ (catsim's `max_info`), which lets
    /// item selection skip items that cannot beat the ones already found.
    pub fn max_information(&self) -> f64 {
        let c = self.c;
        let a2 = self.a * self.a;
        a2 / (8.0 * (1.0 - c).powi(2)) * (1.0 - 20.0 * c - 8.0 * c * c + (1.0 + 8.0 * c).powf(1.5))
    }
}

/// An ability estimate with its standard error.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub theta: f64,
    pub se: f64,
}

/// One answered item: its parameters and whether the answer was right.
pub type Response = (ItemParams, bool);

/// Log-likelihood of `theta` given the responses; probabilities are clamped away from 0 and 1
/// so that extreme parameters never give infinities.
pub fn log_likelihood(theta: f64, responses: &[Response]) -> f64 {
    responses
        .iter()
        .map(|(item, right)| {
            let p = item.p(theta).clamp(1e-300, 1.0 - 1e-16);
            if *right {
                p.ln()
            } else {
                (1.0 - p).ln()
            }
        })
        .sum()
}

/// Sum of item information at `theta`.
pub fn test_information(theta: f64, responses: &[Response]) -> f64 {
    responses.iter().map(|(item, _)| item.information(theta)).sum()
}

/// Expected a posteriori estimate under a standard-normal prior: the posterior mean and
/// standard deviation on a fixed grid. Defined for every pattern, including no responses
/// (θ = 0, SE = 1) and all-right or all-wrong patterns.
pub fn eap(responses: &[Response]) -> Estimate {
    let mut log_post = [0.0f64; GRID_POINTS];
    for (k, lp) in log_post.iter_mut().enumerate() {
        let theta = grid(k);
        *lp = -0.5 * theta * theta + log_likelihood(theta, responses);
    }
    posterior(&log_post)
}

/// An item's log-likelihood terms at every grid point, right and wrong: for scoring many
/// examinees on the same items (a class), where summing these gives exactly what [`eap`]
/// computes, without a logarithm per item, point and examinee.
#[derive(Clone, Debug)]
pub struct GridTerms {
    right: [f64; GRID_POINTS],
    wrong: [f64; GRID_POINTS],
}

impl ItemParams {
    pub fn grid_terms(&self) -> GridTerms {
        let mut terms = GridTerms { right: [0.0; GRID_POINTS], wrong: [0.0; GRID_POINTS] };
        for k in 0..GRID_POINTS {
            // The same clamping and logarithms as `log_likelihood`.
            let p = self.p(grid(k)).clamp(1e-300, 1.0 - 1e-16);
            terms.right[k] = p.ln();
            terms.wrong[k] = (1.0 - p).ln();
        }
        terms
    }
}

/// [`eap`] from precomputed terms, in the order of the responses.
pub fn eap_from_terms(responses: &[(&GridTerms, bool)]) -> Estimate {
    let mut log_post = [0.0f64; GRID_POINTS];
    for (k, lp) in log_post.iter_mut().enumerate() {
        let theta = grid(k);
        let likelihood: f64 =
            responses.iter().map(|(t, right)| if *right { t.right[k] } else { t.wrong[k] }).sum();
        *lp = -0.5 * theta * theta + likelihood;
    }
    posterior(&log_post)
}

/// Posterior mean and standard deviation from the log-posterior on the grid.
fn posterior(log_post: &[f64; GRID_POINTS]) -> Estimate {
    let max = log_post.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Each weight once: a class of 2,000 spent 14 ms of its report in `exp`.
    let weights = log_post.map(|lp| (lp - max).exp());
    let (mut sum_w, mut sum_t) = (0.0, 0.0);
    for (k, w) in weights.iter().enumerate() {
        sum_w += w;
        sum_t += w * grid(k);
    }
    let mean = sum_t / sum_w;
    let var = weights.iter().enumerate().map(|(k, w)| w * (grid(k) - mean).powi(2)).sum::<f64>() / sum_w;
    Estimate { theta: mean, se: var.sqrt() }
}

fn grid(k: usize) -> f64 {
    THETA_MIN + k as f64 * GRID_STEP
}

/// Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26, error below 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// Maximum-likelihood estimate, or `None` when it does not exist (no responses, or all
/// right, or all wrong). The likelihood of 3PL items can have several local maxima, so the
/// whole range is scanned before refining the best bracket by golden-section search.
pub fn mle(responses: &[Response]) -> Option<Estimate> {
    let rights = responses.iter().filter(|(_, r)| *r).count();
    if rights == 0 || rights == responses.len() {
        return None;
    }
    let ll = |t: f64| log_likelihood(t, responses);
    let best = (0..GRID_POINTS).max_by(|&i, &j| ll(grid(i)).total_cmp(&ll(grid(j))))?;
    let (mut lo, mut hi) = (grid(best.saturating_sub(1)), grid((best + 1).min(GRID_POINTS - 1)));
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let mut x1 = hi - ratio * (hi - lo);
    let mut x2 = lo + ratio * (hi - lo);
    let (mut f1, mut f2) = (ll(x1), ll(x2));
    while hi - lo > 1e-9 {
        if f1 < f2 {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + ratio * (hi - lo);
            f2 = ll(x2);
        } else {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - ratio * (hi - lo);
            f1 = ll(x1);
        }
    }
    let theta = (lo + hi) / 2.0;
    let info = test_information(theta, responses);
    Some(Estimate { theta, se: if info > 0.0 { 1.0 / info.sqrt() } else { f64::INFINITY } })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
