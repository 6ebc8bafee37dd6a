use proptest::prelude::*;

use super::*;

proptest! {
    /// Same order as the standard library's stable sort, equal keys included.
    #[test]
    fn orders_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u32>()), 0..60)) {
        let mut ours = v.clone();
        let mut std = v;
        sort_stable_by_key(&mut ours, |x| x.0);
        std.sort_by_key(|x| x.0);
        prop_assert_eq!(ours, std);
    }

    /// The merge sort too, on lists longer than insertion sort is for.
    #[test]
    fn merge_sort_orders_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u32>()), 0..600)) {
        let mut std = v.clone();
        std.sort_by_key(|x| x.0);
        prop_assert_eq!(merge_sort_by(v, |a, b| a.0.cmp(&b.0)), std);
    }
}
