//! The UI's message catalogs: every string a screen shows, one JSON file per language in
//! `static/i18n/`, listed in `static/i18n/languages.json`. Adding a language is adding a file
//! and a line there; no code changes.
//!
//! A catalog is read once and kept for the whole session (leaked to `'static`, at most once
//! per language), so views use plain `&'static str` fields. Missing or extra keys and wrong
//! shapes are reported precisely; `cargo test` also checks that every translation keeps the
//! English `{name}` slots. Plural forms
//! follow CLDR categories (Arabic has six), chosen by the browser's `Intl.PluralRules` for
//! the language's locale (see `intl`).

mod intl;

use std::cell::RefCell;
use std::thread::LocalKey;

use crate::engine::json::Value;

use crate::engine::fields;
use crate::engine::problem::{Problem, ProblemKind, Range};
use crate::engine::sorted::SortedMap;

/// The English catalog and the language list, compiled in so the first screen never waits.
pub const ENGLISH: &str = include_str!("../../static/i18n/en.json");
pub const LANGUAGES: &str = include_str!("../../static/i18n/languages.json");

/// A language the interface can be shown in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 code, also the key of content texts (`en`, `fr`, `ar`).
    pub code: String,
    /// The language's own name, for the switcher.
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: String,
    /// Locale for numbers, dates and plural rules (e.g. `ar-MA`, which writes Latin digits).
    pub locale: String,
    /// The catalog, relative to the app.
    pub file: String,
}

impl Language {
    fn read(v: &Value) -> fields::Read<Language> {
        let mut f = fields::object(v)?;
        let language = Language {
            code: f.get("code", fields::string),
            name: f.get("name", fields::string),
            dir: f.get("dir", fields::string),
            locale: f.get("locale", fields::string),
            file: f.get("file", fields::string),
        };
        f.finish().map(|()| language)
    }
}

/// Reads `languages.json`.
pub fn languages(file: &str, text: &str) -> Result<Vec<Language>, Problem> {
    let value: Value = Value::parse(text).map_err(|e| Problem::from_json(file, &e))?;
    let read = |v: &Value| {
        let mut f = fields::object(v)?;
        let list = (
            f.get("schema", fields::unsigned::<u64>),
            f.get("languages", |v| fields::list(v, Language::read)),
        );
        f.finish().map(|()| list)
    };
    let (schema, languages) = fields::in_file(file, read(&value))?;
    let problem = |kind| Problem { file: file.to_string(), item: None, path: "languages".into(), kind };
    if schema != 1 {
        return Err(problem(ProblemKind::UnsupportedSchema { found: schema.to_string() }));
    }
    if languages.iter().any(|l| l.dir != "ltr" && l.dir != "rtl") {
        return Err(problem(ProblemKind::OutOfRange { range: Range::Direction }));
    }
    if languages.is_empty() {
        return Err(problem(ProblemKind::Empty));
    }
    Ok(languages)
}

/// A message: a text that is not blank.
fn text(v: &Value) -> fields::Read<String> {
    match fields::string(v)? {
        s if s.trim().is_empty() => Err(fields::problem(ProblemKind::Empty)),
        s => Ok(s),
    }
}

/// A plural message: its CLDR forms, `other` required.
fn plural(v: &Value) -> fields::Read<RawPlural> {
    let mut f = fields::object(v)?;
    let plural = RawPlural {
        zero: f.optional("zero", text),
        one: f.optional("one", text),
        two: f.optional("two", text),
        few: f.optional("few", text),
        many: f.optional("many", text),
        other: f.get("other", text),
    };
    f.finish().map(|()| plural)
}

/// A list of exactly `N` messages.
fn list<const N: usize>(v: &Value) -> fields::Read<[String; N]> {
    let texts = fields::list(v, text)?;
    let found = texts.len();
    texts.try_into().map_err(|_| fields::problem(ProblemKind::TooFewOptions { min: N, found }))
}

