//! Reusable pieces of the screens, one component per file.

pub mod answer_review;
pub mod certainty_choice;
pub mod content_status;
pub mod domain_scores;
pub mod guidance_controls;
pub mod interest_form;
pub mod level_scale;
pub mod local_guidance;
pub mod matching_input;
pub mod ordering_input;
pub mod question_view;
pub mod quiz_progress;
pub mod radar_chart;
pub mod site_footer;
pub mod site_header;
pub mod storage_notices;
