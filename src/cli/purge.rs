//! `casebook purge-contacts --yes`: delete the private contacts file once
//! the study's deletion date has come (earlier only with `--force`).

use super::session::{open_or_exit, refused, USAGE};
use super::Cli;
use crate::ops::purge::{carry_out, plan, Purge};

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
    match carry_out(&purge) {
        Ok(line) => {
            println!("{line}");
            0
        }
        Err(e) => refused(&opened, &e),
    }
}
