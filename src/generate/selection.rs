//! Case selection as the team did it: 29 candidates proposed for variation
//! in size, region, focus area, kind and pilot status, then 13 selected and 7
//! reserve after the client's feedback, each move logged with its reason.

use super::local;
use crate::analysis::strata::values_of;
use crate::analysis::variation::{pick_many, Candidate, StratumValue};
use crate::domain::*;
use std::collections::BTreeSet;

const STRATA: [Stratum; 5] = [
    Stratum::SizeBand,
    Stratum::Region,
    Stratum::FocusArea,
    Stratum::Kind,
    Stratum::Pilot,
];

/// Moves cases through the stages; returns the selected cases in order of choice.
pub fn select(data: &mut StudyData) -> Vec<CaseId> {
    let mut ranked: Vec<(i32, i32, CaseId)> = data
        .cases
        .values()
        .filter(|c| c.case.is_funded() && recommended(c))
        .map(|c| {
            (
                -score(c),
                -c.case.years().last().copied().unwrap_or(0),
                c.case.id.clone(),
            )
        })
        .collect();
    ranked.sort();
    // One case per municipality, so the interviews reach distinct places.
    let mut seen = BTreeSet::new();
    let candidates: Vec<Candidate> = ranked
        .into_iter()
        .filter_map(|(_, _, id)| {
            let case = &data.cases[&id].case;
            seen.insert(case.municipality.clone()).then(|| Candidate {
                id: id.clone(),
                values: values_of(data, case, &STRATA),
            })
        })
        .collect();
    let shortlist: Vec<Candidate> = pick_many(BTreeSet::new(), &candidates, 29)
        .into_iter()
        .map(|p| candidates[p.index].clone())
        .collect();
    let selected: Vec<Candidate> = pick_many(BTreeSet::new(), &shortlist, 13)
        .into_iter()
        .map(|p| shortlist[p.index].clone())
        .collect();
    let chosen: BTreeSet<&CaseId> = selected.iter().map(|c| &c.id).collect();
    let covered: BTreeSet<StratumValue> = selected.iter().flat_map(|c| c.values.clone()).collect();
    let rest: Vec<Candidate> = shortlist.iter().filter(|c| !chosen.contains(&c.id)).cloned().collect();
    let reserve: Vec<CaseId> = pick_many(covered, &rest, 7)
        .into_iter()
        .map(|p| rest[p.index].id.clone())
        .collect();

    let lead = ResearcherId::new("astrid");
    for candidate in &shortlist {
        let case = &mut data
            .cases
            .get_mut(&candidate.id)
            .expect("shortlisted from the study")
            .case;
        let why: Vec<String> = candidate.values.iter().take(3).map(|(_, v)| v.clone()).collect();
        case.move_to(
            Stage::Shortlisted,
            lead.clone(),
            local(2025, 3, 10, 13, 15),
            format!("Proposed at the case meeting: {}", why.join(", ")),
        );
    }
    for (ids, stage, reason) in [
        (
            selected.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
            Stage::Selected,
            "Chosen with the directorate's feedback",
        ),
        (reserve, Stage::Reserve, "Reserve after the directorate's feedback"),
    ] {
        for id in ids {
            let case = &mut data.cases.get_mut(&id).expect("chosen from the shortlist").case;
            case.move_to(stage, lead.clone(), local(2025, 3, 24, 10, 0), reason.to_string());
        }
    }
    selected.into_iter().map(|c| c.id).collect()
}

fn recommended(case: &CaseData) -> bool {
    case.reviews
        .values()
        .all(|r| r.answers.get(&CriterionId::new("recommend")) != Some(&Answer::Category("no".to_string())))
}

/// The sum of both reviewers' ordinal answers.
fn score(case: &CaseData) -> i32 {
    case.reviews
        .values()
        .flat_map(|r| r.answers.values())
        .map(|a| if let Answer::Point(p) = a { *p } else { 0 })
        .sum()
}
