//! Analysis: pure functions over a loaded study (strata, variation,
//! conflicts, agreement, waves...). No terminal, no files.

pub mod agreement;
pub mod conflicts;
pub mod coverage;
pub mod strata;
pub mod variation;
