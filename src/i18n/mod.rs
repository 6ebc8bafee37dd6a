//! The UI's message catalog: every string a screen shows, in one place per language.
//!
//! Views read `Messages` fields instead of writing text inline, so localization (French and
//! Arabic, with plural rules) replaces this catalog rather than rewriting the views. Templates
//! mark arguments as `{name}`; [`fill`] puts values in.

mod en;

pub use en::EN;

/// A language of the interface.
///
/// English only for now; French and Arabic (right-to-left) join when the catalog moves to a
/// full i18n library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>` and for picking content text.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// Writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &EN,
        }
    }
}

/// Puts `args` into a template's `{name}` slots.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A message with singular and plural forms.
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n`, with `{n}` filled in.
    pub fn count(&self, n: usize) -> String {
        fill(if n == 1 { self.one } else { self.other }, &[("n", n.to_string())])
    }
}

/// Every UI string, one field per message.
pub struct Messages {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_new_quiz: &'static str,
    pub nav_history: &'static str,
    pub footer_privacy: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_points: [&'static str; 3],
    pub home_start: &'static str,
    pub home_resume: &'static str,
    pub home_resume_detail: &'static str,
    pub home_history: Plural,

    pub loading_bank: &'static str,
    pub bank_fetch_failed: &'static str,
    pub bank_fetch_detail: &'static str,
    pub bank_invalid_title: &'static str,
    pub bank_invalid_intro: Plural,
    pub bank_item: &'static str,
    pub bank_whole_file: &'static str,
    pub retry: &'static str,

    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub start_domains: &'static str,
    pub start_all_domains: &'static str,
    pub start_domain_items: Plural,
    pub start_mode: &'static str,
    pub start_adaptive_length: &'static str,
    pub start_total: Plural,
    pub start_certainty: &'static str,
    pub start_certainty_hint: &'static str,
    pub start_button: &'static str,
    pub start_pick_one: &'static str,
    pub start_in_progress: &'static str,
    pub start_replace_button: &'static str,

    pub quiz_none: &'static str,
    pub quiz_progress: &'static str,
    pub quiz_progress_label: &'static str,
    pub quiz_progress_adaptive: &'static str,
    pub quiz_adaptive_note: &'static str,
    pub quiz_certainty: &'static str,
    pub quiz_need_answer: &'static str,
    pub quiz_need_certainty: &'static str,
    pub quiz_answered: &'static str,
    pub quiz_select_all: &'static str,
    pub quiz_true: &'static str,
    pub quiz_false: &'static str,
    pub quiz_code_label: &'static str,
    pub quiz_previous: &'static str,
    pub quiz_next: &'static str,
    pub quiz_finish: &'static str,
    pub quiz_leave: &'static str,
    pub quiz_item_gone: &'static str,
    pub quiz_unanswered: Plural,
    pub quiz_unanswered_go: &'static str,
    pub quiz_finish_anyway: &'static str,
    pub difficulty: [&'static str; 3],

    pub results_title: &'static str,
    pub results_not_found: &'static str,
    pub results_overall: &'static str,
    pub results_by_domain: &'static str,
    pub results_domain: &'static str,
    pub results_correct: &'static str,
    pub results_percent: &'static str,
    pub results_review: &'static str,
    pub results_right: &'static str,
    pub results_wrong: &'static str,
    pub results_your_answer: &'static str,
    pub results_no_answer: &'static str,
    pub results_correct_answer: &'static str,
    pub results_why: &'static str,
    pub results_unavailable: Plural,
    pub results_levels: &'static str,
    pub results_level: &'static str,
    pub results_band: &'static str,
    pub results_band_range: &'static str,
    pub results_between: &'static str,
    pub results_more: &'static str,
    pub results_more_busy: &'static str,
    pub results_based_on: Plural,
    pub results_percent_correct: &'static str,
    pub results_certainty: &'static str,
    pub results_marks: &'static str,
    pub results_calibration: [&'static str; 4],
    pub results_accuracy_at: &'static str,
    pub results_again: &'static str,

    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub history_date: &'static str,
    pub history_mode: &'static str,
    pub history_domains: &'static str,
    pub history_result: &'static str,
    pub history_open: &'static str,

    pub notice_set_aside: Plural,
    pub notice_set_aside_detail: &'static str,
    pub notice_save_failed: &'static str,
    pub dismiss: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fills_named_slots() {
        assert_eq!(
            fill("Question {n} of {total}", &[("n", "4".into()), ("total", "12".into())]),
            "Question 4 of 12"
        );
        assert_eq!(EN.start_total.count(1), "1 question in all");
        assert_eq!(EN.start_total.count(12), "12 questions in all");
    }
}
