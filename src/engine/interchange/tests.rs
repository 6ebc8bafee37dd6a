use proptest::prelude::*;

use super::*;
use crate::engine::bank::Question;

#[test]
fn option_ids_follow_the_bank_and_never_repeat() {
    assert_eq!(
        (option_id(0), option_id(25), option_id(26), option_id(27)),
        ("a".into(), "z".into(), "a1".into(), "b1".into())
    );
    let ids: crate::engine::sorted::SortedSet<String> = (0..200).map(option_id).collect();
    assert_eq!(ids.len(), 200);
    assert_eq!(target_id(0), "t1");
}

#[test]
fn a_files_format_is_told_by_its_name_and_text() {
    assert_eq!(FileFormat::of("quiz.XML", "anything"), FileFormat::MoodleXml);
    assert_eq!(FileFormat::of("quiz.txt", "\u{feff}  <?xml version=\"1.0\"?><quiz/>"), FileFormat::MoodleXml);
    assert_eq!(FileFormat::of("quiz.txt", "Why?\nA. yes\nB. no\nANSWER: A"), FileFormat::Aiken);
    assert_eq!(FileFormat::of("quiz.txt", "Why? {=yes ~no}"), FileFormat::Gift);
    assert_eq!(FileFormat::of("quiz.gift", ""), FileFormat::Gift);
}

#[test]
fn multiple_select_weights_are_moodle_grades() {
    assert_eq!(select_weights(2), ("50".to_string(), "-100"));
    assert_eq!(select_weights(3).0, "33.33333");
    assert_eq!(select_weights(7).0, "14.28571");
}

/// A trimmed, non-empty text with every character the formats escape. No `[` (a `[format]`
/// prefix) or `-` (GIFT's `->` has no escape), both covered by the readers' own tests.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ~=#{}:\\\\%<>&\"'éب؟.]{1,12}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("empty", |s| !s.is_empty())
}

/// A longer text that may hold line breaks.
fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(text(), 1..3).prop_map(|lines| lines.join("\n"))
}

fn distinct(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set(text(), min..max).prop_map(|set| set.into_iter().collect::<Vec<_>>())
}

fn in_one_language(texts: Vec<String>, id: fn(usize) -> String) -> Vec<crate::engine::bank::Choice> {
    choices("en", texts, id)
}

/// Questions in the form the readers give them (ids in file order, pairs in order,
/// distractors last, ordering options turned by one).
fn question(with_ordering: bool) -> impl Strategy<Value = Question> {
    let single = (distinct(2, 6), any::<prop::sample::Index>()).prop_map(|(texts, i)| {
        let answer = option_id(i.index(texts.len()));
        Question::SingleChoice { options: in_one_language(texts, option_id), answer }
    });
    let multiple = (distinct(3, 7), any::<u64>()).prop_map(|(texts, bits)| {
        let n = texts.len();
        let mut right: Vec<usize> = (0..n).filter(|i| bits >> i & 1 == 1).collect();
        while right.len() < 2 {
            right.push((0..n).find(|i| !right.contains(i)).unwrap_or(0));
        }
        right.truncate(n - 1);
        Question::MultipleSelect {
            options: in_one_language(texts, option_id),
            answers: right.into_iter().map(option_id).collect(),
        }
    });
    let true_false = any::<bool>().prop_map(|answer| Question::TrueFalse { answer });
    let matching = (distinct(2, 5), distinct(2, 7)).prop_filter_map("targets", |(lefts, rights)| {
        (rights.len() >= lefts.len()).then(|| Question::Matching {
            pairs: (0..lefts.len()).map(|i| (option_id(i), target_id(i))).collect(),
            options: in_one_language(lefts, option_id),
            targets: in_one_language(rights, target_id),
        })
    });
    let ordering = distinct(3, 6).prop_map(|texts| {
        let order = (0..texts.len()).map(option_id).collect();
        let mut options = in_one_language(texts, option_id);
        options.rotate_left(1);
        Question::Ordering { options, order }
    });
    if with_ordering {
        prop_oneof![single, multiple, true_false, matching, ordering].boxed()
    } else {
        prop_oneof![single, multiple, true_false, matching].boxed()
    }
}

fn drafts(with_ordering: bool) -> impl Strategy<Value = Vec<Draft>> {
    let category =
        prop_oneof![Just(String::new()), "[A-Za-z][A-Za-z0-9 ]{0,6}[A-Za-z0-9](/[A-Za-z0-9]{1,4})?"];
    let title = prop_oneof![Just(String::new()), text()];
    let feedback = prop_oneof![Just(String::new()), paragraph()];
    let draft = (title, category, paragraph(), question(with_ordering), feedback).prop_map(
        |(title, category, text, question, feedback)| Draft {
            line: 0,
            title,
            category,
            text,
            question,
            feedback,
        },
    );
    proptest::collection::vec(draft, 1..6)
}

fn without_lines(mut drafts: Vec<Draft>) -> Vec<Draft> {
    for d in &mut drafts {
        d.line = 0;
    }
    drafts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn gift_written_then_read_gives_the_same_questions(drafts in drafts(false)) {
        let written = gift::write(&drafts, "en");
        prop_assert!(written.left_out.is_empty());
        let read = gift::read(&written.text, "en");
        prop_assert!(read.skipped.is_empty(), "{:?}\n{}", read.skipped, written.text);
        // Multiple selects are noted as scored all or nothing, as any from Moodle would be.
        prop_assert!(read.notes.iter().all(|n| n.kind == NoteKind::AllOrNothing), "{:?}", read.notes);
        prop_assert_eq!(without_lines(read.drafts), drafts, "{}", written.text);
    }

    #[test]
    fn moodle_xml_written_then_read_gives_the_same_questions(drafts in drafts(true)) {
        let written = moodle_xml::write(&drafts, "en");
        let read = moodle_xml::read(&written, "en");
        prop_assert!(read.skipped.is_empty(), "{:?}\n{}", read.skipped, written);
        // Multiple selects are noted as scored all or nothing, as any from Moodle would be.
        prop_assert!(read.notes.iter().all(|n| n.kind == NoteKind::AllOrNothing), "{:?}", read.notes);
        prop_assert_eq!(without_lines(read.drafts), drafts, "{}", written);
    }

    #[test]
    fn no_text_makes_a_reader_panic(text in "\\PC{0,300}") {
        let _ = gift::read(&text, "en");
        let _ = aiken::read(&text, "en");
        let _ = moodle_xml::read(&text, "en");
    }

    #[test]
    fn every_line_a_reader_points_at_is_in_the_file(text in "[a-zA-Z {}~=#:>\\-\\n\\\\%]{0,200}") {
        let lines = text.lines().count().max(1);
        let imported = gift::read(&text, "en");
        for line in imported.drafts.iter().map(|d| d.line).chain(imported.skipped.iter().map(|s| s.line)) {
            prop_assert!((1..=lines).contains(&line));
        }
    }
}
