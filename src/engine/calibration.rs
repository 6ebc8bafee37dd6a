//! Calibration: estimating the bank's item parameters from what learners actually answered.
//!
//! The bank ships uncalibrated (every item a = 1, c = 0, b from its authored difficulty), so
//! the levels it shows have no empirical footing (`/work/shared/reviews/psychometrics.md`,
//! section (e)). This module is the offline pipeline that gives them one:
//!
//! 1. [`responses`] — anonymous response files (language, mode and right/wrong per item; no
//!    name, no attempt id), built from a class on the teacher's dashboard, read back with
//!    precise problems and merged;
//! 2. [`matrix`] — those records as a sparse learner × item matrix;
//! 3. [`fit`] — marginal maximum likelihood by EM (Bock–Aitkin) for the Rasch, 1PL, 2PL and
//!    fixed-guessing 3PL models, with priors for small samples; [`linking`] puts a
//!    recalibration on the current scale through anchor items;
//! 4. [`item_fit`] and [`dif`] — the checks to make before trusting the parameters: item fit,
//!    and differential functioning between the bank's languages (Mantel–Haenszel);
//! 5. [`params_file`] — the calibrated parameters as a file; [`apply`] writes them into the
//!    domain files' `irt` blocks, which the bank reader reads.
//!
//! `src/bin/calibrate.rs` runs it all; `examples/calibration_recovery.rs` checks it against
//! girth on simulated data ([`simulate`]). Everything is pure and tested natively.

pub mod apply;
pub mod dif;
pub mod fit;
pub mod item_fit;
pub mod linking;
pub mod matrix;
pub mod params_file;
mod quadrature;
pub mod responses;
pub mod simulate;
mod stats;
mod walker;
