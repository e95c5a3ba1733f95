//! Reading another researcher's notes on the interview screen, read-only,
//! to code them: a coder who was not at the interview reads the
//! note-taker's always; the second researcher switches to them with F2; a
//! passage opened from the Themes screen opens in the notes it was coded in.

use super::update::load_editor;
use super::Session;
use crate::domain::*;
use crate::tui::app::{App, Effect};

impl App {
    /// Just after opening: moves to `question` with the cursor on character
    /// `at` of the notes a passage was coded in: the note-taker's, shown
    /// read-only to anyone else. Nothing was typed yet, so nothing is saved.
    pub fn show_passage(&mut self, question: &QuestionId, at: Option<usize>) {
        let me = self.me.clone();
        let Some(session) = self.screens.interview.session.as_mut() else {
            return;
        };
        let writer = self
            .data
            .cases
            .get(&session.case)
            .and_then(|c| c.interviews.get(&session.id))
            .and_then(|i| i.interview.writer().cloned());
        if session.reading.is_none() && writer.is_some() && writer != me {
            session.reading = writer;
        }
        let Some(to) = session.items.iter().position(|q| q == question) else {
            self.message = Some(format!(
                "{}: the question {question} is no longer in its guide",
                session.id
            ));
            return;
        };
        session.current = to;
        if session.reading.is_none() {
            session.draft.at_question = Some(question.clone());
        }
        load_editor(session, &self.contacts, &self.data);
        let text = session.editor.text();
        if let Some(at) = at.filter(|&at| at <= text.chars().count()) {
            let before: String = text.chars().take(at).collect();
            let row = before.matches('\n').count();
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
            session.editor.area.move_cursor(ratatui_textarea::CursorMove::Jump(
                row.min(u16::MAX as usize) as u16,
                column.min(u16::MAX as usize) as u16,
            ));
        }
        let whose = match &session.reading {
            Some(w) => format!(" ({w}'s notes, read-only; F2 yours)"),
            None => String::new(),
        };
        self.message = Some(format!(
            "{} at {question}{whose}: Ctrl-N/Ctrl-P move, F1 help, Esc back",
            session.id
        ));
    }
}

/// The note on `question` of the researcher the session reads, as the
/// study holds it: the interview file's for the note-taker, else theirs.
pub fn read_note(session: &Session, data: &StudyData, question: &QuestionId) -> Option<String> {
    let who = session.reading.as_ref()?;
    let interview = data.cases.get(&session.case)?.interviews.get(&session.id)?;
    interview.note_by(who, question).map(|n| n.text.clone())
}

impl App {
    /// F2: the second researcher switches between their own notes and the
    /// note-taker's (read-only), to code either.
    pub(super) fn toggle_reading(&mut self) -> Vec<Effect> {
        let effects = self.save_interview_now();
        let Some(session) = self.screens.interview.session.as_mut() else {
            return effects;
        };
        let writer = self
            .data
            .cases
            .get(&session.case)
            .and_then(|c| c.interviews.get(&session.id))
            .and_then(|i| i.interview.writer().cloned());
        if !session.may_write || writer.is_none() || writer.as_ref() == self.me.as_ref() {
            self.message = Some("these are the only notes of this interview you can show".to_string());
            return effects;
        }
        session.reading = match session.reading {
            Some(_) => None,
            None => writer,
        };
        session.picker = None;
        load_editor(session, &self.contacts, &self.data);
        self.message = Some(match &session.reading {
            Some(w) => format!("{w}'s notes, read-only: select a passage and Ctrl-O codes it; F2 back"),
            None => "your own notes again".to_string(),
        });
        effects
    }
}
