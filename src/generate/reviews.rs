//! Double review: every funded project read by two of the three researchers
//! in rotating pairs, answers that mostly agree, a few conflicts, and the
//! resolutions the team reached for some of them.

use super::{local, text, TEAM};
use crate::analysis::conflicts::case_conflicts;
use crate::domain::*;
use crate::rng::Rng;
use std::collections::BTreeMap;

pub fn review_all(rng: &mut Rng, data: &mut StudyData) {
    let study = data.study.clone();
    let funded: Vec<CaseId> = data
        .cases
        .values()
        .filter(|c| c.case.is_funded())
        .map(|c| c.case.id.clone())
        .collect();
    for (index, id) in funded.iter().enumerate() {
        let Some(case) = data.cases.get_mut(id) else { continue };
        let pair = [TEAM[index % 3], TEAM[(index + 1) % 3]];
        case.case.reviewers = pair.iter().map(|r| ResearcherId::new(*r)).collect();
        let base: Vec<i32> = (0..3).map(|_| rng.between(2, 6) as i32).collect();
        let continued = rng.chance(0.5);
        let recommend = match base.iter().sum::<i32>() {
            s if s >= 14 => "yes",
            s if s >= 10 => "maybe",
            _ => "no",
        };
        for (k, reviewer) in pair.iter().enumerate() {
            let mut answers = BTreeMap::new();
            for (criterion, base) in ["transferability", "evaluation_quality", "innovation"]
                .iter()
                .zip(&base)
            {
                let noise = if k == 0 {
                    0
                } else if rng.chance(0.02) {
                    *rng.pick(&[-3, -2, 2, 3])
                } else {
                    *rng.pick(&[-1, 0, 0, 0, 1])
                };
                answers.insert(CriterionId::new(*criterion), Answer::Point((base + noise).clamp(1, 7)));
            }
            let continuation = if k == 1 && rng.chance(0.03) {
                !continued
            } else {
                continued
            };
            answers.insert(CriterionId::new("continuation"), Answer::YesNo(continuation));
            let recommend = if k == 1 && rng.chance(0.04) {
                if recommend == "maybe" {
                    "yes"
                } else {
                    "maybe"
                }
            } else {
                recommend
            };
            answers.insert(CriterionId::new("recommend"), Answer::Category(recommend.to_string()));
            answers.insert(
                CriterionId::new("remarks"),
                Answer::Text(rng.pick(text::REVIEW_REMARKS).to_string()),
            );
            let day = 6 + (index as u32 * 7 + k as u32 * 3) % 50;
            let (month, day) = if day > 31 { (2, day - 31) } else { (1, day) };
            case.reviews.insert(
                ResearcherId::new(*reviewer),
                Review {
                    case: id.clone(),
                    reviewer: ResearcherId::new(*reviewer),
                    submitted: Some(local(2025, month, day.min(28), 9 + k as u32 * 4, 30)),
                    answers,
                },
            );
        }
        resolve_some(rng, &study, case);
    }
}

/// About half of the cases with conflicts have them resolved at a meeting.
fn resolve_some(rng: &mut Rng, study: &Study, case: &mut CaseData) {
    let conflicts = case_conflicts(study, case, None);
    if conflicts.is_empty() || !rng.chance(0.5) {
        return;
    }
    // The first reviewer writes up what the meeting agreed.
    let Some(by) = conflicts.first().map(|(c, _)| c.first.0.clone()) else {
        return;
    };
    let mut resolved = BTreeMap::new();
    for (conflict, _) in conflicts {
        let value = match (&conflict.first.1, &conflict.second.1) {
            (Answer::Point(a), Answer::Point(b)) => Answer::Point((a + b) / 2),
            (_, second) => second.clone(),
        };
        resolved.insert(
            conflict.criterion.clone(),
            Resolved {
                value,
                by: by.clone(),
                at: local(2025, 3, 5, 14, 0),
                note: "Agreed at the review meeting after reading the final report together.".to_string(),
            },
        );
    }
    case.resolutions.insert(
        by,
        Resolution {
            case: case.case.id.clone(),
            resolved,
        },
    );
}
