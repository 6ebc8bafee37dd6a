use proptest::prelude::*;
use serde_json::Value as Serde;

use super::*;

/// Any JSON value, with the numbers the app writes: floats whose text has at most 22
/// decimal places or powers of ten (where reading is exact), whole numbers of any size.
fn any_json() -> impl Strategy<Value = Serde> {
    let float =
        prop_oneof![-1e15..1e15f64, -1.0..1.0f64].prop_filter("as the app writes", |x| x.abs() >= 1e-5);
    let leaf = prop_oneof![
        Just(Serde::Null),
        any::<bool>().prop_map(Serde::from),
        any::<u64>().prop_map(Serde::from),
        any::<i64>().prop_map(Serde::from),
        float.prop_map(Serde::from),
        Just(Serde::from(0.0)),
        Just(Serde::from(-0.0)),
        // Any text, and text full of what must be escaped.
        any::<String>().prop_map(Serde::from),
        "[\"\\\\/\u{0}-\u{1f}\u{7f}é\u{10348}a]{0,8}".prop_map(Serde::from),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Serde::Array),
            prop::collection::vec(("[a-zé\"]{0,4}", inner), 0..6)
                .prop_map(|members| Serde::Object(members.into_iter().collect())),
        ]
    })
}

/// How far apart a float read two ways may be, relatively: past 10^22 a power of ten is
/// applied in up to 15 exact steps, each rounding by at most 2^-53 (1.1e-16), where serde_json
/// rounds once; below 10^22 both are exact and the same.
const CLOSE: f64 = 4e-15;

