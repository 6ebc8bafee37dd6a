//! Differential item functioning between languages, by the Mantel–Haenszel procedure
//! (Holland & Thayer, 1988): does an item behave differently in its French or Arabic
//! version than in English, for learners of the same ability?
//!
//! For each item and each pair of languages (reference, focal), the learners of the two
//! languages who answered the item are put in strata of equal standing, and in each stratum
//! k the 2 × 2 table of group × right/wrong is formed: A_k, B_k (reference right, wrong),
//! C_k, D_k (focal right, wrong), T_k learners. Then
//!
//! * α_MH = Σ(A_k D_k / T_k) / Σ(B_k C_k / T_k), the common odds ratio (above 1: the item is
//!   easier for the reference group than for focal learners of the same standing);
//! * Δ_MH = −2.35 ln α_MH, on the ETS delta scale (negative: the item favours the reference
//!   group), with its standard error from the Robins–Breslow–Greenland variance of ln α_MH;
//! * the MH chi-square with continuity correction, (|Σ A_k − Σ E(A_k)| − ½)² / Σ Var(A_k),
//!   on one degree of freedom.
//!
//! ETS classes (Dorans & Holland, 1993; Zwick, 2012, ETS RR-12-08):
//! * A, negligible: |Δ| < 1, or Δ not significantly different from 0 (MH χ² p ≥ 0.05);
//! * C, large: |Δ| ≥ 1.5 and |Δ| significantly greater than 1 (one-sided 5%: (|Δ| − 1)/SE
//!   > 1.645);
//! * B, moderate: the others.
//!
//! Standing is the total score when every learner of the pair who answered the item took the
//! same items (the classical matching criterion, which includes the studied item); otherwise
//! (adaptive tests, random forms) it is the ability estimate from all their answers, in bands
//! of [`THETA_BAND`] logits, as in Zwick, Thayer and Wingersky's CAT DIF procedure (1994).
//! No purification: an item with large DIF slightly biases the others' matching; re-run
//! without it to check.

use super::matrix::Matrix;
use super::responses::UNDETERMINED;
use super::stats::chi_square_sf;
use crate::engine::irt::Estimate;
use crate::engine::sorted::SortedMap;

