//! Assigning reviewers: two for every case in the review pool that lacks
//! them, balanced over the team; a researcher who leaves hands their
//! unstarted reviews to the others.

use super::{files, Change, Ctx, OpError};
use crate::analysis::assignment::{assign as balance_over, without, Balance, Slot};
use crate::domain::{CaseId, Origin, ResearcherId, StudyData};

/// What an assignment did, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub assigned: usize,
    pub freed: usize,
    pub unassignable: Vec<CaseId>,
    pub balance: Balance,
}

pub fn assign(
    ctx: &Ctx,
    data: &mut StudyData,
    seed: u64,
    leaving: Option<&ResearcherId>,
) -> Result<(Change, Assigned), OpError> {
    let mut team: Vec<ResearcherId> = data.study.team.iter().map(|r| r.id.clone()).collect();
    let in_pool = |c: &&crate::domain::CaseData| c.case.origin == Origin::Project && c.case.is_funded();
    let mut slots: Vec<Slot> = data
        .cases
        .values()
        .filter(in_pool)
        .map(|c| Slot {
            case: c.case.id.clone(),
            reviewers: c.case.reviewers.clone(),
            excluded: c.case.excluded_reviewers.clone(),
        })
        .collect();
    let mut freed = Vec::new();
    if let Some(leaving) = leaving {
        if !team.contains(leaving) {
            return Err(OpError::refused(format!("`{leaving}` is not in the study's team")));
        }
        freed = without(&mut slots, leaving, |case, r| data.cases[case].reviews.contains_key(r));
        team.retain(|r| r != leaving);
    }
    if team.len() < 2 {
        return Err(OpError::refused(
            "double review needs at least two researchers in the team",
        ));
    }
    let (changed, unassignable) = balance_over(&team, &slots, seed);
    // Cases freed by a leaver but not reassigned still need their file rewritten.
    let mut to_save: Vec<(CaseId, Vec<ResearcherId>)> = changed.clone();
    for case in &freed {
        if !to_save.iter().any(|(c, _)| c == case) {
            let reviewers = slots
                .iter()
                .find(|s| &s.case == case)
                .map(|s| s.reviewers.clone())
                .unwrap_or_default();
            to_save.push((case.clone(), reviewers));
        }
    }
    let mut updated = Vec::new();
    let mut writes = Vec::new();
    for (case_id, reviewers) in to_save {
        let Some(case) = data.cases.get(&case_id) else { continue };
        let mut case = case.case.clone();
        case.reviewers = reviewers;
        writes.push(files::case(ctx, &case)?);
        updated.push(case);
    }
    for case in updated {
        if let Some(data) = data.cases.get_mut(&case.id) {
            data.case = case;
        }
    }
    let balance = Balance::of(
        &team,
        data.cases
            .values()
            .filter(in_pool)
            .map(|c| c.case.reviewers.iter().filter(|r| team.contains(r)).cloned().collect()),
    );
    let report = Assigned {
        assigned: changed.len(),
        freed: freed.len(),
        unassignable,
        balance,
    };
    let change = Change {
        writes,
        ..Change::default()
    }
    .said(format!(
        "assigned reviewers to {} case(s) (seed {seed})",
        report.assigned
    ));
    Ok((change, report))
}
