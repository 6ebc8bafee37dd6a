//! Reusable pieces of the screens, one component per file.

pub mod answer_review;
pub mod bank_status;
pub mod domain_scores;
pub mod question_view;
pub mod quiz_progress;
pub mod site_footer;
pub mod site_header;
pub mod storage_notices;
