use proptest::prelude::*;

use super::Rng;

#[test]
fn same_seed_same_sequence() {
    let a: Vec<u64> = (0..5)
        .map({
            let mut r = Rng::new(42);
            move |_| r.next_u64()
        })
        .collect();
    let b: Vec<u64> = (0..5)
        .map({
            let mut r = Rng::new(42);
            move |_| r.next_u64()
        })
        .collect();
    assert_eq!(a, b);
    assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
}

proptest! {
    #[test]
    fn below_stays_in_range(seed: u64, n in 1usize..1000) {
        let mut r = Rng::new(seed);
        for _ in 0..20 {
            prop_assert!(r.below(n) < n);
        }
    }

    #[test]
    fn uniform_is_in_the_unit_interval_and_normal_is_finite(seed: u64) {
        let mut r = Rng::new(seed);
        for _ in 0..50 {
            let u = r.uniform();
            prop_assert!((0.0..1.0).contains(&u));
            prop_assert!(r.normal().is_finite());
        }
    }

    #[test]
    fn shuffle_is_a_permutation(seed: u64, len in 0usize..50) {
        let mut v: Vec<usize> = (0..len).collect();
        Rng::new(seed).shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..len).collect::<Vec<_>>());
    }
}