/// Width of the ability strata when learners took different items.
pub const THETA_BAND: f64 = 0.25;
/// No statistic when either group has fewer learners who answered the item than this. ETS
/// itself asks for a few hundred per group; below that, read the classes as indications.
pub const MIN_PER_GROUP: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EtsClass {
    A,
    B,
    C,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dif {
    /// Item position in the matrix.
    pub item: usize,
    /// Language positions in the matrix.
    pub reference: usize,
    pub focal: usize,
    /// Learners of each group who answered the item.
    pub n_reference: usize,
    pub n_focal: usize,
    /// `None` when a group is too small or the odds ratio is 0 or infinite (some stratum
    /// structure where one group is all right or all wrong).
    pub mh: Option<MantelHaenszel>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MantelHaenszel {
    pub alpha: f64,
    pub delta: f64,
    pub se_delta: f64,
    pub chi_square: f64,
    pub p_value: f64,
    pub class: EtsClass,
    /// Whether the strata were total scores (`true`) or ability bands.
    pub by_total_score: bool,
}

impl MantelHaenszel {
    /// The class with the direction ETS writes after it: "A", or "B−"/"C−" when the item
    /// favours the reference group (harder for the focal group), "B+"/"C+" the other way.
    pub fn label(&self) -> String {
        match (self.class, self.delta < 0.0) {
            (EtsClass::A, _) => "A".to_string(),
            (class, true) => format!("{class:?}-"),
            (class, false) => format!("{class:?}+"),
        }
    }
}

/// Language pairs as (reference, focal) positions: every pair, English (the language the
/// items are written in) as the reference wherever it is in the pair, others in order.
/// Records of undetermined language ([`UNDETERMINED`]) are a mix, not a group: no pair.
pub fn language_pairs(languages: &[String]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..languages.len()).filter(|&i| languages[i] != UNDETERMINED).collect();
    order.sort_by_key(|&i| (languages[i] != "en", i));
    let mut pairs = Vec::new();
    for (x, &r) in order.iter().enumerate() {
        for &f in order.iter().skip(x + 1) {
            pairs.push((r, f));
        }
    }
    pairs
}

/// The Mantel–Haenszel DIF of every item for every language pair; `abilities` are the
/// learners' estimates (in the matrix's order), used only when forms differ.
pub fn mantel_haenszel(data: &Matrix, abilities: &[Estimate]) -> Vec<Dif> {
    let learners = data.learners();
    // Each learner's form (the set of items taken) as a number, and their total score.
    let mut forms: SortedMap<Vec<usize>, usize> = SortedMap::new();
    let form_of: Vec<usize> = learners
        .iter()
        .map(|l| {
            let next = forms.len();
            *forms.entry(l.responses.iter().map(|r| r.0).collect()).or_insert(next)
        })
        .collect();
    let totals: Vec<i64> =
        learners.iter().map(|l| l.responses.iter().filter(|r| r.1).count() as i64).collect();
    // Per item: (learner, right) of everyone who answered it.
    let mut answered: Vec<Vec<(usize, bool)>> = vec![Vec::new(); data.items().len()];
    for (i, l) in learners.iter().enumerate() {
        for &(item, right) in &l.responses {
            if let Some(list) = answered.get_mut(item) {
                list.push((i, right));
            }
        }
    }
    let mut out = Vec::new();
    for (item, list) in answered.iter().enumerate() {
        for &(reference, focal) in &language_pairs(data.languages()) {
            let group = |i: usize| learners.get(i).map(|l| l.language);
            let pair: Vec<(usize, bool, bool)> = list
                .iter()
                .filter_map(|&(i, right)| match group(i) {
                    Some(g) if g == reference => Some((i, true, right)),
                    Some(g) if g == focal => Some((i, false, right)),
                    _ => None,
                })
                .collect();
            let n_reference = pair.iter().filter(|p| p.1).count();
            let n_focal = pair.len() - n_reference;
            let same_form = pair.windows(2).all(|w| form_of.get(w[0].0) == form_of.get(w[1].0));
            // Stratum of each learner: total score, or ability band.
            let stratum = |i: usize| -> Option<i64> {
                if same_form {
                    totals.get(i).copied()
                } else {
                    abilities.get(i).map(|e| (e.theta / THETA_BAND).floor() as i64)
                }
            };
            let mh = (n_reference >= MIN_PER_GROUP && n_focal >= MIN_PER_GROUP)
                .then(|| {
                    let mut tables: SortedMap<i64, [f64; 4]> = SortedMap::new();
                    for &(i, is_reference, right) in &pair {
                        let Some(s) = stratum(i) else { continue };
                        let cell = usize::from(!is_reference) * 2 + usize::from(!right);
                        tables.entry(s).or_insert([0.0; 4])[cell] += 1.0;
                    }
                    statistic(tables.values(), same_form)
                })
                .flatten();
            out.push(Dif { item, reference, focal, n_reference, n_focal, mh });
        }
    }
    out
}

/// The MH statistics from the strata's tables [A, B, C, D].
fn statistic<'t>(tables: impl Iterator<Item = &'t [f64; 4]>, by_total_score: bool) -> Option<MantelHaenszel> {
    let (mut r, mut s) = (0.0, 0.0);
    let (mut pr, mut ps_qr, mut qs) = (0.0, 0.0, 0.0);
    let (mut a_sum, mut e_sum, mut var_sum) = (0.0, 0.0, 0.0);
    for &[a, b, c, d] in tables {
        let t = a + b + c + d;
        let (n_ref, n_foc, right, wrong) = (a + b, c + d, a + c, b + d);
        if t < 2.0 || n_ref == 0.0 || n_foc == 0.0 {
            continue;
        }
        let (rk, sk) = (a * d / t, b * c / t);
        let (pk, qk) = ((a + d) / t, (b + c) / t);
        r += rk;
        s += sk;
        pr += pk * rk;
        ps_qr += pk * sk + qk * rk;
        qs += qk * sk;
        a_sum += a;
        e_sum += n_ref * right / t;
        var_sum += n_ref * n_foc * right * wrong / (t * t * (t - 1.0));
    }
    if r <= 0.0 || s <= 0.0 || var_sum <= 0.0 {
        return None;
    }
    let alpha = r / s;
    let delta = -2.35 * alpha.ln();
    let var_ln = pr / (2.0 * r * r) + ps_qr / (2.0 * r * s) + qs / (2.0 * s * s);
    let se_delta = 2.35 * var_ln.sqrt();
    let chi_square = ((a_sum - e_sum).abs() - 0.5).max(0.0).powi(2) / var_sum;
    let p_value = chi_square_sf(chi_square, 1);
    let size = delta.abs();
    let class = if size < 1.0 || p_value >= 0.05 {
        EtsClass::A
    } else if size >= 1.5 && (size - 1.0) / se_delta > 1.645 {
        EtsClass::C
    } else {
        EtsClass::B
    };
    Some(MantelHaenszel { alpha, delta, se_delta, chi_square, p_value, class, by_total_score })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
