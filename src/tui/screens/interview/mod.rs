//! The interview screen: the guide on one side (sections, questions, what is
//! covered; the current question with its probes and note to self), the
//! current question's notes in an editor pane on the other, and a running
//! clock. Typing is saved in the background within a second, and on every
//! question change, leave, quit and suspend (`update.rs`); a file changed on
//! disk meanwhile is not overwritten and the local text goes to the
//! recovery folder.

pub mod coding;
pub mod coding_view;
pub mod consent_step;
pub mod external;
pub mod reading;
pub mod update;
pub mod view;

use crate::domain::*;
use crate::ops::interview::Draft;
use crate::tui::widgets::editor::EditorPane;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Typing is saved once its first unsaved change is this old; with the
/// clock ticking every `TICK`, no change waits more than a second.
pub const SAVE_AFTER: Duration = Duration::from_millis(700);
pub const TICK: Duration = Duration::from_millis(250);

#[derive(Debug)]
pub struct InterviewScreen {
    pub session: Option<Session>,
    /// The codes I used last, newest first: a digit away in the picker.
    pub recent: Vec<CodeId>,
    /// The monotonic clock autosave counts with; tests replace it.
    pub clock: fn() -> Instant,
}

impl Default for InterviewScreen {
    fn default() -> Self {
        InterviewScreen {
            session: None,
            recent: Vec::new(),
            clock: Instant::now,
        }
    }
}

impl InterviewScreen {
    pub fn is_open(&self) -> bool {
        self.session.is_some()
    }
}

/// One open interview.
#[derive(Debug)]
pub struct Session {
    pub case: CaseId,
    pub id: InterviewId,
    /// The shared file my notes go to (the interview file, or my own notes
    /// file when I am not the note-taker).
    pub path: PathBuf,
    /// The guide's questions in order, then the notes outside the guide.
    pub items: Vec<QuestionId>,
    pub current: usize,
    pub editor: EditorPane,
    /// Everything I typed, the current note as of the last sync.
    pub draft: Draft,
    /// When the oldest change not yet sent to be saved was typed.
    pub dirty_since: Option<Instant>,
    /// Fingerprints of the shared file that are mine: as it was when opened
    /// and each text I saved since. Anything else there is someone else's.
    pub expected: Vec<Option<u64>>,
    /// Why saving stopped (the file changed on disk), once it has.
    pub conflict: Option<String>,
    /// Notes kept privately because they hold a contact detail.
    pub private: usize,
    /// Informants whose consent is still to be recorded, asked in turn.
    pub consent: Vec<InformantId>,
    /// Asking whether to finish the interview.
    pub confirm_finish: bool,
    /// Ctrl-e: the loop runs `$EDITOR` on the current note.
    pub wants_editor: bool,
    /// Coding a passage: the picker over the codebook, while open.
    pub picker: Option<coding::CodePicker>,
    /// Whose notes the pane shows read-only, for coding them: the
    /// note-taker's, to a coder who was not there (always) or to the second
    /// researcher (F2). `None`: my own notes, to type in.
    pub reading: Option<ResearcherId>,
    /// I was present and may write notes on this interview.
    pub may_write: bool,
}

impl Session {
    pub fn question(&self) -> Option<&QuestionId> {
        self.items.get(self.current)
    }

    /// The note on `id` in the draft, if it has one.
    pub fn note(&self, id: &QuestionId) -> Option<&QuestionNote> {
        self.draft
            .notes
            .iter()
            .chain(&self.draft.outside)
            .find(|n| &n.question == id)
    }

    /// The note on `id`, made when missing: among the guide's notes (kept in
    /// guide order) or the notes outside it.
    pub fn note_mut(&mut self, id: &QuestionId) -> &mut QuestionNote {
        let outside = id.as_str().starts_with("outside-");
        let list = if outside {
            &mut self.draft.outside
        } else {
            &mut self.draft.notes
        };
        if let Some(at) = list.iter().position(|n| &n.question == id) {
            return &mut list[at];
        }
        let order = |q: &QuestionId| self.items.iter().position(|i| i == q).unwrap_or(usize::MAX);
        let at = list
            .iter()
            .position(|n| order(&n.question) > order(id))
            .unwrap_or(list.len());
        list.insert(at, QuestionNote::new(id.clone()));
        &mut list[at]
    }
}
