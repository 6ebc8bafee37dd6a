//! A question as the editor holds it while the teacher writes: texts per language, options in
//! the order the teacher lists them, the right answer as positions. [`Editing::to_item`] makes
//! the item the bank keeps, and the bank's own reader checks it (`OwnBank::put`), so the
//! editor shows exactly the problems Kafaa's bank would.

use crate::engine::bank::{Choice, Difficulty, Item, Question};
use crate::engine::interchange::{option_id, target_id};
use crate::engine::localized::Localized;
use crate::engine::sorted::{SortedMap, SortedSet};

/// The five question types, in the order the editor offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Matching,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Kind::Single, Kind::Multiple, Kind::TrueFalse, Kind::Ordering, Kind::Matching];
}

/// Texts by language code.
pub type Texts = SortedMap<String, String>;

#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub kind: Kind,
    pub difficulty: Difficulty,
    pub category: String,
    /// The languages the question is written in, the first being the one it was written in.
    pub languages: Vec<String>,
    pub stem: Texts,
    pub explanation: Texts,
    /// For an ordering question, in the right order.
    pub options: Vec<Texts>,
    /// A matching question's targets; those no option is paired with are distractors.
    pub targets: Vec<Texts>,
    /// The right options, by position (one for a single choice).
    pub right: SortedSet<usize>,
    /// A true/false question's answer.
    pub truth: bool,
    /// A matching question's pairs: option position → target position.
    pub pairs: Vec<Option<usize>>,
}

impl Editing {
    /// A new single-choice question in `lang`, with three empty options.
    pub fn new(lang: &str) -> Editing {
        Editing {
            kind: Kind::Single,
            difficulty: Difficulty::Medium,
            category: String::new(),
            languages: vec![lang.to_string()],
            stem: Texts::new(),
            explanation: Texts::new(),
            options: vec![Texts::new(); 3],
            targets: vec![Texts::new(); 3],
            right: SortedSet::from([0]),
            truth: true,
            pairs: vec![Some(0), Some(1), Some(2)],
        }
    }

    /// The editor's form of a stored question.
    pub fn of(item: &Item, category: &str) -> Editing {
        let texts = |l: &Localized| l.0.clone();
        let langs: Vec<String> = item.stem.0.keys().cloned().collect();
        let position = |choices: &[Choice], id: &str| choices.iter().position(|c| c.id == id);
        let mut e = Editing {
            kind: Kind::Single,
            difficulty: item.difficulty,
            category: category.to_string(),
            languages: langs,
            stem: texts(&item.stem),
            explanation: texts(&item.explanation),
            options: item.question.options().iter().map(|c| texts(&c.text)).collect(),
            targets: Vec::new(),
            right: SortedSet::new(),
            truth: true,
            pairs: Vec::new(),
        };
        match &item.question {
            Question::SingleChoice { options, answer } => {
                e.right.extend(position(options, answer));
            }
            Question::MultipleSelect { options, answers } => {
                e.kind = Kind::Multiple;
                e.right = answers.iter().filter_map(|a| position(options, a)).collect();
            }
            Question::TrueFalse { answer } => {
                e.kind = Kind::TrueFalse;
                e.truth = *answer;
            }
            Question::Ordering { options, order } => {
                e.kind = Kind::Ordering;
                let by_id = |id: &String| options.iter().find(|o| &o.id == id).map(|o| texts(&o.text));
                e.options = order.iter().filter_map(by_id).collect();
            }
            Question::Matching { options, targets, pairs } => {
                e.kind = Kind::Matching;
                e.targets = targets.iter().map(|t| texts(&t.text)).collect();
                e.pairs =
                    options.iter().map(|o| pairs.get(&o.id).and_then(|t| position(targets, t))).collect();
            }
        }
        e
    }

    /// The item the bank keeps, with id `id`. Texts in languages the question is not in are
    /// left out; what is missing or wrong is for the bank's reader to say.
    pub fn to_item(&self, id: &str) -> Item {
        let localized = |t: &Texts| {
            Localized(
                t.iter()
                    .filter(|(l, s)| self.languages.contains(l) && !s.trim().is_empty())
                    .map(|(l, s)| (l.clone(), s.trim().to_string()))
                    .collect(),
            )
        };
        let choices = |list: &[Texts], ids: fn(usize) -> String| -> Vec<Choice> {
            list.iter().enumerate().map(|(i, t)| Choice { id: ids(i), text: localized(t) }).collect()
        };
        let options = choices(&self.options, option_id);
        let question = match self.kind {
            Kind::Single => Question::SingleChoice {
                answer: self.right.iter().next().map_or_else(String::new, |&i| option_id(i)),
                options,
            },
            Kind::Multiple => Question::MultipleSelect {
                answers: self.right.iter().map(|&i| option_id(i)).collect(),
                options,
            },
            Kind::TrueFalse => Question::TrueFalse { answer: self.truth },
            Kind::Ordering => {
                // Kept in another order than the answer's, as the bank requires; learners
                // see them shuffled anyway.
                let order = options.iter().map(|o| o.id.clone()).collect();
                let mut options = options;
                options.rotate_left(1);
                Question::Ordering { options, order }
            }
            Kind::Matching => Question::Matching {
                pairs: self
                    .pairs
                    .iter()
                    .enumerate()
                    .filter_map(|(i, t)| t.map(|t| (option_id(i), target_id(t))))
                    .collect(),
                targets: choices(&self.targets, target_id),
                options,
            },
        };
        Item {
            id: id.to_string(),
            domain: super::DOMAIN.to_string(),
            subtopic: String::new(),
            difficulty: self.difficulty,
            tags: Vec::new(),
            stem: localized(&self.stem),
            code: None,
            explanation: localized(&self.explanation),
            irt: self.difficulty.default_irt(&question),
            question,
        }
    }

    /// The question as a learner sees it in `lang` alone (for the preview).
    pub fn preview(&self, lang: &str) -> Item {
        let only = |l: &Localized| {
            Localized(l.0.get(lang).map(|t| (lang.to_string(), t.clone())).into_iter().collect())
        };
        let mut item = self.to_item("preview");
        item.stem = only(&item.stem);
        item.explanation = only(&item.explanation);
        match &mut item.question {
            Question::SingleChoice { options, .. }
            | Question::MultipleSelect { options, .. }
            | Question::Ordering { options, .. } => options.iter_mut().for_each(|o| o.text = only(&o.text)),
            Question::Matching { options, targets, .. } => {
                options.iter_mut().chain(targets.iter_mut()).for_each(|o| o.text = only(&o.text))
            }
            Question::TrueFalse { .. } => {}
        }
        item
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
