//! A table whose selection lives in the model's `Cursor`: rendering keeps the
//! selected row in view and tells the cursor how tall a page is.

use crate::tui::app::Cursor;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Row, Table, TableState};
use ratatui::Frame;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    header: Row,
    rows: Vec<Row>,
    widths: &[Constraint],
    cursor: &Cursor,
) {
    let count = rows.len();
    let mut state = TableState::default().with_offset(cursor.offset.get());
    if count > 0 {
        state.select(Some(cursor.selected.min(count - 1)));
    }
    let table = Table::new(rows, widths.to_vec())
        .header(header.style(Style::new().add_modifier(Modifier::BOLD)))
        .block(block)
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(table, area, &mut state);
    cursor.offset.set(state.offset());
    // Borders and the header take three lines.
    cursor.page.set(area.height.saturating_sub(3).max(1) as usize);
}