/// Puts `args` into a template's `{name}` slots.
///
/// One pass over the template: a value is never searched for slots in turn, and a slot
/// with no value (or a lone brace) is kept as written.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').map(|close| (&after[..close], &after[close + 1..]));
        match slot.and_then(|(name, tail)| Some((args.iter().find(|(n, _)| *n == name)?, tail))) {
            Some(((_, value), tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Catalog {
    /// A whole number in the catalog's locale.
    pub fn number(&self, n: usize) -> String {
        intl::number(&self.language.locale, n)
    }

    /// A number to one decimal place in the catalog's locale ("1.6", "1,6").
    pub fn decimal(&self, x: f64) -> String {
        intl::decimal(&self.language.locale, x)
    }
}

/// A message in the CLDR plural categories a language uses; `other` is always required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plural {
    /// The catalog's locale, whose rules pick the form.
    pub locale: &'static str,
    pub zero: Option<&'static str>,
    pub one: Option<&'static str>,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n`, with `{n}` filled in, both in the catalog's locale.
    pub fn count(&self, n: usize) -> String {
        fill(self.select(&intl::plural_category(self.locale, n)), &[("n", intl::number(self.locale, n))])
    }

    /// The form for a CLDR category (`zero`, `one`, `two`, `few`, `many`, `other`).
    pub fn select(&self, category: &str) -> &'static str {
        let form = match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => None,
        };
        form.unwrap_or(self.other)
    }
}

/// A plural message as read, before it is kept for the session.
#[derive(Default)]
struct RawPlural {
    zero: Option<String>,
    one: Option<String>,
    two: Option<String>,
    few: Option<String>,
    many: Option<String>,
    other: String,
}

impl RawPlural {
    fn leak(self, locale: &'static str) -> Plural {
        Plural {
            locale,
            zero: self.zero.map(leak),
            one: self.one.map(leak),
            two: self.two.map(leak),
            few: self.few.map(leak),
            many: self.many.map(leak),
            other: leak(self.other),
        }
    }

    #[cfg(all(test, not(target_arch = "wasm32")))]
    fn forms(&self) -> impl Iterator<Item = &String> {
        [&self.zero, &self.one, &self.two, &self.few, &self.many].into_iter().flatten().chain([&self.other])
    }
}

