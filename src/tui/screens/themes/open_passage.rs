//! Opening an interview at a passage: the interview screen opens as it
//! always does (consent asked first), then shows the passage's question
//! with the cursor on the passage's first character, in the notes it was
//! coded in (the note-taker's, read-only to anyone else).

use crate::domain::{CaseId, InterviewId, QuestionId};
use crate::tui::app::App;

impl App {
    /// Opens interview `id` of `case` at `question`, the cursor at
    /// character `at` of its note (when the note still has it).
    pub fn open_interview_at(
        &mut self,
        case: &CaseId,
        id: &InterviewId,
        question: Option<&QuestionId>,
        at: Option<usize>,
    ) {
        self.open_interview(case, id);
        let opened = self
            .screens
            .interview
            .session
            .as_ref()
            .is_some_and(|s| s.case == *case && s.id == *id);
        if let (true, Some(question)) = (opened, question) {
            self.show_passage(question, at);
        }
    }
}
