//! `review.<researcher>.ron` and `resolution.ron`: one researcher's blind
//! assessment of a case's documents, and the values the two reviewers agreed
//! on where they differed.

use super::ids::{CaseId, CriterionId, ResearcherId};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub case: CaseId,
    pub reviewer: ResearcherId,
    /// Set when the reviewer submits; a review without it is a draft.
    #[serde(default)]
    pub submitted: Option<DateTime<FixedOffset>>,
    /// Answers by criterion id; a criterion not yet answered is absent.
    #[serde(default)]
    pub answers: BTreeMap<CriterionId, Answer>,
}

impl Review {
    pub fn is_submitted(&self) -> bool {
        self.submitted.is_some()
    }
}

/// An answer on a criterion's scale.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Answer {
    /// A point on an ordinal scale.
    Point(i32),
    Category(String),
    YesNo(bool),
    Text(String),
}

impl Answer {
    pub fn label(&self) -> String {
        match self {
            Answer::Point(p) => p.to_string(),
            Answer::Category(c) => c.clone(),
            Answer::YesNo(true) => "yes".to_string(),
            Answer::YesNo(false) => "no".to_string(),
            Answer::Text(t) => t.clone(),
        }
    }
}

/// The agreed values for a case's conflicting criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    pub case: CaseId,
    pub resolved: BTreeMap<CriterionId, Resolved>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolved {
    pub value: Answer,
    pub by: ResearcherId,
    pub at: DateTime<FixedOffset>,
    #[serde(default)]
    pub note: String,
}
