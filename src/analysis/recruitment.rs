//! The recruitment ledger in numbers: informants by status and by wave, the
//! municipalities reached, the directorate's interviews, the snowball tree,
//! and what a snowball municipality adds to the sample.

use super::strata::value_of;
use super::waves::{tree, waves, TreeNode};
use crate::domain::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recruitment {
    pub informants: usize,
    /// Case informants (not the directorate's staff) interviewed.
    pub interviewed: usize,
    /// Distinct municipalities with at least one interviewed informant.
    pub municipalities: usize,
    /// Interviews held with the directorate's staff.
    pub administration: usize,
    pub by_status: BTreeMap<String, usize>,
    pub by_wave: BTreeMap<String, usize>,
    pub tree: Vec<TreeNode>,
}

pub fn recruitment(data: &StudyData) -> Recruitment {
    let interviewed: Vec<&Informant> = data
        .informants()
        .filter(|i| i.kind == InformantKind::Case && i.status() == RecruitmentStatus::Interviewed)
        .collect();
    let municipalities: BTreeSet<&str> = interviewed
        .iter()
        .filter_map(|i| data.cases.get(&i.case))
        .filter(|c| c.case.origin != Origin::Administration)
        .map(|c| c.case.municipality.as_str())
        .collect();
    let mut by_status = BTreeMap::new();
    for informant in data.informants() {
        *by_status.entry(informant.status().label().to_string()).or_insert(0) += 1;
    }
    let mut by_wave = BTreeMap::new();
    for wave in waves(data).wave.values() {
        *by_wave.entry(wave.to_string()).or_insert(0) += 1;
    }
    Recruitment {
        informants: data.informants().count(),
        interviewed: interviewed.len(),
        municipalities: municipalities.len(),
        administration: data
            .cases
            .values()
            .filter(|c| c.case.origin == Origin::Administration)
            .map(|c| c.interviews.values().filter(|i| i.interview.is_held()).count())
            .sum(),
        by_status,
        by_wave,
        tree: tree(data),
    }
}

/// What comes next for an informant, or `None` at the end of the road.
pub fn next_step(status: RecruitmentStatus) -> Option<&'static str> {
    match status {
        RecruitmentStatus::Identified => Some("make contact"),
        RecruitmentStatus::Contacted => Some("get an answer"),
        RecruitmentStatus::Agreed => Some("schedule the interview"),
        RecruitmentStatus::Scheduled => Some("hold the interview"),
        RecruitmentStatus::Interviewed | RecruitmentStatus::Declined | RecruitmentStatus::NoAnswer => None,
    }
}

/// The status that usually follows.
pub fn next_status(status: RecruitmentStatus) -> Option<RecruitmentStatus> {
    match status {
        RecruitmentStatus::Identified => Some(RecruitmentStatus::Contacted),
        RecruitmentStatus::Contacted => Some(RecruitmentStatus::Agreed),
        RecruitmentStatus::Agreed => Some(RecruitmentStatus::Scheduled),
        RecruitmentStatus::Scheduled => Some(RecruitmentStatus::Interviewed),
        _ => None,
    }
}

/// A dead end: the informant will not be interviewed.
pub fn is_dead_end(status: RecruitmentStatus) -> bool {
    matches!(status, RecruitmentStatus::Declined | RecruitmentStatus::NoAnswer)
}

/// The regions and size bands a case brings that no selected or snowball
/// case (other than itself) has yet.
pub fn strata_added(data: &StudyData, case: &Case) -> Vec<String> {
    let sample: Vec<&Case> = data
        .cases
        .values()
        .map(|c| &c.case)
        .filter(|c| c.id != case.id && matches!(c.stage, Stage::Selected | Stage::Snowball))
        .collect();
    let mut added = Vec::new();
    for (stratum, name) in [(Stratum::Region, "region"), (Stratum::SizeBand, "size band")] {
        if let Some(value) = value_of(data, case, stratum) {
            if !sample
                .iter()
                .any(|c| value_of(data, c, stratum).as_deref() == Some(value.as_str()))
            {
                added.push(format!("{name} {value}"));
            }
        }
    }
    added
}
