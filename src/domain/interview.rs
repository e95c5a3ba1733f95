//! `interviews/<id>.ron`, `interviews/<id>.notes.<researcher>.ron` and
//! `interviews/<id>.codes.<researcher>.ron`: an interview with the
//! note-taker's notes per guide question, a second researcher's notes (their
//! own file, so two people typing at once never write one file), and one
//! researcher's codings of those notes (a separate file, so two people can
//! code blind).

use super::ids::{CaseId, CodeId, GuideId, InformantId, InterviewId, QuestionId, ResearcherId};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    pub id: InterviewId,
    pub case: CaseId,
    pub guide: GuideId,
    pub informants: Vec<InformantId>,
    /// Researchers present.
    pub researchers: Vec<ResearcherId>,
    /// Who takes the notes, and so writes this file; the first researcher
    /// present when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_taker: Option<ResearcherId>,
    /// Who asks the questions, when it is said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<ResearcherId>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub start: Option<NaiveTime>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    /// When the interview was planned to begin and end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_start: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_end: Option<DateTime<FixedOffset>>,
    /// When it began and ended (the interview screen records both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<DateTime<FixedOffset>>,
    pub mode: InterviewMode,
    pub recording: Recording,
    /// The informants' consent was confirmed at the start (it is recorded on
    /// each informant, in a status file).
    #[serde(default, skip_serializing_if = "is_false")]
    pub consent_confirmed: bool,
    /// Notes in guide order; a question with no entry was not reached.
    #[serde(default)]
    pub notes: Vec<QuestionNote>,
    /// Notes outside the guide ("the informant also brought up…"), each with
    /// an id of its own (`outside-1`) so it can be coded like an answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<QuestionNote>,
    /// Whatever the informant brought up outside the guide, as one text
    /// (format 1; new notes go to `outside`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other_notes: String,
    /// The question the note-taker last worked on: the interview screen
    /// reopens there (after a crash too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_question: Option<QuestionId>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `interviews/<id>.notes.<researcher>.ron`: a second researcher's notes on
/// an interview, shown beside the note-taker's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResearcherNotes {
    pub interview: InterviewId,
    pub researcher: ResearcherId,
    #[serde(default)]
    pub notes: Vec<QuestionNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<QuestionNote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_question: Option<QuestionId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InterviewMode {
    Digital,
    InPerson,
    Phone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recording {
    NotesOnly,
    Recorded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionNote {
    pub question: QuestionId,
    pub covered: bool,
    #[serde(default)]
    pub text: String,
    /// Minutes into the interview when the first note on it was typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<u32>,
    /// Passed over on purpose (it did not fit this informant).
    #[serde(default, skip_serializing_if = "is_false")]
    pub skipped: bool,
}

impl QuestionNote {
    pub fn new(question: QuestionId) -> Self {
        QuestionNote {
            question,
            covered: false,
            text: String::new(),
            minute: None,
            skipped: false,
        }
    }
}

impl Interview {
    /// A new interview with nothing recorded yet.
    pub fn new(id: InterviewId, case: CaseId, guide: GuideId) -> Self {
        Interview {
            id,
            case,
            guide,
            informants: Vec::new(),
            researchers: Vec::new(),
            note_taker: None,
            interviewer: None,
            date: None,
            start: None,
            duration_minutes: None,
            scheduled_start: None,
            scheduled_end: None,
            started: None,
            ended: None,
            mode: InterviewMode::Digital,
            recording: Recording::NotesOnly,
            consent_confirmed: false,
            notes: Vec::new(),
            outside: Vec::new(),
            other_notes: String::new(),
            at_question: None,
        }
    }

    /// The researcher whose casebook writes this interview's file.
    pub fn writer(&self) -> Option<&ResearcherId> {
        self.note_taker.as_ref().or(self.researchers.first())
    }

    /// The notes on a guide question or a note outside the guide, by id.
    pub fn note(&self, question: &QuestionId) -> Option<&QuestionNote> {
        self.notes.iter().chain(&self.outside).find(|n| &n.question == question)
    }

    pub fn is_held(&self) -> bool {
        self.notes.iter().any(|n| n.covered)
    }
}

/// One researcher's codings of one interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codings {
    pub interview: InterviewId,
    pub coder: ResearcherId,
    /// Whose notes the codings point into: a second researcher's
    /// (`<id>.notes.<researcher>.ron`), or the note-taker's when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes_of: Option<ResearcherId>,
    pub codings: Vec<Coding>,
    /// The coder has finished coding this interview: under blind double
    /// coding, each coder sees the other's codings once both are done.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// A passage of the notes on one question, with the codes given to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coding {
    pub question: QuestionId,
    /// Start of the passage in characters (not bytes) of the note's text.
    pub start: usize,
    /// End of the passage, exclusive, in characters.
    pub end: usize,
    /// The passage as it read when coded, so a later edit of the notes shows.
    pub text: String,
    pub codes: Vec<CodeId>,
    /// A passage the report may quote (anonymously).
    #[serde(default)]
    pub quote: bool,
    #[serde(default)]
    pub memo: String,
    /// The day it was coded (codings made before dates were kept have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Where the passage stands after loading (never written): found at its
    /// offsets, found elsewhere in the notes, or gone.
    #[serde(skip)]
    pub anchor: Anchor,
}

/// Whether a coding's stored text was found again in its notes at load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Anchor {
    /// At its stored offsets.
    #[default]
    Exact,
    /// Found again elsewhere (the notes were edited); `start`/`end` now point
    /// at it, and the coder's own casebook may write them back.
    Moved { from_start: usize, from_end: usize },
    /// Its text is gone from the notes: kept for the coder to place again,
    /// and never taken to mean whatever words are at its offsets now.
    Lost,
}

impl Coding {
    /// The passage's characters in `note`, or `None` if the range no longer fits.
    pub fn passage_in<'a>(&self, note: &'a str) -> Option<&'a str> {
        if self.start > self.end {
            return None;
        }
        let mut indices = note.char_indices().map(|(i, _)| i).chain(std::iter::once(note.len()));
        let start = indices.nth(self.start)?;
        let end = if self.end == self.start {
            start
        } else {
            indices.nth(self.end - self.start - 1)?
        };
        Some(&note[start..end])
    }
}
