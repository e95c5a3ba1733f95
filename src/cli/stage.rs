//! `casebook stage CASE STAGE --reason "…"`: move a case, logging who, when,
//! from, to and why.

use super::session::{commit_and_report, me, open_or_exit, refused, USAGE};
use super::Cli;
use crate::domain::{CaseId, Stage};
use crate::ops::{stage::move_stage, Ctx};

pub fn run(cli: &Cli, case: &str, stage: &str, reason: &str) -> u8 {
    let Some(to) = Stage::from_label(stage) else {
        let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.label()).collect();
        eprintln!("casebook: unknown stage `{stage}`; one of {}", stages.join(", "));
        return USAGE;
    };
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    match move_stage(&ctx, &mut opened.data, &CaseId::new(case), to, reason) {
        Ok(change) => commit_and_report(&mut opened, &change),
        Err(e) => refused(&opened, &e),
    }
}
