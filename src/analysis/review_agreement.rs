//! Agreement on the study's own reviews: per criterion, Krippendorff's alpha
//! at the criterion's level over all submitted reviews, percent agreement,
//! Cohen's kappa for each pair of researchers, and the conflicts open and
//! resolved. Run as a researcher, a case whose review they have not yet
//! submitted is left out, so nothing of the other review leaks before theirs.

use super::agreement::{cohen_kappa, krippendorff_alpha, percent_agreement, Coded, Level, Weighting};
use super::conflicts::case_conflicts;
use crate::domain::blind::visible_to;
use crate::domain::*;
use serde::Serialize;
use std::collections::HashMap;

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

/// One reviewer's answer on a criterion, coded: its category, or off the
/// criterion's scale (which makes every statistic over it undefined, as a
/// ratings table with such a value is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodedAnswer {
    Category(usize),
    OffScale,
}

/// The categories of a criterion: the points of an ordinal scale, else the
/// answers given, in alphabetical order (as `Coded::new` orders them).
struct Categories {
    level: Level,
    ordinal: Option<(i32, i32)>,
    labels: Vec<String>,
}

impl Categories {
    fn of(criterion: &Criterion, answers: &[&Answer]) -> Categories {
        match criterion.scale {
            Scale::Ordinal { min, max } => Categories {
                level: Level::Ordinal,
                ordinal: Some((min, max)),
                labels: Vec::new(),
            },
            _ => {
                let mut labels: Vec<String> = answers.iter().filter_map(|a| answer_value(a)).collect();
                labels.sort_unstable();
                labels.dedup();
                Categories {
                    level: Level::Nominal,
                    ordinal: None,
                    labels,
                }
            }
        }
    }

    fn code(&self, answer: &Answer) -> Option<CodedAnswer> {
        Some(match (self.ordinal, answer) {
            (Some((min, max)), Answer::Point(p)) if (min..=max).contains(p) => {
                CodedAnswer::Category((p - min) as usize)
            }
            (Some(_), _) => CodedAnswer::OffScale,
            (None, answer) => {
                let label = answer_value(answer)?;
                CodedAnswer::Category(self.labels.binary_search(&label).ok()?)
            }
        })
    }

    fn count(&self) -> usize {
        match self.ordinal {
            Some((min, max)) => (max - min + 1).max(0) as usize,
            None => self.labels.len(),
        }
    }

    fn values(&self) -> Vec<f64> {
        match self.ordinal {
            Some((min, max)) => (min..=max).map(f64::from).collect(),
            None => vec![f64::NAN; self.labels.len()],
        }
    }

    /// The coded table of the rows given, or `None` when a value is off the scale.
    fn table(&self, rows: Vec<Vec<Option<CodedAnswer>>>) -> Option<Coded> {
        let cells = rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|cell| match cell {
                        None => Some(None),
                        Some(CodedAnswer::Category(c)) => Some(Some(c)),
                        Some(CodedAnswer::OffScale) => None,
                    })
                    .collect::<Option<Vec<Option<usize>>>>()
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Coded {
            categories: self.count(),
            values: self.values(),
            cells,
        })
    }
}

/// Agreement per criterion on the reviews `viewer` may see. Each answer is
/// coded once, straight from the reviews, and only the statistics shown are
/// computed: on 20,000 reviews this is what the Agreement panel waits for.
pub fn study_agreement(data: &StudyData, viewer: Option<&ResearcherId>) -> Vec<CriterionAgreement> {
    let team: Vec<&ResearcherId> = data.study.team.iter().map(|r| &r.id).collect();
    // Each case's visible submitted reviews, in team order.
    let reviewed: Vec<Vec<Option<&Review>>> = data
        .cases
        .values()
        .map(|case| {
            team.iter()
                .map(|rater| {
                    case.reviews
                        .get(*rater)
                        .filter(|r| r.is_submitted() && visible_to(viewer, case, r))
                })
                .collect()
        })
        .collect();
    // Conflicts open and resolved per criterion, one pass over the cases.
    let mut conflicts: HashMap<&CriterionId, (usize, usize)> = HashMap::new();
    let mut conflict_ids: Vec<(CriterionId, bool)> = Vec::new();
    for case in data.cases.values() {
        for (conflict, resolved) in case_conflicts(&data.study, case, viewer) {
            conflict_ids.push((conflict.criterion, resolved));
        }
    }
    for (criterion, resolved) in &conflict_ids {
        let entry = conflicts.entry(criterion).or_default();
        if *resolved {
            entry.1 += 1;
        } else {
            entry.0 += 1;
        }
    }
    data.study
        .criteria
        .iter()
        .filter(|c| c.scale != Scale::FreeText)
        .map(|criterion| {
            let answers: Vec<&Answer> = reviewed
                .iter()
                .flatten()
                .flatten()
                .filter_map(|r| r.answers.get(&criterion.id))
                .collect();
            let categories = Categories::of(criterion, &answers);
            let coded: Vec<Vec<Option<CodedAnswer>>> = reviewed
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|r| {
                            r.and_then(|r| r.answers.get(&criterion.id))
                                .and_then(|a| categories.code(a))
                        })
                        .collect()
                })
                .collect();
            let rows_of = |raters: &[usize]| -> Vec<Vec<Option<CodedAnswer>>> {
                coded
                    .iter()
                    .map(|row| raters.iter().map(|&i| row[i]).collect::<Vec<_>>())
                    .filter(|cells| cells.iter().flatten().count() >= 2)
                    .collect()
            };
            let everyone: Vec<usize> = (0..team.len()).collect();
            let all = rows_of(&everyone);
            let units = all.len();
            let overall = categories.table(all);
            let alpha = overall.as_ref().and_then(|c| krippendorff_alpha(c, categories.level));
            let percent = overall.as_ref().and_then(percent_agreement);
            let mut pairs = Vec::new();
            for (i, a) in team.iter().enumerate() {
                for (j, b) in team.iter().enumerate().skip(i + 1) {
                    let rows = rows_of(&[i, j]);
                    let units = rows.len();
                    let pair = categories.table(rows);
                    pairs.push(PairAgreement {
                        raters: [(*a).clone(), (*b).clone()],
                        units,
                        percent_agreement: pair.as_ref().and_then(percent_agreement),
                        cohen_kappa: pair
                            .as_ref()
                            .and_then(|c| cohen_kappa(c, Weighting::Unweighted, categories.ordinal.is_some())),
                    });
                }
            }
            let (open, resolved) = conflicts.get(&criterion.id).copied().unwrap_or_default();
            let low_kappa =
                pairs.iter().any(|p| p.cohen_kappa.is_some_and(|k| k < 0.4)) || alpha.is_some_and(|a| a < 0.4);
            CriterionAgreement {
                criterion: criterion.id.clone(),
                level: match categories.level {
                    Level::Ordinal => "ordinal",
                    _ => "nominal",
                },
                units,
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