/// Kept for the whole session: a catalog is read at most once per language.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Declares a catalog's fields once: the `'static` view used by the UI, the owned form read
/// from JSON, and the conversion between them. Used for the core messages and for each
/// document's own part (see [`Part`]).
macro_rules! catalog {
    ($name:ident, $texts:ident, $raw:ident, $keys:ident;
     texts { $($t:ident),* $(,)? } plurals { $($p:ident),* $(,)? } lists { $($l:ident: $n:literal),* $(,)? }) => {
        /// UI strings: the plain texts (one method per message, as `m.home_title()`), plural
        /// messages and lists.
        #[derive(Debug, PartialEq)]
        pub struct $name {
            /// The plain texts, in key order: one array rather than 200 fields, so that reading
            /// a catalog is one loop, not code for each message.
            texts: [&'static str; $texts::COUNT],
            $(pub $p: Plural,)*
            $(pub $l: [&'static str; $n],)*
        }

        /// Each plain text's place in key order.
        #[allow(non_camel_case_types, clippy::enum_variant_names)]
        enum $texts {
            $($t,)*
        }

        #[allow(clippy::inline_always)]
        impl $name {
            $(
                #[inline(always)]
                pub fn $t(&self) -> &'static str {
                    self.texts[$texts::$t as usize]
                }
            )*
        }

        /// The plain texts' keys, in field order.
        impl $texts {
            const COUNT: usize = [$(stringify!($t)),*].len();
        }

        /// The plain texts' keys, in field order, in one string: a table of a slice per key
        /// was data that gzip hardly shrinks.
        const $keys: &str = concat!($(stringify!($t), " "),*);

        /// The catalog as read, before it is kept for the session. Plain texts are a list in
        /// key order: read in one loop rather than field by field, which keeps the wasm small
        /// with a hundred and more messages.
        struct $raw {
            texts: Vec<String>,
            $($p: RawPlural,)*
            $($l: [String; $n],)*
        }

        impl $raw {
            /// Reads every key of the catalog's JSON object; any other key is unknown.
            fn read(value: &Value) -> fields::Read<$raw> {
                let mut f = fields::object(value)?;
                let texts = $keys.split_terminator(' ').map(|key| f.get(key, text)).collect();
                let raw = $raw {
                    texts,
                    $($p: f.get(stringify!($p), plural),)*
                    $($l: f.get(stringify!($l), list::<$n>),)*
                };
                f.finish().map(|()| raw)
            }

            fn leak(self, locale: &'static str) -> $name {
                let mut texts = [""; $texts::COUNT];
                for (slot, text) in texts.iter_mut().zip(self.texts) {
                    *slot = leak(text);
                }
                $name {
                    texts,
                    $($p: self.$p.leak(locale),)*
                    $($l: self.$l.map(leak),)*
                }
            }

            /// Every text of a key, with the key's name.
            #[cfg(all(test, not(target_arch = "wasm32")))]
            fn texts(&self) -> Vec<(&'static str, Vec<&String>)> {
                let mut all: Vec<(&'static str, Vec<&String>)> =
                    $keys.split_terminator(' ').zip(self.texts.iter().map(|t| vec![t])).collect();
                $(all.push((stringify!($p), self.$p.forms().collect()));)*
                $(all.push((stringify!($l), self.$l.iter().collect()));)*
                all
            }
        }

        impl $name {
            /// Reads a catalog (part) of `locale`: every key present, none unknown, every
            /// value of the right shape.
            fn parse(file: &str, text: &str, locale: &'static str) -> Result<$name, Problem> {
                let value: Value = Value::parse(text).map_err(|e| Problem::from_json(file, &e))?;
                Ok(fields::in_file(file, $raw::read(&value))?.leak(locale))
            }

            /// Checks that a translation keeps the `{name}` slots of the English text.
            #[cfg(all(test, not(target_arch = "wasm32")))]
            fn check_slots(file: &str, text: &str, english: &str) -> Result<(), Problem> {
                let read = |file: &str, text: &str| -> Result<$raw, Problem> {
                    let value: Value = Value::parse(text).map_err(|e| Problem::from_json(file, &e))?;
                    fields::in_file(file, $raw::read(&value))
                };
                let (raw, english) = (read(file, text)?, read("english", english)?);
                compare_slots(file, raw.texts(), english.texts())
            }
        }
    };
}

catalog! {
    Messages, MessageTexts, RawMessages, TEXT_KEYS;
    texts {
        app_name, app_tagline, skip_to_content, nav_label, nav_home, nav_new_quiz, nav_history,
        nav_guidance, language_label, footer_privacy, home_title, home_intro, home_start,
        home_resume, home_resume_detail, loading_bank, loading_page, bank_fetch_failed, bank_fetch_detail, bank_invalid_title, bank_item, bank_whole_file, retry,
        start_title, start_intro, start_domains, start_all_domains, start_mode,
        start_adaptive_length, start_certainty, start_certainty_hint, start_button, start_pick_one,
        start_in_progress, start_replace_button, quiz_none, quiz_progress, quiz_progress_label,
        quiz_progress_adaptive, quiz_adaptive_note, quiz_certainty, quiz_need_answer,
        quiz_need_certainty, quiz_answered, quiz_select_all, quiz_order_hint, quiz_move_up,
        quiz_move_down, quiz_keep_order, quiz_moved, quiz_match_hint, quiz_match_choose, quiz_true,
        quiz_false, quiz_code_label, quiz_previous, quiz_next, quiz_finish, quiz_leave,
        quiz_item_gone, quiz_unanswered_go, quiz_finish_anyway, results_title, results_not_found,
        results_overall, results_domain, results_correct, results_percent,
        results_review, results_right, results_wrong, results_your_answer, results_no_answer,
        results_pair, results_correct_answer, results_why, results_levels, results_level,
        results_band, results_band_range, results_between, results_more, results_more_busy,
        results_percent_correct, results_certainty, results_marks, results_accuracy_at,
        results_again, results_guidance, print_pdf, history_title, history_empty, history_date, history_mode,
        history_result, history_open, notice_set_aside_detail, notice_save_failed,
        notice_update, notice_update_reload, notice_crashed, notice_language_failed, dismiss, not_found_title,
        not_found_body, nav_my_data, data_title, data_intro, data_export, data_import,
        data_import_failed, data_import_not_export, data_delete,
        data_delete_confirm, data_delete_yes, data_deleted, cancel, nav_classroom, quiz_time_left,
        quiz_time_up, results_code,
        start_suggested, quiz_domains, quiz_domain_done, quiz_domain_now, quiz_domain_later, quiz_pause_body, quiz_pause_stop, home_resume_domains, results_provisional, results_pilot, results_about,
        problem_syntax, problem_missing, problem_needed_id, problem_wrong_type, problem_empty, problem_unsupported_schema, problem_duplicate_id, problem_unknown_domain, problem_unknown_subtopic, problem_unknown_type, problem_unsupported_type, problem_unknown_difficulty, problem_missing_language, problem_unknown_option, problem_too_few_options, problem_duplicate_option_text, problem_bad_answer_set, problem_bad_order, problem_already_in_order, problem_bad_pairs, problem_out_of_range, problem_shape, problem_out_of_order, problem_unexpected,
    }
    plurals {
        home_history, bank_invalid_intro, start_total, quiz_unanswered, results_unavailable,
        results_based_on, start_pilots, notice_set_aside, data_summary, data_import_done,
    }
    lists {
        home_points: 3, difficulty: 3, results_calibration: 4, problem_expected: 7, problem_ranges: 20,
    }
}

catalog! {
    CareersMessages, CareersTexts, RawCareers, CAREERS_KEYS;
    texts {
        guidance_title, guidance_intro, guidance_none, guidance_interests_title,
        guidance_interests_intro, interest_like, interest_unsure, interest_dislike, guidance_ranked,
        guidance_match, guidance_strengths, guidance_gaps, guidance_gap, guidance_ready,
        guidance_demand, guidance_figure, guidance_source, guidance_secondary, guidance_no_figure,
        guidance_tracks_now, guidance_tracks_next, guidance_no_tracks, guidance_duration_unknown,
        guidance_chart_title, guidance_chart_you, guidance_chart_target, guidance_weights,
        weight_readiness, weight_interest, weight_demand, guidance_filters, filter_format,
        filter_cost, filter_any, guidance_unmeasured, guidance_gap_unmeasured,
        guidance_interests_progress, guidance_format_unknown, guidance_figures,
        guidance_chart_choose, guidance_not_measured, guidance_local_title, guidance_local_intro,
        guidance_local_load, guidance_local_in_use, guidance_local_builtin, guidance_local_reset,
        guidance_local_invalid, guidance_local_broken, filter_duration,
        guidance_unverified, guidance_new_tab, guidance_next_unmeasured, guidance_next_close,
        guidance_next_button, filter_language, filter_diploma, filter_bac_stream, filter_age, filter_region,
        filter_unstated, track_language, track_language_unknown, track_diploma, track_diploma_unknown,
        track_bac_streams, track_bac_streams_unknown,
        track_age, track_age_min, track_age_max, track_age_unknown, track_regions, track_regions_unknown,
        track_apply, about_title, about_intro, about_caveat, about_measure, about_items, about_items_value, about_right, about_right_level, about_coverage, about_width, about_settled, about_retest, about_percent, about_unavailable, data_responses, data_responses_intro, data_keys_include, data_keys_warning,
    }
    plurals {
        guidance_duration, guidance_duration_max, data_import_kept,
    }
    lists {

    }
}

catalog! {
    ClassroomMessages, ClassroomTexts, RawClassroom, CLASSROOM_KEYS;
    texts {
        classroom_title, classroom_intro, classroom_none, classroom_sessions, classroom_new,
        classroom_session_title, classroom_session_title_hint, classroom_mode, classroom_items,
        classroom_minutes, classroom_languages, classroom_create, classroom_invalid,
        classroom_open_key, classroom_key_opened, classroom_key_invalid, classroom_counselor,
        session_share, session_share_intro, session_link, session_copy, session_copied, session_qr,
        session_key, session_key_intro, session_key_download, session_settings, session_no_limit,
        session_not_found, session_opening_codes, session_delete, session_delete_confirm, session_delete_yes, import_title,
        import_intro, import_paste, import_button, import_files, import_scan, import_scan_stop,
        import_scan_unavailable, import_refused_at, code_not_a_code, code_damaged, code_newer,
        code_other_session, code_wrong_key, dashboard_title, dashboard_empty,
        dashboard_distribution, dashboard_heatmap, dashboard_student, dashboard_score,
        dashboard_not_taken, dashboard_items, dashboard_items_intro, dashboard_item,
        dashboard_asked, dashboard_p, dashboard_discrimination, dashboard_choices, dashboard_flags,
        flag_hard, flag_easy, flag_negative, flag_unused, dashboard_csv_students,
        dashboard_csv_items, dashboard_responses, dashboard_responses_intro, dashboard_mismatches,
        mismatch_long_label, mismatch_unknown_item, mismatch_other_domain, mismatch_repeated,
        mismatch_not_the_quiz, mismatch_over_time, csv_level, csv_correct, csv_total, csv_of,
        csv_percent, csv_domain, join_title, join_intro, join_invalid, join_name, join_name_hint,
        join_language, join_start, join_busy, code_title, code_intro, code_for, code_text,
        code_download, code_qr, code_not_found, code_results, code_remove_intro, code_remove,
        code_removed, session_fingerprint, session_fingerprint_teacher, session_fingerprint_student,
        dashboard_leave_out, dashboard_leave_out_of, dashboard_left_out, dashboard_count_again,
        dashboard_count_again_of, counselor_title, counselor_intro, counselor_code,
        counselor_code_file, counselor_key, counselor_open, counselor_need_key, counselor_report,
        counselor_notes, counselor_notes_hint, counselor_print, counselor_recommendations,
        counselor_fingerprint, counselor_fingerprint_own, counselor_fingerprint_check,
        counselor_link_title, counselor_link_intro, counselor_link_name, counselor_link_create,
        counselor_link, counselor_link_qr, counselor_link_remove, counselor_link_remove_confirm,
        counselor_link_remove_yes, counselor_open_title, counselor_key_intro,
        counselor_code_unknown, counselor_from_learner, counselor_interests_none,
        counselor_interests_sent, send_title, send_to, send_intro, send_none, send_pick, send_name,
        send_interests, send_make, send_done, send_invalid, refer_title, refer_intro, refer_student,
        refer_link, refer_make, refer_for, counselor_link_unreadable, questions_title,
        questions_link, dashboard_xapi, dashboard_xapi_intro, session_too_long_for_qr, session_file,
        join_open_file, join_file_invalid, dashboard_edit_item,
        dashboard_shown,
    }
    plurals {
        classroom_results, session_minutes, import_added, import_duplicates, import_refused,
        dashboard_students,
        dashboard_show_more,
    }
    lists {

    }
}

catalog! {
    QuestionsMessages, QuestionsTexts, RawQuestions, QUESTIONS_KEYS;
    texts {
        questions_title, questions_intro, questions_import, questions_file, questions_language,
        questions_difficulty, questions_list, questions_none, questions_delete,
        questions_unreadable, questions_delete_all, questions_export, questions_export_intro,
        questions_export_what, questions_export_language, questions_gift, questions_xml,
        questions_read, questions_at_line, reason_unsupported, reason_malformed, reason_no_right,
        reason_too_few, reason_duplicate, reason_every_right, reason_empty, reason_answer_line,
        note_all_or_nothing, note_partial_dropped, note_missing_word, questions_new, questions_edit,
        questions_duplicate, questions_duplicated, editor_new_title, editor_edit_title,
        editor_not_found, editor_type, editor_category, editor_languages, editor_languages_hint,
        editor_text, editor_option, editor_target, editor_explanation, editor_right,
        editor_right_many, editor_order_hint, editor_pairs, editor_distractor_hint,
        editor_add_option, editor_remove_option, editor_add_target, editor_remove_target,
        editor_save, editor_saved, editor_back, editor_invalid, editor_preview,
        editor_preview_language, editor_difficulty,
    }
    plurals {
        questions_added, questions_already, questions_skipped, questions_noted, questions_left_out,
    }
    lists {
        question_types: 5,
    }
}

/// A language's catalog with its settings.
#[derive(Debug, PartialEq)]
pub struct Catalog {
    pub language: Language,
    pub messages: Messages,
}

impl Catalog {
    /// Reads a catalog: every key present, no unknown key, every value of the right shape.
    pub fn parse(language: Language, text: &str) -> Result<Catalog, Problem> {
        let locale = leak(language.locale.clone());
        let messages = Messages::parse(&language.file, text, locale)?;
        Ok(Catalog { language, messages })
    }
}

/// A document's own messages (careers, classroom, questions), in files of their own
/// (`i18n/<part>/<lang>.json`), so that other documents neither fetch nor compile them in.
pub trait Part: Sized + 'static {
    /// The folder of the part's files under `i18n/`.
    const DIR: &'static str;
    /// The English file, compiled into the document that uses the part (and only there), so
    /// its pages never wait for text and never lack it.
    const ENGLISH: &'static str;
    fn read(file: &str, text: &str, locale: &'static str) -> Result<Self, Problem>;
    /// The part as read this session, per language code.
    fn cache() -> &'static LocalKey<RefCell<SortedMap<String, &'static Self>>>;
}

thread_local! {
    static CAREERS: RefCell<SortedMap<String, &'static CareersMessages>> = RefCell::default();
    static CLASSROOM: RefCell<SortedMap<String, &'static ClassroomMessages>> = RefCell::default();
    static QUESTIONS: RefCell<SortedMap<String, &'static QuestionsMessages>> = RefCell::default();
}

impl Part for CareersMessages {
    const DIR: &'static str = "careers";
    const ENGLISH: &'static str = include_str!("../../static/i18n/careers/en.json");
    fn read(file: &str, text: &str, locale: &'static str) -> Result<Self, Problem> {
        Self::parse(file, text, locale)
    }
    fn cache() -> &'static LocalKey<RefCell<SortedMap<String, &'static Self>>> {
        &CAREERS
    }
}

impl Part for ClassroomMessages {
    const DIR: &'static str = "classroom";
    const ENGLISH: &'static str = include_str!("../../static/i18n/classroom/en.json");
    fn read(file: &str, text: &str, locale: &'static str) -> Result<Self, Problem> {
        Self::parse(file, text, locale)
    }
    fn cache() -> &'static LocalKey<RefCell<SortedMap<String, &'static Self>>> {
        &CLASSROOM
    }
}

impl Part for QuestionsMessages {
    const DIR: &'static str = "questions";
    const ENGLISH: &'static str = include_str!("../../static/i18n/questions/en.json");
    fn read(file: &str, text: &str, locale: &'static str) -> Result<Self, Problem> {
        Self::parse(file, text, locale)
    }
    fn cache() -> &'static LocalKey<RefCell<SortedMap<String, &'static Self>>> {
        &QUESTIONS
    }
}

/// Where a part's catalog of a language is, relative to the app.
pub fn part_file<P: Part>(code: &str) -> String {
    format!("i18n/{}/{code}.json", P::DIR)
}

/// The part of `code` if it was read this session.
pub fn cached_part<P: Part>(code: &str) -> Option<&'static P> {
    P::cache().with(|c| c.borrow().get(code).copied())
}

/// The part in the language `code` if it was read this session, else in English (compiled
/// in, checked by `cargo test`).
pub fn part<P: Part>(code: &str) -> &'static P {
    if let Some(part) = cached_part::<P>(code).or_else(|| cached_part::<P>("en")) {
        return part;
    }
    let english: &'static P =
        Box::leak(Box::new(compiled_in(P::read(&part_file::<P>("en"), P::ENGLISH, "en"))));
    P::cache().with(|c| c.borrow_mut().insert("en".into(), english));
    english
}

/// Reads a part's catalog for `language` (its text from `file`) and keeps it for the session,
/// under `language`'s code.
pub fn remember_part<P: Part>(language: &Language, file: &str, text: &str) -> Result<&'static P, Problem> {
    let part: &'static P = Box::leak(Box::new(P::read(file, text, leak(language.locale.clone()))?));
    P::cache().with(|c| c.borrow_mut().insert(language.code.clone(), part));
    Ok(part)
}

