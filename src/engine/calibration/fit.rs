//! Item parameters by marginal maximum likelihood, with the EM algorithm of Bock and Aitkin
//! (1981): abilities are integrated out over a fixed N(0, 1) grid ([`super::quadrature`]).
//!
//! Each cycle, the E-step gives every item the expected number of learners at each grid
//! point and how many of them answered right (from each learner's posterior given the
//! current parameters); the M-step then fits each item to those counts on its own, by
//! Fisher scoring (Newton–Raphson with the expected information) with a halving line search.
//! With priors the M-step maximises the posterior instead (MAP): ln a ~ N(0, 0.5²) and
//! b ~ N(0, 2²) by default, which keeps every estimate finite on small samples, items that
//! everyone got right included, and moves well-measured items very little.
//!
//! Models, all on the app's metric P = c + (1 − c)/(1 + e^(−a(θ − b))):
//! * Rasch: a = 1 for every item, b estimated;
//! * 1PL: one a common to all items, estimated with the b's;
//! * 2PL: a and b per item, c = 0;
//! * 3PL with fixed c: a and b per item, c given per item by the caller (the chance of
//!   guessing right, from the item's type), never estimated.
//!
//! Fixing the latent distribution to N(0, 1) is what sets the scale; to stay on the scale of
//! parameters already in use, link the result through anchor items ([`super::linking`]).
//! Learners' items need not be the same (sparse data): missing responses are ignorable.

use super::matrix::Matrix;
use super::quadrature::{log_weights, mean_sd, node, OnGrid, Tables, POINTS};
use crate::engine::irt::{Estimate, ItemParams};
use crate::engine::sorted::SortedMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    Rasch,
    OnePl,
    TwoPl,
    ThreePl,
}

impl Model {
    pub const ALL: [Model; 4] = [Model::Rasch, Model::OnePl, Model::TwoPl, Model::ThreePl];

    /// The id used on the command line and in the parameters file.
    pub fn id(self) -> &'static str {
        match self {
            Model::Rasch => "rasch",
            Model::OnePl => "1pl",
            Model::TwoPl => "2pl",
            Model::ThreePl => "3pl",
        }
    }

    pub fn from_id(id: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Parameters estimated for each item (the 1PL's common a is shared, not counted).
    pub fn free_per_item(self) -> usize {
        match self {
            Model::Rasch | Model::OnePl => 1,
            Model::TwoPl | Model::ThreePl => 2,
        }
    }
}

/// Normal priors on ln a and on b (means and standard deviations).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Priors {
    pub log_a: (f64, f64),
    pub b: (f64, f64),
}

impl Default for Priors {
    /// ln a ~ N(0, 0.5²), BILOG-MG's default, which puts 95% of a in [0.38, 2.7]; and
    /// b ~ N(0, 2²), wide enough to leave any item on the bank's −4 to 4 range alone.
    fn default() -> Self {
        Priors { log_a: (0.0, 0.5), b: (0.0, 2.0) }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub model: Model,
    /// MAP with these priors; `None` for plain maximum likelihood (estimates then stop at
    /// the bounds a ∈ [0.05, 10], b ∈ [−15, 15] for items everyone got right or wrong).
    pub priors: Option<Priors>,
    /// The 3PL's c per item id, taken as given; items not listed get 0. Values are kept in
    /// [0, 0.5), the bank's range. Ignored by the other models.
    pub guessing: SortedMap<String, f64>,
    pub max_iterations: usize,
    /// EM stops when no a or b moves by more than this in a cycle.
    pub tolerance: f64,
}

impl Options {
    /// Defaults: the default priors, at most 500 cycles, tolerance 10⁻⁴.
    pub fn new(model: Model) -> Options {
        Options {
            model,
            priors: Some(Priors::default()),
            guessing: SortedMap::new(),
            max_iterations: 500,
            tolerance: 1e-4,
        }
    }
}

/// One item's estimates.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemEstimate {
    pub id: String,
    pub params: ItemParams,
    /// Standard errors: the square roots of the diagonal of the inverse of the item's
    /// information at the estimates, that information being the empirical (cross-product)
    /// information of the marginal likelihood over learners plus the priors' precision. They
    /// treat the other items as known, so they are slightly optimistic. SE(a) is SE(ln a)·a;
    /// `None` where a is fixed (Rasch). The 1PL's common a has one SE, repeated per item.
    pub se_a: Option<f64>,
    pub se_b: f64,
    /// Learners who answered the item, and how many got it right.
    pub n: usize,
    pub right: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    pub model: Model,
    /// In the order of the matrix's items.
    pub items: Vec<ItemEstimate>,
    /// Each learner's ability (EAP and posterior SD on the grid, under the latent N(0, 1)),
    /// in the order of the matrix's learners.
    pub abilities: Vec<Estimate>,
    /// EM cycles run, and whether the last moved no parameter by more than the tolerance.
    pub iterations: usize,
    pub converged: bool,
    /// The largest change of an a or b in the last cycle.
    pub last_change: f64,
    /// Marginal log-likelihood of the data at the estimates (the priors not included).
    pub log_likelihood: f64,
}

