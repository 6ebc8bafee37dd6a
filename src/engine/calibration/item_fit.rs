//! Item fit: does each item's curve match how learners of each ability actually answered?
//!
//! The statistic is Yen's Q1 (1981) with one change that makes it valid on sparse and
//! adaptive data. Learners who answered the item are sorted by their ability estimated from
//! their *other* answers (the posterior mean with this item left out) and cut into up to
//! [`GROUPS`] groups of equal size (at least [`MIN_PER_GROUP`] each). In each group g the
//! right answers observed, O_g, are compared with those the model expects, E_g = Σ Pᵢ, where
//! Pᵢ is learner i's predicted probability of a right answer given their other answers (the
//! item's curve averaged over that leave-one-out posterior):
//!
//! χ² = Σ_g (O_g − E_g)² / Σᵢ∈g Pᵢ(1 − Pᵢ), on G − m degrees of freedom
//!
//! (m = parameters estimated per item). Leaving the item out is what Orlando and Thissen's
//! S-X² (2000) does by grouping on the rest score; the rest score needs every learner to
//! take the same items, which calibration data seldom do. The item is flagged when p <
//! [`ALPHA`]; with 30 items, about one clean item in three calibrations is flagged by chance,
//! and on large samples trivial misfit is flagged too, so look at the groups before dropping
//! an item.

use super::fit::Calibration;
use super::matrix::Matrix;
use super::quadrature::{log_weights, node, normalise, OnGrid, Tables, POINTS};
use super::stats::chi_square_sf;
use crate::engine::irt::ItemParams;

/// At most this many ability groups.
pub const GROUPS: usize = 10;
/// Groups hold at least this many learners; items with fewer than two groups' worth beyond
/// their parameter count get no statistic.
pub const MIN_PER_GROUP: usize = 20;
/// Flag items whose p-value is below this.
pub const ALPHA: f64 = 0.01;

#[derive(Clone, Debug, PartialEq)]
pub struct ItemFit {
    pub chi_square: f64,
    pub df: usize,
    pub p_value: f64,
    /// Per group: learners, right answers observed, right answers expected.
    pub groups: Vec<(usize, usize, f64)>,
    pub misfit: bool,
}

/// The fit of every item of `calibration` (in its order), `None` for items too few learners
/// answered.
pub fn item_fit(data: &Matrix, calibration: &Calibration) -> Vec<Option<ItemFit>> {
    let params: Vec<ItemParams> = calibration.items.iter().map(|i| i.params).collect();
    let tables = Tables::new(&params);
    let weights = log_weights();
    let probabilities: Vec<OnGrid> = params.iter().map(|p| std::array::from_fn(|k| p.p(node(k)))).collect();
    // Per item: (rest ability, right, predicted probability) of each learner who answered it.
    let mut rows: Vec<Vec<(f64, bool, f64)>> = vec![Vec::new(); params.len()];
    let (mut log_post, mut rest) = ([0.0; POINTS], [0.0; POINTS]);
    for learner in data.learners() {
        tables.log_posterior(&weights, &learner.responses, &mut log_post);
        for &(item, right) in &learner.responses {
            let (Some(terms), Some(p), Some(list)) =
                (tables.terms(item, right), probabilities.get(item), rows.get_mut(item))
            else {
                continue;
            };
            for k in 0..POINTS {
                rest[k] = log_post[k] - terms[k];
            }
            normalise(&mut rest);
            let theta: f64 = rest.iter().enumerate().map(|(k, w)| w * node(k)).sum();
            let predicted: f64 = rest.iter().zip(p).map(|(w, p)| w * p).sum();
            list.push((theta, right, predicted));
        }
    }
    let m = calibration.model.free_per_item();
    rows.into_iter().map(|list| statistic(list, m)).collect()
}

fn statistic(mut list: Vec<(f64, bool, f64)>, m: usize) -> Option<ItemFit> {
    let g = GROUPS.min(list.len() / MIN_PER_GROUP);
    if g <= m {
        return None;
    }
    list.sort_unstable_by(|x, y| x.0.total_cmp(&y.0));
    let n = list.len();
    let mut groups = Vec::with_capacity(g);
    let mut chi_square = 0.0;
    for i in 0..g {
        let part = list.get(i * n / g..(i + 1) * n / g).unwrap_or_default();
        let observed = part.iter().filter(|r| r.1).count();
        let expected: f64 = part.iter().map(|r| r.2).sum();
        let variance: f64 = part.iter().map(|r| r.2 * (1.0 - r.2)).sum();
        chi_square += (observed as f64 - expected).powi(2) / variance.max(1e-9);
        groups.push((part.len(), observed, expected));
    }
    let df = g - m;
    let p_value = chi_square_sf(chi_square, df);
    Some(ItemFit { chi_square, df, p_value, groups, misfit: p_value < ALPHA })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
