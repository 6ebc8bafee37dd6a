//! Kafaa: a digital-skills self-assessment that runs entirely in the browser.
//!
//! `engine` is the pure core (content, validation, attempts, scoring, stored state); `i18n`
//! holds the UI's messages; `ui` renders with yew and dispatches user events to the engine.
//! See ARCHITECTURE.md for the data flow.

#![forbid(unsafe_code)]

/// Talc in place of Rust's default dlmalloc: a smaller wasm, and faster allocation (see the
/// commit that brought it for the measures).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod engine;
pub mod i18n;
pub mod ui;