/// ln 0.05 and ln 10.
const LOG_A_BOUNDS: (f64, f64) = (-2.995_732_273_553_991, std::f64::consts::LN_10);
const B_BOUNDS: (f64, f64) = (-15.0, 15.0);

/// Fits `options.model` to `data`.
pub fn fit(data: &Matrix, options: &Options) -> Calibration {
    let model = options.model;
    let counts = data.counts();
    let mut params: Vec<ItemParams> = data
        .items()
        .iter()
        .zip(&counts)
        .map(|(id, &(n, right))| {
            let c = match model {
                Model::ThreePl => options.guessing.get(id).copied().unwrap_or(0.0).clamp(0.0, 0.49),
                _ => 0.0,
            };
            // Start from the proportion right, corrected for guessing.
            let p = ((right as f64 + 0.5) / (n as f64 + 1.0) - c) / (1.0 - c);
            let p = p.clamp(0.02, 0.98);
            ItemParams { a: 1.0, b: -(p / (1.0 - p)).ln(), c }
        })
        .collect();
    let weights = log_weights();
    let mut expected = Expected::new(params.len());
    let (mut iterations, mut converged, mut last_change) = (0, false, f64::INFINITY);
    while iterations < options.max_iterations {
        iterations += 1;
        expected.e_step(data, &Tables::new(&params), &weights);
        let before = params.clone();
        m_step(&mut params, &expected, model, options.priors.as_ref());
        last_change = before
            .iter()
            .zip(&params)
            .map(|(x, y)| (x.a - y.a).abs().max((x.b - y.b).abs()))
            .fold(0.0, f64::max);
        if last_change < options.tolerance {
            converged = true;
            break;
        }
    }
    finish(data, &params, &counts, options, Finish { iterations, converged, last_change })
}

/// Expected counts from the E-step: per item and grid point, learners and right answers.
struct Expected {
    n: Vec<OnGrid>,
    r: Vec<OnGrid>,
}

impl Expected {
    fn new(items: usize) -> Expected {
        Expected { n: vec![[0.0; POINTS]; items], r: vec![[0.0; POINTS]; items] }
    }

    fn e_step(&mut self, data: &Matrix, tables: &Tables, weights: &OnGrid) {
        for row in self.n.iter_mut().chain(self.r.iter_mut()) {
            *row = [0.0; POINTS];
        }
        let mut post = [0.0; POINTS];
        for learner in data.learners() {
            tables.posterior(weights, &learner.responses, &mut post);
            for &(item, right) in &learner.responses {
                let (Some(n), Some(r)) = (self.n.get_mut(item), self.r.get_mut(item)) else { continue };
                for k in 0..POINTS {
                    n[k] += post[k];
                }
                if right {
                    for k in 0..POINTS {
                        r[k] += post[k];
                    }
                }
            }
        }
    }
}

/// An item's derivatives at grid point k with respect to z = a(θ − b): the score
/// (r − nP)·P′/(PQ) and the expected information n·P′²/(PQ), where P′ = dP/dz.
fn z_terms(item: &ItemParams, k: usize, n: f64, r: f64) -> (f64, f64, f64) {
    let z = item.a * (node(k) - item.b);
    let s = 1.0 / (1.0 + (-z).exp());
    let p = item.c + (1.0 - item.c) * s;
    let q = (1.0 - item.c) * (1.0 - s);
    let dp = (1.0 - item.c) * s * (1.0 - s);
    let pq = (p * q).max(1e-300);
    ((r - n * p) * dp / pq, n * dp * dp / pq, z)
}

