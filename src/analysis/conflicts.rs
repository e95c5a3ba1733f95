//! Conflicts between the two reviews of a case: categories that differ, or
//! ordinal answers at least the criterion's threshold apart. Free text never
//! conflicts. Only submitted reviews the viewer may see are compared (see
//! `domain::blind`), and a conflict is resolved while every researcher who
//! resolved it agrees on the value.

use crate::domain::blind::visible_submitted;
use crate::domain::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub criterion: CriterionId,
    pub first: (ResearcherId, Answer),
    pub second: (ResearcherId, Answer),
}

/// Where a conflict stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ResolutionState {
    Open,
    /// Every resolution of the criterion gives this value.
    Agreed(Answer),
    /// Two researchers resolved it differently: open again.
    Disputed(Vec<(ResearcherId, Answer)>),
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

/// How the researchers' resolutions of `criterion` on `case` stand.
pub fn resolution_state(case: &CaseData, criterion: &CriterionId) -> ResolutionState {
    let values: Vec<(ResearcherId, Answer)> = case
        .resolutions
        .iter()
        .filter_map(|(by, r)| Some((by.clone(), r.resolved.get(criterion)?.value.clone())))
        .collect();
    match values.first() {
        None => ResolutionState::Open,
        Some((_, first)) if values.iter().all(|(_, v)| v == first) => ResolutionState::Agreed(first.clone()),
        Some(_) => ResolutionState::Disputed(values),
    }
}

/// A case's conflicts as `viewer` may see them, with whether each is resolved.
pub fn case_conflicts(study: &Study, case: &CaseData, viewer: Option<&ResearcherId>) -> Vec<(Conflict, bool)> {
    let reviews: Vec<&Review> = visible_submitted(viewer, case).collect();
    let [a, b] = reviews.as_slice() else { return Vec::new() };
    conflicts_between(study, a, b)
        .into_iter()
        .map(|c| {
            let resolved = matches!(resolution_state(case, &c.criterion), ResolutionState::Agreed(_));
            (c, resolved)
        })
        .collect()
}
