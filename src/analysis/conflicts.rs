//! Conflicts between the two reviews of a case: categories that differ, or
//! ordinal answers at least the criterion's threshold apart. Free text never
//! conflicts. Only submitted reviews are compared.

use crate::domain::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub criterion: CriterionId,
    pub first: (ResearcherId, Answer),
    pub second: (ResearcherId, Answer),
}

/// Whether two answers on `criterion` conflict.
pub fn answers_conflict(criterion: &Criterion, a: &Answer, b: &Answer) -> bool {
    match (&criterion.scale, a, b) {
        (Scale::FreeText, _, _) => false,
        (Scale::Ordinal { .. }, Answer::Point(x), Answer::Point(y)) => x.abs_diff(*y) >= criterion.threshold(),
        _ => a != b,
    }
}

/// The conflicts between two submitted reviews, in the study's criterion order.
pub fn conflicts_between(study: &Study, a: &Review, b: &Review) -> Vec<Conflict> {
    if !a.is_submitted() || !b.is_submitted() {
        return Vec::new();
    }
    study
        .criteria
        .iter()
        .filter_map(|criterion| {
            let x = a.answers.get(&criterion.id)?;
            let y = b.answers.get(&criterion.id)?;
            answers_conflict(criterion, x, y).then(|| Conflict {
                criterion: criterion.id.clone(),
                first: (a.reviewer.clone(), x.clone()),
                second: (b.reviewer.clone(), y.clone()),
            })
        })
        .collect()
}

/// A case's conflicts, with whether each has been resolved.
pub fn case_conflicts(study: &Study, case: &CaseData) -> Vec<(Conflict, bool)> {
    let reviews: Vec<&Review> = case.reviews.values().filter(|r| r.is_submitted()).collect();
    let [a, b] = reviews.as_slice() else { return Vec::new() };
    conflicts_between(study, a, b)
        .into_iter()
        .map(|c| {
            let resolved = case
                .resolution
                .as_ref()
                .is_some_and(|r| r.resolved.contains_key(&c.criterion));
            (c, resolved)
        })
        .collect()
}

/// Records the agreed value of an open conflict in the case's resolution;
/// gives the resolution to save.
pub fn resolve(
    data: &mut StudyData,
    case: &CaseId,
    criterion: &CriterionId,
    value: Answer,
    by: ResearcherId,
    at: chrono::DateTime<chrono::FixedOffset>,
    note: String,
) -> Result<Resolution, String> {
    let case_data = data.cases.get(case).ok_or_else(|| format!("no case `{case}`"))?;
    let open = case_conflicts(&data.study, case_data)
        .iter()
        .any(|(c, resolved)| &c.criterion == criterion && !resolved);
    if !open {
        return Err(format!("{case} has no open conflict on `{criterion}`"));
    }
    let case_data = data.cases.get_mut(case).ok_or_else(|| format!("no case `{case}`"))?;
    let resolution = case_data.resolution.get_or_insert_with(|| Resolution {
        case: case.clone(),
        resolved: Default::default(),
    });
    resolution
        .resolved
        .insert(criterion.clone(), Resolved { value, by, at, note });
    Ok(resolution.clone())
}
