//! The browser front end: yew components over the pure engine.
//!
//! Events become [`state::Action`]s, the reducer in [`state`] applies them with engine
//! methods, and views render the new [`state::AppState`]. Saving to localStorage happens in an
//! effect in [`app`], never inside the reducer.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod crash;
pub mod hooks;
pub mod item_text;
pub mod key_agreement;
pub mod opened_codes;
pub mod pages;
pub mod route;
pub mod state;
pub mod storage;

pub use app::App;
