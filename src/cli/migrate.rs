//! `casebook migrate`: move a study written by an older casebook to the
//! current layout (the lead's to run, once; see `ops::migrate`).

use super::session::{commit_and_report, me, open_or_exit, refused};
use super::Cli;
use crate::ops::{migrate::migrate, Ctx};
use crate::store::private_location::settle_store;

pub fn run(cli: &Cli) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    match migrate(&ctx, &mut opened.data, &opened.problems) {
        Ok(change) => {
            let code = commit_and_report(&mut opened, &change);
            // The lead's own store moves to the new id at once.
            if code == 0 {
                for note in settle_store(&opened.layout, &opened.data.study) {
                    println!("{note}");
                }
            }
            code
        }
        Err(e) => refused(&opened, &e),
    }
}
