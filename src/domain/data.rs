//! A whole study in memory: the study file, every case with its reviews,
//! informants and interviews, the guides and the codebook.

use super::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct StudyData {
    pub study: Study,
    pub cases: BTreeMap<CaseId, CaseData>,
    pub guides: BTreeMap<GuideId, Guide>,
    pub codebook: Codebook,
    /// Each coder's own new codes, from `guides/codebook.<researcher>.ron`.
    pub own_codes: BTreeMap<ResearcherId, OwnCodes>,
}

/// One case folder.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseData {
    pub case: Case,
    pub reviews: BTreeMap<ResearcherId, Review>,
    /// Each researcher's resolutions, from `resolution.<researcher>.ron`.
    pub resolutions: BTreeMap<ResearcherId, Resolution>,
    /// The folder's `case.ron` failed to load: `case` only stands in for it,
    /// so the rest of the folder (reviews, informants, interviews) is kept.
    pub stand_in: bool,
    pub informants: BTreeMap<InformantId, Informant>,
    pub interviews: BTreeMap<InterviewId, InterviewData>,
}

impl CaseData {
    pub fn new(case: Case) -> Self {
        CaseData {
            case,
            reviews: BTreeMap::new(),
            resolutions: BTreeMap::new(),
            stand_in: false,
            informants: BTreeMap::new(),
            interviews: BTreeMap::new(),
        }
    }

    pub fn submitted_reviews(&self) -> usize {
        self.reviews.values().filter(|r| r.is_submitted()).count()
    }
}

/// One interview with every researcher's codings of it.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewData {
    pub interview: Interview,
    /// Second researchers' notes (`<id>.notes.<researcher>.ron`).
    pub notes_by: BTreeMap<ResearcherId, ResearcherNotes>,
    pub codings: BTreeMap<ResearcherId, Codings>,
    /// The interview's own file failed to load: `interview` only stands in
    /// for it, so its codings are kept.
    pub stand_in: bool,
}

impl InterviewData {
    pub fn new(interview: Interview) -> Self {
        InterviewData {
            interview,
            notes_by: BTreeMap::new(),
            codings: BTreeMap::new(),
            stand_in: false,
        }
    }

    /// `who`'s note on `question`: the note-taker's is in the interview
    /// file, anyone else's in their own notes file.
    pub fn note_by(&self, who: &ResearcherId, question: &QuestionId) -> Option<&QuestionNote> {
        if self.interview.writer() == Some(who) {
            return self.interview.note(question);
        }
        let theirs = self.notes_by.get(who)?;
        theirs
            .notes
            .iter()
            .chain(&theirs.outside)
            .find(|n| &n.question == question)
    }

    /// The notes codings with `notes_of` point into, on `question`: the
    /// note-taker's when `None`.
    pub fn coded_note(&self, notes_of: Option<&ResearcherId>, question: &QuestionId) -> Option<&QuestionNote> {
        match notes_of {
            Some(who) => self.note_by(who, question),
            None => self.interview.note(question),
        }
    }
}

/// What `casebook check` counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub cases: usize,
    pub reviews: usize,
    pub informants: usize,
    pub interviews: usize,
    /// Coded passages, over every coder's file.
    pub codings: usize,
    pub guides: usize,
    pub codes: usize,
}

impl StudyData {
    pub fn empty(study: Study) -> Self {
        StudyData {
            study,
            cases: BTreeMap::new(),
            guides: BTreeMap::new(),
            codebook: Codebook::new(Vec::new()),
            own_codes: BTreeMap::new(),
        }
    }

    pub fn counts(&self) -> Counts {
        let cases = self.cases.values();
        Counts {
            cases: self.cases.len(),
            reviews: cases.clone().map(|c| c.reviews.len()).sum(),
            informants: cases.clone().map(|c| c.informants.len()).sum(),
            interviews: cases.clone().map(|c| c.interviews.len()).sum(),
            codings: cases
                .flat_map(|c| c.interviews.values())
                .flat_map(|i| i.codings.values())
                .map(|c| c.codings.len())
                .sum(),
            guides: self.guides.len(),
            codes: self.codebook.flatten().len(),
        }
    }

    /// Every informant of the study, with the case folder it lives in.
    pub fn informants(&self) -> impl Iterator<Item = &Informant> {
        self.cases.values().flat_map(|c| c.informants.values())
    }

    pub fn informant(&self, id: &InformantId) -> Option<&Informant> {
        self.informants().find(|i| &i.id == id)
    }

    pub fn interviews(&self) -> impl Iterator<Item = &InterviewData> {
        self.cases.values().flat_map(|c| c.interviews.values())
    }

    /// The size band label of a case, by the study's bands.
    pub fn size_band_of(&self, case: &Case) -> Option<&str> {
        case.population
            .and_then(|p| self.study.size_band_of(p))
            .map(|b| b.label.as_str())
    }

    /// A focus area's display name, falling back to its id.
    pub fn focus_area_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.study.focus_area(id).map(|f| f.name.as_str()).unwrap_or(id)
    }
}
