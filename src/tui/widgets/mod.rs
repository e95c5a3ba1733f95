//! Small pieces the screens share.

pub mod editor;
pub mod fit;
pub mod help;
pub mod picker;
pub mod selectable_table;
pub mod status_line;
