//! Coding on the interview screen: a passage of the current note is
//! selected (Shift+arrows, or Ctrl-L for the line, again for the
//! paragraph), and Ctrl-O opens a picker over the codebook. There the coder
//! types to find codes (folded and fuzzy, `analysis::code_search`), ticks one
//! or more, marks the passage a quote, writes a memo, and Enter codes it in
//! their own codings file. The codes used last are a digit away.

use super::Session;
use crate::analysis::code_search::find_codes;
use crate::domain::codes::CodeIndex;
use crate::domain::*;
use crate::ops::code_passage::{code_passage, codes_for, uncode_passage, NewCoding};
use crate::ops::codebook::{add, id_for, NewCode};
use crate::tui::action::Screen;
use crate::tui::app::{App, Effect};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How many recently used codes the picker offers under digits.
pub const RECENT: usize = 9;

/// The picker over the codebook, for one passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePicker {
    pub question: QuestionId,
    pub start: usize,
    pub end: usize,
    /// The passage's words, as selected.
    pub text: String,
    pub query: String,
    /// The highlighted row of the matches (the last row may be "a new code").
    pub cursor: usize,
    /// The codes ticked so far (Tab, or a digit for a recent one).
    pub ticked: Vec<CodeId>,
    pub quote: bool,
    pub memo: String,
    /// Typing goes to the memo rather than the query.
    pub on_memo: bool,
    /// My codes on exactly these words already.
    pub existing: Vec<CodeId>,
}

/// A row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Code(usize),
    /// The query as a new code.
    New(String),
}

impl CodePicker {
    /// The rows the query gives: matching codes, then the query as a new
    /// code when no code has that name.
    pub fn choices(&self, index: &CodeIndex, usable: &[usize]) -> Vec<Choice> {
        let mut rows: Vec<Choice> = find_codes(index, usable, &self.query)
            .into_iter()
            .map(Choice::Code)
            .collect();
        let name = self.query.trim();
        let taken = usable
            .iter()
            .any(|&i| index.codes[i].name.trim().eq_ignore_ascii_case(name));
        if !name.is_empty() && !taken {
            rows.push(Choice::New(name.to_string()));
        }
        rows
    }
}

impl App {
    /// Ctrl-L: select the cursor's line, or, with it selected, its paragraph.
    pub fn select_passage(&mut self) -> Vec<Effect> {
        if let Some(session) = self.screens.interview.session.as_mut() {
            session.editor.select_line_or_paragraph();
            self.message =
                Some("selected; Shift+arrows extend it, Ctrl-L again takes the paragraph, Ctrl-O codes it".to_string());
        }
        Vec::new()
    }

    /// Ctrl-O: open the picker on the selected passage (or the line). The
    /// notes are saved first: what is coded is what the shared file holds.
    pub fn open_code_picker(&mut self) -> Vec<Effect> {
        let effects = self.save_interview_now();
        let Some(me) = self.me.clone() else {
            self.refuse("say who you are first (w): codings are kept per coder".to_string());
            return effects;
        };
        let Some(session) = self.screens.interview.session.as_ref() else {
            return effects;
        };
        let Some(question) = session.question().cloned() else {
            return effects;
        };
        let (start, end) = session
            .editor
            .selected_span()
            .unwrap_or_else(|| session.editor.line_span());
        let typed = session.editor.text();
        let text: String = typed.chars().skip(start).take(end - start).collect();
        if text.trim().is_empty() {
            self.refuse("nothing to code here: select words first (Shift+arrows, or Ctrl-L for the line)".to_string());
            return effects;
        }
        if shared_note(self, session).as_deref() != Some(typed.as_str()) {
            let why = if session.private > 0 {
                "this note holds a contact detail and is kept privately; take the detail out, then code it"
            } else {
                "these notes are not saved yet; code them once they are"
            };
            self.refuse(why.to_string());
            return effects;
        }
        let existing = self
            .data
            .cases
            .get(&session.case)
            .and_then(|c| c.interviews.get(&session.id))
            .and_then(|i| i.codings.get(&me))
            .and_then(|c| {
                c.codings
                    .iter()
                    .find(|c| c.question == question && (c.start, c.end) == (start, end))
            })
            .map(|c| c.codes.clone())
            .unwrap_or_default();
        let picker = CodePicker {
            question,
            start,
            end,
            text,
            query: String::new(),
            cursor: 0,
            ticked: Vec::new(),
            quote: false,
            memo: String::new(),
            on_memo: false,
            existing,
        };
        if let Some(session) = self.screens.interview.session.as_mut() {
            session.picker = Some(picker);
        }
        effects
    }

