//! Fieldwork progress for the lead: per shortlisted, selected and reserve
//! case, reviews submitted, conflicts open, informants by status, interviews
//! held and coded; and the totals. Reads whatever files exist.

use super::conflicts::case_conflicts;
use crate::domain::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Progress {
    pub case: CaseId,
    pub municipality: String,
    pub stage: String,
    pub reviews_submitted: usize,
    pub reviews_assigned: usize,
    pub conflicts_open: usize,
    pub informants: BTreeMap<String, usize>,
    pub interviews_held: usize,
    pub interviews_coded: usize,
}

pub fn case_progress(data: &StudyData, case: &CaseData) -> Progress {
    let mut informants = BTreeMap::new();
    for informant in case.informants.values() {
        *informants.entry(informant.status().label().to_string()).or_insert(0) += 1;
    }
    Progress {
        case: case.case.id.clone(),
        municipality: case.case.municipality.clone(),
        stage: case.case.stage.label().to_string(),
        reviews_submitted: case.submitted_reviews(),
        reviews_assigned: case.case.reviewers.len().max(case.reviews.len()),
        conflicts_open: case_conflicts(&data.study, case, None)
            .iter()
            .filter(|(_, resolved)| !resolved)
            .count(),
        informants,
        interviews_held: case.interviews.values().filter(|i| i.interview.is_held()).count(),
        interviews_coded: case.interviews.values().filter(|i| !i.codings.is_empty()).count(),
    }
}

/// The candidates (selected, reserve, shortlisted, in that order) and the totals.
pub fn progress(data: &StudyData) -> (Vec<Progress>, Progress) {
    let order = |stage: Stage| match stage {
        Stage::Selected => 0,
        Stage::Reserve => 1,
        _ => 2,
    };
    let mut cases: Vec<&CaseData> = data
        .cases
        .values()
        .filter(|c| c.case.origin == Origin::Project)
        .filter(|c| matches!(c.case.stage, Stage::Shortlisted | Stage::Selected | Stage::Reserve))
        .collect();
    cases.sort_by_key(|c| (order(c.case.stage), c.case.id.clone()));
    let rows: Vec<Progress> = cases.into_iter().map(|c| case_progress(data, c)).collect();
    let mut total = Progress {
        case: CaseId::new("total"),
        ..Progress::default()
    };
    for row in &rows {
        total.reviews_submitted += row.reviews_submitted;
        total.reviews_assigned += row.reviews_assigned;
        total.conflicts_open += row.conflicts_open;
        total.interviews_held += row.interviews_held;
        total.interviews_coded += row.interviews_coded;
        for (status, n) in &row.informants {
            *total.informants.entry(status.clone()).or_insert(0) += n;
        }
    }
    (rows, total)
}
