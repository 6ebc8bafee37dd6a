use super::*;
use crate::engine::bank::Choice;
use crate::engine::interchange::NoteKind;
use crate::engine::sorted::{SortedMap, SortedSet};

fn texts(options: &[Choice]) -> Vec<&str> {
    options.iter().map(|o| o.text.get("en")).collect()
}

/// The examples of Moodle's GIFT documentation (docs.moodle.org/en/GIFT_format), in one file.
const DOCS: &str = r#"// true/false
::Q1:: 1+1=2 {T}

// multiple choice with specified feedback for right and wrong answers
::Q2:: What's between orange and green in the spectrum?
{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

// fill-in-the-blank
::Q3:: Two plus {=two =2} equals four.

// matching
::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }

// math range question
::Q5:: What is a number from 1 to 5? {#3:2}

// multiple numeric answers with partial credit and feedback
::Q7:: When was Ulysses S. Grant born? {#
         =1822:0      # Correct! Full credit.
         =%50%1822:2  # He was born in 1822. Half credit for being close.
}

// essay
::Q8:: How are you? {}
"#;

#[test]
fn the_documented_examples_are_read_as_moodle_reads_them() {
    let imported = read(DOCS, "en");
    let titles: Vec<&str> = imported.drafts.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Q1", "Q2", "Q4"]);
    assert_eq!(imported.drafts[0].text, "1+1=2");
    assert_eq!(imported.drafts[0].question, Question::TrueFalse { answer: true });
    assert_eq!(imported.drafts[0].line, 2);

    let q2 = &imported.drafts[1];
    assert_eq!(q2.text, "What's between orange and green in the spectrum?");
    let Question::SingleChoice { options, answer } = &q2.question else { panic!("{q2:?}") };
    assert_eq!(texts(options), ["yellow", "red", "blue"]);
    assert_eq!(answer, "a");
    assert_eq!(q2.feedback, "yellow: right; good!\nred: wrong, it's yellow\nblue: wrong, it's yellow");

    let Question::Matching { options, targets, pairs } = &imported.drafts[2].question else { panic!() };
    assert_eq!(texts(options), ["cat", "dog"]);
    assert_eq!(texts(targets), ["cat food", "dog food"]);
    assert_eq!(pairs, &SortedMap::from([("a".into(), "t1".into()), ("b".into(), "t2".into())]));

    let skipped: Vec<(usize, &str, Reason)> =
        imported.skipped.iter().map(|s| (s.line, s.title.as_str(), s.reason.clone())).collect();
    assert_eq!(
        skipped,
        [
            (9, "Q3", Reason::Unsupported("shortanswer".into())),
            (15, "Q5", Reason::Unsupported("numerical".into())),
            (18, "Q7", Reason::Unsupported("numerical".into())),
            (24, "Q8", Reason::Unsupported("essay".into())),
        ]
    );
}

#[test]
fn several_right_answers_come_from_weights() {
    let text = "What two people are entombed in Grant's tomb? {\n~%-100%No one\n~%50%Grant\n~%50%Grant's wife\n~%-100%Grant's father\n}";
    let imported = read(text, "en");
    let Question::MultipleSelect { options, answers } = &imported.drafts[0].question else { panic!() };
    assert_eq!(texts(options), ["No one", "Grant", "Grant's wife", "Grant's father"]);
    assert_eq!(answers, &SortedSet::from(["b".to_string(), "c".to_string()]));
    assert_eq!(imported.notes, [Note { line: 1, kind: NoteKind::AllOrNothing }]);
}

#[test]
fn partial_credit_beside_a_right_answer_counts_as_wrong_and_is_noted() {
    let imported = read("Pick {=right ~%50%half ~wrong}", "en");
    assert!(matches!(&imported.drafts[0].question, Question::SingleChoice { answer, .. } if answer == "a"));
    assert_eq!(imported.notes, [Note { line: 1, kind: NoteKind::PartialCreditDropped }]);
}

#[test]
fn missing_word_questions_show_a_blank() {
    let imported =
        read("Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.", "en");
    assert_eq!(imported.drafts[0].text, "Moodle costs _____ to download from moodle.org.");
    assert_eq!(imported.notes, [Note { line: 1, kind: NoteKind::MissingWord }]);
}

#[test]
fn categories_comments_and_general_feedback() {
    let text = "$CATEGORY: $course$/top/Networks/IPv4\n\n// a comment\n::Mask:: A /24 mask is 255.255.255.0 {TRUE#No: /24 is 24 ones.#Yes.####Count the ones.}\n\n$CATEGORY: Web\n::Verb::Which verb reads? {=GET ~POST ~DELETE####GET is safe.}";
    let imported = read(text, "en");
    let [mask, verb] = imported.drafts.as_slice() else { panic!("{imported:?}") };
    assert_eq!((mask.category.as_str(), mask.line), ("Networks/IPv4", 4));
    assert_eq!(mask.question, Question::TrueFalse { answer: true });
    assert_eq!(mask.feedback, "Count the ones.\nNo: /24 is 24 ones.\nYes.");
    assert_eq!((verb.category.as_str(), verb.line), ("Web", 7));
    assert_eq!(verb.feedback, "GET is safe.");
}

#[test]
fn escapes_are_text_not_syntax() {
    let text = r"::Esc\:ape:: Which is \{braced\}? {=\~tilde\= ~a \# hash ~back\\slash ~two\nlines}";
    let imported = read(text, "en");
    let draft = &imported.drafts[0];
    assert_eq!(draft.title, "Esc:ape");
    assert_eq!(draft.text, "Which is {braced}?");
    let Question::SingleChoice { options, .. } = &draft.question else { panic!() };
    assert_eq!(texts(options), ["~tilde=", "a # hash", "back\\slash", "two\nlines"]);
}

#[test]
fn text_formats_are_read_as_text() {
    let text = "[html]<p>Which tag is <b>bold</b>? <script>x()</script></p>{=&lt;b&gt; ~&lt;i&gt;}\n\n[markdown]Is **this** bold?{T}\n\n[plain]Is <b> a tag?{T}";
    let imported = read(text, "en");
    let texts_: Vec<&str> = imported.drafts.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts_, ["Which tag is bold?", "Is this bold?", "Is <b> a tag?"]);
    let Question::SingleChoice { options, .. } = &imported.drafts[0].question else { panic!() };
    assert_eq!(texts(options), ["<b>", "<i>"]);
}

