//! `cases/<case-id>/informants/<id>.ron`: one informant, by pseudonym only.
//! Names and contact details never live here; they are in the private store.

use super::ids::{CaseId, InformantId, InterviewId, ResearcherId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Informant {
    /// The pseudonym, e.g. `INF-07`; also the file name.
    pub id: InformantId,
    pub case: CaseId,
    pub kind: InformantKind,
    /// Role in the project or organisation, e.g. "project leader".
    pub role: String,
    /// Type of organisation, e.g. "municipality", "adult education centre".
    pub organisation: String,
    /// Researchers responsible for recruiting and interviewing.
    #[serde(default)]
    pub responsible: Vec<ResearcherId>,
    #[serde(default)]
    pub referred_by: Option<Referral>,
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Every status the informant has had, oldest first; the last is current.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InformantKind {
    /// Someone from a case's project or municipality.
    Case,
    /// The directorate's staff.
    Administration,
}

/// Who pointed the team to this informant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Referral {
    /// Another informant, and the interview where it happened, if in one.
    Informant {
        id: InformantId,
        interview: Option<InterviewId>,
    },
    /// The case itself (its documents or contact person).
    Case(CaseId),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub date: NaiveDate,
    pub notes: bool,
    pub recording: bool,
    pub quotes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RecruitmentStatus {
    Identified,
    Contacted,
    Agreed,
    Scheduled,
    Interviewed,
    Declined,
    NoAnswer,
}

impl RecruitmentStatus {
    pub const ALL: [RecruitmentStatus; 7] = [
        RecruitmentStatus::Identified,
        RecruitmentStatus::Contacted,
        RecruitmentStatus::Agreed,
        RecruitmentStatus::Scheduled,
        RecruitmentStatus::Interviewed,
        RecruitmentStatus::Declined,
        RecruitmentStatus::NoAnswer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RecruitmentStatus::Identified => "identified",
            RecruitmentStatus::Contacted => "contacted",
            RecruitmentStatus::Agreed => "agreed",
            RecruitmentStatus::Scheduled => "scheduled",
            RecruitmentStatus::Interviewed => "interviewed",
            RecruitmentStatus::Declined => "declined",
            RecruitmentStatus::NoAnswer => "no_answer",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        let wanted = label.replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|s| s.label().eq_ignore_ascii_case(&wanted))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: RecruitmentStatus,
    pub date: NaiveDate,
    pub by: ResearcherId,
    #[serde(default)]
    pub note: String,
}

impl Informant {
    /// The current status: the last in the history, `Identified` when empty.
    pub fn status(&self) -> RecruitmentStatus {
        self.status_history
            .last()
            .map(|s| s.status)
            .unwrap_or(RecruitmentStatus::Identified)
    }
}
