//! `casebook import pool FILE.csv`: cases from an export of applications.
//! All or nothing: any bad row means no file is written.

use super::session::{commit_and_report, me, open_or_exit, refused, REFUSED};
use super::Cli;
use crate::ops::import::{pool, ImportError};
use crate::ops::Ctx;
use std::path::Path;

pub fn run_pool(cli: &Cli, file: &Path) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    match pool(&ctx, &mut opened.data, file) {
        Ok((change, _)) => commit_and_report(&mut opened, &change),
        Err(ImportError::Rows(problems)) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("casebook: {} problem(s); nothing was imported", problems.len());
            REFUSED
        }
        Err(ImportError::Refused(e)) => {
            refused(&opened, &e);
            eprintln!("casebook: nothing was imported");
            REFUSED
        }
    }
}
