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

/// Sorts a list that may be long (a class's 2,000 response records, the files calibration
/// merges) in O(n log n), keeping equal elements in their original order: a merge sort of
/// halves moved between vectors, whose code is a fraction of the standard sorts'.
pub fn merge_sort_by<T>(v: Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) -> Vec<T> {
    fn sorted<T>(mut v: Vec<T>, compare: &mut dyn FnMut(&T, &T) -> Ordering) -> Vec<T> {
        if v.len() < 2 {
            return v;
        }
        let right = sorted(v.split_off(v.len() / 2), compare);
        let left = sorted(v, compare);
        let mut out = Vec::with_capacity(left.len() + right.len());
        let (mut left, mut right) = (left.into_iter().peekable(), right.into_iter().peekable());
        loop {
            // The left one first unless the right one is smaller: equal elements keep their order.
            let from_left = match (left.peek(), right.peek()) {
                (Some(l), Some(r)) => compare(r, l) != Ordering::Less,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return out,
            };
            out.extend(if from_left { left.next() } else { right.next() });
        }
    }
    sorted(v, &mut compare)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
