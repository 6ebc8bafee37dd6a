//! Linking a new calibration to the scale of the parameters in use, through anchor items
//! (items whose current parameters are trusted and that the new data also cover).
//!
//! A calibration under a N(0, 1) latent distribution puts the mean ability of *its* learners
//! at 0; a later sample that is stronger or weaker would shift every b. The mean/sigma method
//! (Marco, 1977; Kolen & Brennan, *Test Equating, Scaling, and Linking*, §6.2) finds the
//! line θ_current = A·θ_new + B that maps the anchors' new b's onto their current ones:
//! A = SD(b_current)/SD(b_new), B = mean(b_current) − A·mean(b_new); then every b becomes
//! A·b + B, every a becomes a/A, standard errors of b scale by A and of a by 1/A, and the
//! abilities by A too. With a single anchor, or when either spread is 0, or for the Rasch
//! model (whose a must stay 1), only the shift B is applied (A = 1, mean/mean).
//!
//! Stocking–Lord, which matches whole test characteristic curves, is the more robust choice
//! for many anchors with varied a; mean/sigma is simple, transparent and adequate for 5 or
//! more anchors spread over the range of b.

use super::fit::{Calibration, Model};
use crate::engine::irt::ItemParams;
use crate::engine::sorted::SortedMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Linking {
    /// θ_current = slope · θ_new + shift.
    pub slope: f64,
    pub shift: f64,
    /// The anchors used: ids of items in both the calibration and `current`.
    pub anchors: Vec<String>,
}

/// The mean/sigma line from the calibration's scale to that of `current`, over the items in
/// both; `None` when they share no item.
pub fn mean_sigma(calibration: &Calibration, current: &SortedMap<String, ItemParams>) -> Option<Linking> {
    let pairs: Vec<(&str, f64, f64)> = calibration
        .items
        .iter()
        .filter_map(|i| current.get(&i.id).map(|c| (i.id.as_str(), i.params.b, c.b)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let mean = |f: fn(&(&str, f64, f64)) -> f64| pairs.iter().map(f).sum::<f64>() / n;
    let (m_new, m_cur) = (mean(|p| p.1), mean(|p| p.2));
    let sd = |f: fn(&(&str, f64, f64)) -> f64, m: f64| {
        (pairs.iter().map(|p| (f(p) - m).powi(2)).sum::<f64>() / n).sqrt()
    };
    let (sd_new, sd_cur) = (sd(|p| p.1, m_new), sd(|p| p.2, m_cur));
    let slope = if calibration.model != Model::Rasch && sd_new > 1e-9 && sd_cur > 1e-9 {
        sd_cur / sd_new
    } else {
        1.0
    };
    let anchors = pairs.iter().map(|p| p.0.to_string()).collect();
    Some(Linking { slope, shift: m_cur - slope * m_new, anchors })
}

impl Linking {
    /// Puts `calibration` on the current scale.
    pub fn apply(&self, calibration: &mut Calibration) {
        let (slope, shift) = (self.slope, self.shift);
        for item in &mut calibration.items {
            item.params.a /= slope;
            item.params.b = slope * item.params.b + shift;
            item.se_a = item.se_a.map(|se| se / slope);
            item.se_b *= slope;
        }
        for ability in &mut calibration.abilities {
            ability.theta = slope * ability.theta + shift;
            ability.se *= slope;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
