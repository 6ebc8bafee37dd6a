//! Which training tracks a counselor lists: by format, cost, duration, language of
//! instruction, the learner's diploma, baccalauréat stream and age, and region. A track whose data does not state
//! a fact is kept (the page says "not stated"): an unknown is never filtered out silently.

use super::{AgeLimits, Guidance, Track};

/// The cost id that means "no source states the cost".
const UNKNOWN_COST: &str = "unknown";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrackFilter {
    /// A format id, a cost id, or empty for any.
    pub format: String,
    pub cost: String,
    /// Tracks lasting at most this many months.
    pub max_months: Option<u32>,
    /// A language of instruction (code), or empty for any.
    pub language: String,
    /// The learner's highest diploma (an id of the data's `diplomas`), or empty for any.
    pub diploma: String,
    /// The learner's baccalauréat stream (an id of the data's `bac_streams`), or empty.
    pub bac_stream: String,
    pub age: Option<u32>,
    /// A region id, or empty for any; online and nationwide tracks are open in every region.
    pub region: String,
}

impl TrackFilter {
    pub fn keeps(&self, g: &Guidance, t: &Track) -> bool {
        let any = |chosen: &str| chosen.is_empty();
        let rank = |id: &str| g.diplomas.iter().position(|d| d.id == id);
        let format = any(&self.format) || t.format.as_deref().is_none_or(|f| f == self.format);
        let cost = any(&self.cost) || t.cost == UNKNOWN_COST || t.cost == self.cost;
        let months = self.max_months.is_none_or(|max| t.duration_months.is_none_or(|d| d <= max));
        let language = any(&self.language) || t.languages.is_empty() || t.languages.contains(&self.language);
        let diploma = any(&self.diploma)
            || t.min_diploma
                .as_deref()
                .and_then(rank)
                .is_none_or(|need| rank(&self.diploma).is_some_and(|have| have >= need));
        let stream =
            any(&self.bac_stream) || t.bac_streams.is_empty() || t.bac_streams.contains(&self.bac_stream);
        let age = match (self.age, t.age) {
            (Some(age), Some(AgeLimits { min, max })) => {
                min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m)
            }
            _ => true,
        };
        let region = any(&self.region)
            || t.regions.is_empty()
            || t.regions.iter().any(|r| r == &self.region || r == "online" || r == "nationwide");
        format && cost && months && language && diploma && stream && age && region
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
