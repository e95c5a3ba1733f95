//! Moving a case between stages, with a reason that goes into its log.

use super::privacy::refuse_details;
use super::{files, Change, Ctx, OpError};
use crate::domain::{CaseId, Stage, StudyData};

pub fn move_stage(ctx: &Ctx, data: &mut StudyData, case: &CaseId, to: Stage, reason: &str) -> Result<Change, OpError> {
    let me = ctx.author("a stage change")?;
    files::check_case(ctx, case)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(OpError::refused("a stage change needs a reason"));
    }
    refuse_details(ctx, &data.study, &[("the reason", reason)])?;
    let current = &data
        .cases
        .get(case)
        .ok_or_else(|| OpError::refused(format!("no case `{case}` in this study")))?
        .case;
    if current.stage == to {
        return Err(OpError::refused(format!("{case} is {} already", to.label())));
    }
    let from = current.stage;
    let mut moved = current.clone();
    moved.move_to(to, me.clone(), ctx.now, reason.to_string());
    let write = files::case(ctx, &moved)?;
    if let Some(data) = data.cases.get_mut(case) {
        data.case = moved;
    }
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("{case}: {} → {} by {me}", from.label(), to.label())))
}
