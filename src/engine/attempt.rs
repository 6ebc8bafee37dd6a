//! An attempt: which items were drawn, in which order, and what the learner answered.
//!
//! An attempt is plain data so that it can be saved after every answer and resumed exactly.

use super::assessment::{Mode, Pilots, Rule, Settings};
use super::bank::{Bank, Item};
use super::cat;
use super::rng::Rng;
use super::sorted::{SortedMap, SortedSet};
use super::sorting::{sort_stable_by, sort_stable_by_key};

mod read;
mod write;

/// What the learner gave for one item.
/// Stored as `to_json` writes it; under test serde's derived writer is its reference.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum Answer {
    /// One option id (single choice).
    Choice(String),
    /// Several option ids (multiple select).
    Choices(SortedSet<String>),
    /// True or false.
    Bool(bool),
    /// Option ids in the order the learner put them.
    Order(Vec<String>),
    /// Option id to target id, for every option the learner matched.
    Pairs(SortedMap<String, String>),
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Attempt {
    pub id: String,
    /// The bank the items come from.
    pub bank: String,
    /// The mode's id in the assessment settings.
    pub mode: String,
    /// The seed the items were drawn with, kept so the draw can be reproduced and an adaptive
    /// attempt picks the same next item after a reload.
    pub seed: u64,
    pub domains: Vec<String>,
    /// Item ids in the order they are asked; an adaptive attempt adds one at a time.
    pub items: Vec<String>,
    /// One slot per item; `None` until answered.
    pub answers: Vec<Option<Answer>>,
    /// Whether the learner states how sure they are (certainty-based marking).
    pub certainty: bool,
    /// One slot per item: the chosen certainty level, by position in the settings.
    pub certainties: Vec<Option<usize>>,
    /// Extra items asked after the attempt first stopped, to settle a level.
    pub extension: Option<Extension>,
    /// Index of the question on screen.
    pub current: usize,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
    pub finished_at: Option<f64>,
    /// Seconds spent on each item, counted when the learner moves on (schema 4).
    pub seconds: Vec<u32>,
    /// The classroom session this attempt is taken in, if any (schema 4).
    pub session: Option<SessionTag>,
    /// Items an adaptive attempt avoids while its domains have others: those of the
    /// learner's previous attempt, so a retest does not repeat them.
    pub avoid: Vec<String>,
    /// The interface language when the attempt started, which its items were shown in (a
    /// learner may switch midway): what an anonymous response file says of it.
    pub lang: Option<String>,
}

/// A classroom session attempt: what the student's result code needs of the session (its id
/// and public key), its title, the name the student gave, and when time is up.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct SessionTag {
    pub id: String,
    pub title: String,
    pub public_key: String,
    pub label: String,
    /// Milliseconds since the Unix epoch; `None` without a time limit.
    pub deadline: Option<f64>,
    /// The teacher's own questions the session asks (`Session::questions`): kept with the
    /// attempt, so that the quiz and its results can show them after a reload, in any document.
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub questions: Option<String>,
}

impl SessionTag {
    /// The session's title and own questions, when it has some.
    pub fn own_questions(&self) -> Option<(String, String)> {
        self.questions.clone().map(|q| (self.title.clone(), q))
    }
}

/// More questions in some domains, asked after the attempt first stopped.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Extension {
    pub domains: Vec<String>,
    /// Ask until the attempt has this many items.
    pub until: usize,
}

/// Why an attempt cannot be built or resumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttemptError {
    NoDomains,
    UnknownDomain(String),
    /// The chosen domains have no item to ask.
    NoItems,
}

/// Choices made on the start screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan<'a> {
    pub mode: &'a Mode,
    /// The levels and band an adaptive mode classifies against.
    pub settings: &'a Settings,
    pub domains: &'a [String],
    pub certainty: bool,
    /// Seed for adaptive modes; fixed forms use the seed in their rule.
    pub seed: u64,
    pub now: f64,
    /// Items to avoid where the bank allows (see [`Attempt::avoid`]).
    pub avoid: Vec<String>,
}

