//! Agreement on the study's own reviews: per criterion, Krippendorff's alpha
//! at the criterion's level over all submitted reviews, percent agreement,
//! Cohen's kappa for each pair of researchers, and the conflicts open and
//! resolved. Run as a researcher, a case whose review they have not yet
//! submitted is left out, so nothing of the other review leaks before theirs.

use super::agreement::{report, Level, Ratings, ScaleRange};
use super::conflicts::case_conflicts;
use crate::domain::blind::visible_to;
use crate::domain::*;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairAgreement {
    pub raters: [ResearcherId; 2],
    pub units: usize,
    pub percent_agreement: Option<f64>,
    pub cohen_kappa: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionAgreement {
    pub criterion: CriterionId,
    pub level: &'static str,
    /// Cases with at least two submitted answers on the criterion.
    pub units: usize,
    pub krippendorff_alpha: Option<f64>,
    /// Alpha in plain words, after Krippendorff's own guidance.
    pub reading: &'static str,
    pub percent_agreement: Option<f64>,
    pub pairs: Vec<PairAgreement>,
    pub conflicts_open: usize,
    pub conflicts_resolved: usize,
    /// Kappa or alpha low while percent agreement is high: a skewed
    /// distribution, not disagreement (the kappa paradox).
    pub kappa_paradox: bool,
}

/// Alpha in words: >= .800 reliable, >= .667 tentative, else unreliable.
pub fn reading(alpha: Option<f64>) -> &'static str {
    match alpha {
        None => "not enough ratings",
        Some(a) if a >= 0.8 => "reliable",
        Some(a) if a >= 0.667 => "tentative conclusions only",
        Some(_) => "unreliable",
    }
}

fn answer_value(answer: &Answer) -> Option<String> {
    match answer {
        Answer::Point(p) => Some(p.to_string()),
        Answer::Category(c) => Some(c.clone()),
        Answer::YesNo(b) => Some(if *b { "yes" } else { "no" }.to_string()),
        Answer::Text(_) => None,
    }
}

pub fn study_agreement(data: &StudyData, viewer: Option<&ResearcherId>) -> Vec<CriterionAgreement> {
    let team: Vec<&ResearcherId> = data.study.team.iter().map(|r| &r.id).collect();
    let cases: Vec<&CaseData> = data.cases.values().collect();
    data.study
        .criteria
        .iter()
        .filter(|c| c.scale != Scale::FreeText)
        .map(|criterion| {
            let (level, scale) = match criterion.scale {
                Scale::Ordinal { min, max } => (
                    Level::Ordinal,
                    Some(ScaleRange {
                        low: i64::from(min),
                        high: i64::from(max),
                    }),
                ),
                _ => (Level::Nominal, None),
            };
            let cell = |case: &CaseData, rater: &ResearcherId| {
                case.reviews
                    .get(rater)
                    .filter(|r| r.is_submitted() && visible_to(viewer, case, r))
                    .and_then(|r| r.answers.get(&criterion.id))
                    .and_then(answer_value)
            };
            let table = |raters: &[&ResearcherId]| {
                let rows: Vec<(String, Vec<Option<String>>)> = cases
                    .iter()
                    .map(|case| {
                        (
                            case.case.id.to_string(),
                            raters.iter().map(|r| cell(case, r)).collect::<Vec<_>>(),
                        )
                    })
                    .filter(|(_, cells)| cells.iter().flatten().count() >= 2)
                    .collect();
                Ratings {
                    units: rows.iter().map(|(u, _)| u.clone()).collect(),
                    raters: raters.iter().map(|r| r.to_string()).collect(),
                    cells: rows.into_iter().map(|(_, c)| c).collect(),
                }
            };
            let all = table(&team);
            let overall = report(&all, level, scale).ok();
            let mut pairs = Vec::new();
            for (i, a) in team.iter().enumerate() {
                for b in &team[i + 1..] {
                    let pair = table(&[a, b]);
                    let r = report(&pair, level, scale).ok();
                    pairs.push(PairAgreement {
                        raters: [(*a).clone(), (*b).clone()],
                        units: pair.units.len(),
                        percent_agreement: r.as_ref().and_then(|r| r.percent_agreement),
                        cohen_kappa: r.as_ref().and_then(|r| r.cohen_kappa),
                    });
                }
            }
            let (mut open, mut resolved) = (0, 0);
            for case in &cases {
                for (conflict, is_resolved) in case_conflicts(&data.study, case, viewer) {
                    if conflict.criterion == criterion.id {
                        if is_resolved {
                            resolved += 1;
                        } else {
                            open += 1;
                        }
                    }
                }
            }
            let alpha = overall.as_ref().and_then(|r| r.krippendorff_alpha);
            let percent = overall.as_ref().and_then(|r| r.percent_agreement);
            let low_kappa =
                pairs.iter().any(|p| p.cohen_kappa.is_some_and(|k| k < 0.4)) || alpha.is_some_and(|a| a < 0.4);
            CriterionAgreement {
                criterion: criterion.id.clone(),
                level: match level {
                    Level::Ordinal => "ordinal",
                    _ => "nominal",
                },
                units: all.units.len(),
                krippendorff_alpha: alpha,
                reading: reading(alpha),
                percent_agreement: percent,
                pairs,
                conflicts_open: open,
                conflicts_resolved: resolved,
                kappa_paradox: low_kappa && percent.is_some_and(|p| p >= 0.8),
            }
        })
        .collect()
}
