//! The interviews as a list: per interview its date, informants, guide,
//! coverage of the guide (counting only the questions whose condition holds
//! for the case) and whether it has been coded. The CLI and the TUI show it.

use super::conditions::{applies, Applies};
use crate::domain::*;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterviewRow {
    pub case: CaseId,
    pub id: InterviewId,
    pub date: Option<chrono::NaiveDate>,
    /// Pseudonyms only.
    pub informants: Vec<InformantId>,
    pub guide: GuideId,
    /// Questions whose condition holds that are covered.
    pub covered: usize,
    /// Questions whose condition holds.
    pub asked: usize,
    /// Questions shown "may not apply": their condition's value is not known.
    pub may_not_apply: usize,
    /// Notes outside the guide.
    pub outside: usize,
    pub coded: bool,
    pub coders: Vec<ResearcherId>,
    pub duration_minutes: Option<u32>,
    pub finished: bool,
}

impl InterviewRow {
    /// "18/22".
    pub fn coverage(&self) -> String {
        format!("{}/{}", self.covered, self.asked)
    }
}

/// One interview's row.
pub fn row(data: &StudyData, case: &CaseData, interview: &InterviewData) -> InterviewRow {
    let record = &interview.interview;
    let (mut covered, mut asked, mut may_not) = (0, 0, 0);
    if let Some(guide) = data.guides.get(&record.guide) {
        for question in guide.questions() {
            match applies(data, case, question) {
                Applies::Yes => {
                    asked += 1;
                    covered += usize::from(record.note(&question.id).is_some_and(|n| n.covered));
                }
                Applies::MayNot => may_not += 1,
                Applies::No => {}
            }
        }
    }
    let coders: Vec<ResearcherId> = interview
        .codings
        .iter()
        .filter(|(_, c)| !c.codings.is_empty())
        .map(|(r, _)| r.clone())
        .collect();
    InterviewRow {
        case: case.case.id.clone(),
        id: record.id.clone(),
        date: record.date,
        informants: record.informants.clone(),
        guide: record.guide.clone(),
        covered,
        asked,
        may_not_apply: may_not,
        outside: record.outside.len() + usize::from(!record.other_notes.trim().is_empty()),
        coded: !coders.is_empty(),
        coders,
        duration_minutes: record.duration_minutes,
        finished: record.ended.is_some() || record.duration_minutes.is_some(),
    }
}

/// Every interview of the study, by date then id.
pub fn rows(data: &StudyData) -> Vec<InterviewRow> {
    let mut rows: Vec<InterviewRow> = data
        .cases
        .values()
        .flat_map(|case| case.interviews.values().filter(|i| !i.stand_in).map(move |i| (case, i)))
        .map(|(case, interview)| row(data, case, interview))
        .collect();
    rows.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    rows
}