#[test]
fn broken_questions_are_reported_with_their_line_and_the_rest_kept() {
    let text = "Unclosed {=a ~b\n\nA description only.\n\n{=a ~b}\n\nNo right {~a ~b}\n\nSame twice {=a ~a}\n\nAll right {~%50%a ~%50%b}\n\nGood {T}";
    let imported = read(text, "en");
    let reasons: Vec<(usize, Reason)> = imported.skipped.iter().map(|s| (s.line, s.reason.clone())).collect();
    assert_eq!(
        reasons,
        [
            (1, Reason::Malformed),
            (3, Reason::Unsupported("description".into())),
            (5, Reason::EmptyText),
            (7, Reason::NoRightAnswer),
            (9, Reason::DuplicateOption),
            (11, Reason::EveryOptionRight),
        ]
    );
    assert_eq!(imported.drafts.len(), 1);
    assert_eq!(imported.drafts[0].line, 13);
}

#[test]
fn matching_distractors_are_targets_without_an_option() {
    let imported = read("Match {=a -> 1 =b -> 2 = -> 3}", "en");
    let Question::Matching { options, targets, .. } = &imported.drafts[0].question else { panic!() };
    assert_eq!((options.len(), targets.len()), (2, 3));
}

#[test]
fn writing_leaves_out_what_gift_cannot_hold() {
    let order = Draft {
        line: 1,
        title: "Order".into(),
        category: String::new(),
        text: "Order them".into(),
        question: Question::Ordering { options: Vec::new(), order: Vec::new() },
        feedback: String::new(),
    };
    let written = write(&[order], "en");
    assert_eq!(written.left_out, ["Order"]);
    assert_eq!(written.text, "");
}
