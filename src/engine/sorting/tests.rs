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
}
