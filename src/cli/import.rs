//! `casebook import pool FILE.csv`: cases from an export of applications.
//! All or nothing: any bad row means no file is written.

use super::session::{commit_and_report, me, open_or_exit, refused, REFUSED};
use super::Cli;
use crate::ops::import::{pool, ImportError};
use crate::ops::Ctx;
use std::path::Path;

/// Hidden in `cases/` while an import writes (the loader skips hidden names).
const IMPORT_MARK: &str = ".import-in-progress";

pub fn run_pool(cli: &Cli, file: &Path, drop: &[String]) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // A mark that an import is writing, so a run after a crash knows it
    // completes an earlier one (an import run again gives the same study).
    let mark = opened.layout.cases_dir().join(IMPORT_MARK);
    if let Ok(earlier) = std::fs::read_to_string(&mark) {
        println!("completing an interrupted import of {}", earlier.trim());
    }
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    match pool(&ctx, &mut opened.data, file, drop) {
        Ok((change, _)) => {
            if let Err(e) = std::fs::write(&mark, file.display().to_string()) {
                eprintln!("casebook: {}: {e}", mark.display());
                return REFUSED;
            }
            let code = commit_and_report(&mut opened, &change);
            if code == 0 {
                let _ = std::fs::remove_file(&mark);
            }
            code
        }
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
