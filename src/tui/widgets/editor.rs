//! A multi-line editor pane (ratatui-textarea): typed text with the usual
//! editing keys, a title, and whether it holds changes not yet saved. The
//! review's free-text answers use it, and the interview notes will.

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Block;
use ratatui::Frame;
use ratatui_textarea::{CursorMove, TextArea};

#[derive(Debug, Clone)]
pub struct EditorPane {
    pub area: TextArea<'static>,
    pub title: String,
    /// Changed since it was opened or last saved.
    modified: bool,
}

impl EditorPane {
    /// A pane holding `text`, the cursor at its end.
    pub fn new(title: impl Into<String>, text: &str) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(String::from).collect()
        };
        let mut area = TextArea::new(lines);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        EditorPane {
            area,
            title: title.into(),
            modified: false,
        }
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// An editing key; says whether the text changed.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        let changed = self.area.input(key);
        self.modified |= changed;
        changed
    }

    pub fn is_modified(&self) -> bool {
        self.modified
    }

    /// The text is saved: nothing is pending any more.
    pub fn mark_saved(&mut self) {
        self.modified = false;
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, focused: bool) {
        let mut widget = self.area.clone();
        let marker = if self.modified { " ●" } else { "" };
        let block = Block::bordered().title(format!("{}{marker}", self.title));
        widget.set_block(if focused {
            block
        } else {
            block.border_style(Style::new().add_modifier(Modifier::DIM))
        });
        if !focused {
            widget.set_cursor_style(Style::new());
        }
        frame.render_widget(&widget, area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_changes_the_text_and_marks_it_modified_until_saved() {
        let mut pane = EditorPane::new(" Notes ", "First line\nSecond");
        assert!(!pane.is_modified());
        assert!(pane.handle(key(KeyCode::Char('!'))));
        assert_eq!(pane.text(), "First line\nSecond!");
        assert!(pane.is_modified());
        pane.mark_saved();
        assert!(!pane.is_modified());
        assert!(!pane.handle(key(KeyCode::Left)), "moving is not a change");
        assert!(!pane.is_modified());
    }

    #[test]
    fn blank_lines_survive_a_round_trip() {
        let pane = EditorPane::new("", "a\n\nb\n");
        assert_eq!(pane.text(), "a\n\nb\n");
    }
}
