//! Analysis: pure functions over a loaded study (strata, variation,
//! conflicts, agreement, waves...). No terminal, no files.

pub mod agreement;
pub mod assignment;
pub mod case_query;
pub mod code_search;
pub mod coding_agreement;
pub mod conditions;
pub mod conflicts;
pub mod coverage;
pub mod interviews;
pub mod progress;
pub mod recruitment;
pub mod review_agreement;
pub mod stats;
pub mod strata;
pub mod suggest;
pub mod theme_report;
pub mod themes;
pub mod variation;
pub mod waves;
