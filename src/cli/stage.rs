//! `casebook stage CASE STAGE --reason "…"`: move a case, logging who, when,
//! from, to and why.

use super::import::open_for_writing;
use super::open::author;
use super::Cli;
use crate::domain::{CaseId, Stage};
use crate::store::save_value;

pub fn run(cli: &Cli, case: &str, stage: &str, reason: &str) -> u8 {
    let mut opened = match open_for_writing(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = match author(&opened, "a stage change") {
        Ok(me) => me,
        Err(code) => return code,
    };
    let Some(to) = Stage::from_label(stage) else {
        let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.label()).collect();
        eprintln!("casebook: unknown stage `{stage}`; one of {}", stages.join(", "));
        return 2;
    };
    if reason.trim().is_empty() {
        eprintln!("casebook: a stage change needs a reason (--reason \"…\")");
        return 2;
    }
    let id = CaseId::new(case);
    let Some(data) = opened.data.cases.get_mut(&id) else {
        eprintln!("casebook: no case `{case}` in this study");
        return 1;
    };
    if data.case.stage == to {
        eprintln!("casebook: {case} is {} already", to.label());
        return 1;
    }
    let from = data.case.stage;
    data.case.move_to(
        to,
        me.clone(),
        chrono::Local::now().fixed_offset(),
        reason.trim().to_string(),
    );
    let path = opened.layout.case_file(&id);
    if let Err(e) = save_value(&mut opened.stamps, &path, &data.case) {
        eprintln!("casebook: {e}");
        return 1;
    }
    println!("{case}: {} → {} by {me}", from.label(), to.label());
    0
}
