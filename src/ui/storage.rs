//! localStorage access: load and save the engine's [`Stored`] and keep unreadable parts aside.
//!
//! Every call tolerates a missing or failing storage (private mode, quota, disabled), so the
//! attempt carries on in memory.

use crate::engine::store::{self, Loaded, SetAside, Stored};

/// The key the whole store lives under.
pub const KEY: &str = "kafaa";
/// Prefix of keys holding data that could not be read, kept for the user to recover.
pub const SET_ASIDE_PREFIX: &str = "kafaa.set-aside.";

/// The browser's localStorage; `None` where it is closed (storage blocked for the site, some
/// private modes), where even asking for it throws. Then nothing is read and every save
/// reports failure, so the app runs in memory and says so.
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the store; unreadable parts are copied under set-aside keys before anything else is
/// written, so that the next save cannot overwrite them.
pub fn load() -> Loaded {
    let raw = local().and_then(|s| s.get_item(KEY).ok().flatten());
    let loaded = store::load(raw.as_deref());
    keep_set_aside(&loaded.set_aside);
    loaded
}

/// Keeps unreadable parts (of the store, or of an imported file) under keys of their own,
/// as they were: shown in the notice and carried into the next export.
pub fn keep_set_aside(parts: &[SetAside]) {
    let Some(storage) = local() else { return };
    let stamp = js_sys::Date::now() as u64;
    for (i, part) in parts.iter().enumerate() {
        let key = format!("{SET_ASIDE_PREFIX}{stamp}.{i}");
        // If even this fails, storage is unusable and the save that follows reports it.
        let _ = storage.set_item(&key, &part.raw);
    }
}

/// Writes the store; `false` when the browser refused (quota, private mode).
pub fn save(stored: &Stored) -> bool {
    local().is_some_and(|s| s.set_item(KEY, &stored.to_json()).is_ok())
}

/// Every set-aside part, as it was stored, for the "My data" export.
pub fn set_aside_parts() -> Vec<String> {
    let Some(storage) = local() else { return Vec::new() };
    keys(&storage)
        .into_iter()
        .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .collect()
}

/// Removes everything Kafaa keeps on this device.
pub fn delete_all() {
    let Some(storage) = local() else { return };
    for key in keys(&storage).into_iter().filter(|k| k == KEY || k.starts_with("kafaa.")) {
        let _ = storage.remove_item(&key);
    }
}

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
}
