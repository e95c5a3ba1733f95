//! `casebook init DIR`: an empty study, ready for git.

use crate::store::init::init_study;
use crate::store::Layout;
use std::path::Path;

pub fn run(dir: &Path, title: &str) -> u8 {
    match init_study(&Layout::new(dir), title) {
        Ok(()) => {
            println!("created an empty study in {}", dir.display());
            println!(
                "next: add the team to {}",
                dir.join("cases").join("study.ron").display()
            );
            0
        }
        Err(e) => {
            eprintln!("casebook: {}: {e}", dir.display());
            1
        }
    }
}