/// Compares a translation's `{name}` slots with the English text's, key by key, so no
/// translation drops a number or names one that is never filled in. Run by `cargo test` on
/// every shipped catalog (a translation slip is an authoring error, not a run-time one).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn compare_slots(
    file: &str,
    texts: Vec<(&'static str, Vec<&String>)>,
    english: Vec<(&'static str, Vec<&String>)>,
) -> Result<(), Problem> {
    for ((key, forms), (_, english_forms)) in texts.into_iter().zip(english) {
        let allowed: Vec<String> = english_forms.iter().flat_map(|t| slots(t)).collect();
        let needed = slots(english_forms[english_forms.len() - 1]);
        let other = forms[forms.len() - 1];
        let extra = forms.iter().flat_map(|t| slots(t)).find(|p| !allowed.contains(p));
        let missing = needed.iter().find(|p| !slots(other).contains(p));
        if let Some(name) = extra.or(missing.cloned()) {
            return Err(Problem {
                file: file.to_string(),
                item: None,
                path: key.to_string(),
                kind: ProblemKind::UnknownOption { id: format!("{{{name}}}") },
            });
        }
    }
    Ok(())
}

/// The `{name}` slots of a template.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn slots(template: &str) -> Vec<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

/// What reading data compiled in (the English catalogs, the language list) gave: `cargo test`
/// checks that data, so a failure here is a build mistake. The message is fixed on purpose:
/// formatting the problem would compile its `Debug` code into every wasm.
pub fn compiled_in<T, E>(result: Result<T, E>) -> T {
    result.unwrap_or_else(|_| panic!("compiled-in data is checked by cargo test"))
}

/// The English catalog, compiled in.
pub fn english() -> Result<Catalog, Problem> {
    let language =
        languages("i18n/languages.json", LANGUAGES)?.into_iter().find(|l| l.code == "en").ok_or(Problem {
            file: "i18n/languages.json".into(),
            item: None,
            path: "languages".into(),
            kind: ProblemKind::Missing,
        })?;
    Catalog::parse(language, ENGLISH)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
