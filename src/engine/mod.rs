//! The pure core of Kafaa: content, validation, attempts, scoring and stored state.
//!
//! Nothing here touches the DOM, yew or the network, so every rule is tested natively with
//! `cargo test` and the same code runs unchanged in the browser.

pub mod assessment;
pub mod attempt;
pub mod bank;
pub mod calibration;
pub mod cat;
pub mod class_report;
pub mod content;
pub mod decimal;
pub mod fields;
pub mod guidance;
pub mod interchange;
pub mod irt;
pub mod json;
pub mod localized;
pub mod own_bank;
pub mod problem;
pub mod referral;
pub mod report;
pub mod result_code;
pub mod rng;
pub mod score;
pub mod session;
pub mod simulate;
pub mod sorted;
pub mod sorting;
pub mod store;
pub mod to_json;

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing;
