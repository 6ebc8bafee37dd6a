//! Synthetic banks for the engine's unit tests.

use std::sync::LazyLock;

use super::assessment::{FixedRule, Mode, Rule, Settings};
use super::attempt::{Answer, Attempt, Plan};
use super::bank::{Bank, Choice, Difficulty, Domain, Item, Question, Subtopic};
use super::localized::Localized;
use super::sorted::SortedSet;

/// `domains` domains `d0..`, each with `per_domain` items cycling through the question types
/// and the three difficulties.
pub fn sample_bank(domains: usize, per_domain: usize) -> Bank {
    let options = || {
        ["a", "b", "c", "d"]
            .iter()
            .map(|id| Choice { id: id.to_string(), text: Localized::en(id) })
            .collect::<Vec<_>>()
    };
    let mut items = Vec::new();
    for d in 0..domains {
        for i in 0..per_domain {
            let question = match i % 3 {
                0 => Question::SingleChoice { options: options(), answer: "b".into() },
                1 => Question::MultipleSelect {
                    options: options(),
                    answers: SortedSet::from(["a".into(), "c".into()]),
                },
                _ => Question::TrueFalse { answer: true },
            };
            let difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][i % 3];
            items.push(Item {
                id: format!("d{d}-{i}"),
                domain: format!("d{d}"),
                subtopic: "s".into(),
                difficulty,
                tags: vec![],
                stem: Localized::en("Question"),
                code: None,
                irt: difficulty.default_irt(&question),
                question,
                explanation: Localized::en("Because"),
            });
        }
    }
    Bank::new(
        "sample".into(),
        vec!["en".into()],
        Localized::en("Sample"),
        (0..domains)
            .map(|d| Domain {
                id: format!("d{d}"),
                title: Localized::en(&format!("Domain {d}")),
                description: Localized::en("About"),
                subtopics: vec![Subtopic { id: "s".into(), title: Localized::en("S"), frameworks: vec![] }],
            })
            .collect(),
        items,
    )
}

/// The shipped settings (levels, band, modes).
pub static SETTINGS: LazyLock<Settings> = LazyLock::new(|| {
    Settings::parse("assessment.json", include_str!("../../static/content/assessment.json"))
        .expect("the shipped settings are valid")
});

/// The keyed answer of an item.
pub fn right_answer(item: &Item) -> Answer {
    super::score::key(&item.question)
}

/// A fixed-form mode drawing `per_domain` items per domain with `seed`.
pub fn fixed_mode(per_domain: usize, seed: u64) -> Mode {
    Mode {
        id: "fixed".into(),
        title: Localized::en("Fixed"),
        description: Localized::en("Fixed"),
        rule: Rule::Fixed(FixedRule { items_per_domain: per_domain, seed }),
    }
}

/// A fixed-form attempt over `domains`.
pub fn fixed_attempt(bank: &Bank, domains: &[&str], per_domain: usize, seed: u64) -> Attempt {
    let domains: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
    let mode = fixed_mode(per_domain, seed);
    let plan = Plan {
        mode: &mode,
        settings: &SETTINGS,
        domains: &domains,
        certainty: false,
        seed,
        now: 1.0,
        avoid: vec![],
    };
    Attempt::start(bank, &plan).expect("sample domains exist")
}

/// A one-domain fixed-form session with `id` and `public_key` as given.
pub fn session(id: &str, public_key: &str) -> super::session::Session {
    super::session::Session {
        id: id.into(),
        title: "Class".into(),
        domains: vec!["d0".into()],
        mode: "fixed".into(),
        items_per_domain: None,
        minutes: None,
        languages: vec!["en".into()],
        seed: 1,
        public_key: public_key.into(),
        questions: None,
    }
}
