//! Simulated response data with known parameters, to check that calibration recovers them
//! (the tests, and `examples/calibration_recovery.rs` against girth).

use super::responses::{Record, ResponseFile};
use crate::engine::irt::ItemParams;
use crate::engine::rng::Rng;

/// What to simulate.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    /// Item ids with their true parameters.
    pub items: Vec<(String, ItemParams)>,
    /// Differential functioning planted: (item id, language, shift of b in that language).
    pub dif: Vec<(String, String, f64)>,
    /// Each learner answers this many items drawn at random (sparse data); `None`: all.
    pub per_learner: Option<usize>,
}

/// `count` items `i00`, `i01`… with a ~ lognormal(0, `log_a_sd`²), b ~ N(0, 1) and c = 0.
pub fn draw_items(count: usize, log_a_sd: f64, rng: &mut Rng) -> Vec<(String, ItemParams)> {
    (0..count)
        .map(|i| {
            let a = (log_a_sd * rng.normal()).exp();
            let b = rng.normal();
            (format!("i{i:02}"), ItemParams { a, b, c: 0.0 })
        })
        .collect()
}

impl Design {
    /// Every item answered by every learner, no DIF.
    pub fn complete(items: Vec<(String, ItemParams)>) -> Design {
        Design { items, dif: Vec::new(), per_learner: None }
    }

    /// Responses of `learners` (language, true ability), each a record in mode `simulated`.
    pub fn run(&self, learners: &[(String, f64)], rng: &mut Rng) -> ResponseFile {
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        let records = learners.iter().map(|(language, theta)| {
            rng.shuffle(&mut order);
            let taken = self.per_learner.unwrap_or(order.len()).min(order.len());
            let answers: Vec<(String, bool)> = order
                .iter()
                .take(taken)
                .filter_map(|&i| {
                    let (id, params) = self.items.get(i)?;
                    let shift: f64 =
                        self.dif.iter().filter(|(d, l, _)| d == id && l == language).map(|d| d.2).sum();
                    let p = ItemParams { b: params.b + shift, ..*params }.p(*theta);
                    Some((id.clone(), rng.uniform() < p))
                })
                .collect();
            Record::new(language, "simulated", answers)
        });
        // Not `anonymous`, which sorts: learners stay in order, so their abilities line up
        // with the matrix's learners.
        ResponseFile { records: records.collect() }
    }
}
