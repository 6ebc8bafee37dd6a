use super::*;
use crate::engine::bank::Question;

#[test]
fn both_option_styles_are_read() {
    let text = "What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most quiz import formats?\nA) Moodle\nB) ATutor\nC) Claroline\nD) Blackboard\nE) WebCT\nF) Ilias\nANSWER: A\n";
    let imported = read(text, "en");
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    let answers: Vec<(usize, &str, usize, &str)> = imported
        .drafts
        .iter()
        .map(|d| match &d.question {
            Question::SingleChoice { options, answer } => {
                (d.line, d.text.as_str(), options.len(), answer.as_str())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        answers,
        [
            (1, "What is the correct answer to this question?", 4, "d"),
            (8, "Which LMS has the most quiz import formats?", 6, "a")
        ]
    );
}

#[test]
fn a_question_without_its_answer_line_is_reported_and_the_next_kept() {
    let text = "First?\nA. yes\nB. no\nSecond?\nA. one\nB. two\nANSWER: C\nThird?\nA. x\nB. y\nANSWER: B\nANSWERING machines are?\nA. old\nB. new\nANSWER: A\nLast?\nA. z";
    let imported = read(text, "en");
    let skipped: Vec<(usize, Reason)> = imported.skipped.iter().map(|s| (s.line, s.reason.clone())).collect();
    assert_eq!(
        skipped,
        [(1, Reason::BadAnswerLine), (4, Reason::BadAnswerLine), (16, Reason::BadAnswerLine)]
    );
    let lines: Vec<usize> = imported.drafts.iter().map(|d| d.line).collect();
    assert_eq!(lines, [8, 12]);
    assert_eq!(imported.drafts[1].text, "ANSWERING machines are?");
}

#[test]
fn a_stray_answer_line_is_malformed() {
    let imported = read("ANSWER: A", "en");
    assert_eq!(imported.skipped[0].reason, Reason::Malformed);
}
