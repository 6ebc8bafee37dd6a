use proptest::prelude::*;

use super::*;
use crate::engine::calibration::fit::ItemEstimate;

const FILE: &str = "content/calibration.json";

fn problems(text: &str) -> Vec<(String, Option<String>, ProblemKind)> {
    ParamsFile::parse(FILE, text)
        .expect_err("refused")
        .into_iter()
        .map(|p| (p.path, p.item, p.kind))
        .collect()
}

#[test]
fn reads_a_file() {
    let text = r#"{"schema": 1, "model": "2pl", "items": {
        "web-01": {"a": 1.31, "b": -0.42, "c": 0, "se_a": 0.11, "se_b": 0.09, "n": 812},
        "web-02": {"a": 4, "b": 4, "c": 0.49, "se_b": 1, "n": 1}
    }}"#;
    let file = ParamsFile::parse(FILE, text).unwrap();
    assert_eq!(file.model, Model::TwoPl);
    let web01 = file.items["web-01"];
    assert_eq!(web01.params, ItemParams { a: 1.31, b: -0.42, c: 0.0 });
    assert_eq!((web01.se_a, web01.se_b, web01.n), (Some(0.11), 0.09, 812));
    assert_eq!(file.items["web-02"].se_a, None);
}

#[test]
fn values_outside_the_banks_ranges_are_refused() {
    let text = r#"{"schema": 1, "model": "3pl", "items": {
        "x": {"a": 0, "b": -4.5, "c": 0.5, "se_a": -1, "se_b": 0, "n": 0},
        "y": {"a": "1", "b": null, "c": 0, "se_b": 0.1, "n": 2.5, "note": "odd"},
        "z": {"b": 0}
    }}"#;
    let at = |item: &str, key: &str, kind| (format!("items.{item}.{key}"), Some(item.to_string()), kind);
    let range = |range| ProblemKind::OutOfRange { range };
    let number = ProblemKind::WrongType { expected: Expected::Number };
    assert_eq!(
        problems(text),
        [
            at("x", "a", range(Range::AboveZeroAtMostFour)),
            at("x", "b", range(Range::MinusFourToFour)),
            at("x", "c", range(Range::ZeroToBelowHalf)),
            at("x", "se_a", range(Range::AboveZero)),
            at("x", "se_b", range(Range::AboveZero)),
            at("x", "n", range(Range::AtLeastOne)),
            at("y", "note", ProblemKind::Unexpected),
            at("y", "a", number.clone()),
            at("y", "b", number),
            at("y", "n", ProblemKind::WrongType { expected: Expected::Integer }),
            at("z", "a", ProblemKind::Missing),
            at("z", "c", ProblemKind::Missing),
            at("z", "se_b", ProblemKind::Missing),
            at("z", "n", ProblemKind::Missing),
        ]
    );
}

#[test]
fn the_header_is_checked() {
    assert_eq!(
        problems(r#"{"schema": "1", "model": "2pl", "items": {}}"#),
        [("schema".into(), None, ProblemKind::UnsupportedSchema { found: "\"1\"".into() })]
    );
    assert_eq!(
        problems(r#"{"schema": 1, "model": "4pl", "items": {}, "date": "today"}"#),
        [
            ("date".into(), None, ProblemKind::Unexpected),
            ("model".into(), None, ProblemKind::UnknownOption { id: "4pl".into() }),
            ("items".into(), None, ProblemKind::Empty),
        ]
    );
    assert_eq!(
        problems(r#"{"schema": 1, "model": "rasch", "items": []}"#),
        [("items".into(), None, ProblemKind::WrongType { expected: Expected::Object })]
    );
    assert!(matches!(problems("{")[0].2, ProblemKind::Syntax { .. }));
    assert!(matches!(problems(&" ".repeat(MAX_BYTES + 1))[0].2, ProblemKind::Shape { .. }));
}

fn estimate(id: &str, a: f64, b: f64, se_b: f64) -> ItemEstimate {
    ItemEstimate {
        id: id.into(),
        params: ItemParams { a, b, c: 0.2 },
        se_a: Some(0.123_456),
        se_b,
        n: 50,
        right: 30,
    }
}

#[test]
fn a_calibration_is_written_rounded_without_items_the_bank_would_refuse() {
    let calibration = Calibration {
        model: Model::ThreePl,
        items: vec![
            estimate("ok", 1.234_567_8, -0.5, 0.2),
            estimate("too-easy", 1.0, -4.3, 0.9),
            estimate("too-steep", 4.2, 0.0, 0.1),
            estimate("tiny-se", 1.0, 0.0, 1e-7),
        ],
        abilities: vec![],
        iterations: 10,
        converged: true,
        last_change: 0.0,
        log_likelihood: -1.0,
    };
    let (file, left_out) = ParamsFile::from_calibration(&calibration);
    assert_eq!(left_out, ["too-easy", "too-steep"]);
    assert_eq!(file.items["ok"].params, ItemParams { a: 1.2346, b: -0.5, c: 0.2 });
    assert_eq!(file.items["ok"].se_a, Some(0.1235));
    assert_eq!(file.items["tiny-se"].se_b, 0.0001);
    let text = file.to_json();
    assert!(
        text.contains(r#""ok": {"a": 1.2346, "b": -0.5, "c": 0.2, "se_a": 0.1235, "se_b": 0.2, "n": 50}"#),
        "{text}"
    );
    assert_eq!(ParamsFile::parse(FILE, &text), Ok(file));
}

fn files() -> impl Strategy<Value = ParamsFile> {
    // Values with the file's four decimals, as `from_calibration` writes them.
    let value = |range: std::ops::RangeInclusive<i64>| range.prop_map(|x| x as f64 / 1e4);
    let entry = (
        value(1..=40_000),
        value(-40_000..=40_000),
        value(0..=4_999),
        prop::option::of(value(1..=100_000)),
        value(1..=100_000),
        1usize..100_000,
    )
        .prop_map(|(a, b, c, se_a, se_b, n)| Calibrated {
            params: ItemParams { a, b, c },
            se_a,
            se_b,
            n,
        });
    (
        prop::sample::select(Model::ALL.to_vec()),
        prop::collection::btree_map("[a-z0-9\\-\"é]{1,10}", entry, 1..20),
    )
        .prop_map(|(model, items)| ParamsFile { model, items: items.into_iter().collect() })
}

proptest! {
    #[test]
    fn writing_then_reading_gives_the_same_file(file in files()) {
        prop_assert_eq!(ParamsFile::parse(FILE, &file.to_json()), Ok(file));
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = ParamsFile::parse(FILE, &text);
    }
}
