//! One component per route.

pub mod history;
pub mod home;
pub mod my_data;
pub mod not_found;
pub mod quiz;
pub mod results;
pub mod start;
