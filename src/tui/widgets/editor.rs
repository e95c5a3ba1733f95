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

    /// A key on text that may not change: moving and selecting work, an
    /// edit is undone at once. Says whether the key tried to change the text.
    pub fn handle_read_only(&mut self, key: KeyEvent) -> bool {
        let changed = self.area.input(key);
        if changed {
            self.area.undo();
        }
        changed
    }

    pub fn is_modified(&self) -> bool {
        self.modified
    }

    /// The text is saved: nothing is pending any more.
    pub fn mark_saved(&mut self) {
        self.modified = false;
    }

    /// The selected text's span, in characters of `text()` (start, end
    /// exclusive), if something is selected.
    pub fn selected_span(&self) -> Option<(usize, usize)> {
        let ((r1, c1), (r2, c2)) = self.area.selection_range()?;
        let at = |row: usize, col: usize| -> usize {
            let lines = self.area.lines();
            let before: usize = lines.iter().take(row).map(|l| l.chars().count() + 1).sum();
            before + col.min(lines.get(row).map_or(0, |l| l.chars().count()))
        };
        let (start, end) = (at(r1, c1), at(r2, c2));
        (start < end).then_some((start, end))
    }

    /// The span of the line the cursor is on, in characters of `text()`.
    pub fn line_span(&self) -> (usize, usize) {
        let row = self.area.cursor().0;
        let lines = self.area.lines();
        let start: usize = lines.iter().take(row).map(|l| l.chars().count() + 1).sum();
        (start, start + lines.get(row).map_or(0, |l| l.chars().count()))
    }

    /// Selects the cursor's line; when that line is what is selected
    /// already, the paragraph around it (up to blank lines).
    pub fn select_line_or_paragraph(&mut self) {
        let row = self.area.cursor().0;
        let lines = self.area.lines();
        let length = |r: usize| lines.get(r).map_or(0, |l| l.chars().count());
        let line = ((row, 0), (row, length(row)));
        let (from, to) = if self.area.selection_range() == Some(line) {
            let blank = |r: usize| lines.get(r).is_none_or(|l| l.trim().is_empty());
            let mut first = row;
            while first > 0 && !blank(first - 1) {
                first -= 1;
            }
            let mut last = row;
            while last + 1 < lines.len() && !blank(last + 1) {
                last += 1;
            }
            ((first, 0), (last, length(last)))
        } else {
            line
        };
        let jump =
            |(r, c): (usize, usize)| CursorMove::Jump(r.min(u16::MAX as usize) as u16, c.min(u16::MAX as usize) as u16);
        self.area.cancel_selection();
        self.area.move_cursor(jump(from));
        self.area.start_selection();
        self.area.move_cursor(jump(to));
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
    fn a_line_then_its_paragraph_is_selected_in_characters_of_the_text() {
        // "Første" has a non-ASCII letter: spans count characters, not bytes.
        let mut pane = EditorPane::new("", "Første linje\nandre linje\n\nnytt avsnitt");
        pane.area.move_cursor(CursorMove::Jump(1, 3));
        assert_eq!(pane.selected_span(), None);
        assert_eq!(pane.line_span(), (13, 24));
        pane.select_line_or_paragraph();
        assert_eq!(pane.selected_span(), Some((13, 24)));
        pane.select_line_or_paragraph();
        assert_eq!(pane.selected_span(), Some((0, 24)));
        let text: String = pane.text().chars().take(24).collect();
        assert_eq!(text, "Første linje\nandre linje");
        // Shift+Left narrows the selection by one character.
        pane.handle(KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT));
        assert_eq!(pane.selected_span(), Some((0, 23)));
    }

    #[test]
    fn read_only_text_moves_and_selects_but_never_changes() {
        let mut pane = EditorPane::new("", "fixed text");
        assert!(pane.handle_read_only(key(KeyCode::Char('x'))));
        assert!(pane.handle_read_only(key(KeyCode::Backspace)));
        assert!(!pane.handle_read_only(key(KeyCode::Home)));
        pane.handle_read_only(KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT));
        assert_eq!(pane.text(), "fixed text");
        assert!(!pane.is_modified());
        assert_eq!(pane.selected_span(), Some((0, 1)));
    }

    #[test]
    fn blank_lines_survive_a_round_trip() {
        let pane = EditorPane::new("", "a\n\nb\n");
        assert_eq!(pane.text(), "a\n\nb\n");
    }
}
