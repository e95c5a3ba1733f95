//! Suggestions for the selection: the next case that adds the most
//! variation (greedy maximum variation, rarest values first), and for each
//! selected case the reserve that would keep coverage if it dropped out.

use super::strata::values_of;
use super::variation::{frequencies, next_pick, Candidate, StratumValue};
use crate::domain::*;
use serde::Serialize;
use std::collections::BTreeSet;

/// The strata variation is sought on.
pub const STRATA: [Stratum; 5] = [
    Stratum::SizeBand,
    Stratum::Region,
    Stratum::FocusArea,
    Stratum::Kind,
    Stratum::Pilot,
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextCase {
    pub case: CaseId,
    pub adds: Vec<String>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReserveFor {
    pub selected: CaseId,
    /// Values only this selected case covers.
    pub at_risk: Vec<String>,
    pub reserve: Option<CaseId>,
    /// Of those values, what the reserve keeps.
    pub keeps: Vec<String>,
    pub explanation: String,
}

fn describe(data: &StudyData, value: &StratumValue) -> String {
    match value.0 {
        Stratum::FocusArea => format!("focus area \"{}\"", data.focus_area_name(&value.1)),
        Stratum::SizeBand => format!("size band {}", value.1),
        Stratum::Kind => format!("kind {}", value.1),
        Stratum::Pilot if value.1 == "yes" => "a pilot project".to_string(),
        Stratum::Pilot => "a non-pilot project".to_string(),
        _ => value.1.clone(),
    }
}

fn candidate(data: &StudyData, case: &Case) -> Candidate {
    Candidate {
        id: case.id.clone(),
        values: values_of(data, case, &STRATA),
    }
}

fn projects(data: &StudyData) -> impl Iterator<Item = &Case> {
    data.cases
        .values()
        .map(|c| &c.case)
        .filter(|c| c.origin == Origin::Project && c.is_funded())
}

fn label(data: &StudyData, id: &CaseId) -> String {
    data.cases
        .get(id)
        .map(|c| format!("{id} ({})", c.case.municipality))
        .unwrap_or_else(|| id.to_string())
}

/// The shortlisted case (else a pool case) whose selection adds most.
pub fn next_case(data: &StudyData) -> Option<NextCase> {
    let frame: Vec<Candidate> = projects(data).map(|c| candidate(data, c)).collect();
    let frequency = frequencies(&frame);
    let covered: BTreeSet<StratumValue> = projects(data)
        .filter(|c| c.stage == Stage::Selected)
        .flat_map(|c| values_of(data, c, &STRATA))
        .collect();
    let at = |stage: Stage| -> Vec<Candidate> {
        projects(data)
            .filter(|c| c.stage == stage)
            .map(|c| candidate(data, c))
            .collect()
    };
    // Shortlisted cases first; the pool when no shortlisted case adds anything.
    let shortlisted = at(Stage::Shortlisted);
    let from_shortlist = next_pick(&covered, &shortlisted, &frequency);
    let (pool, from, pick) = match from_shortlist {
        Some(pick) if !pick.adds.is_empty() => (shortlisted, "shortlist", pick),
        fallback => {
            let pool = at(Stage::Pool);
            match next_pick(&covered, &pool, &frequency) {
                Some(pick) if !pick.adds.is_empty() || fallback.is_none() => (pool, "pool", pick),
                _ => (shortlisted, "shortlist", fallback?),
            }
        }
    };
    let case = pool[pick.index].id.clone();
    let mut adds = pick.adds.clone();
    adds.sort_by_key(|v| frequency.get(v).copied().unwrap_or(0));
    let words: Vec<String> = adds.iter().map(|v| describe(data, v)).collect();
    let explanation = if words.is_empty() {
        format!(
            "select {} from the {from}: every value it has is covered already",
            label(data, &case)
        )
    } else {
        format!(
            "select {} from the {from}: adds {} (rarest first)",
            label(data, &case),
            words.join(", ")
        )
    };
    Some(NextCase {
        case,
        adds: words,
        explanation,
    })
}

/// For each selected case, the reserve keeping most of what only it covers.
pub fn reserves_for_selected(data: &StudyData) -> Vec<ReserveFor> {
    let selected: Vec<Candidate> = projects(data)
        .filter(|c| c.stage == Stage::Selected)
        .map(|c| candidate(data, c))
        .collect();
    let reserves: Vec<Candidate> = projects(data)
        .filter(|c| c.stage == Stage::Reserve)
        .map(|c| candidate(data, c))
        .collect();
    let frame: Vec<Candidate> = projects(data).map(|c| candidate(data, c)).collect();
    let frequency = frequencies(&frame);
    selected
        .iter()
        .map(|case| {
            let others: BTreeSet<&StratumValue> = selected
                .iter()
                .filter(|c| c.id != case.id)
                .flat_map(|c| c.values.iter())
                .collect();
            let at_risk: Vec<StratumValue> = case.values.iter().filter(|v| !others.contains(v)).cloned().collect();
            let covered: BTreeSet<StratumValue> = others.into_iter().cloned().collect();
            // Among reserves, only what is at risk counts.
            let scoped: Vec<Candidate> = reserves
                .iter()
                .map(|r| Candidate {
                    id: r.id.clone(),
                    values: r.values.iter().filter(|v| at_risk.contains(v)).cloned().collect(),
                })
                .collect();
            let pick = if at_risk.is_empty() {
                None
            } else {
                next_pick(&covered, &scoped, &frequency).filter(|p| !p.adds.is_empty())
            };
            let at_risk_words: Vec<String> = at_risk.iter().map(|v| describe(data, v)).collect();
            let (reserve, keeps) = match &pick {
                Some(p) => (
                    Some(scoped[p.index].id.clone()),
                    p.adds.iter().map(|v| describe(data, v)).collect::<Vec<_>>(),
                ),
                None => (None, Vec::new()),
            };
            let lost: Vec<&String> = at_risk_words.iter().filter(|w| !keeps.contains(w)).collect();
            let explanation = match (&reserve, at_risk.is_empty()) {
                (_, true) => format!(
                    "if {} drops out, nothing is lost: other selected cases cover all it covers",
                    label(data, &case.id)
                ),
                (None, false) => format!(
                    "if {} drops out, no reserve keeps {}",
                    label(data, &case.id),
                    at_risk_words.join(", ")
                ),
                (Some(r), false) => {
                    let tail = if lost.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; still lost: {}",
                            lost.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                        )
                    };
                    format!(
                        "if {} drops out, reserve {} keeps {}{tail}",
                        label(data, &case.id),
                        label(data, r),
                        keeps.join(", ")
                    )
                }
            };
            ReserveFor {
                selected: case.id.clone(),
                at_risk: at_risk_words,
                reserve,
                keeps,
                explanation,
            }
        })
        .collect()
}
