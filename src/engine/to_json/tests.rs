use proptest::prelude::*;
use serde_json::Value;

use super::*;

proptest! {
    /// Any text reads back as it was, as serde_json writes it.
    #[test]
    fn texts_read_back(s in "\\PC*|[\\x00-\\x1f\"\\\\é€😀]*") {
        let written = s.to_json();
        prop_assert_eq!(serde_json::from_str::<String>(&written).unwrap(), s.clone());
        prop_assert_eq!(written, serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them(x in any::<f64>(), n in any::<u64>(), i in any::<i8>()) {
        prop_assert_eq!(x.to_json(), serde_json::to_string(&x).unwrap());
        prop_assert_eq!(n.to_json(), serde_json::to_string(&n).unwrap());
        prop_assert_eq!(i.to_json(), serde_json::to_string(&i).unwrap());
    }
}

#[test]
fn objects_lists_and_maps() {
    let mut out = String::new();
    let map: SortedMap<String, Option<u32>> = [("b".to_string(), None), ("a".to_string(), Some(1))].into();
    object(&mut out, |o| {
        o.field("list", &vec![true, false]).field("map", &map).field("set", &SortedSet::from([2usize, 1]));
    });
    let expected: Value =
        serde_json::json!({"list": [true, false], "map": {"a": 1, "b": null}, "set": [1, 2]});
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), expected);
    assert_eq!(Vec::<String>::new().to_json(), "[]");
}