/// The same value read by serde_json and by us: numbers of the same kind (floats within
/// a few units in the last place, see [`CLOSE`]), an object's keys each read as its last
/// member.
fn same(serde: &Serde, ours: &Value) -> bool {
    match (serde, ours) {
        (Serde::Null, Value::Null) => true,
        (Serde::Bool(a), Value::Bool(b)) => a == b,
        (Serde::String(a), Value::String(b)) => a == b,
        (Serde::Number(a), Value::Number(b)) => match (a.as_u64(), a.as_i64(), *b) {
            (Some(a), _, Number::Unsigned(b)) => a == b,
            (None, Some(a), Number::Negative(b)) => a == b,
            (None, None, Number::Float(b)) => {
                let a = a.as_f64().unwrap();
                a == b && a.is_sign_negative() == b.is_sign_negative() || (a - b).abs() <= a.abs() * CLOSE
            }
            _ => false,
        },
        (Serde::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Serde::Object(a), Value::Object(b)) => {
            // Each key counted once: at its last member.
            let keys: Vec<&String> = b.keys().collect();
            let last = keys.iter().enumerate().filter(|(i, k)| !keys[i + 1..].contains(k)).count();
            a.len() == last && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// What serde_json writes reads as serde_json reads it, and is written back byte for
    /// byte, compact and pretty.
    #[test]
    fn reads_and_writes_as_serde_json(v in any_json()) {
        let text = serde_json::to_string(&v).unwrap();
        let (theirs, ours) = (serde_json::from_str::<Serde>(&text).unwrap(), Value::parse(&text).unwrap());
        prop_assert!(same(&theirs, &ours));
        prop_assert_eq!(ours.to_string(), theirs.to_string());
        prop_assert_eq!(ours.pretty(), serde_json::to_string_pretty(&theirs).unwrap());
    }

    /// Broken text is refused where serde_json refuses it, at the same line and column; text
    /// still whole reads the same.
    #[test]
    fn broken_text_is_refused_where_serde_json_refuses_it(
        v in any_json(),
        pretty in any::<bool>(),
        at in any::<prop::sample::Index>(),
        change in prop_oneof![
            Just(None),
            prop::sample::select(&[
                "{", "}", "[", "]", "\"", ",", ":", "\\", " ", "\n", "t", "n", "f", "-", "+", ".", "e",
                "0", "x", "\\u", "\\ud800", "\\udc00", "é", "\u{1}",
            ][..]).prop_map(Some),
        ],
        replace in any::<bool>(),
    ) {
        let whole = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let cut = (0..=whole.len()).filter(|&i| whole.is_char_boundary(i)).collect::<Vec<_>>();
        let i = cut[at.index(cut.len())];
        let text = match change {
            // Cut short.
            None => whole[..i].to_string(),
            Some(s) => {
                let next = cut.iter().find(|&&j| j > i).copied().unwrap_or(i);
                let rest = if replace { &whole[next..] } else { &whole[i..] };
                format!("{}{s}{rest}", &whole[..i])
            }
        };
        match (serde_json::from_str::<Serde>(&text), Value::parse(&text)) {
            (Ok(a), Ok(b)) => prop_assert!(same(&a, &b), "{} read as {}", text, b),
            (Err(e), Err(s)) => prop_assert_eq!((s.line, s.column), (e.line(), e.column()), "{:?}: {}", text, e),
            (a, b) => prop_assert!(false, "{:?}: serde_json {:?}, ours {:?}", text, a.map(|_| ()), b.map(|_| ())),
        }
    }

    /// Floats are written as serde_json writes them, and read back within a few units in the
    /// last place at any size (exactly, within the app's range, by the property above).
    #[test]
    fn floats_write_as_serde_json_and_read_back(x in any::<f64>()) {
        let ours = crate::engine::to_json::ToJson::to_json(&x);
        prop_assert_eq!(&ours, &serde_json::to_string(&x).unwrap());
        if x.is_finite() && (x == 0.0 || (1e-300..1e300).contains(&x.abs())) {
            let back = Value::parse(&ours).unwrap().as_f64().unwrap();
            prop_assert!((back - x).abs() <= x.abs() * CLOSE, "{} read as {}", x, back);
        }
    }
}

#[test]
fn where_text_stops_being_json() {
    let at = |text: &str| Value::parse(text).map(|_| ()).unwrap_err();
    assert_eq!(at(""), Syntax { line: 1, column: 0 });
    assert_eq!(at("{\"a\": 1,}"), Syntax { line: 1, column: 9 });
    assert_eq!(at("{\n  \"a\": tru\n}"), Syntax { line: 3, column: 0 });
    assert_eq!(at("[1, 2"), Syntax { line: 1, column: 5 });
    assert_eq!(at("01"), Syntax { line: 1, column: 2 });
    assert_eq!(at("\"\\ud800\""), Syntax { line: 1, column: 8 });
    assert_eq!(at("[1] x"), Syntax { line: 1, column: 5 });
    assert_eq!(Value::parse_bytes(b"{\"a\":\n\"\xff\"}").unwrap_err(), Syntax { line: 2, column: 2 });
}

#[test]
fn nesting_is_limited_not_a_crash() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(Value::parse(&nested(127)).is_ok());
    assert_eq!(Value::parse(&nested(128)).unwrap_err(), Syntax { line: 1, column: 128 });
    assert!(Value::parse(&"[".repeat(1_000_000)).is_err());
    assert!(Value::parse(&"{\"a\":".repeat(1_000_000)).is_err());
}

#[test]
fn a_key_written_twice_reads_as_its_last() {
    let v = Value::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
    assert_eq!(v.get("a").and_then(Value::as_u64), Some(3));
    assert_eq!(v.to_string(), r#"{"a":1,"b":2,"a":3}"#);
    assert!(v.get("c").is_none());
}

#[test]
fn numbers_keep_their_kind() {
    let n = |text: &str| match Value::parse(text).unwrap() {
        Value::Number(n) => n,
        other => panic!("{other:?}"),
    };
    assert_eq!(n("18446744073709551615"), Number::Unsigned(u64::MAX));
    assert_eq!(n("-9223372036854775808"), Number::Negative(i64::MIN));
    assert_eq!(n("18446744073709551616"), Number::Float(18446744073709551616.0));
    assert_eq!(n("-0").as_f64().to_bits(), (-0.0f64).to_bits());
    assert_eq!(n("1.5e3"), Number::Float(1500.0));
    assert_eq!(n("1733600000000.0"), Number::Float(1_733_600_000_000.0));
    assert!(Value::parse("1e400").is_err());
    assert_eq!(n("1e-400"), Number::Float(0.0));
}
