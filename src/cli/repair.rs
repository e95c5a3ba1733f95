//! `casebook repair`: removes what interrupted saves left in the study
//! (hidden `.*.tmp` files and `.*.new` folders), saying each.

use super::session::open_or_exit;
use super::Cli;
use crate::ops::clean_leftovers;
use std::path::Path;

pub fn run(cli: &Cli) -> u8 {
    let opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let mut removed = Vec::new();
    for top in [opened.layout.cases_dir(), opened.layout.guides_dir()] {
        walk(&top, &mut removed);
    }
    for path in &removed {
        println!("removed {}", path.display());
    }
    if removed.is_empty() {
        println!("nothing to repair: no interrupted save left anything behind");
    }
    0
}

/// Cleans `dir` and every folder below it.
fn walk(dir: &Path, removed: &mut Vec<std::path::PathBuf>) {
    removed.extend(clean_leftovers(dir));
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) && !entry.file_name().to_string_lossy().starts_with('.') {
            walk(&path, removed);
        }
    }
}
