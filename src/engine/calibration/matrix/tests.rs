use super::*;
use crate::engine::calibration::responses::Record;

#[test]
fn records_become_positions_and_counts() {
    let file = ResponseFile::anonymous([
        Record::new("fr", "quick", [("b".to_string(), true), ("a".to_string(), false)]),
        Record::new("ar", "quick", [("c".to_string(), true)]),
        Record::new("fr", "full", [("a".to_string(), true)]),
    ]);
    let m = Matrix::new(&file);
    assert_eq!(m.items(), ["a", "b", "c"]);
    assert_eq!(m.languages(), ["ar", "fr"]);
    assert_eq!(m.learners().len(), 3);
    assert_eq!(m.learners()[0], Learner { language: 0, responses: vec![(2, true)] });
    assert_eq!(m.learners()[2], Learner { language: 1, responses: vec![(0, false), (1, true)] });
    assert_eq!(m.counts(), [(2, 1), (1, 1), (1, 1)]);
}

#[test]
fn an_empty_file_is_an_empty_matrix() {
    let m = Matrix::new(&ResponseFile::default());
    assert!(m.items().is_empty() && m.learners().is_empty() && m.counts().is_empty());
}
