//! What leaves casebook for other programs: the REFI-QDA exchange files
//! (`refi/`). Core code: it writes files, and knows nothing of the terminal.

pub mod refi;
