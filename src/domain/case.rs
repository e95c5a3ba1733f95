//! `cases/<case-id>/case.ron`: one case: a funded project (its applications,
//! documents and strata), a municipality added by snowball, or the
//! administration; and where it stands in the selection, with a logged history.

use super::ids::{ApplicationId, CaseId, InformantId, ResearcherId};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: CaseId,
    #[serde(default)]
    pub origin: Origin,
    pub title: String,
    pub municipality: String,
    #[serde(default)]
    pub county: String,
    #[serde(default)]
    pub region: String,
    /// Inhabitants; the size band follows from the study's bands.
    #[serde(default)]
    pub population: Option<u64>,
    /// The focus area (id in `study.ron`) of the project's first application.
    #[serde(default)]
    pub focus_area: Option<String>,
    #[serde(default)]
    pub kind: Option<ProjectKind>,
    #[serde(default)]
    pub pilot: bool,
    #[serde(default)]
    pub applications: Vec<Application>,
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Extra columns of the pool export, kept by name.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// The two researchers who review this case's documents.
    #[serde(default)]
    pub reviewers: Vec<ResearcherId>,
    /// Researchers who must not review this case (conflict of interest).
    #[serde(default)]
    pub excluded_reviewers: Vec<ResearcherId>,
    #[serde(default)]
    pub stage: Stage,
    #[serde(default)]
    pub stage_log: Vec<StageChange>,
}

/// How a case came into the study.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Origin {
    /// A project from the directorate's application database.
    #[default]
    Project,
    /// A municipality an informant pointed to during snowball recruitment.
    Snowball { referred_by: InformantId },
    /// The directorate's own staff (forvaltningen).
    Administration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProjectKind {
    /// Develops new knowledge.
    New,
    /// Adapts an established method to a new local context.
    Adaptation,
}

impl ProjectKind {
    pub fn label(self) -> &'static str {
        match self {
            ProjectKind::New => "new",
            ProjectKind::Adaptation => "adaptation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub id: ApplicationId,
    pub year: i32,
    pub status: ApplicationStatus,
    /// The focus area (id in `study.ron`) applied under that year.
    #[serde(default)]
    pub focus_area: Option<String>,
    /// Whole Norwegian kroner.
    pub amount_applied: u64,
    pub amount_granted: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ApplicationStatus {
    Granted,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: String,
    pub kind: DocumentKind,
    #[serde(default)]
    pub year: Option<i32>,
    /// Where the document is kept (a path or archive reference), if anywhere.
    #[serde(default)]
    pub location: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    Application,
    InterimReport,
    FinalReport,
    Evaluation,
    Other,
}

/// Where a case stands in the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub enum Stage {
    #[default]
    Pool,
    Shortlisted,
    Selected,
    Reserve,
    Dropped,
    /// Added during recruitment: a municipality an informant pointed to.
    Snowball,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Pool,
        Stage::Shortlisted,
        Stage::Selected,
        Stage::Reserve,
        Stage::Dropped,
        Stage::Snowball,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Pool => "pool",
            Stage::Shortlisted => "shortlisted",
            Stage::Selected => "selected",
            Stage::Reserve => "reserve",
            Stage::Dropped => "dropped",
            Stage::Snowball => "snowball",
        }
    }

    pub fn from_label(label: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.label().eq_ignore_ascii_case(label))
    }
}

/// One move between stages; the log is never rewritten, only appended to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    pub at: DateTime<FixedOffset>,
    pub by: ResearcherId,
    pub from: Stage,
    pub to: Stage,
    pub reason: String,
}

impl Case {
    /// A case with only its identity and place; everything else empty, in the pool.
    pub fn new(id: CaseId, origin: Origin, title: impl Into<String>, municipality: impl Into<String>) -> Case {
        Case {
            id,
            origin,
            title: title.into(),
            municipality: municipality.into(),
            county: String::new(),
            region: String::new(),
            population: None,
            focus_area: None,
            kind: None,
            pilot: false,
            applications: Vec::new(),
            documents: Vec::new(),
            attributes: BTreeMap::new(),
            reviewers: Vec::new(),
            excluded_reviewers: Vec::new(),
            stage: Stage::Pool,
            stage_log: Vec::new(),
        }
    }

    /// The distinct years the project applied, in order.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.applications.iter().map(|a| a.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// A project with at least one granted application is in the review pool.
    pub fn is_funded(&self) -> bool {
        self.applications.iter().any(|a| a.status == ApplicationStatus::Granted)
    }

    /// "2019-2021", "2024" or "" when the case has no applications.
    pub fn years_label(&self) -> String {
        match self.years().as_slice() {
            [] => String::new(),
            [only] => only.to_string(),
            [first, .., last] => format!("{first}-{last}"),
        }
    }

    pub fn amount_granted(&self) -> u64 {
        self.applications.iter().map(|a| a.amount_granted).sum()
    }

    pub fn amount_applied(&self) -> u64 {
        self.applications.iter().map(|a| a.amount_applied).sum()
    }

    /// Moves the case to `to`, logging who, when and why.
    pub fn move_to(&mut self, to: Stage, by: ResearcherId, at: DateTime<FixedOffset>, reason: String) {
        let from = self.stage;
        self.stage_log.push(StageChange {
            at,
            by,
            from,
            to,
            reason,
        });
        self.stage = to;
    }
}
