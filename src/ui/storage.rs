//! localStorage access: load and save the engine's [`Stored`], part by part (see
//! `store::Stored::changes`), and keep unreadable parts aside.
//!
//! Every call tolerates a missing or failing storage (private mode, quota, disabled), so the
//! attempt carries on in memory.

use std::cell::RefCell;

use crate::engine::store::{self, Loaded, SessionCodec, SetAside, Stored};

thread_local! {
    /// What storage holds, as last read or written in full: each save writes only the parts
    /// that differ from it. `None` until the store is in the split form (nothing stored yet,
    /// an earlier schema's single key, or after deleting everything).
    static SAVED: RefCell<Option<Stored>> = const { RefCell::new(None) };
    /// This document's reader and writer of classroom sessions, if it uses them (`start`).
    static SESSIONS: RefCell<Option<SessionCodec>> = const { RefCell::new(None) };
    /// Set when moving an earlier schema's store to parts could not write a session it does
    /// not read: nothing is saved then, so the earlier store stays whole.
    static BLOCKED: RefCell<bool> = const { RefCell::new(false) };
}

/// Gives this document the code to read and write classroom sessions (before `load`).
pub fn use_sessions(codec: SessionCodec) {
    SESSIONS.with_borrow_mut(|c| *c = Some(codec));
}
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
    let storage = local();
    let session_keys: Vec<String> = match &storage {
        Some(s) => keys(s).into_iter().filter(|k| k.starts_with(store::SESSION_PREFIX)).collect(),
        None => Vec::new(),
    };
    let codec = SESSIONS.with_borrow(|c| *c);
    let (loaded, legacy) =
        store::load_from(|key| storage.as_ref()?.get_item(key).ok().flatten(), &session_keys, codec.as_ref());
    keep_set_aside(&loaded.set_aside);
    // Sessions this document does not read go to their own keys as they are, before the
    // first save replaces the earlier store.
    if let Some(storage) = &storage {
        let written = loaded.unread.iter().all(|(key, json)| storage.set_item(key, json).is_ok());
        BLOCKED.with_borrow_mut(|b| *b = !written);
    }
    // In the split form, storage holds what was read; otherwise every part is written.
    let holds = storage.is_some() && !legacy;
    SAVED.with_borrow_mut(|saved| *saved = holds.then(|| loaded.stored.clone()));
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

/// Writes the parts of the store that changed since the last save; `None` when none did,
/// `Some(false)` when the browser refused one (quota, private mode). Every part is tried even
/// when one fails, and a failed save is tried again, whole, at the next change.
pub fn save(stored: &Stored) -> Option<bool> {
    if BLOCKED.with_borrow(|b| *b) {
        return Some(false);
    }
    let codec = SESSIONS.with_borrow(|c| *c);
    let changes = SAVED.with_borrow(|saved| stored.changes(saved.as_ref(), codec.as_ref()));
    if changes.is_empty() {
        return None;
    }
    let Some(storage) = local() else { return Some(false) };
    let mut written = Vec::with_capacity(changes.len());
    for change in &changes {
        let done = change.requires.iter().all(|&i| written[i])
            && match &change.value {
                Some(json) => storage.set_item(&change.key, json).is_ok(),
                None => storage.remove_item(&change.key).is_ok(),
            };
        written.push(done);
    }
    let ok = written.iter().all(|&w| w);
    if ok {
        SAVED.with_borrow_mut(|saved| *saved = Some(stored.clone()));
    }
    Some(ok)
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
    SAVED.with_borrow_mut(|saved| *saved = None);
    let Some(storage) = local() else { return };
    for key in keys(&storage).into_iter().filter(|k| k == store::HEAD || k.starts_with("kafaa.")) {
        let _ = storage.remove_item(&key);
    }
}

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
}
