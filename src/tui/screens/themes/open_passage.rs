//! Opening an interview at a passage: the interview screen opens as it
//! always does (my draft, consent asked first), then moves to the passage's
//! question with the cursor on the passage's first character. Built on the
//! interview screen's public state, so that screen's own code is untouched.

use crate::domain::{CaseId, InterviewId, QuestionId};
use crate::ops::note_privacy::details_in;
use crate::tui::app::App;
use crate::tui::widgets::editor::EditorPane;
use ratatui_textarea::CursorMove;

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
        let contacts = &self.contacts;
        let Some(session) = self.screens.interview.session.as_mut() else {
            return;
        };
        if session.case != *case || session.id != *id {
            return;
        }
        let Some(question) = question else { return };
        let Some(to) = session.items.iter().position(|q| q == question) else {
            self.message = Some(format!("{id}: the question {question} is no longer in its guide"));
            return;
        };
        // Nothing has been typed since it opened: the editor holds the
        // note as loaded, so moving needs no save.
        session.current = to;
        session.draft.at_question = Some(question.clone());
        let text = session.note(question).map(|n| n.text.clone()).unwrap_or_default();
        let mut editor = EditorPane::new(format!(" Notes: {question} "), &text);
        editor.area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
        // Contact details stay marked, as when the interview screen loads a note.
        let pattern = details_in(&text, contacts)
            .iter()
            .map(|r| regex_escape(&text[r.clone()]))
            .collect::<Vec<_>>()
            .join("|");
        if !pattern.is_empty() {
            let _ = editor.area.set_search_pattern(format!("(?i){pattern}"));
        }
        if let Some(at) = at.filter(|&at| at <= text.chars().count()) {
            let before: String = text.chars().take(at).collect();
            let row = before.matches('\n').count();
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
            editor.area.move_cursor(CursorMove::Jump(
                row.min(u16::MAX as usize) as u16,
                column.min(u16::MAX as usize) as u16,
            ));
        }
        session.editor = editor;
        self.message = Some(format!(
            "{id} at {question}: Ctrl-N/Ctrl-P move between questions, F1 help, Esc back"
        ));
    }
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
