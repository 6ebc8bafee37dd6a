use crate::engine::json::Value;

/// serde_json's `json!`, read as the app reads JSON.
macro_rules! json {
    ($($t:tt)+) => {
        Value::from(&serde_json::json!($($t)+))
    };
}

use super::*;
use crate::engine::problem::ProblemKind;

/// Reads `{"name": …, "sizes": […], "note": …}` the way an engine type does.
fn read(v: &Value) -> Read<(String, Vec<u32>, Option<f64>)> {
    let mut f = object(v)?;
    let read = (f.get("name", string), f.get("sizes", |v| list(v, unsigned)), f.optional("note", number));
    f.finish()?;
    Ok(read)
}

fn path_and_kind(v: Value) -> (String, ProblemKind) {
    let p = in_file("f.json", list(&v, read)).unwrap_err();
    assert_eq!(p.file, "f.json");
    (p.path, p.kind)
}

#[test]
fn reads_what_is_there() {
    let v = json!([{"name": "a", "sizes": [1, 2], "note": 0.5}, {"name": "b", "sizes": [], "note": null}]);
    assert_eq!(
        list(&v, read).unwrap(),
        vec![("a".into(), vec![1, 2], Some(0.5)), ("b".into(), vec![], None)]
    );
}

#[test]
fn a_problem_names_the_path_it_came_through() {
    let wrong = |expected| ProblemKind::WrongType { expected };
    assert_eq!(
        path_and_kind(json!([{"name": "a", "sizes": []}, {"name": "b", "sizes": [1, -2]}])),
        ("[1].sizes[1]".into(), wrong(Expected::Integer))
    );
    assert_eq!(path_and_kind(json!([{"sizes": []}])), ("[0].name".into(), ProblemKind::Missing));
    assert_eq!(
        path_and_kind(json!([{"name": "a", "sizes": [], "nmae": 1}])),
        ("[0].nmae".into(), ProblemKind::Unexpected)
    );
    assert_eq!(
        path_and_kind(json!([{"name": 1, "sizes": []}])),
        ("[0].name".into(), wrong(Expected::String))
    );
    assert_eq!(path_and_kind(json!([[]])), ("[0]".into(), wrong(Expected::Object)));
    assert_eq!(path_and_kind(json!({})), (String::new(), wrong(Expected::Array)));
}

#[test]
fn numbers_must_fit_their_type() {
    assert_eq!(unsigned::<u32>(&json!(4_294_967_295_u64)).unwrap(), u32::MAX);
    assert!(unsigned::<u32>(&json!(4_294_967_296_u64)).is_err());
    assert!(unsigned::<u64>(&json!(1.5)).is_err());
    assert_eq!(unsigned::<u64>(&json!(u64::MAX)).unwrap(), u64::MAX);
    assert_eq!(signed::<i8>(&json!(-1)).unwrap(), -1);
    assert!(signed::<i8>(&json!(300)).is_err());
    assert_eq!(number(&json!(3)).unwrap(), 3.0);
    assert!(number(&json!("3")).is_err());
}

#[test]
fn maps_keep_each_key_and_name_a_wrong_value_by_it() {
    let m = map(&json!({"b": 1, "a": 0}), signed::<i8>).unwrap();
    assert_eq!(m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), vec![("a", 0), ("b", 1)]);
    let p = map(&json!({"a": 1, "b": "x"}), signed::<i8>).unwrap_err();
    assert_eq!(p.path, "b");
    assert_eq!(nullable(&Value::Null, string).unwrap(), None);
}
