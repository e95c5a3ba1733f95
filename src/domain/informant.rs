//! `cases/<case-id>/informants/<id>.ron`: one informant, by pseudonym only.
//! Names and contact details never live here; they are in the private store.

use super::ids::{CaseId, InformantId, InterviewId, ResearcherId};
use chrono::{DateTime, FixedOffset, NaiveDate};
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
    /// Consent as recorded (in the recording researcher's status file; an
    /// informant file of format 1 may still hold it).
    #[serde(default, skip_serializing)]
    pub consent: Option<Consent>,
    /// Who recorded the consent: the status file it is written to.
    #[serde(skip)]
    pub consent_by: Option<ResearcherId>,
    /// Every status the informant has had, oldest first; the last is current.
    /// In memory the union of every researcher's status file; on disk each
    /// researcher's entries live in `<id>.status.<researcher>.ron` (an
    /// informant file of format 1 may still hold some).
    #[serde(default, skip_serializing)]
    pub status_history: Vec<StatusChange>,
}

/// `informants/<id>.status.<researcher>.ron`: the statuses one researcher
/// recorded for an informant (and the consent, if they recorded it), so two
/// researchers updating one informant write different files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    pub informant: InformantId,
    pub researcher: ResearcherId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub history: Vec<StatusChange>,
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
    /// When the entry was recorded: orders entries of one day from several
    /// researchers' files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<DateTime<FixedOffset>>,
}

impl Informant {
    /// The researcher who added the informant, and so writes its file.
    pub fn added_by(&self) -> Option<&ResearcherId> {
        self.responsible.first()
    }

    /// Puts the status history in time order: by date, then by when each
    /// entry was recorded, then by author (a union of files must not depend
    /// on the order they were read in).
    pub fn sort_history(&mut self) {
        self.status_history
            .sort_by(|a, b| (a.date, a.recorded, &a.by).cmp(&(b.date, b.recorded, &b.by)));
    }

    /// The status file of `researcher`: their entries and, if they recorded
    /// it, the consent. `None` when they recorded nothing.
    pub fn status_file_of(&self, researcher: &ResearcherId) -> Option<StatusFile> {
        let history: Vec<StatusChange> = self
            .status_history
            .iter()
            .filter(|s| &s.by == researcher)
            .cloned()
            .collect();
        let consent = self
            .consent
            .clone()
            .filter(|_| self.consent_by.as_ref() == Some(researcher));
        (!history.is_empty() || consent.is_some()).then(|| StatusFile {
            informant: self.id.clone(),
            researcher: researcher.clone(),
            consent,
            history,
        })
    }

    /// Every researcher with a status file for this informant.
    pub fn status_authors(&self) -> std::collections::BTreeSet<&ResearcherId> {
        self.status_history
            .iter()
            .map(|s| &s.by)
            .chain(self.consent_by.as_ref())
            .collect()
    }
    /// The current status: the last in the history, `Identified` when empty.
    pub fn status(&self) -> RecruitmentStatus {
        self.status_history
            .last()
            .map(|s| s.status)
            .unwrap_or(RecruitmentStatus::Identified)
    }
}