/// The item's expected complete-data log-likelihood (plus log-prior) at `item`.
fn objective(item: &ItemParams, n: &OnGrid, r: &OnGrid, fit_a: bool, priors: Option<&Priors>) -> f64 {
    let mut f = 0.0;
    for k in 0..POINTS {
        let z = item.a * (node(k) - item.b);
        let log_q = (1.0 - item.c).ln() - super::quadrature::softplus(z);
        let log_p = if item.c > 0.0 { item.p(node(k)).ln() } else { -super::quadrature::softplus(-z) };
        f += r[k] * log_p + (n[k] - r[k]) * log_q;
    }
    if let Some(pr) = priors {
        f -= 0.5 * ((item.b - pr.b.0) / pr.b.1).powi(2);
        if fit_a {
            f -= 0.5 * ((item.a.ln() - pr.log_a.0) / pr.log_a.1).powi(2);
        }
    }
    f
}

/// One M-step: every item's b (and a, by model) to the maximum of its objective.
fn m_step(params: &mut [ItemParams], e: &Expected, model: Model, priors: Option<&Priors>) {
    let fit_a = matches!(model, Model::TwoPl | Model::ThreePl);
    for (item, (n, r)) in params.iter_mut().zip(e.n.iter().zip(&e.r)) {
        for _ in 0..20 {
            if !newton(item, n, r, fit_a, priors) {
                break;
            }
        }
    }
    if model == Model::OnePl {
        common_a_step(params, e, priors);
    }
}

/// One Fisher-scoring step on (ln a, b), or on b alone; `false` once the step is negligible.
fn newton(item: &mut ItemParams, n: &OnGrid, r: &OnGrid, fit_a: bool, priors: Option<&Priors>) -> bool {
    let (mut g_la, mut g_b, mut i_aa, mut i_ab, mut i_bb) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for k in 0..POINTS {
        let (g, h, z) = z_terms(item, k, n[k], r[k]);
        // dz/d(ln a) = z and dz/db = −a.
        g_la += g * z;
        g_b -= g * item.a;
        i_aa += h * z * z;
        i_ab -= h * z * item.a;
        i_bb += h * item.a * item.a;
    }
    if let Some(pr) = priors {
        g_la -= (item.a.ln() - pr.log_a.0) / pr.log_a.1.powi(2);
        i_aa += 1.0 / pr.log_a.1.powi(2);
        g_b -= (item.b - pr.b.0) / pr.b.1.powi(2);
        i_bb += 1.0 / pr.b.1.powi(2);
    }
    let (mut d_la, mut d_b) = if fit_a {
        let det = i_aa * i_bb - i_ab * i_ab;
        if det > 1e-12 * (i_aa * i_bb).max(1e-300) {
            ((i_bb * g_la - i_ab * g_b) / det, (i_aa * g_b - i_ab * g_la) / det)
        } else {
            (g_la / i_aa.max(1e-9), g_b / i_bb.max(1e-9))
        }
    } else {
        (0.0, g_b / i_bb.max(1e-9))
    };
    // At most one logit per step; then halve until the objective does not get worse.
    let largest = d_la.abs().max(d_b.abs());
    if largest > 1.0 {
        d_la /= largest;
        d_b /= largest;
    }
    let start = objective(item, n, r, fit_a, priors);
    for _ in 0..30 {
        let trial = ItemParams {
            // a round trip through ln would move a fixed or common a by a rounding error.
            a: if fit_a { (item.a.ln() + d_la).clamp(LOG_A_BOUNDS.0, LOG_A_BOUNDS.1).exp() } else { item.a },
            b: (item.b + d_b).clamp(B_BOUNDS.0, B_BOUNDS.1),
            c: item.c,
        };
        if objective(&trial, n, r, fit_a, priors) >= start - 1e-12 {
            let moved = (trial.a - item.a).abs().max((trial.b - item.b).abs());
            *item = trial;
            return moved > 1e-9;
        }
        d_la /= 2.0;
        d_b /= 2.0;
    }
    false
}

