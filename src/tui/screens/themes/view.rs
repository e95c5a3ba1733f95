//! The Themes screen's view: the codebook tree with counts, and the
//! selected code's id and description.

use super::super::View;
use super::ThemesScreen;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, state: &ThemesScreen, view: &View) {
    let codes = state.rows(view);
    let [table_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
    let header = Row::new(["Code", "Passages", "Cases"]);
    let row = |i: usize| {
        let code = &codes[i];
        Row::new([
            format!("{}{}", "  ".repeat(code.depth), code.name),
            code.passages.to_string(),
            code.cases.to_string(),
        ])
    };
    let widths = [Constraint::Fill(1), Constraint::Length(8), Constraint::Length(6)];
    let title = format!(" Codebook ({} codes) ", codes.len());
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        codes.len(),
        row,
        &widths,
        &state.cursor,
    );
    let mut lines = Vec::new();
    if let Some(code) = state.cursor.pick(&codes) {
        lines.push(Line::raw(code.id.to_string()));
        lines.push(Line::raw(""));
        lines.push(Line::raw(code.description.clone()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Code ")),
        detail_area,
    );
}
