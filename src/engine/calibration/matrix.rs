//! Response records as a sparse learner × item matrix: items and languages become positions,
//! and each learner keeps only the items they answered. Items not asked are simply absent,
//! which marginal maximum likelihood treats as ignorable (right when which items were asked
//! depends only on answers already observed, as in adaptive tests and random forms).

use super::responses::ResponseFile;
use crate::engine::sorted::SortedSet;

/// Built only by [`Matrix::new`], so every position in it is valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    items: Vec<String>,
    languages: Vec<String>,
    learners: Vec<Learner>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Learner {
    pub language: usize,
    /// (item position, right), by item position.
    pub responses: Vec<(usize, bool)>,
}

impl Matrix {
    pub fn new(file: &ResponseFile) -> Matrix {
        let items: Vec<String> = file
            .records
            .iter()
            .flat_map(|r| r.responses.keys())
            .collect::<SortedSet<_>>()
            .into_iter()
            .cloned()
            .collect();
        let languages: Vec<String> =
            file.records.iter().map(|r| &r.language).collect::<SortedSet<_>>().into_iter().cloned().collect();
        let position = |list: &[String], id: &str| list.binary_search_by(|x| x.as_str().cmp(id)).ok();
        let learners = file
            .records
            .iter()
            .filter_map(|r| {
                let responses = r
                    .responses
                    .iter()
                    .filter_map(|(id, right)| Some((position(&items, id)?, *right)))
                    .collect();
                Some(Learner { language: position(&languages, &r.language)?, responses })
            })
            .collect();
        Matrix { items, languages, learners }
    }

    /// Item ids, sorted; a response's item is a position here.
    pub fn items(&self) -> &[String] {
        &self.items
    }

    /// Language codes, sorted; a learner's language is a position here.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    pub fn learners(&self) -> &[Learner] {
        &self.learners
    }

    /// How many learners answered each item, and how many of them got it right.
    pub fn counts(&self) -> Vec<(usize, usize)> {
        let mut counts = vec![(0, 0); self.items.len()];
        for (item, right) in self.learners.iter().flat_map(|l| &l.responses) {
            counts[*item].0 += 1;
            counts[*item].1 += usize::from(*right);
        }
        counts
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
