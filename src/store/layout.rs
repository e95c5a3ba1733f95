//! Where each file of a study lives. Every path convention is here, so the
//! loader, the saver and `init` cannot disagree.

use crate::domain::{CaseId, GuideId, InformantId, InterviewId, ResearcherId};
use std::path::{Path, PathBuf};

pub const CASES_DIR: &str = "cases";
pub const GUIDES_DIR: &str = "guides";
pub const STUDY_FILE: &str = "study.ron";
pub const CASE_FILE: &str = "case.ron";
/// The single resolution file of format 1; `casebook migrate` splits it into
/// one `resolution.<researcher>.ron` per researcher.
pub const LEGACY_RESOLUTION_FILE: &str = "resolution.ron";
pub const CODEBOOK_FILE: &str = "codebook.ron";
pub const INFORMANTS_DIR: &str = "informants";
pub const INTERVIEWS_DIR: &str = "interviews";
/// The git-ignored folder of a study for private files, if the team keeps them there.
pub const PRIVATE_DIR: &str = "private";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Layout { root: root.into() }
    }

    pub fn cases_dir(&self) -> PathBuf {
        self.root.join(CASES_DIR)
    }

    pub fn guides_dir(&self) -> PathBuf {
        self.root.join(GUIDES_DIR)
    }

    pub fn study_file(&self) -> PathBuf {
        self.cases_dir().join(STUDY_FILE)
    }

    pub fn codebook_file(&self) -> PathBuf {
        self.guides_dir().join(CODEBOOK_FILE)
    }

    /// A coder's own new codes: `guides/codebook.<researcher>.ron`.
    pub fn own_codes_file(&self, coder: &ResearcherId) -> PathBuf {
        self.guides_dir().join(format!("codebook.{coder}.ron"))
    }

    pub fn guide_file(&self, guide: &GuideId) -> PathBuf {
        self.guides_dir().join(format!("{guide}.ron"))
    }

    pub fn case_dir(&self, case: &CaseId) -> PathBuf {
        self.cases_dir().join(case.as_str())
    }

    pub fn case_file(&self, case: &CaseId) -> PathBuf {
        self.case_dir(case).join(CASE_FILE)
    }

    pub fn review_file(&self, case: &CaseId, reviewer: &ResearcherId) -> PathBuf {
        self.case_dir(case).join(format!("review.{reviewer}.ron"))
    }

    pub fn resolution_file(&self, case: &CaseId, researcher: &ResearcherId) -> PathBuf {
        self.case_dir(case).join(format!("resolution.{researcher}.ron"))
    }

    pub fn legacy_resolution_file(&self, case: &CaseId) -> PathBuf {
        self.case_dir(case).join(LEGACY_RESOLUTION_FILE)
    }

    pub fn status_file(&self, case: &CaseId, informant: &InformantId, researcher: &ResearcherId) -> PathBuf {
        self.case_dir(case)
            .join(INFORMANTS_DIR)
            .join(format!("{informant}.status.{researcher}.ron"))
    }

    pub fn informant_file(&self, case: &CaseId, informant: &InformantId) -> PathBuf {
        self.case_dir(case)
            .join(INFORMANTS_DIR)
            .join(format!("{informant}.ron"))
    }

    pub fn interview_file(&self, case: &CaseId, interview: &InterviewId) -> PathBuf {
        self.case_dir(case)
            .join(INTERVIEWS_DIR)
            .join(format!("{interview}.ron"))
    }

    pub fn codings_file(&self, case: &CaseId, interview: &InterviewId, coder: &ResearcherId) -> PathBuf {
        self.case_dir(case)
            .join(INTERVIEWS_DIR)
            .join(format!("{interview}.codes.{coder}.ron"))
    }

    /// A second researcher's notes on an interview.
    pub fn notes_file(&self, case: &CaseId, interview: &InterviewId, researcher: &ResearcherId) -> PathBuf {
        self.case_dir(case)
            .join(INTERVIEWS_DIR)
            .join(format!("{interview}.notes.{researcher}.ron"))
    }

    pub fn private_dir(&self) -> PathBuf {
        self.root.join(PRIVATE_DIR)
    }
}

/// `review.<researcher>.ron` → the researcher.
pub fn reviewer_of_file_name(name: &str) -> Option<&str> {
    name.strip_prefix("review.")?
        .strip_suffix(".ron")
        .filter(|r| !r.is_empty())
}

/// `codebook.<researcher>.ron` → the researcher.
pub fn own_codes_of_file_name(name: &str) -> Option<&str> {
    name.strip_prefix("codebook.")?
        .strip_suffix(".ron")
        .filter(|r| !r.is_empty())
}

/// `resolution.<researcher>.ron` → the researcher.
pub fn resolver_of_file_name(name: &str) -> Option<&str> {
    name.strip_prefix("resolution.")?
        .strip_suffix(".ron")
        .filter(|r| !r.is_empty())
}

/// `<informant>.status.<researcher>.ron` → (informant, researcher).
pub fn status_of_file_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".ron")?;
    let (informant, researcher) = stem.split_once(".status.")?;
    (!informant.is_empty() && !researcher.is_empty()).then_some((informant, researcher))
}

/// `<interview>.codes.<researcher>.ron` → (interview, researcher).
pub fn codings_of_file_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".ron")?;
    let (interview, coder) = stem.split_once(".codes.")?;
    (!interview.is_empty() && !coder.is_empty()).then_some((interview, coder))
}

/// `<interview>.notes.<researcher>.ron` → (interview, researcher).
pub fn notes_of_file_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".ron")?;
    let (interview, researcher) = stem.split_once(".notes.")?;
    (!interview.is_empty() && !researcher.is_empty()).then_some((interview, researcher))
}

/// Finds the study whose `cases/study.ron` is in `start` or a folder above it.
pub fn find_study_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| std::fs::symlink_metadata(dir.join(CASES_DIR).join(STUDY_FILE)).is_ok())
        .map(Path::to_path_buf)
}
