//! The interview screen's part of the update function: opening an
//! interview (or starting one from an informant, recording consent first),
//! moving between questions, marking them, typing, and saving: through the
//! disk worker, at most `SAVE_AFTER` after the first unsaved change, and on
//! every question change, leave, quit and suspend.

use super::{InterviewScreen, Session, SAVE_AFTER};
use crate::analysis::conditions::{applies, Applies};
use crate::domain::*;
use crate::ops::interview::{finish, my_draft, private_draft, save_notes, start_with};
use crate::ops::note_privacy::details_in;
use crate::ops::Ctx;
use crate::store::stamps::fingerprint;
use crate::tui::action::{Action, Mode, Screen};
use crate::tui::app::{App, Effect, Unsaved};
use crate::tui::effects::{keep_unsaved, recovery_dir};
use crate::tui::widgets::editor::EditorPane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl App {
    /// Opens an interview on the interview screen, at the question last
    /// worked on. My private draft, if a contact detail left one, is newer
    /// than the shared notes and is what opens.
    pub fn open_interview(&mut self, case: &CaseId, id: &InterviewId) {
        let Some(me) = self.me.clone() else {
            self.refuse("say who you are first (--as ID): notes record who typed them".to_string());
            return;
        };
        let Some(data) = self.data.cases.get(case).and_then(|c| c.interviews.get(id)) else {
            self.refuse(format!("no interview `{id}` in case {case}"));
            return;
        };
        let record = &data.interview;
        let path = if record.writer() == Some(&me) {
            self.layout.interview_file(case, id)
        } else {
            self.layout.notes_file(case, id, &me)
        };
        let guide = self.data.guides.get(&record.guide);
        let mut items: Vec<QuestionId> = guide
            .map(|g| g.questions().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        let ctx = Ctx {
            layout: &self.layout,
            me: Some(&me),
            failed: &self.failed,
            now: (self.now)(),
        };
        // A coder who was not there reads the note-taker's notes to code them.
        let may_write = record.writer() == Some(&me) || record.researchers.contains(&me);
        let reading = if may_write { None } else { record.writer().cloned() };
        let (draft, kept) = match private_draft(&ctx, &self.data.study, case, id) {
            Some(draft) => (draft, true),
            None => (my_draft(data, &me), false),
        };
        items.extend(draft.outside.iter().map(|n| n.question.clone()));
        let current = draft
            .at_question
            .as_ref()
            .and_then(|q| items.iter().position(|i| i == q))
            .unwrap_or(0);
        let consent: Vec<InformantId> = record
            .informants
            .iter()
            .filter(|i| self.data.informant(i).is_some_and(|i| i.consent.is_none()))
            .cloned()
            .collect();
        let mut session = Session {
            case: case.clone(),
            id: id.clone(),
            expected: vec![self.stamps.get(&path)],
            path,
            items,
            current,
            editor: EditorPane::new("", ""),
            draft,
            dirty_since: None,
            conflict: None,
            private: 0,
            consent,
            confirm_finish: false,
            wants_editor: false,
            picker: None,
            reading,
            may_write,
        };
        load_editor(&mut session, &self.contacts, &self.data);
        self.message = Some(if let Some(writer) = &session.reading {
            format!("{id}: {writer}'s notes, read-only: select a passage and Ctrl-O codes it")
        } else if kept {
            format!("{id}: opened your private draft (a note holds a contact detail)")
        } else {
            format!("{id}: Ctrl-N/Ctrl-P move between questions, F1 help, Esc back")
        });
        self.screens.interview.session = Some(session);
        self.screen = Screen::Interviews;
    }

    /// Starts an interview with an informant (Recruitment) and opens it; an
    /// interview of mine with them that is not finished opens instead.
    pub fn start_interview_with(&mut self, informant: &InformantId) -> Vec<Effect> {
        let Some(me) = self.me.clone() else {
            self.refuse("say who you are first (--as ID): an interview records who took the notes".to_string());
            return Vec::new();
        };
        let open = self.data.interviews().find(|i| {
            i.interview.informants.contains(informant)
                && i.interview.writer() == Some(&me)
                && i.interview.ended.is_none()
                && i.interview.started.is_some()
        });
        if let Some(open) = open.map(|i| (i.interview.case.clone(), i.interview.id.clone())) {
            self.open_interview(&open.0, &open.1);
            return Vec::new();
        }
        let mut started = None;
        let effects = self.apply(|ctx, data| {
            let (change, id) = start_with(ctx, data, informant)?;
            started = Some(id);
            Ok(change)
        });
        if let Some(id) = started {
            let case = self.data.informant(informant).map(|i| i.case.clone());
            if let Some(case) = case {
                self.open_interview(&case, &id);
                self.message = Some(format!("started {id} with {informant}"));
                // The file just sent to be written is mine.
                if let Some(session) = self.screens.interview.session.as_mut() {
                    for effect in &effects {
                        if let Effect::Apply(change) = effect {
                            for write in change.writes.iter().filter(|w| w.path == session.path) {
                                session.expected.push(Some(fingerprint(write.text.as_bytes())));
                            }
                        }
                    }
                }
            }
        }
        effects
    }

    /// The interview screen takes the key, when it is showing and nothing
    /// lies over it: its own bindings, else the key is text for the notes.
    pub fn interview_key(&mut self, key: KeyEvent) -> Option<Vec<Effect>> {
        if self.screen != Screen::Interviews || self.popup.is_some() || self.input.is_some() {
            return None;
        }
        let session = self.screens.interview.session.as_mut()?;
        if let Some(informant) = session.consent.first().cloned() {
            return Some(self.consent_key(informant, key));
        }
        if session.confirm_finish {
            session.confirm_finish = false;
            return Some(match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.finish_interview(),
                _ => {
                    self.message = Some("not finished; the interview goes on".to_string());
                    Vec::new()
                }
            });
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            let effects = self.save_interview_now();
            self.should_quit = true;
            return Some(effects);
        }
        if self.code_picker_open() {
            return Some(self.code_picker_key(key));
        }
        if let Some(action) = self.keymap.mode_action(&key, Mode::Interview) {
            return Some(self.interview_action(action));
        }
        let now = (self.screens.interview.clock)();
        let session = self.screens.interview.session.as_mut()?;
        if let Some(writer) = session.reading.clone() {
            if session.editor.handle_read_only(key) {
                let back = if session.may_write {
                    "; F2 back to your own notes"
                } else {
                    ""
                };
                self.message = Some(format!("read-only: {writer}'s notes; select and Ctrl-O to code{back}"));
            }
            return Some(Vec::new());
        }
        if !session.editor.handle(key) {
            return Some(Vec::new());
        }
        session.dirty_since.get_or_insert(now);
        self.typed_in_current_note();
        Some(self.save_if_due())
    }

    fn interview_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(session) = self.screens.interview.session.as_mut() else {
            return Vec::new();
        };
        // Reading another researcher's notes, nothing of them may change.
        let changes_notes = matches!(
            action,
            Action::ExternalEditor | Action::NoteOutsideGuide | Action::ToggleCovered | Action::SkipQuestion
        );
        if let (Some(who), true) = (session.reading.clone(), changes_notes) {
            let back = if session.may_write {
                "; F2 back to your own notes"
            } else {
                ""
            };
            self.message = Some(format!("read-only: {who}'s notes{back}"));
            return Vec::new();
        }
        match action {
            Action::NextQuestion | Action::PreviousQuestion => {
                let last = session.items.len().saturating_sub(1);
                let to = if action == Action::NextQuestion {
                    (session.current + 1).min(last)
                } else {
                    session.current.saturating_sub(1)
                };
                self.go_to_question(to)
            }
            Action::ToggleCovered => self.mark(|note| {
                note.covered = !note.covered;
                note.skipped = false;
            }),
            Action::SkipQuestion => {
                let mut effects = self.mark(|note| {
                    note.skipped = !note.skipped;
                    note.covered = false;
                });
                let next = self.screens.interview.session.as_ref().map_or(0, |s| s.current + 1);
                let last = self
                    .screens
                    .interview
                    .session
                    .as_ref()
                    .map_or(0, |s| s.items.len().saturating_sub(1));
                effects.extend(self.go_to_question(next.min(last)));
                effects
            }
            Action::NoteOutsideGuide => {
                sync_editor(session);
                let n = session.draft.outside.len() + 1;
                let id = (n..)
                    .map(|k| QuestionId::new(format!("outside-{k}")))
                    .find(|id| !session.items.contains(id))
                    .unwrap_or_else(|| QuestionId::new(format!("outside-{n}")));
                session.items.push(id.clone());
                session.note_mut(&id).covered = true;
                let to = session.items.len() - 1;
                let mut effects = self.go_to_question(to);
                self.message = Some(format!("{id}: a note outside the guide"));
                effects.extend(self.save_interview_now());
                effects
            }
            Action::ExternalEditor => {
                session.wants_editor = true;
                Vec::new()
            }
            Action::FinishInterview => {
                session.confirm_finish = true;
                self.message = Some(
                    "finish the interview now? y finishes (the informant becomes interviewed), any other key goes on"
                        .to_string(),
                );
                Vec::new()
            }
            Action::SelectPassage => self.select_passage(),
            Action::ReadNoteTaker => self.toggle_reading(),
            Action::CodePassage => self.open_code_picker(),
            Action::Back => self.leave_interview(),
            Action::ToggleHelp => {
                self.popup = Some(crate::tui::app::Popup::Help(Default::default()));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Changes the current note's marks, and saves.
    fn mark(&mut self, change: impl FnOnce(&mut QuestionNote)) -> Vec<Effect> {
        let Some(session) = self.screens.interview.session.as_mut() else {
            return Vec::new();
        };
        sync_editor(session);
        let Some(id) = session.question().cloned() else {
            return Vec::new();
        };
        change(session.note_mut(&id));
        self.save_interview_now()
    }

    fn go_to_question(&mut self, to: usize) -> Vec<Effect> {
        let Some(session) = self.screens.interview.session.as_mut() else {
            return Vec::new();
        };
        if to == session.current {
            return Vec::new();
        }
        sync_editor(session);
        session.current = to;
        session.draft.at_question = session.question().cloned();
        load_editor(session, &self.contacts, &self.data);
        self.save_interview_now()
    }

    /// The first note typed on a question records the minute into the interview.
    pub(super) fn typed_in_current_note(&mut self) {
        let now = (self.now)();
        let started = self.screens.interview.session.as_ref().and_then(|s| {
            let record = &self.data.cases.get(&s.case)?.interviews.get(&s.id)?.interview;
            record.started
        });
        let contacts = &self.contacts;
        let Some(session) = self.screens.interview.session.as_mut() else {
            return;
        };
        let Some(id) = session.question().cloned() else { return };
        let note = session.note_mut(&id);
        if note.minute.is_none() {
            if let Some(started) = started {
                note.minute = Some(((now - started).num_seconds().max(0) / 60) as u32);
            }
        }
        mark_details(&mut session.editor, contacts);
    }

    /// The clock ticked: save typing that has waited long enough, and notice
    /// a save the disk worker refused.
    pub fn interview_tick(&mut self) -> Vec<Effect> {
        if !self.screens.interview.is_open() {
            return Vec::new();
        }
        self.notice_refused_save();
        self.save_if_due()
    }

    fn save_if_due(&mut self) -> Vec<Effect> {
        let now = (self.screens.interview.clock)();
        let due = self
            .screens
            .interview
            .session
            .as_ref()
            .and_then(|s| s.dirty_since)
            .is_some_and(|since| now.saturating_duration_since(since) >= SAVE_AFTER);
        if due {
            self.save_interview_now()
        } else {
            Vec::new()
        }
    }

    /// Sends my notes to be saved now (through the disk worker), unless the
    /// shared file changed under me: then nothing is written over it and my
    /// text goes to the recovery folder.
    pub fn save_interview_now(&mut self) -> Vec<Effect> {
        self.notice_refused_save();
        let Some(session) = self.screens.interview.session.as_mut() else {
            return Vec::new();
        };
        sync_editor(session);
        session.dirty_since = None;
        if !session.may_write {
            return Vec::new();
        }
        if session.conflict.is_some() {
            self.keep_in_recovery();
            return Vec::new();
        }
        if !session.expected.contains(&self.stamps.get(&session.path)) {
            let why = format!("{} changed on disk (a git pull?)", session.path.display());
            session.conflict = Some(why);
            self.keep_in_recovery();
            return Vec::new();
        }
        let (case, id, draft, path) = (
            session.case.clone(),
            session.id.clone(),
            session.draft.clone(),
            session.path.clone(),
        );
        let contacts = self.contacts.clone();
        let mut private = 0;
        let effects = self.apply(|ctx, data| {
            let (change, kept) = save_notes(ctx, data, &case, &id, draft, &contacts)?;
            private = kept;
            Ok(change)
        });
        let written = effects.iter().find_map(|e| match e {
            Effect::Apply(change) => change.writes.iter().find(|w| w.path == path),
            _ => None,
        });
        if let Some(session) = self.screens.interview.session.as_mut() {
            if let Some(write) = written {
                session.expected.push(Some(fingerprint(write.text.as_bytes())));
                // Only the latest few matter: the file holds one of them.
                if session.expected.len() > 16 {
                    session.expected.drain(1..9);
                }
                session.editor.mark_saved();
            }
            session.private = private;
        }
        effects
    }

    /// A save the disk worker refused (the file changed on disk): saving
    /// stops and my text goes to the recovery folder.
    fn notice_refused_save(&mut self) {
        let Some(session) = self.screens.interview.session.as_mut() else {
            return;
        };
        if session.conflict.is_none() && self.unsaved.iter().any(|u| u.path == session.path) {
            session.conflict = Some(format!("{} changed on disk", session.path.display()));
            self.keep_in_recovery();
        }
    }

    /// Writes my whole draft to the recovery folder now (a kill -9 later
    /// must not lose it) and keeps it listed as unsaved, so quitting says
    /// where it is and exits 4.
    fn keep_in_recovery(&mut self) {
        let Some(session) = self.screens.interview.session.as_ref() else {
            return;
        };
        let notes = ResearcherNotes {
            interview: session.id.clone(),
            researcher: self.me.clone().unwrap_or_default(),
            notes: session.draft.notes.clone(),
            outside: session.draft.outside.clone(),
            at_question: session.draft.at_question.clone(),
        };
        let Ok(text) = crate::store::ron_io::to_ron(&notes) else {
            return;
        };
        let why = session.conflict.clone().unwrap_or_default();
        let item = Unsaved {
            path: session.path.clone(),
            text,
            why: why.clone(),
        };
        if self.unsaved.iter().any(|u| u.path == item.path && u.text == item.text) {
            return;
        }
        let lines = keep_unsaved(std::slice::from_ref(&item), recovery_dir().as_deref());
        self.unsaved.retain(|u| u.path != item.path);
        self.unsaved.push(item);
        let kept = lines.first().cloned().unwrap_or_default();
        self.refuse(format!("not saved: {why}; nothing was written over it. {kept}"));
    }

    /// Esc: save and go back to the list of interviews.
    pub fn leave_interview(&mut self) -> Vec<Effect> {
        let effects = self.save_interview_now();
        if let Some(session) = self.screens.interview.session.take() {
            if session.conflict.is_none() {
                self.message = Some(format!("{}: notes saved", session.id));
            }
        }
        effects
    }

    /// Saves whatever is typed, for quit and suspend.
    pub fn flush_interview(&mut self) -> Vec<Effect> {
        if self.screens.interview.is_open() {
            self.save_interview_now()
        } else {
            Vec::new()
        }
    }

    fn finish_interview(&mut self) -> Vec<Effect> {
        let mut effects = self.save_interview_now();
        let Some((case, id)) = self
            .screens
            .interview
            .session
            .as_ref()
            .map(|s| (s.case.clone(), s.id.clone()))
        else {
            return effects;
        };
        effects.extend(self.apply(|ctx, data| finish(ctx, data, &case, &id)));
        if let Some(session) = self.screens.interview.session.as_mut() {
            let path = session.path.clone();
            if let Some(Effect::Apply(change)) = effects.last() {
                if let Some(write) = change.writes.iter().find(|w| w.path == path) {
                    session.expected.push(Some(fingerprint(write.text.as_bytes())));
                }
            }
        }
        effects
    }
}

/// The editor's text into the draft's note on the current question.
fn sync_editor(session: &mut Session) {
    if session.reading.is_some() {
        return;
    }
    let Some(id) = session.question().cloned() else { return };
    let text = session.editor.text();
    if session.note(&id).is_none() && text.is_empty() {
        return;
    }
    session.note_mut(&id).text = text;
}

/// The current question's note into the editor pane.
pub(super) fn load_editor(session: &mut Session, contacts: &crate::store::private::Contacts, data: &StudyData) {
    let id = session.question().cloned();
    let text = match (&session.reading, &id) {
        (Some(_), Some(q)) => super::reading::read_note(session, data, q).unwrap_or_default(),
        _ => id
            .as_ref()
            .and_then(|q| session.note(q))
            .map(|n| n.text.clone())
            .unwrap_or_default(),
    };
    let title = match &session.reading {
        Some(who) => format!(
            " Notes: {} ({who}'s, read-only) ",
            id.as_ref().map_or("", |q| q.as_str())
        ),
        None => format!(" Notes: {} ", id.as_ref().map_or("", |q| q.as_str())),
    };
    session.editor = EditorPane::new(title, &text);
    session.editor.area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    mark_details(&mut session.editor, contacts);
}

/// Marks each contact detail in the pane (the search highlight), so the
/// one typing sees what keeps the note private.
pub(super) fn mark_details(editor: &mut EditorPane, contacts: &crate::store::private::Contacts) {
    let text = editor.text();
    let found = details_in(&text, contacts);
    let pattern = found
        .iter()
        .map(|r| regex_escape(&text[r.clone()]))
        .collect::<Vec<_>>()
        .join("|");
    let pattern = if pattern.is_empty() {
        String::new()
    } else {
        format!("(?i){pattern}")
    };
    let _ = editor.area.set_search_pattern(pattern);
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

/// Which of a guide's questions apply to the interview's case.
pub fn applicability(app_data: &StudyData, case: &CaseId, guide: &Guide) -> Vec<(QuestionId, Applies)> {
    let Some(case) = app_data.cases.get(case) else {
        return guide.questions().map(|q| (q.id.clone(), Applies::Yes)).collect();
    };
    guide
        .questions()
        .map(|q| (q.id.clone(), applies(app_data, case, q)))
        .collect()
}

impl InterviewScreen {
    /// Whether the note on the current question holds a contact detail.
    pub fn current_has_detail(&self, contacts: &crate::store::private::Contacts) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| !details_in(&s.editor.text(), contacts).is_empty())
    }
}
