#![cfg(not(target_arch = "wasm32"))]
//! The shipped question bank must validate and cover the starter scope.

use kafaa::engine::bank::{Bank, Question};

fn shipped_bank() -> Bank {
    let text = std::fs::read_to_string("static/content/bank.json").expect("static/content/bank.json exists");
    match Bank::parse("content/bank.json", &text) {
        Ok(bank) => bank,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the shipped bank has {} problem(s):\n{}", list.len(), list.join("\n"));
        }
    }
}

#[test]
fn shipped_bank_is_valid_and_covers_three_domains_of_ten() {
    let bank = shipped_bank();
    assert!(bank.domains.len() >= 3);
    for d in &bank.domains {
        let items: Vec<_> = bank.items_in(&d.id).collect();
        assert!(items.len() >= 10, "domain {} has {} items", d.id, items.len());
        for kind in ["single", "multiple", "true_false"] {
            assert!(
                items.iter().any(|i| matches!(
                    (&i.question, kind),
                    (Question::SingleChoice { .. }, "single")
                        | (Question::MultipleSelect { .. }, "multiple")
                        | (Question::TrueFalse { .. }, "true_false")
                )),
                "domain {} lacks {kind} items",
                d.id
            );
        }
        for s in &d.subtopics {
            assert!(items.iter().any(|i| i.subtopic == s.id), "sub-topic {} of {} is unused", s.id, d.id);
        }
    }
}

#[test]
fn broken_fixture_is_reported_item_by_item() {
    let text = std::fs::read_to_string("tests/fixtures/broken-bank.json").expect("fixture exists");
    let problems = Bank::parse("content/bank.json", &text).expect_err("fixture is broken");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "content/bank.json, item fnd-02, items[1].answer: names option \"e\", which does not exist",
            "content/bank.json, item fnd-03, items[2].stem: is missing",
            "content/bank.json, item fnd-04, items[3].type: question type \"essay\" is unknown (use single_choice, multiple_select or true_false)",
        ]
    );
}
