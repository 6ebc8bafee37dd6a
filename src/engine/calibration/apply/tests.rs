use super::*;

fn index() -> Index {
    let text = r#"{"schema": 1, "id": "test", "languages": ["en"], "title": {"en": "Test"},
        "domains": [{"id": "d1", "file": "domains/d1.json", "title": {"en": "D1"},
                     "description": {"en": "First"}}]}"#;
    Index::parse("content/index.json", text).expect("valid index")
}

/// A domain file as authors write them: two-space indentation, one member per line; `i2`
/// has an `irt` block over several lines already.
const FILE: &str = r#"{
  "schema": 1,
  "domain": "d1",
  "subtopics": [
    {"id": "s1", "title": {"en": "S1"}, "frameworks": []}
  ],
  "items": [
    {
      "id": "i1",
      "domain": "d1",
      "subtopic": "s1",
      "type": "true_false",
      "difficulty": "easy",
      "stem": {"en": "Is it?"},
      "answer": true,
      "explanation": {"en": "Yes."}
    },
    {
      "id": "i2",
      "irt": {
        "a": 1,
        "b": 0,
        "c": 0.2
      },
      "domain": "d1",
      "subtopic": "s1",
      "type": "true_false",
      "difficulty": "hard",
      "stem": {"en": "Is it not?"},
      "answer": false,
      "explanation": {"en": "No, \"it\" {is}."}
    },
    {
      "id": "i3",
      "domain": "d1",
      "subtopic": "s1",
      "type": "true_false",
      "difficulty": "medium",
      "stem": {"en": "Really?"},
      "answer": true,
      "explanation": {"en": "Really."}
    }
  ]
}
"#;

fn params(list: &[(&str, f64, f64, f64)]) -> SortedMap<String, ItemParams> {
    list.iter().map(|&(id, a, b, c)| (id.to_string(), ItemParams { a, b, c })).collect()
}

fn read(text: &str) -> DomainFile {
    let index = index();
    DomainFile::parse(&index, &index.domains[0], text).expect("reads")
}

fn run(text: &str, list: &[(&str, f64, f64, f64)]) -> Result<Applied, Refused> {
    let index = index();
    apply(&index, &index.domains[0], text, &params(list))
}

#[test]
fn parameters_go_into_the_items_irt_blocks_and_nothing_else_moves() {
    let applied =
        run(FILE, &[("i1", 1.23456, -0.5, 0.25), ("i2", 0.8, 1.0004, 0.1999), ("x", 1.0, 0.0, 0.0)])
            .expect("applied");
    assert_eq!(applied.items, ["i1", "i2"], "items of other files are not this file's business");
    let expected = FILE
        .replace(
            "      \"id\": \"i1\",\n",
            "      \"id\": \"i1\",\n      \"irt\": {\"a\": 1.235, \"b\": -0.5, \"c\": 0.25},\n",
        )
        .replace(
            "{\n        \"a\": 1,\n        \"b\": 0,\n        \"c\": 0.2\n      }",
            "{\"a\": 0.8, \"b\": 1, \"c\": 0.2}",
        );
    assert_eq!(applied.text, expected);
    let items = read(&applied.text).items;
    assert_eq!(items[0].irt, ItemParams { a: 1.235, b: -0.5, c: 0.25 });
    assert_eq!(items[1].irt, ItemParams { a: 0.8, b: 1.0, c: 0.2 });
    assert_eq!(items[2].irt, read(FILE).items[2].irt);

    // A second run replaces the blocks it wrote.
    let again = run(&applied.text, &[("i1", 2.0, 0.0, 0.0), ("i2", 0.8, 1.0, 0.2)]).expect("applied");
    assert_eq!(again.text.matches("\"irt\"").count(), 2);
    assert_eq!(
        again.text,
        expected.replace("{\"a\": 1.235, \"b\": -0.5, \"c\": 0.25}", "{\"a\": 2, \"b\": 0, \"c\": 0}")
    );
}

#[test]
fn a_file_without_calibrated_items_is_left_as_it_is() {
    let applied = run(FILE, &[("x", 1.0, 0.0, 0.0)]).expect("nothing to do");
    assert_eq!(applied, Applied { text: FILE.to_string(), items: Vec::new() });
}

