//! What every subcommand does around the core: open the study or say why
//! not, commit a change or say why it was refused, and withhold a report's
//! figures when the study has load problems. Exit codes are chosen here
//! (PRODUCT.md): 0 done, 1 error or refused change, 2 usage, 3 a report
//! over a study with load problems.

use super::Cli;
use crate::domain::ResearcherId;
use crate::ops::open::{open, Opened};
use crate::ops::{commit, Change, OpError};
use serde_json::Value;

pub const REFUSED: u8 = 1;
pub const USAGE: u8 = 2;
pub const PARTIAL_DATA: u8 = 3;

/// Opens the study a command works on; when it cannot, says why.
pub fn open_or_exit(cli: &Cli) -> Result<Opened, u8> {
    let opened = open(cli.study.as_deref(), cli.as_user.as_deref()).map_err(|e| {
        eprintln!("casebook: {e}");
        REFUSED
    })?;
    // Usually said before the command started (`start_warnings`); what is
    // left is for the commands that skip those.
    for note in &opened.store_notes {
        eprintln!("casebook: warning: {note}");
    }
    Ok(opened)
}

/// Opens the study for a report: with load problems the figures would be
/// computed over part of the study, so they are withheld (exit 3) unless
/// `--allow-problems` asks for them knowingly.
pub fn open_for_report(cli: &Cli) -> Result<Opened, u8> {
    let opened = open_or_exit(cli)?;
    if !opened.problems.is_empty() {
        for problem in &opened.problems {
            eprintln!("{problem}");
        }
        if !cli.allow_problems {
            eprintln!(
                "casebook: the study has {} problem(s), so these figures would count only part of it; fix them (`casebook check`) or pass --allow-problems",
                opened.problems.len()
            );
            return Err(PARTIAL_DATA);
        }
        eprintln!(
            "casebook: warning: {} problem(s); figures computed over what loaded (--allow-problems)",
            opened.problems.len()
        );
    }
    Ok(opened)
}

/// Prints a report's JSON; with `--allow-problems` it carries the problems.
pub fn print_json(opened: &Opened, mut value: Value) {
    if !opened.problems.is_empty() {
        if let Value::Object(map) = &mut value {
            map.insert(
                "problems".to_string(),
                serde_json::to_value(&opened.problems).unwrap_or_default(),
            );
        }
    }
    println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
}

/// Who is at the keyboard, if known.
pub fn me(opened: &Opened) -> Option<ResearcherId> {
    opened.identity.as_ref().map(|i| i.id.clone())
}

/// Says why a change was refused (and, when nobody is known to be at the
/// keyboard, why not).
pub fn refused(opened: &Opened, error: &OpError) -> u8 {
    eprintln!("casebook: {error}");
    if let (OpError::NoAuthor { .. }, Some(why)) = (error, &opened.identity_error) {
        eprintln!("casebook: {why}");
    }
    REFUSED
}

/// Writes a change and prints what it did, or says why it could not.
pub fn commit_and_report(opened: &mut Opened, change: &Change) -> u8 {
    match commit(&mut opened.stamps, change) {
        Ok(_) => {
            for line in &change.summary {
                println!("{line}");
            }
            0
        }
        Err(e) => {
            eprintln!("casebook: {e}");
            REFUSED
        }
    }
}
