use super::*;
use crate::engine::result_code::Response;
use crate::engine::sorted::SortedSet;
use crate::engine::testing::sample_bank;

fn settings() -> Settings {
    Settings::parse("s.json", include_str!("../../../static/content/assessment.json")).expect("valid")
}

fn session() -> Session {
    Session {
        id: "00000000000000aa".into(),
        title: "Class".into(),
        domains: vec!["d0".into(), "d1".into()],
        mode: "fixed".into(),
        items_per_domain: Some(3),
        minutes: None,
        languages: vec!["en".into()],
        seed: 1,
        public_key: String::new(),
        questions: None,
    }
}

/// A student answering d0-0 (single choice, key b), d0-1 (multiple select, key a+c),
/// d0-2 (true/false, key true) and d1-0 (single choice); `right` says which are right.
fn student(label: &str, right: [bool; 4]) -> Submission {
    let answers = [
        if right[0] { Answer::Choice("b".into()) } else { Answer::Choice("d".into()) },
        if right[1] {
            Answer::Choices(["a".to_string(), "c".to_string()].into())
        } else {
            Answer::Choices(["a".to_string()].into())
        },
        Answer::Bool(right[2]),
        if right[3] { Answer::Choice("b".into()) } else { Answer::Choice("a".into()) },
    ];
    let items = ["d0-0", "d0-1", "d0-2", "d1-0"];
    Submission {
        session: session().id,
        label: label.into(),
        responses: items
            .iter()
            .zip(answers)
            .map(|(item, answer)| Response { item: item.to_string(), answer: Some(answer), seconds: 10 })
            .collect(),
    }
}

fn class() -> Vec<Submission> {
    vec![
        student("Amina", [true, true, true, true]),
        student("Bilal", [true, true, true, false]),
        student("Chaïmae", [true, false, true, false]),
        student("Driss", [false, false, true, false]),
        student("إيمان", [false, false, true, false]),
        student("Farid", [true, true, true, false]),
    ]
}

#[test]
fn every_student_is_rescored_from_raw_responses() {
    let bank = sample_bank(2, 6);
    let report = ClassReport::build(&bank, &settings(), &session(), &class());
    assert_eq!(report.students.len(), 6);
    let amina = &report.students[0];
    assert_eq!(amina.overall, Tally { correct: 4, total: 4 });
    assert_eq!(amina.domains[0].unwrap().tally, Tally { correct: 3, total: 3 });
    assert_eq!(report.students[3].overall, Tally { correct: 1, total: 4 });
    // The same levels as each student's own results.
    for row in &report.students {
        let own = crate::engine::cat::estimates(&bank, &row.attempt);
        for (r, e) in row.domains.iter().zip(&own) {
            assert_eq!(r.unwrap().estimate, e.estimate, "{}", row.label);
        }
    }
    // Everyone is placed once per domain.
    for (_, counts) in &report.distribution {
        assert_eq!(counts.iter().sum::<usize>(), 6);
    }
}

#[test]
fn item_analysis_counts_choices_and_flags_what_to_look_at() {
    let bank = sample_bank(2, 6);
    let report = ClassReport::build(&bank, &settings(), &session(), &class());
    let item = |id: &str| report.items.iter().find(|s| s.item.id == id).unwrap();
    // Most missed first.
    assert_eq!(report.items[0].item.id, "d1-0");
    let d1 = item("d1-0");
    assert_eq!((d1.asked, d1.correct), (6, 1));
    assert!(d1.flags.contains(&Flag::AlmostNobodyRight));
    assert_eq!(d1.choices, [("a".into(), 5), ("b".into(), 1), ("c".into(), 0), ("d".into(), 0)]);
    assert!(d1.flags.contains(&Flag::UnusedDistractor("c".into())));
    // True/false: everyone right, which says little about this class.
    let tf = item("d0-2");
    assert_eq!(tf.choices, [("true".into(), 6), ("false".into(), 0)]);
    assert_eq!(tf.flags, [Flag::EveryoneRight, Flag::UnusedDistractor("false".into())]);
    assert_eq!(tf.discrimination, None, "no variance, no correlation");
    // Those who got d0-0 right did better elsewhere: positive discrimination.
    assert!(item("d0-0").discrimination.unwrap() > 0.5);
}

