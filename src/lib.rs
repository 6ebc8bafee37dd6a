//! Kafaa: a digital-skills self-assessment that runs entirely in the browser.
//!
//! `engine` is the pure core (content, validation, attempts, scoring, stored state); `i18n`
//! holds the UI's messages; `ui` renders with yew and dispatches user events to the engine.
//! See ARCHITECTURE.md for the data flow.

#![forbid(unsafe_code)]

pub mod engine;
pub mod i18n;
pub mod ui;
