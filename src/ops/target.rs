//! Setting a selection target: at least so many selected cases with a
//! stratum value (a region, a size band…). Targets live in `study.ron`, so
//! setting one is the lead's.

use super::{files, Change, Ctx, OpError};
use crate::analysis::coverage::values;
use crate::domain::{Stratum, StudyData, Target};

/// Sets (or with 0, removes) the target for `value` of `stratum`.
pub fn set_target(
    ctx: &Ctx,
    data: &mut StudyData,
    stratum: Stratum,
    value: &str,
    min_selected: u32,
) -> Result<Change, OpError> {
    let me = ctx.author("a selection target")?;
    if !values(data, stratum).iter().any(|v| v == value) {
        return Err(OpError::refused(format!(
            "{} has no value `{value}` in this study",
            stratum.key().replace('_', " ")
        )));
    }
    let mut study = data.study.clone();
    study.targets.retain(|t| !(t.stratum == stratum && t.value == value));
    if min_selected > 0 {
        study.targets.push(Target {
            stratum,
            value: value.to_string(),
            min_selected,
        });
    }
    // Checked (the lead's file) before anything changes in memory.
    let write = files::study(ctx, &study)?;
    data.study = study;
    let what = stratum.key().replace('_', " ");
    let summary = if min_selected == 0 {
        format!("target for {what} {value} removed by {me}")
    } else {
        format!("target for {what} {value}: at least {min_selected} selected (set by {me})")
    };
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(summary))
}
