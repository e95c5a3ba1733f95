//! A table whose selection lives in the model's `Cursor`. Only the rows on
//! screen are built: a table of 16,000 cases costs a screenful of rows per
//! frame, not 16,000. Rendering keeps the selected row in view and tells the
//! cursor how tall a page is.

use crate::tui::app::Cursor;
use crate::tui::widgets::fit::fit;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Row, Table, TableState};
use ratatui::Frame;

/// The first row to show so that `selected` is on a page of `page` rows,
/// moving as little as possible from `offset`.
pub fn scrolled(offset: usize, selected: usize, page: usize, count: usize) -> usize {
    let page = page.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + page {
        selected + 1 - page
    } else {
        offset
    };
    offset.min(count.saturating_sub(page))
}

/// How wide each column of a table in `area` is drawn (inside the borders,
/// after the highlight symbol, one space between columns), so cells can be
/// cut to fit with a visible `…` instead of silently.
pub fn column_widths(area: Rect, widths: &[Constraint]) -> Vec<u16> {
    let inner = Rect {
        width: area.width.saturating_sub(2 + HIGHLIGHT.chars().count() as u16),
        ..area
    };
    ratatui::layout::Layout::horizontal(widths.to_vec())
        .spacing(1)
        .split(inner)
        .iter()
        .map(|r| r.width)
        .collect()
}

const HIGHLIGHT: &str = "▶ ";

/// As `render`, for rows of plain texts: each is cut to its column's drawn
/// width with a visible `…`, never silently (`5000-1000` for `5000-10000`).
#[allow(clippy::too_many_arguments)]
pub fn render_texts<'a>(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    header: Row<'a>,
    count: usize,
    row: impl Fn(usize) -> (Vec<String>, Style),
    widths: &[Constraint],
    cursor: &Cursor,
) {
    let fitted = column_widths(area, widths);
    let fitted_row = |i: usize| {
        let (texts, style) = row(i);
        let cells: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(k, text)| fit(text, fitted.get(k).copied().unwrap_or(0) as usize))
            .collect();
        Row::new(cells).style(style)
    };
    render(frame, area, block, header, count, fitted_row, widths, cursor);
}

/// Renders `count` rows, building only the visible ones with `row(index)`.
#[allow(clippy::too_many_arguments)]
pub fn render<'a>(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    header: Row<'a>,
    count: usize,
    row: impl Fn(usize) -> Row<'a>,
    widths: &[Constraint],
    cursor: &Cursor,
) {
    // Borders and the header take three lines.
    let page = area.height.saturating_sub(3).max(1) as usize;
    let selected = cursor.selected.min(count.saturating_sub(1));
    let offset = scrolled(cursor.offset.get(), selected, page, count);
    let rows: Vec<Row> = (offset..count.min(offset + page)).map(row).collect();
    let mut state = TableState::default();
    if count > 0 {
        state.select(Some(selected - offset));
    }
    let table = Table::new(rows, widths.to_vec())
        .header(header.style(Style::new().add_modifier(Modifier::BOLD)))
        .block(block)
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol(HIGHLIGHT);
    frame.render_stateful_widget(table, area, &mut state);
    cursor.offset.set(offset);
    cursor.page.set(page);
}

#[cfg(test)]
mod tests {
    use super::scrolled;

    #[test]
    fn the_window_follows_the_selection_and_never_runs_past_the_end() {
        assert_eq!(scrolled(0, 5, 10, 100), 0);
        assert_eq!(scrolled(0, 10, 10, 100), 1);
        assert_eq!(scrolled(50, 20, 10, 100), 20);
        assert_eq!(scrolled(95, 99, 10, 100), 90);
        assert_eq!(scrolled(0, 3, 10, 4), 0);
    }
}
