//! Small pieces the screens share.

pub mod help;
pub mod selectable_table;
pub mod status_line;