impl Attempt {
    /// Starts an attempt: a fixed form drawn whole, or an adaptive one with its first item.
    pub fn start(bank: &Bank, plan: &Plan) -> Result<Attempt, AttemptError> {
        if plan.domains.is_empty() {
            return Err(AttemptError::NoDomains);
        }
        if let Some(unknown) = plan.domains.iter().find(|d| bank.domain(d).is_none()) {
            return Err(AttemptError::UnknownDomain(unknown.clone()));
        }
        let (items, seed) = match &plan.mode.rule {
            Rule::Fixed(rule) => {
                (draw(bank, plan.domains, rule.items_per_domain, &plan.settings.pilots, rule.seed), rule.seed)
            }
            Rule::Adaptive(_) => (Vec::new(), plan.seed),
        };
        let mut attempt = Attempt {
            id: format!("{:x}-{:x}", plan.now as u64, plan.seed),
            bank: bank.id.clone(),
            mode: plan.mode.id.clone(),
            seed,
            domains: plan.domains.to_vec(),
            answers: vec![None; items.len()],
            certainties: vec![None; items.len()],
            items,
            certainty: plan.certainty,
            extension: None,
            current: 0,
            started_at: plan.now,
            finished_at: None,
            seconds: Vec::new(),
            session: None,
            lang: None,
            avoid: match plan.mode.rule {
                Rule::Adaptive(_) => plan.avoid.clone(),
                Rule::Fixed(_) => Vec::new(),
            },
        };
        if let Rule::Adaptive(rule) = &plan.mode.rule {
            let first = cat::next_item(bank, &attempt, plan.settings, rule).ok_or(AttemptError::NoItems)?;
            attempt.push(first);
        }
        if attempt.items.is_empty() {
            return Err(AttemptError::NoItems);
        }
        Ok(attempt)
    }

    fn push(&mut self, item: &Item) {
        self.items.push(item.id.clone());
        self.answers.push(None);
        self.certainties.push(None);
    }

    /// Moves on after the question on screen: to the next question of a fixed form, or to a
    /// newly selected item of an adaptive one. `false` when the attempt is over.
    pub fn advance(&mut self, bank: &Bank, settings: &Settings) -> bool {
        if !self.is_last() {
            self.current += 1;
            return true;
        }
        let next = match settings.mode(&self.mode).map(|m| &m.rule) {
            Some(Rule::Adaptive(rule)) => cat::next_item(bank, self, settings, rule),
            _ => None,
        };
        match next {
            Some(item) => {
                self.push(item);
                self.current = self.items.len() - 1;
                true
            }
            None => false,
        }
    }

    /// Adds the time since the last mark (the start, or moving on) to the question on
    /// screen, and marks `now`.
    pub fn note_time(&mut self, now: f64) {
        let since = self.seconds.iter().map(|s| f64::from(*s)).sum::<f64>() * 1000.0 + self.started_at;
        let spent = ((now - since) / 1000.0).clamp(0.0, f64::from(u32::MAX)) as u32;
        if self.seconds.len() < self.items.len() {
            self.seconds.resize(self.items.len(), 0);
        }
        if let Some(slot) = self.seconds.get_mut(self.current) {
            *slot = slot.saturating_add(spent);
        }
    }

    /// Whether answers chose the items; such attempts cannot go back to change an answer.
    pub fn is_adaptive(&self, settings: &Settings) -> bool {
        matches!(settings.mode(&self.mode).map(|m| &m.rule), Some(Rule::Adaptive(_)))
    }

    /// Reopens a finished adaptive attempt for `extra` more items in `domains`. `false`, with
    /// nothing changed, when none of those domains has an item left.
    pub fn extend(&mut self, bank: &Bank, settings: &Settings, domains: Vec<String>, extra: usize) -> bool {
        let mut reopened = self.clone();
        reopened.extension = Some(Extension { domains, until: self.items.len() + extra });
        reopened.finished_at = None;
        reopened.go_to(self.items.len());
        if !reopened.advance(bank, settings) {
            return false;
        }
        *self = reopened;
        true
    }
}

