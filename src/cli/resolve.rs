//! `casebook resolve CASE CRITERION VALUE --note "…"`: the agreed value of a
//! conflict between the two reviews of a case, written to `resolution.ron`.

use super::import::open_for_writing;
use super::open::author;
use super::Cli;
use crate::analysis::conflicts::resolve;
use crate::domain::{CaseId, CriterionId};
use crate::store::save_value;

pub fn run(cli: &Cli, case: &str, criterion: &str, value: &str, note: &str) -> u8 {
    let mut opened = match open_for_writing(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = match author(&opened, "a resolution") {
        Ok(me) => me,
        Err(code) => return code,
    };
    let (case, criterion) = (CaseId::new(case), CriterionId::new(criterion));
    let Some(spec) = opened.data.study.criterion(&criterion).cloned() else {
        eprintln!("casebook: the study has no criterion `{criterion}`");
        return 1;
    };
    let value = match spec.parse_answer(value.trim()) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("casebook: {e}; {}", spec.scale_hint());
            return 2;
        }
    };
    let now = chrono::Local::now().fixed_offset();
    match resolve(
        &mut opened.data,
        &case,
        &criterion,
        value.clone(),
        me.clone(),
        now,
        note.to_string(),
    ) {
        Ok(resolution) => {
            let path = opened.layout.resolution_file(&case);
            if let Err(e) = save_value(&mut opened.stamps, &path, &resolution) {
                eprintln!("casebook: {e}");
                return 1;
            }
            println!("{case}: {criterion} agreed as {} by {me}", value.label());
            0
        }
        Err(e) => {
            eprintln!("casebook: {e}");
            1
        }
    }
}
