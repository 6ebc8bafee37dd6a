//! A stable sort for the short lists the app orders (domains, a domain's items, a form, the
//! history): insertion sort, which keeps equal elements in their order like `sort_by`.
//!
//! Why not `slice::sort_by`: in wasm, the standard stable sort adds about 10 KB of code for
//! every element type it sorts, and the first load has a size budget. Lists here hold tens
//! to a few hundred elements, where insertion sort is fast enough.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping equal elements in their original order.
pub fn sort_stable_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by a key, keeping equal elements in their original order.
pub fn sort_stable_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_stable_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
