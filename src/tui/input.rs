//! A text field being typed in (a free-text answer, a reason, a note). While
//! it is open, letters are text, not commands: keys go to the field, with
//! Enter to confirm a one-line field, Ctrl-S to confirm any field and Esc
//! to close it.

use super::app::ReferralFlow;
use crate::domain::{Answer, CaseId, CriterionId, InformantId, RecruitmentStatus, Stage};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

/// What the typed text is for, decided when the field opens.
#[derive(Debug, Clone, PartialEq)]
pub enum InputPurpose {
    /// A free-text answer in my review.
    ReviewText {
        case: CaseId,
        criterion: CriterionId,
    },
    /// The agreed value of a conflict.
    ResolveValue {
        case: CaseId,
        criterion: CriterionId,
    },
    /// The note that goes with an agreed value.
    ResolveNote {
        case: CaseId,
        criterion: CriterionId,
        value: Answer,
    },
    /// The Cases screen's search, applied as it is typed.
    Search,
    /// The Themes screen's search over coded passages, applied as typed.
    PassageSearch,
    /// Why a case moves to another stage.
    StageReason {
        case: CaseId,
        to: Stage,
    },
    /// The date of a new recruitment status, then its note.
    StatusDate {
        informant: InformantId,
        status: RecruitmentStatus,
    },
    StatusNote {
        informant: InformantId,
        status: RecruitmentStatus,
        date: NaiveDate,
    },
    /// A referral: the new informant's role, then where they are.
    ReferralRole {
        referrer: InformantId,
    },
    ReferralWhere {
        referrer: InformantId,
        role: String,
    },
    /// How to reach a new informant: for the private store only.
    ReferralContact {
        informant: InformantId,
    },
    /// For a municipality that is not a case yet: its population.
    TargetMin {
        stratum: crate::domain::Stratum,
        value: String,
    },
    ReferralPopulation {
        flow: ReferralFlow,
        county: String,
    },
    /// Themes screen: a new code's name, then when to use it; a new name.
    NewCodeName {
        parent: Option<crate::domain::CodeId>,
    },
    NewCodeDescription {
        parent: Option<crate::domain::CodeId>,
        name: String,
    },
    RenameCode(crate::domain::CodeId),
}

pub struct TextInput {
    pub purpose: InputPurpose,
    pub title: String,
    /// One line under the field saying what is expected.
    pub hint: String,
    pub area: TextArea<'static>,
    pub multiline: bool,
    /// Whether Esc keeps the text (a draft answer) or drops it (a prompt).
    pub esc_keeps: bool,
}

/// What a key did to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputOutcome {
    Editing,
    Confirmed(String),
    Cancelled,
}

impl TextInput {
    pub fn new(
        purpose: InputPurpose,
        title: impl Into<String>,
        hint: impl Into<String>,
        text: &str,
        multiline: bool,
    ) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(String::from).collect()
        };
        let mut area = TextArea::new(lines);
        // Long text wraps at words (at letters inside a word too long for a
        // line), so all of it shows and the cursor never runs off the edge.
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        TextInput {
            purpose,
            title: title.into(),
            hint: hint.into(),
            area,
            multiline,
            esc_keeps: multiline,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn handle(&mut self, key: KeyEvent) -> InputOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('s') if ctrl => InputOutcome::Confirmed(self.text()),
            KeyCode::Enter if !self.multiline => InputOutcome::Confirmed(self.text()),
            KeyCode::Esc if self.esc_keeps => InputOutcome::Confirmed(self.text()),
            KeyCode::Esc => InputOutcome::Cancelled,
            _ => {
                self.area.input(key);
                InputOutcome::Editing
            }
        }
    }
}
