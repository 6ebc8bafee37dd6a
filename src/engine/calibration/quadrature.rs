//! The ability grid that marginal likelihood integrates over, and each learner's posterior on
//! it: shared by the EM fit, the ability estimates, item fit and the DIF matching.
//!
//! The latent distribution is N(0, 1), the prior the app's EAP scoring uses, so estimates
//! land on the scale the app already reports. 61 equally spaced points from −6 to 6 (0.2
//! apart), weighted by the normal density: the rectangle rule is exponentially accurate for
//! smooth integrands like these (its error for a posterior of SD 0.2 is below 10⁻⁵).

use crate::engine::irt::ItemParams;

pub const POINTS: usize = 61;
const MIN: f64 = -6.0;
const STEP: f64 = 0.2;

/// Values at every grid point.
pub type OnGrid = [f64; POINTS];

/// The ability at grid point `k`.
pub fn node(k: usize) -> f64 {
    MIN + k as f64 * STEP
}

/// The logarithms of the N(0, 1) weights of the grid points, normalised to sum to 1.
pub fn log_weights() -> OnGrid {
    let mut w = [0.0; POINTS];
    for (k, x) in w.iter_mut().enumerate() {
        *x = -0.5 * node(k) * node(k);
    }
    let total = w.iter().map(|x| x.exp()).sum::<f64>().ln();
    w.map(|x| x - total)
}

/// ln(1 + eˣ) without overflow or loss of precision.
pub fn softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

/// Each item's log-probability of a right and of a wrong answer at every grid point,
/// computed stably even where a probability is within 10⁻¹⁶ of 0 or 1.
pub struct Tables {
    right: Vec<OnGrid>,
    wrong: Vec<OnGrid>,
}

impl Tables {
    pub fn new(items: &[ItemParams]) -> Tables {
        let mut right = Vec::with_capacity(items.len());
        let mut wrong = Vec::with_capacity(items.len());
        for item in items {
            let (mut r, mut w) = ([0.0; POINTS], [0.0; POINTS]);
            for k in 0..POINTS {
                let z = item.a * (node(k) - item.b);
                // P = c + (1 − c)σ(z) and 1 − P = (1 − c)σ(−z).
                r[k] = if item.c > 0.0 { item.p(node(k)).ln() } else { -softplus(-z) };
                w[k] = (1.0 - item.c).ln() - softplus(z);
            }
            right.push(r);
            wrong.push(w);
        }
        Tables { right, wrong }
    }

    /// The log-likelihood terms of a right or a wrong answer to `item`, if the item exists.
    pub fn terms(&self, item: usize, right: bool) -> Option<&OnGrid> {
        if right {
            self.right.get(item)
        } else {
            self.wrong.get(item)
        }
    }

    /// A learner's unnormalised log-posterior over the grid given their responses (item
    /// position, right); responses to items the tables do not have are skipped.
    pub fn log_posterior(&self, log_weights: &OnGrid, responses: &[(usize, bool)], out: &mut OnGrid) {
        *out = *log_weights;
        for (item, right) in responses {
            if let Some(terms) = self.terms(*item, *right) {
                for (p, t) in out.iter_mut().zip(terms) {
                    *p += t;
                }
            }
        }
    }

    /// A learner's posterior over the grid (normalised, into `post`); returns the log of
    /// their marginal likelihood.
    pub fn posterior(&self, log_weights: &OnGrid, responses: &[(usize, bool)], post: &mut OnGrid) -> f64 {
        self.log_posterior(log_weights, responses, post);
        normalise(post)
    }
}

/// Turns log-values into weights summing to 1, in place; returns the log of their sum.
pub fn normalise(values: &mut OnGrid) -> f64 {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in values.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in values.iter_mut() {
        *v /= sum;
    }
    max + sum.ln()
}

/// Mean and standard deviation of a distribution over the grid.
pub fn mean_sd(post: &OnGrid) -> (f64, f64) {
    let mean: f64 = post.iter().enumerate().map(|(k, w)| w * node(k)).sum();
    let var: f64 = post.iter().enumerate().map(|(k, w)| w * (node(k) - mean).powi(2)).sum();
    (mean, var.max(0.0).sqrt())
}