    /// A key while the picker is open.
    pub fn code_picker_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let me = self.me.clone();
        let (index, usable) = codes_for(&self.data, me.as_ref());
        let recent = self.screens.interview.recent.clone();
        let Some(picker) = self.screens.interview.session.as_mut().and_then(|s| s.picker.as_mut()) else {
            return Vec::new();
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let choices = picker.choices(&index, &usable);
        match key.code {
            KeyCode::Esc => {
                self.close_picker("not coded");
                return Vec::new();
            }
            KeyCode::Enter => return self.apply_picker(),
            KeyCode::Up => picker.cursor = picker.cursor.saturating_sub(1),
            KeyCode::Down => picker.cursor = (picker.cursor + 1).min(choices.len().saturating_sub(1)),
            KeyCode::Tab => match choices.get(picker.cursor) {
                Some(Choice::Code(i)) => toggle(&mut picker.ticked, &index.codes[*i].id),
                Some(Choice::New(name)) => {
                    let name = name.clone();
                    return self.new_code_in_picker(&name);
                }
                None => {}
            },
            KeyCode::Char('q') if ctrl => picker.quote = !picker.quote,
            KeyCode::Char('e') if ctrl => picker.on_memo = !picker.on_memo,
            KeyCode::Char('d') if ctrl => return self.uncode_picked(),
            KeyCode::Backspace => {
                let text = if picker.on_memo {
                    &mut picker.memo
                } else {
                    &mut picker.query
                };
                text.pop();
                picker.cursor = 0;
            }
            KeyCode::Char(c @ '1'..='9') if !picker.on_memo && picker.query.is_empty() && !ctrl => {
                let n = c as usize - '1' as usize;
                match recent.get(n) {
                    Some(code) => toggle(&mut picker.ticked, code),
                    None => self.message = Some(format!("no recent code {c} yet")),
                }
            }
            KeyCode::Char(c) if !ctrl => {
                if picker.on_memo {
                    picker.memo.push(c);
                } else {
                    picker.query.push(c);
                    picker.cursor = 0;
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn close_picker(&mut self, why: &str) {
        if let Some(session) = self.screens.interview.session.as_mut() {
            session.picker = None;
        }
        self.message = Some(why.to_string());
    }

    /// Enter: code the passage with the ticked codes, or the highlighted one.
    fn apply_picker(&mut self) -> Vec<Effect> {
        let me = self.me.clone();
        let (index, usable) = codes_for(&self.data, me.as_ref());
        let Some(session) = self.screens.interview.session.as_ref() else {
            return Vec::new();
        };
        let Some(picker) = session.picker.clone() else {
            return Vec::new();
        };
        let mut codes = picker.ticked.clone();
        if codes.is_empty() {
            match picker.choices(&index, &usable).get(picker.cursor) {
                Some(Choice::Code(i)) => codes.push(index.codes[*i].id.clone()),
                Some(Choice::New(name)) => {
                    let name = name.clone();
                    let mut effects = self.new_code_in_picker(&name);
                    effects.extend(self.apply_picker());
                    return effects;
                }
                None => {
                    self.refuse("no code chosen: type to find one, Tab ticks it".to_string());
                    return Vec::new();
                }
            }
        }
        let notes_of = match &session.reading {
            Some(who) => Some(who.clone()),
            None => me.clone(),
        };
        let (case, id) = (session.case.clone(), session.id.clone());
        let new = NewCoding {
            question: picker.question.clone(),
            notes_of,
            start: picker.start,
            end: picker.end,
            codes: codes.clone(),
            quote: picker.quote,
            memo: picker.memo.clone(),
        };
        let effects = self.apply(|ctx, data| code_passage(ctx, data, &case, &id, new));
        if !effects.is_empty() {
            let recent = &mut self.screens.interview.recent;
            for code in codes.iter().rev() {
                recent.retain(|c| c != code);
                recent.insert(0, code.clone());
            }
            recent.truncate(RECENT);
            if let Some(session) = self.screens.interview.session.as_mut() {
                session.picker = None;
                session.editor.area.cancel_selection();
            }
        }
        effects
    }

    /// Ctrl-D in the picker: remove my coding of these very words.
    fn uncode_picked(&mut self) -> Vec<Effect> {
        let Some(session) = self.screens.interview.session.as_ref() else {
            return Vec::new();
        };
        let Some(picker) = session.picker.clone() else {
            return Vec::new();
        };
        let (case, id) = (session.case.clone(), session.id.clone());
        let effects =
            self.apply(|ctx, data| uncode_passage(ctx, data, &case, &id, &picker.question, (picker.start, picker.end)));
        if !effects.is_empty() {
            if let Some(session) = self.screens.interview.session.as_mut() {
                session.picker = None;
            }
        }
        effects
    }

    /// The query as a new code: the lead's goes in the codebook, a coder's in
    /// their own codes; either is usable at once, and is ticked.
    fn new_code_in_picker(&mut self, name: &str) -> Vec<Effect> {
        let id = id_for(&self.data, name, None);
        let new = NewCode {
            id: id.clone(),
            name: name.to_string(),
            description: String::new(),
            colour: None,
            parent: None,
        };
        let effects = self.apply(|ctx, data| add(ctx, data, new));
        if !effects.is_empty() {
            if let Some(picker) = self.screens.interview.session.as_mut().and_then(|s| s.picker.as_mut()) {
                toggle(&mut picker.ticked, &CodeId::new(id.as_str()));
                picker.query.clear();
                picker.cursor = 0;
            }
        }
        effects
    }

    /// Whether the picker is open (keys go to it).
    pub fn code_picker_open(&self) -> bool {
        self.screen == Screen::Interviews
            && self
                .screens
                .interview
                .session
                .as_ref()
                .is_some_and(|s| s.picker.is_some())
    }
}

fn toggle(list: &mut Vec<CodeId>, code: &CodeId) {
    if let Some(at) = list.iter().position(|c| c == code) {
        list.remove(at);
    } else {
        list.push(code.clone());
    }
}

/// The current question's note as the study holds it (what was last saved
/// to the shared file), for the session's own notes.
fn shared_note(app: &App, session: &Session) -> Option<String> {
    let question = session.question()?;
    if session.reading.is_some() {
        return Some(super::reading::read_note(session, &app.data, question).unwrap_or_default());
    }
    let interview = app.data.cases.get(&session.case)?.interviews.get(&session.id)?;
    let note = interview.note_by(app.me.as_ref()?, question);
    Some(note.map(|n| n.text.clone()).unwrap_or_default())
}
