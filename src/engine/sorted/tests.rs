//! The sorted map and set behave as the standard `BTreeMap` and `BTreeSet` they replace.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::{SortedMap, SortedSet};

#[derive(Clone, Debug)]
enum Op {
    Insert(u8, u16),
    Remove(u8),
    Entry(u8, u16),
    Extend(Vec<(u8, u16)>),
    Retain(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k % 40, v)),
        any::<u8>().prop_map(|k| Op::Remove(k % 40)),
        (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Entry(k % 40, v)),
        prop::collection::vec((any::<u8>(), any::<u16>()), 0..8)
            .prop_map(|e| Op::Extend(e.into_iter().map(|(k, v)| (k % 40, v)).collect())),
        any::<u8>().prop_map(|m| Op::Retain(m % 5 + 2)),
    ]
}

proptest! {
    #[test]
    fn a_map_does_what_a_btree_map_does(start in prop::collection::vec((any::<u8>(), any::<u16>()), 0..30), ops in prop::collection::vec(op(), 0..60)) {
        let mut ours: SortedMap<u8, u16> = start.iter().copied().collect();
        let mut std: BTreeMap<u8, u16> = start.iter().copied().collect();
        for op in ops {
            match op {
                Op::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), std.insert(k, v)),
                Op::Remove(k) => prop_assert_eq!(ours.remove(&k), std.remove(&k)),
                Op::Entry(k, v) => {
                    *ours.entry(k).or_insert(v) /= 2;
                    *std.entry(k).or_insert(v) /= 2;
                    *ours.entry(k.wrapping_add(1)).or_default() /= 3;
                    *std.entry(k.wrapping_add(1)).or_default() /= 3;
                }
                Op::Extend(e) => {
                    ours.extend(e.clone());
                    std.extend(e);
                }
                Op::Retain(m) => {
                    ours.retain(|k, v| (u32::from(*k) + u32::from(*v)) % u32::from(m) != 0);
                    std.retain(|k, v| (u32::from(*k) + u32::from(*v)) % u32::from(m) != 0);
                }
            }
            prop_assert_eq!(ours.len(), std.len());
            prop_assert!(ours.iter().eq(std.iter()));
        }
        for k in 0..42u8 {
            prop_assert_eq!(ours.get(&k), std.get(&k));
            prop_assert_eq!(ours.contains_key(&k), std.contains_key(&k));
        }
        prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&std).unwrap());
    }

    #[test]
    fn a_set_does_what_a_btree_set_does(start in prop::collection::vec(any::<u8>(), 0..30), ops in prop::collection::vec((any::<bool>(), any::<u8>()), 0..60)) {
        let mut ours: SortedSet<u8> = start.iter().copied().collect();
        let mut std: BTreeSet<u8> = start.iter().copied().collect();
        for (insert, v) in ops {
            let v = v % 40;
            if insert {
                prop_assert_eq!(ours.insert(v), std.insert(v));
            } else {
                prop_assert_eq!(ours.remove(&v), std.remove(&v));
            }
            prop_assert!(ours.iter().eq(std.iter()));
        }
        let evens: SortedSet<u8> = (0..40).step_by(2).collect();
        let std_evens: BTreeSet<u8> = (0..40).step_by(2).collect();
        prop_assert!(ours.intersection(&evens).eq(std.intersection(&std_evens)));
        prop_assert_eq!(ours.first(), std.first());
        prop_assert_eq!(ours.last(), std.last());
    }
}

#[test]
fn reading_keeps_the_last_of_a_repeated_key_and_sorts() {
    let map: SortedMap<String, u8> = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
    assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"a":2,"b":3}"#);
    let set: SortedSet<String> = serde_json::from_str(r#"["b", "a", "b"]"#).unwrap();
    assert_eq!(serde_json::to_string(&set).unwrap(), r#"["a","b"]"#);
}

#[test]
fn a_borrowed_key_finds_an_owned_one() {
    let map = SortedMap::from([("fr".to_string(), 1), ("en".to_string(), 2)]);
    assert_eq!(map.get("en"), Some(&2));
    assert_eq!(format!("{map:?}"), r#"{"en": 2, "fr": 1}"#);
}
