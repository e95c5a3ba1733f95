//! Suggestions for the selection: the next case that adds the most
//! variation (greedy maximum variation, rarest values first), and for each
//! selected case the reserve that would keep coverage if it dropped out.

use super::coverage::{open_gaps, Gap};
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
    /// The open gaps it closes, in words.
    pub closes: Vec<String>,
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

/// The case to select next: the shortlisted or pool case that closes the
/// most open gaps (targets included, see `coverage::open_gaps`); among
/// those, a shortlisted one before a pool one, then the one adding most
/// variation (rarest values first). With no gap to close, the shortlisted
/// case (else pool case) that adds most.
pub fn next_case(data: &StudyData) -> Option<NextCase> {
    let frame: Vec<Candidate> = projects(data).map(|c| candidate(data, c)).collect();
    let frequency = frequencies(&frame);
    let covered: BTreeSet<StratumValue> = projects(data)
        .filter(|c| c.stage == Stage::Selected)
        .flat_map(|c| values_of(data, c, &STRATA))
        .collect();
    let gaps = open_gaps(data);
    let at = |stage: Stage| -> Vec<Candidate> {
        projects(data)
            .filter(|c| c.stage == stage)
            .map(|c| candidate(data, c))
            .collect()
    };
    let closes = |c: &Candidate| -> Vec<&Gap> {
        gaps.iter()
            .filter(|g| c.values.iter().any(|(s, v)| *s == g.stratum && *v == g.key))
            .collect()
    };
    let shortlisted = at(Stage::Shortlisted);
    let pool = at(Stage::Pool);
    let most = shortlisted
        .iter()
        .chain(&pool)
        .map(|c| closes(c).len())
        .max()
        .unwrap_or(0);
    let (chosen, from, pick) = if most > 0 {
        // Those closing the most gaps; the shortlist's before the pool's.
        let best = |from: &[Candidate]| -> Vec<Candidate> {
            from.iter().filter(|c| closes(c).len() == most).cloned().collect()
        };
        let (best_short, best_pool) = (best(&shortlisted), best(&pool));
        let (chosen, from) = if best_short.is_empty() {
            (best_pool, "pool")
        } else {
            (best_short, "shortlist")
        };
        let pick = next_pick(&covered, &chosen, &frequency)?;
        (chosen, from, pick)
    } else {
        // Shortlisted cases first; the pool when no shortlisted case adds anything.
        match next_pick(&covered, &shortlisted, &frequency) {
            Some(pick) if !pick.adds.is_empty() => (shortlisted, "shortlist", pick),
            fallback => match next_pick(&covered, &pool, &frequency) {
                Some(pick) if !pick.adds.is_empty() || fallback.is_none() => (pool, "pool", pick),
                _ => (shortlisted, "shortlist", fallback?),
            },
        }
    };
    let case = chosen[pick.index].id.clone();
    let closed: Vec<String> = closes(&chosen[pick.index]).iter().map(|g| g.text.clone()).collect();
    let mut adds = pick.adds.clone();
    adds.sort_by_key(|v| frequency.get(v).copied().unwrap_or(0));
    let words: Vec<String> = adds.iter().map(|v| describe(data, v)).collect();
    let mut explanation = format!("select {} from the {from}", label(data, &case));
    if !closed.is_empty() {
        explanation.push_str(&format!(
            ": closes {} gap{} ({})",
            closed.len(),
            if closed.len() == 1 { "" } else { "s" },
            closed.join("; ")
        ));
    }
    if words.is_empty() {
        if closed.is_empty() {
            explanation.push_str(": every value it has is covered already");
        }
    } else {
        explanation.push_str(&format!(
            "{} adds {} (rarest first)",
            if closed.is_empty() { ":" } else { ";" },
            words.join(", ")
        ));
    }
    Some(NextCase {
        case,
        adds: words,
        closes: closed,
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