#[test]
fn compact_items_get_their_block_on_the_id_line() {
    let item = |members: &str| {
        format!(
            "{{\"schema\": 1, \"domain\": \"d1\", \"subtopics\": [{{\"id\": \"s1\", \"title\": {{\"en\": \"S1\"}}}}],\n\
             \"items\": [{members}]}}"
        )
    };
    let rest = r#""domain": "d1", "subtopic": "s1", "type": "true_false", "difficulty": "easy", "stem": {"en": "Q"}, "answer": true, "explanation": {"en": "E"}"#;
    let first = item(&format!("{{\"id\": \"i1\", {rest}}}"));
    let applied = run(&first, &[("i1", 1.5, 0.25, 0.0)]).expect("applied");
    assert!(
        applied.text.contains(r#"{"id": "i1", "irt": {"a": 1.5, "b": 0.25, "c": 0}, "domain""#),
        "{}",
        applied.text
    );
    // The id as the last member, on a line of its own or not.
    for layout in [format!("{{{rest},\n   \"id\": \"i1\"\n}}"), format!("{{{rest}, \"id\": \"i1\"}}")] {
        let text = item(&layout);
        let applied = run(&text, &[("i1", 1.5, 0.25, 0.0)]).expect("applied");
        assert_eq!(
            read(&applied.text).items[0].irt,
            ItemParams { a: 1.5, b: 0.25, c: 0.0 },
            "{}",
            applied.text
        );
    }
}

#[test]
fn parameters_are_rounded_and_kept_in_the_banks_ranges() {
    assert_eq!(
        rounded(ItemParams { a: 1.23449, b: -0.0004, c: 0.1235 }),
        Some(ItemParams { a: 1.234, b: 0.0, c: 0.124 })
    );
    assert!(
        rounded(ItemParams { a: 1.0, b: -0.0004, c: 0.0 }).unwrap().b.is_sign_positive(),
        "written 0, not -0"
    );
    assert_eq!(rounded(ItemParams { a: 0.0004, b: 0.0, c: 0.0 }), None);
    assert_eq!(rounded(ItemParams { a: 1.0, b: 4.0006, c: 0.0 }), None);
    assert_eq!(rounded(ItemParams { a: 1.0, b: 0.0, c: 0.4996 }), None);
}

#[test]
fn an_edit_the_bank_would_refuse_is_not_made() {
    // Out of the bank's ranges: the edited file would not read.
    match run(FILE, &[("i1", 5.0, 0.0, 0.0)]) {
        Err(Refused::Broken(problems)) => {
            assert_eq!(problems[0].path, "items[0].irt.a", "{problems:?}");
        }
        other => panic!("{other:?}"),
    }
    // A file that does not read as it is.
    let broken = FILE.replace("\"difficulty\": \"easy\"", "\"difficulty\": \"trivial\"");
    let refused = run(&broken, &[("i3", 1.0, 0.0, 0.0)]).expect_err("refused");
    assert!(matches!(refused, Refused::Unreadable(_)));
    assert!(refused.to_string().starts_with("the file has problems as it is"), "{refused}");
    let back = Refused::ReadBack {
        item: "i1".into(),
        expected: ItemParams { a: 1.0, b: 0.0, c: 0.0 },
        found: ItemParams { a: 1.0, b: 0.5, c: 0.0 },
    };
    assert_eq!(back.to_string(), "i1 would read back as a 1, b 0.5, c 0 instead of a 1, b 0, c 0");
}

#[test]
fn the_text_scanner_finds_members_and_their_values() {
    let text = r#"{"a\"{": [1, {"b": "]"}], "c" : -2.5e1 , "d": {}}"#;
    let m = members(text, 0).expect("object");
    let keys: Vec<&str> = m.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["a\"{", "c", "d"]);
    assert_eq!(&text[m[0].value.clone()], r#"[1, {"b": "]"}]"#);
    assert_eq!(&text[m[1].value.clone()], "-2.5e1");
    assert_eq!(&text[m[2].value.clone()], "{}");
    let e = elements(text, m[0].value.start).expect("array");
    assert_eq!(e.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["1", r#"{"b": "]"}"#]);
    assert!(members("[1]", 0).is_none() && members(r#"{"a" 1}"#, 0).is_none());
}
