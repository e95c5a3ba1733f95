//! `casebook purge-contacts --yes`: delete the private contacts file once
//! the study's deletion date has come (earlier only with `--force`).

use super::open::open_or_exit;
use super::Cli;

pub fn run(cli: &Cli, yes: bool, force: bool) -> u8 {
    let opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let Some(path) = opened.contacts_path.clone() else {
        eprintln!("casebook: no private store on this system");
        return 1;
    };
    if !path.exists() {
        println!("nothing to delete: {} does not exist", path.display());
        return 0;
    }
    let today = chrono::Local::now().date_naive();
    match opened.data.study.deletion_date {
        Some(date) if today < date && !force => {
            eprintln!("casebook: the deletion date is {date}; refusing to delete personal data before it (use --force to delete now)");
            return 1;
        }
        None if !force => {
            eprintln!("casebook: the study sets no deletion date; use --force to delete the contacts anyway");
            return 1;
        }
        _ => {}
    }
    if !yes {
        eprintln!(
            "casebook: this deletes {} ({} contacts) for good; run again with --yes",
            path.display(),
            opened.contacts.contacts.len()
        );
        return 2;
    }
    match std::fs::remove_file(&path) {
        Ok(()) => {
            println!(
                "deleted {} ({} contacts)",
                path.display(),
                opened.contacts.contacts.len()
            );
            0
        }
        Err(e) => {
            eprintln!("casebook: {}: {e}", path.display());
            1
        }
    }
}
