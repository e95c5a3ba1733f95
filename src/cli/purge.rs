//! `casebook purge-contacts --yes`: delete the private contacts file once
//! the study's deletion date has come (earlier only with `--force`).

use super::session::{open_or_exit, refused, USAGE};
use super::Cli;
use crate::ops::purge::{carry_out, plan, Purge};
use crate::store::recovery::{purge_study, recovery_base};

pub fn run(cli: &Cli, yes: bool, force: bool) -> u8 {
    let opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // Where the contacts are looked for, and why there: a study that moved
    // without an id in study.ron is looked for under its new path.
    if let Some(place) = &opened.contacts_place {
        println!("looked in {}", place.describe());
    }
    let today = chrono::Local::now().date_naive();
    let count = opened.contacts.contacts.len();
    let purge = match plan(&opened.data, opened.contacts_path.as_deref(), count, today, force) {
        Ok(purge) => purge,
        Err(e) => return refused(&opened, &e),
    };
    if let Purge::Delete { path, contacts } = &purge {
        if !yes {
            eprintln!(
                "casebook: this deletes {} ({contacts} contacts) for good; run again with --yes",
                path.display()
            );
            return USAGE;
        }
    }
    let due = force || opened.data.study.deletion_date.is_some_and(|date| today >= date);
    match carry_out(&purge) {
        Ok(line) => {
            println!("{line}");
            // Typed text the TUI kept for this study goes on the same day.
            if due {
                if let Some(base) = recovery_base() {
                    match purge_study(&base, &opened.layout.root) {
                        Ok(0) => {}
                        Ok(n) => println!("deleted {n} unsaved text(s) of this study from {}", base.display()),
                        Err(e) => {
                            eprintln!(
                                "casebook: {}: {e}; delete this study's files there by hand",
                                base.display()
                            );
                            return 1;
                        }
                    }
                }
            }
            0
        }
        Err(e) => refused(&opened, &e),
    }
}
