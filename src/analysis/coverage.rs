//! Coverage of the strata by the chosen cases: per stratum value, how many
//! funded projects (the frame), candidates, selected and reserve cases there
//! are; a two-way matrix; and the gaps in words.

use super::strata::value_of;
use crate::domain::*;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StratumCount {
    pub key: String,
    /// Funded projects: the sampling frame.
    pub frame: usize,
    /// Candidates: cases shortlisted, selected or in reserve.
    pub shortlisted: usize,
    pub selected: usize,
    pub reserve: usize,
    /// Minimum selected cases wanted, from `study.ron`.
    pub target: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    pub row: String,
    pub column: String,
    pub frame: usize,
    pub selected: usize,
}

/// The projects coverage is about: funded projects, in or out of the selection.
pub fn frame(data: &StudyData) -> impl Iterator<Item = &Case> {
    data.cases
        .values()
        .map(|c| &c.case)
        .filter(|c| c.origin == Origin::Project && c.is_funded())
}

/// The values of a stratum in the study's order (and sorted where it has none).
pub fn values(data: &StudyData, stratum: Stratum) -> Vec<String> {
    match stratum {
        Stratum::SizeBand => data.study.strata.size_bands.iter().map(|b| b.label.clone()).collect(),
        Stratum::Region => data.study.strata.regions.clone(),
        Stratum::FocusArea => data.study.strata.focus_areas.iter().map(|f| f.id.clone()).collect(),
        Stratum::Kind => vec!["new".to_string(), "adaptation".to_string()],
        Stratum::Pilot => vec!["yes".to_string(), "no".to_string()],
        Stratum::Year => {
            let mut years: Vec<String> = frame(data).filter_map(|c| value_of(data, c, Stratum::Year)).collect();
            years.sort();
            years.dedup();
            years
        }
    }
}

pub fn by_stratum(data: &StudyData, stratum: Stratum) -> Vec<StratumCount> {
    // One pass over the frame, each case's value worked out once.
    let mut counts: HashMap<String, [usize; 4]> = HashMap::new();
    for case in frame(data) {
        let Some(value) = value_of(data, case, stratum) else {
            continue;
        };
        let count = counts.entry(value).or_default();
        count[0] += 1;
        count[1] += usize::from(matches!(
            case.stage,
            Stage::Shortlisted | Stage::Selected | Stage::Reserve
        ));
        count[2] += usize::from(case.stage == Stage::Selected);
        count[3] += usize::from(case.stage == Stage::Reserve);
    }
    values(data, stratum)
        .into_iter()
        .map(|key| {
            let [frame, shortlisted, selected, reserve] = counts.get(&key).copied().unwrap_or_default();
            let target = data
                .study
                .targets
                .iter()
                .find(|t| t.stratum == stratum && t.value == key)
                .map(|t| t.min_selected);
            StratumCount {
                frame,
                shortlisted,
                selected,
                reserve,
                target,
                key,
            }
        })
        .collect()
}

/// Frame and selected counts for every pair of values of two strata.
pub fn matrix(data: &StudyData, rows: Stratum, columns: Stratum) -> Vec<MatrixCell> {
    let mut counts: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for case in frame(data) {
        let (Some(row), Some(column)) = (value_of(data, case, rows), value_of(data, case, columns)) else {
            continue;
        };
        let count = counts.entry((row, column)).or_default();
        count.0 += 1;
        count.1 += usize::from(case.stage == Stage::Selected);
    }
    let column_values = values(data, columns);
    let mut cells = Vec::new();
    for row in values(data, rows) {
        for column in &column_values {
            let (frame, selected) = counts.get(&(row.clone(), column.clone())).copied().unwrap_or_default();
            cells.push(MatrixCell {
                frame,
                selected,
                row: row.clone(),
                column: column.clone(),
            });
        }
    }
    cells
}

/// A stratum value the selection does not cover as it should: below its
/// target, or with cases in the frame and none selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub stratum: Stratum,
    /// The value's key, as `strata::values_of` gives it (a focus area's id).
    pub key: String,
    pub text: String,
}

/// Every open gap, regions first.
pub fn open_gaps(data: &StudyData) -> Vec<Gap> {
    let mut gaps = Vec::new();
    for stratum in [
        Stratum::Region,
        Stratum::SizeBand,
        Stratum::FocusArea,
        Stratum::Kind,
        Stratum::Pilot,
    ] {
        for count in by_stratum(data, stratum) {
            let name = match stratum {
                Stratum::FocusArea => data.focus_area_name(&count.key).to_string(),
                _ => count.key.clone(),
            };
            let text = if let Some(target) = count.target.filter(|t| count.selected < *t as usize) {
                format!(
                    "{} {name}: {} selected, target {target}",
                    stratum.key().replace('_', " "),
                    count.selected
                )
            } else if count.frame > 0 && count.selected == 0 {
                match stratum {
                    Stratum::Region => format!("no selected case from {name}"),
                    Stratum::SizeBand => format!("no selected case in size band {name}"),
                    Stratum::FocusArea => format!("no selected case in focus area \"{name}\""),
                    Stratum::Kind => format!("no selected case of kind {name}"),
                    Stratum::Pilot if count.key == "yes" => "no selected pilot project".to_string(),
                    _ => continue,
                }
            } else {
                continue;
            };
            gaps.push(Gap {
                stratum,
                key: count.key.clone(),
                text,
            });
        }
    }
    gaps
}

/// Gaps in words: values present in the frame with no selected case, and
/// targets not met.
pub fn gaps(data: &StudyData) -> Vec<String> {
    open_gaps(data).into_iter().map(|g| g.text).collect()
}
