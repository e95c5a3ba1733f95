//! `casebook resolve CASE CRITERION VALUE --note "…"`: the agreed value of a
//! conflict between the two reviews of a case, written to my own
//! `resolution.<me>.ron`.

use super::session::{commit_and_report, me, open_or_exit, refused, USAGE};
use super::Cli;
use crate::domain::{CaseId, CriterionId};
use crate::ops::{resolve::resolve, Ctx, OpError};

pub fn run(cli: &Cli, case: &str, criterion: &str, value: &str, note: &str) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let (case, criterion) = (CaseId::new(case), CriterionId::new(criterion));
    let Some(spec) = opened.data.study.criterion(&criterion).cloned() else {
        return refused(
            &opened,
            &OpError::refused(format!("the study has no criterion `{criterion}`")),
        );
    };
    let value = match spec.parse_answer(value.trim()) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("casebook: {e}");
            return USAGE;
        }
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    match resolve(&ctx, &mut opened.data, &case, &criterion, value, note) {
        Ok(change) => commit_and_report(&mut opened, &change),
        Err(e) => refused(&opened, &e),
    }
}
