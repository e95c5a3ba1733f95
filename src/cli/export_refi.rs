//! `casebook export refi --out DIR`: the codebook (`codebook.qdc`) and the
//! coded study (`study.qdpx`) in the REFI-QDA exchange standard. Like a
//! report, it is withheld over a study with load problems (exit 3) unless
//! `--allow-problems`: it would carry only part of the study.

use super::session::{open_for_report, REFUSED};
use super::Cli;
use crate::export::refi::export;
use std::path::Path;

pub fn run(cli: &Cli, out: &Path) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // The private store's details are what the export must never carry.
    let exported = match export(&opened.data, out, &opened.contacts) {
        Ok(exported) => exported,
        Err(e) => {
            eprintln!("casebook: {e}");
            return REFUSED;
        }
    };
    let tally = &exported.tally;
    match &exported.codebook {
        Some(path) => println!("{}: {} codes", path.display(), exported.codes),
        None => println!("no codebook.qdc: the codebook has no codes (a REFI-QDA codebook needs one)"),
    }
    println!(
        "{}: {} cases, {} interviews as sources, {} coded passages with {} codings, {} memos",
        exported.project.display(),
        tally.cases,
        tally.sources,
        tally.selections,
        tally.codings,
        tally.memos
    );
    if tally.left.stale > 0 {
        eprintln!(
            "casebook: warning: {} coded passages left out: their notes no longer read as coded (`casebook check` lists them)",
            tally.left.stale
        );
    }
    if tally.left.unknown_codes > 0 {
        eprintln!(
            "casebook: warning: {} codings left out: their code is not in guides/codebook.ron",
            tally.left.unknown_codes
        );
    }
    0
}