#[test]
fn an_item_that_strong_students_miss_discriminates_negatively() {
    let bank = sample_bank(2, 6);
    let class = vec![
        student("A", [true, true, true, false]),
        student("B", [true, true, true, false]),
        student("C", [false, false, false, true]),
        student("D", [false, false, false, true]),
        student("E", [true, false, true, false]),
    ];
    let report = ClassReport::build(&bank, &settings(), &session(), &class);
    let d1 = report.items.iter().find(|s| s.item.id == "d1-0").unwrap();
    assert!(d1.discrimination.unwrap() < 0.0);
    assert!(d1.flags.contains(&Flag::NegativeDiscrimination));
}

#[test]
fn csv_opens_right_in_spreadsheets() {
    let rows = vec![
        vec!["Élève".to_string(), "Note, finale".into(), "Dit \"bien\"".into()],
        vec!["إيمان".into(), "-0.25".into(), "=HYPERLINK(\"x\")".into()],
        vec!["\t=1+1".into(), "\r@SUM(A1)".into(), "+33 6".into()],
    ];
    assert_eq!(
        to_csv(&rows),
        "\u{feff}Élève,\"Note, finale\",\"Dit \"\"bien\"\"\"\r\nإيمان,-0.25,\"'=HYPERLINK(\"\"x\"\")\"\r\n\
         \"'\t=1+1\",\"'\r@SUM(A1)\",\"'+33 6\"\r\n"
    );
}

#[test]
fn the_class_exports_an_anonymous_response_file() {
    let bank = sample_bank(2, 6);
    let mut class = class();
    // Gulnara skipped d0-2, and her code names an item the bank no longer has; Hamza
    // answered nothing.
    let mut gulnara = student("Gulnara", [true, false, true, true]);
    gulnara.responses[2].answer = None;
    gulnara.responses.push(Response { item: "gone-1".into(), answer: Some(Answer::Bool(true)), seconds: 5 });
    class.push(gulnara);
    let mut hamza = student("Hamza", [false; 4]);
    for r in &mut hamza.responses {
        r.answer = None;
    }
    class.push(hamza);
    let report = ClassReport::build(&bank, &settings(), &session(), &class);
    let file = report.response_file(&bank, &session());

    let record = |right: [u8; 4]| {
        let answers =
            ["d0-0", "d0-1", "d0-2", "d1-0"].iter().zip(right).map(|(id, r)| (id.to_string(), r == 1));
        Record::new("en", "fixed", answers)
    };
    let mut gulnara = record([1, 0, 1, 1]);
    gulnara.responses.remove("d0-2");
    let mut expected = vec![
        record([1, 1, 1, 1]),
        record([1, 1, 1, 0]),
        record([1, 0, 1, 0]),
        record([0, 0, 1, 0]),
        record([0, 0, 1, 0]),
        record([1, 1, 1, 0]),
        gulnara,
    ];
    expected.sort();
    assert_eq!(file.records, expected, "one record per student who answered, sorted");
    assert!(file.records.windows(2).all(|w| w[0] <= w[1]));

    let json = file.to_json();
    for s in &class {
        assert!(!json.contains(&s.label), "{} appears in {json}", s.label);
    }
    for secret in [session().id.as_str(), &session().title, "gone-1", "seconds"] {
        assert!(!json.contains(secret), "{secret} appears in {json}");
    }
    assert_eq!(ResponseFile::parse("responses.json", &json), Ok(file));
}

#[test]
fn a_response_file_has_the_session_language_only_when_the_session_allows_one() {
    let bank = sample_bank(2, 6);
    let language = |languages: &[&str]| {
        let session = Session { languages: languages.iter().map(|l| l.to_string()).collect(), ..session() };
        let report = ClassReport::build(&bank, &settings(), &session, &class());
        let file = report.response_file(&bank, &session);
        assert_eq!(file.records.len(), 6);
        assert!(file.records.iter().all(|r| r.mode == "fixed"));
        let languages: SortedSet<String> = file.records.into_iter().map(|r| r.language).collect();
        languages.into_iter().collect::<Vec<_>>()
    };
    assert_eq!(language(&["fr"]), ["fr"]);
    assert_eq!(language(&["en", "ar"]), [UNDETERMINED]);
    assert_eq!(UNDETERMINED, "und");
}