/// Draws up to `per_domain` items from each chosen domain, spreading difficulties, adds the
/// domain's pilot items the settings ask for, and orders the form from easier to harder so
/// that it starts with a warm-up.
fn draw(bank: &Bank, domains: &[String], per_domain: usize, pilots: &Pilots, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut chosen: Vec<&Item> = Vec::new();
    for domain in domains {
        let (mut trial, mut pool): (Vec<&Item>, Vec<&Item>) =
            bank.items_in(domain).partition(|i| bank.is_pilot(&i.id));
        rng.shuffle(&mut trial);
        chosen.extend(trial.into_iter().take(pilots.asked_in(domain)));
        rng.shuffle(&mut pool);
        // Stable sorts after the shuffle: the most informative items first (those least open
        // to guessing, while parameters are defaults), random among equals, within each
        // difficulty; then deal round-robin across difficulties so a short form still mixes
        // easy, medium and hard items.
        sort_stable_by(&mut pool, |x, y| y.irt.max_information().total_cmp(&x.irt.max_information()));
        sort_stable_by_key(&mut pool, |i| i.difficulty);
        chosen.extend(round_robin_by_difficulty(pool).into_iter().take(per_domain));
    }
    rng.shuffle(&mut chosen);
    sort_stable_by_key(&mut chosen, |i| i.difficulty);
    chosen.iter().map(|i| i.id.clone()).collect()
}

/// The items a new attempt over `domains` should avoid: those of the most recent finished
/// attempt that measured any of them (`history` is oldest first).
pub fn previous_items(history: &[Attempt], domains: &[String]) -> Vec<String> {
    history
        .iter()
        .rev()
        .find(|a| a.domains.iter().any(|d| domains.contains(d)))
        .map(|a| a.items.clone())
        .unwrap_or_default()
}

impl Attempt {
    /// Checks that stored parts fit together, so the UI never indexes out of range; the
    /// error says what does not fit.
    pub fn check(&self) -> Result<(), &'static str> {
        if self.items.is_empty() {
            return Err("an attempt without items");
        }
        if self.answers.len() != self.items.len() || self.certainties.len() != self.items.len() {
            return Err("answers do not match items");
        }
        if self.current >= self.items.len() {
            return Err("current question out of range");
        }
        Ok(())
    }

    pub fn current_item_id(&self) -> &str {
        self.items.get(self.current).map(String::as_str).unwrap_or("")
    }

    pub fn current_answer(&self) -> Option<&Answer> {
        self.answers.get(self.current).and_then(Option::as_ref)
    }

    /// Records (or clears, with `None`) the answer to the question on screen.
    pub fn answer(&mut self, answer: Option<Answer>) {
        if let Some(slot) = self.answers.get_mut(self.current) {
            *slot = answer;
        }
    }

    /// Records how sure the learner is of the answer on screen.
    pub fn set_certainty(&mut self, level: Option<usize>) {
        if let Some(slot) = self.certainties.get_mut(self.current) {
            *slot = level;
        }
    }

    pub fn current_certainty(&self) -> Option<usize> {
        self.certainties.get(self.current).copied().flatten()
    }

    /// The question on screen has what it needs to move on: an answer, and a certainty when
    /// certainty-based marking is on.
    pub fn current_complete(&self) -> bool {
        self.current_answer().is_some() && (!self.certainty || self.current_certainty().is_some())
    }

    /// Moves to question `index`, clamped to the quiz.
    pub fn go_to(&mut self, index: usize) {
        self.current = index.min(self.items.len().saturating_sub(1));
    }

    pub fn is_last(&self) -> bool {
        self.current + 1 >= self.items.len()
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Positions (0-based) of questions not answered yet.
    pub fn unanswered(&self) -> Vec<usize> {
        self.answers.iter().enumerate().filter(|(_, a)| a.is_none()).map(|(i, _)| i).collect()
    }
}

/// Deals items sorted by difficulty into easy, medium, hard, easy, medium, hard, ...
fn round_robin_by_difficulty(sorted: Vec<&Item>) -> Vec<&Item> {
    let mut buckets: Vec<Vec<&Item>> = Vec::new();
    for item in sorted {
        match buckets.last_mut() {
            Some(b) if b[0].difficulty == item.difficulty => b.push(item),
            _ => buckets.push(vec![item]),
        }
    }
    let mut out = Vec::new();
    let longest = buckets.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..longest {
        out.extend(buckets.iter().filter_map(|b| b.get(round).copied()));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
