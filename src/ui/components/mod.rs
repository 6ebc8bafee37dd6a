//! Reusable pieces of the screens, one component per file.

pub mod answer_review;
pub mod certainty_choice;
pub mod class_dashboard;
pub mod code_import;
pub mod content_status;
pub mod copy_button;
pub mod domain_scores;
pub mod download_button;
pub mod guidance_controls;
pub mod interest_form;
pub mod level_scale;
pub mod local_guidance;
pub mod matching_input;
pub mod new_session_form;
pub mod ordering_input;
pub mod qr_code;
pub mod qr_scanner;
pub mod question_view;
pub mod quiz_deadline;
pub mod quiz_progress;
pub mod radar_chart;
pub mod results_report;
pub mod site_footer;
pub mod site_header;
pub mod specialty_shortlist;
pub mod storage_notices;
