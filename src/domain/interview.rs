//! `interviews/<id>.ron` and `interviews/<id>.codes.<researcher>.ron`: an
//! interview with its notes per guide question, and one researcher's codings
//! of those notes (a separate file, so two people can code blind).

use super::ids::{CaseId, CodeId, GuideId, InformantId, InterviewId, QuestionId, ResearcherId};
use chrono::{NaiveDate, NaiveTime};
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
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub start: Option<NaiveTime>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    pub mode: InterviewMode,
    pub recording: Recording,
    /// Notes in guide order; a question with no entry was not reached.
    #[serde(default)]
    pub notes: Vec<QuestionNote>,
    /// Whatever the informant brought up outside the guide.
    #[serde(default)]
    pub other_notes: String,
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
}

impl Interview {
    /// The researcher whose casebook writes this interview's file.
    pub fn writer(&self) -> Option<&ResearcherId> {
        self.note_taker.as_ref().or(self.researchers.first())
    }

    pub fn note(&self, question: &QuestionId) -> Option<&QuestionNote> {
        self.notes.iter().find(|n| &n.question == question)
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
