//! The store: a study folder on disk. Reading and writing RON, atomic saves
//! that never overwrite someone else's change, validation with
//! `path:line:column` errors, and finding who is at the keyboard.

pub mod atomic;
pub mod csv_problem;
pub mod details;
pub mod git_ignore;
pub mod identity;
pub mod init;
pub mod layout;
pub mod load;
pub mod lock;
pub mod personal_columns;
pub mod pool_import;
pub mod privacy;
pub mod private;
pub mod private_location;
pub mod problem;
pub mod ratings_csv;
pub mod recovery;
pub mod regular_file;
pub mod ron_io;
pub mod save;
pub mod stamps;
mod validate;

pub use layout::{find_study_root, Layout};
pub use load::{load, Loaded};
pub use problem::Problem;
pub use save::{check_unchanged, save_all, save_case_folder, save_text, save_value, SaveError, Saved};
pub use stamps::Stamps;
