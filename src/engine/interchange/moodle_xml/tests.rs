use super::*;
use crate::engine::interchange::{Note, NoteKind};

/// Question elements as Moodle's documentation (docs.moodle.org/en/Moodle_XML_format) shows
/// them, with a category, an HTML text in CDATA and types Kafaa cannot ask.
const DOCS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Networks</text></category>
  </question>
  <question type="multichoice">
    <name><text>Port</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which port does <b>HTTPS</b> use?</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text>&lt;p&gt;443 by default.&lt;/p&gt;</text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>443</text><feedback format="html"><text>Right.</text></feedback></answer>
    <answer fraction="0" format="html"><text>80</text><feedback><text></text></feedback></answer>
  </question>
  <question type="multichoice">
    <name><text>Private ranges</text></name>
    <questiontext format="plain_text"><text>Which ranges are private?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>10.0.0.0/8</text></answer>
    <answer fraction="50"><text>192.168.0.0/16</text></answer>
    <answer fraction="-100"><text>8.8.8.0/24</text></answer>
  </question>
  <question type="truefalse">
    <name><text>TF</text></name>
    <questiontext format="moodle_auto_format"><text>DNS maps names to addresses.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Yes.</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>It does.</text></feedback></answer>
  </question>
  <question type="matching">
    <name><text>Layers</text></name>
    <questiontext format="html"><text>Match each protocol to its layer.</text></questiontext>
    <subquestion format="html"><text>IP</text><answer><text>Network</text></answer></subquestion>
    <subquestion format="html"><text>TCP</text><answer><text>Transport</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Physical</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Handshake</text></name>
    <questiontext format="html"><text>Put the TCP handshake in order.</text></questiontext>
    <answer fraction="2"><text>SYN-ACK</text></answer>
    <answer fraction="1"><text>SYN</text></answer>
    <answer fraction="3"><text>ACK</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Short</text></name>
    <questiontext><text>Name a protocol.</text></questiontext>
    <answer fraction="100"><text>TCP</text></answer>
  </question>
  <question type="essay">
    <name><text>Essay</text></name>
    <questiontext><text>Explain routing.</text></questiontext>
  </question>
</quiz>
"#;

#[test]
fn supported_types_are_read_and_the_others_reported_with_their_line() {
    let imported = read(DOCS, "en");
    let got: Vec<(&str, &str, usize)> =
        imported.drafts.iter().map(|d| (d.title.as_str(), d.category.as_str(), d.line)).collect();
    assert_eq!(
        got,
        [
            ("Port", "Networks", 7),
            ("Private ranges", "Networks", 17),
            ("TF", "Networks", 25),
            ("Layers", "Networks", 31),
            ("Handshake", "Networks", 38)
        ]
    );
    let port = &imported.drafts[0];
    assert_eq!(port.text, "Which port does HTTPS use?");
    assert_eq!(port.feedback, "443 by default.\n443: Right.");
    assert!(matches!(&port.question, Question::SingleChoice { answer, .. } if answer == "a"));
    assert!(
        matches!(&imported.drafts[1].question, Question::MultipleSelect { answers, .. } if answers.len() == 2 && answers.contains("a") && answers.contains("b"))
    );
    assert_eq!(imported.drafts[2].question, Question::TrueFalse { answer: true });
    assert_eq!(imported.drafts[2].feedback, "Yes.\nIt does.");
    let Question::Matching { options, targets, pairs } = &imported.drafts[3].question else { panic!() };
    assert_eq!((options.len(), targets.len(), pairs.len()), (2, 3, 2));
    let Question::Ordering { options, order } = &imported.drafts[4].question else { panic!() };
    let by_order: Vec<&str> =
        order.iter().map(|id| options.iter().find(|o| &o.id == id).unwrap().text.get("en")).collect();
    assert_eq!(by_order, ["SYN", "SYN-ACK", "ACK"]);
    assert_ne!(options.iter().map(|o| &o.id).collect::<Vec<_>>(), order.iter().collect::<Vec<_>>());
    let skipped: Vec<(usize, Reason)> = imported.skipped.iter().map(|s| (s.line, s.reason.clone())).collect();
    assert_eq!(
        skipped,
        [(45, Reason::Unsupported("shortanswer".into())), (50, Reason::Unsupported("essay".into()))]
    );
    assert_eq!(imported.notes, [Note { line: 17, kind: NoteKind::AllOrNothing }]);
}

#[test]
fn a_file_that_is_not_xml_is_reported_where_it_breaks() {
    let imported = read("<quiz>\n<question type=\"truefalse\">\n</quiz>", "en");
    assert_eq!(imported.skipped, [Skipped { line: 3, title: String::new(), reason: Reason::Malformed }]);
    assert!(read("<html></html>", "en").skipped[0].reason == Reason::Malformed);
    assert!(read("", "en").skipped[0].reason == Reason::Malformed);
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let deep = "<quiz>".to_string() + &"<a>".repeat(100_000) + &"</a>".repeat(100_000) + "</quiz>";
    assert_eq!(read(&deep, "en").skipped[0].reason, Reason::Malformed);
}
