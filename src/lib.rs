//! casebook: the fieldwork of a qualitative evaluation, in files a team shares
//! with git. The library is the core (domain, store, analysis, export) that the
//! terminal UI and the command line both drive.

pub mod analysis;
pub mod cli;
pub mod domain;
pub mod export;
pub mod generate;
pub mod ops;
pub mod rng;
pub mod store;
pub mod tui;