/// The 1PL's common a: one Fisher-scoring step on ln a over all items, with its prior
/// counted once.
fn common_a_step(params: &mut [ItemParams], e: &Expected, priors: Option<&Priors>) {
    let Some(a) = params.first().map(|p| p.a) else { return };
    let total = |params: &[ItemParams]| -> f64 {
        let like: f64 =
            params.iter().zip(e.n.iter().zip(&e.r)).map(|(p, (n, r))| objective(p, n, r, false, None)).sum();
        like - priors.map_or(0.0, |pr| 0.5 * ((params[0].a.ln() - pr.log_a.0) / pr.log_a.1).powi(2))
    };
    let (mut g, mut info) = (0.0, 0.0);
    for (item, (n, r)) in params.iter().zip(e.n.iter().zip(&e.r)) {
        for k in 0..POINTS {
            let (gk, hk, z) = z_terms(item, k, n[k], r[k]);
            g += gk * z;
            info += hk * z * z;
        }
    }
    if let Some(pr) = priors {
        g -= (a.ln() - pr.log_a.0) / pr.log_a.1.powi(2);
        info += 1.0 / pr.log_a.1.powi(2);
    }
    let mut step = (g / info.max(1e-9)).clamp(-0.5, 0.5);
    let start = total(params);
    for _ in 0..30 {
        let trial = (a.ln() + step).clamp(LOG_A_BOUNDS.0, LOG_A_BOUNDS.1).exp();
        let mut moved: Vec<ItemParams> = params.to_vec();
        for p in &mut moved {
            p.a = trial;
        }
        if total(&moved) >= start - 1e-12 {
            params.copy_from_slice(&moved);
            return;
        }
        step /= 2.0;
    }
}

struct Finish {
    iterations: usize,
    converged: bool,
    last_change: f64,
}

/// The last pass over the learners at the final parameters: abilities, log-likelihood and
/// the cross-product information that gives the standard errors.
fn finish(
    data: &Matrix,
    params: &[ItemParams],
    counts: &[(usize, usize)],
    options: &Options,
    end: Finish,
) -> Calibration {
    let model = options.model;
    let tables = Tables::new(params);
    let weights = log_weights();
    let mut post = [0.0; POINTS];
    let mut log_likelihood = 0.0;
    let mut abilities = Vec::with_capacity(data.learners().len());
    // Per item: Σ s sᵀ of the learners' scores on (ln a, b); and for the 1PL's common a.
    let mut xpd = vec![[0.0f64; 3]; params.len()];
    let mut common = 0.0;
    for learner in data.learners() {
        log_likelihood += tables.posterior(&weights, &learner.responses, &mut post);
        let (theta, se) = mean_sd(&post);
        abilities.push(Estimate { theta, se });
        let mut common_score = 0.0;
        for &(item, right) in &learner.responses {
            let Some(p) = params.get(item) else { continue };
            let (mut s_la, mut s_b) = (0.0, 0.0);
            for (k, w) in post.iter().enumerate() {
                let (g, _, z) = z_terms(p, k, *w, if right { *w } else { 0.0 });
                s_la += g * z;
                s_b -= g * p.a;
            }
            if let Some(x) = xpd.get_mut(item) {
                x[0] += s_la * s_la;
                x[1] += s_la * s_b;
                x[2] += s_b * s_b;
            }
            common_score += s_la;
        }
        common += common_score * common_score;
    }
    let priors = options.priors.as_ref();
    let (prior_a, prior_b) = priors.map_or((0.0, 0.0), |p| (1.0 / p.log_a.1.powi(2), 1.0 / p.b.1.powi(2)));
    let common_se = 1.0 / (common + prior_a).max(1e-12).sqrt();
    let items = data
        .items()
        .iter()
        .zip(params)
        .zip(xpd.iter().zip(counts))
        .map(|((id, p), (x, &(n, right)))| {
            let (i_aa, i_ab, i_bb) = (x[0] + prior_a, x[1], x[2] + prior_b);
            let (se_a, se_b) = match model {
                Model::Rasch => (None, 1.0 / i_bb.max(1e-12).sqrt()),
                Model::OnePl => (Some(common_se * p.a), 1.0 / i_bb.max(1e-12).sqrt()),
                Model::TwoPl | Model::ThreePl => {
                    let det = (i_aa * i_bb - i_ab * i_ab).max(1e-12);
                    (Some((i_bb / det).sqrt() * p.a), (i_aa / det).sqrt())
                }
            };
            ItemEstimate { id: id.clone(), params: *p, se_a, se_b, n, right }
        })
        .collect();
    Calibration {
        model,
        items,
        abilities,
        iterations: end.iterations,
        converged: end.converged,
        last_change: end.last_change,
        log_likelihood,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
