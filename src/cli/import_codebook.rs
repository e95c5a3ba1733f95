//! `casebook import refi-codebook FILE [--yes]`: codes from another QDA
//! program's `.qdc` or `.qdpx` merged into `guides/codebook.ron`. It shows
//! what will be added, then asks; `--yes` answers for scripts, and with no
//! terminal to ask it refuses rather than wait.

use super::session::{commit_and_report, me, open_or_exit, refused, REFUSED};
use super::Cli;
use crate::export::refi::merge::Merged;
use crate::export::refi::reader::{read_codebook, RefiCodebook};
use crate::ops::refi_codebook::import;
use crate::ops::Ctx;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

pub fn run(cli: &Cli, file: &Path, yes: bool) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let imported = match read_codebook(file) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("casebook: nothing was imported");
            return REFUSED;
        }
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    let (change, merged) = match import(&ctx, &mut opened.data, &imported) {
        Ok(done) => done,
        Err(e) => {
            refused(&opened, &e);
            eprintln!("casebook: nothing was imported");
            return REFUSED;
        }
    };
    preview(file, &imported, &merged);
    if change.writes.is_empty() {
        return commit_and_report(&mut opened, &change);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            eprintln!("casebook: nothing was imported: there is no terminal to confirm on; run again with --yes");
            return REFUSED;
        }
        if !confirm(&format!(
            "Add these {} codes to the codebook? [y/N] ",
            merged.added.len()
        )) {
            eprintln!("casebook: nothing was imported");
            return REFUSED;
        }
    }
    commit_and_report(&mut opened, &change)
}

/// What the import will do, before it does it.
fn preview(file: &Path, imported: &RefiCodebook, merged: &Merged) {
    let from = imported
        .origin
        .as_deref()
        .map(|o| format!(" (written by {o})"))
        .unwrap_or_default();
    println!("{}{from}:", file.display());
    for added in &merged.added {
        let folder = if added.folder { "  [a folder there]" } else { "" };
        println!("  + {}  ({}){folder}", added.path.join(" › "), added.id);
    }
    println!(
        "{} new codes; {} already in the codebook (kept as they are)",
        merged.added.len(),
        merged.kept
    );
    if imported.sets > 0 {
        println!(
            "not imported: {} sets (code groups); casebook has no code groups",
            imported.sets
        );
    }
    if !imported.odd_colours.is_empty() {
        println!("colours not understood, left out: {}", imported.odd_colours.join(", "));
    }
}

fn confirm(question: &str) -> bool {
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
}
