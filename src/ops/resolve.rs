//! Resolving a conflict between the two reviews of a case: the agreed value,
//! in the resolving researcher's own `resolution.<researcher>.ron`. Two
//! researchers who resolve one criterion differently reopen it.

use super::privacy::refuse_details;
use super::{files, Change, Ctx, OpError};
use crate::analysis::conflicts::case_conflicts;
use crate::domain::*;
use std::collections::BTreeMap;

pub fn resolve(
    ctx: &Ctx,
    data: &mut StudyData,
    case: &CaseId,
    criterion: &CriterionId,
    value: Answer,
    note: &str,
) -> Result<Change, OpError> {
    let me = ctx.author("a resolution")?;
    files::may_write(ctx, &ctx.layout.resolution_file(case, &me), files::Writer::Only(&me))?;
    let spec = data
        .study
        .criterion(criterion)
        .ok_or_else(|| OpError::refused(format!("the study has no criterion `{criterion}`")))?;
    if let Answer::Text(text) = &value {
        if spec.scale != Scale::FreeText {
            return Err(OpError::refused(format!("`{text}`: {}", spec.scale_hint())));
        }
    }
    let agreed = match &value {
        Answer::Text(text) => text.as_str(),
        _ => "",
    };
    refuse_details(ctx, &data.study, &[("the agreed value", agreed), ("the note", note)])?;
    let case_data = data
        .cases
        .get(case)
        .ok_or_else(|| OpError::refused(format!("no case `{case}` in this study")))?;
    let open = case_conflicts(&data.study, case_data, Some(&me))
        .iter()
        .any(|(c, resolved)| &c.criterion == criterion && !resolved);
    if !open {
        return Err(OpError::refused(format!(
            "{case} has no open conflict on `{criterion}`"
        )));
    }
    let mut resolution = case_data.resolutions.get(&me).cloned().unwrap_or_else(|| Resolution {
        case: case.clone(),
        resolved: BTreeMap::new(),
    });
    let label = value.label();
    resolution.resolved.insert(
        criterion.clone(),
        Resolved {
            value,
            by: me.clone(),
            at: ctx.now,
            note: note.trim().to_string(),
        },
    );
    let write = files::resolution(ctx, &me, &resolution)?;
    if let Some(case_data) = data.cases.get_mut(case) {
        case_data.resolutions.insert(me.clone(), resolution);
    }
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("{case}: {criterion} agreed as {label} by {me}")))
}
