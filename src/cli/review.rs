//! `casebook review CASE CRITERION=VALUE … [--submit]`: my blind review of a
//! case from the command line, the same operation the Review screen uses.

use super::session::{commit_and_report, me, open_or_exit, refused, USAGE};
use super::Cli;
use crate::domain::{CaseId, CriterionId};
use crate::ops::{review, Change, Ctx, OpError};

pub fn run(cli: &Cli, case: &str, answers: &[String], submit: bool) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let case = CaseId::new(case);
    let mut parsed = Vec::new();
    for item in answers {
        let Some((criterion, text)) = item.split_once('=') else {
            eprintln!("casebook: `{item}` is not CRITERION=VALUE");
            return USAGE;
        };
        let criterion = CriterionId::new(criterion.trim());
        let Some(spec) = opened.data.study.criterion(&criterion) else {
            let e = OpError::refused(format!("the study has no criterion `{criterion}`"));
            return refused(&opened, &e);
        };
        let answer = match text.trim() {
            "" => None,
            text => match spec.parse_answer(text) {
                Ok(answer) => Some(answer),
                Err(e) => {
                    eprintln!("casebook: {criterion}: {e}");
                    return USAGE;
                }
            },
        };
        parsed.push((criterion, answer));
    }
    if parsed.is_empty() && !submit {
        eprintln!("casebook: nothing to do: give CRITERION=VALUE answers, --submit, or both");
        return USAGE;
    }
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    let mut change = Change::default();
    for (criterion, answer) in parsed {
        match review::answer(&ctx, &mut opened.data, &case, &criterion, answer) {
            Ok(next) => change = merge(change, next),
            Err(e) => return refused(&opened, &e),
        }
    }
    if submit {
        match review::submit(&ctx, &mut opened.data, &case) {
            Ok(next) => change = merge(change, next),
            Err(e) => return refused(&opened, &e),
        }
    }
    commit_and_report(&mut opened, &change)
}

/// Later writes of the same file replace earlier ones: one write per file.
fn merge(mut change: Change, next: Change) -> Change {
    change.writes.retain(|w| !next.writes.iter().any(|n| n.path == w.path));
    change.and(next)
}
