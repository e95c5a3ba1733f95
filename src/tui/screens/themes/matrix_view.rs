//! The code x case heat map: codes down (the tree's rows), cases with
//! passages across, each cell its passages (with sub-codes) as a number on
//! a shade. Only the window on screen is built: at 16,000 cases a frame
//! looks up a screenful of cells, never every case.

use super::super::View;
use super::model::{Mark, Model};
use super::view::{how_to_code, mark_style, tree_label};
use super::ThemesScreen;
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::selectable_table::scrolled;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Shades from few to most passages (256-colour blues); the number is
/// always there too, so nothing rests on colour alone (`NO_COLOR`).
const SHADES: [Color; 4] = [
    Color::Indexed(17),
    Color::Indexed(19),
    Color::Indexed(26),
    Color::Indexed(33),
];

/// The shade of a cell with `n` of at most `max` passages.
fn shade(n: usize, max: usize) -> Style {
    if n == 0 || max == 0 {
        return Style::new().fg(Color::DarkGray);
    }
    let level = (n.saturating_mul(SHADES.len())).div_ceil(max).clamp(1, SHADES.len()) - 1;
    let style = Style::new().fg(Color::White).bg(SHADES[level]);
    if level == SHADES.len() - 1 {
        style.add_modifier(Modifier::BOLD)
    } else {
        style
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &ThemesScreen, model: &Model, view: &View) {
    let themes = &model.themes;
    let rows = &model.rows;
    let columns = themes.cases.len();
    let title = format!(
        " Codes x cases: passages with sub-codes ({} codes, {columns} cases) ",
        rows.len()
    );
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if rows.is_empty() || columns == 0 {
        let text = if rows.is_empty() {
            format!("The codebook is empty. {}.", how_to_code(view))
        } else {
            format!("{}.", how_to_code(view))
        };
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    // A line of case ids on top, the selected cell's line at the bottom.
    let [header_area, body_area, footer_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let name_width = (inner.width / 3).clamp(6, 32);
    let digits = model.max_cell.max(1).to_string().len() as u16;
    // Six characters show a case id's distinctive end (`…9-036`); the
    // selected case's whole id is in the line below.
    let cell_width = digits.max(6) + 1;
    let page_columns = (inner.width.saturating_sub(name_width) / cell_width).max(1) as usize;
    let page_rows = body_area.height.max(1) as usize;
    let selected_row = state.cursor.selected.min(rows.len() - 1);
    let selected_column = state.selected_column(model);
    let row_offset = scrolled(state.cursor.offset.get(), selected_row, page_rows, rows.len());
    let column_offset = scrolled(state.column_offset.get(), selected_column, page_columns, columns);
    state.cursor.offset.set(row_offset);
    state.cursor.page.set(page_rows);
    state.column_offset.set(column_offset);
    state.column_page.set(page_columns);
    let visible_columns = column_offset..columns.min(column_offset + page_columns);
    let cell_text = |text: &str| format!("{:>width$} ", text, width = (cell_width - 1) as usize);
    let mut header = vec![Span::raw(" ".repeat(name_width as usize))];
    for c in visible_columns.clone() {
        let id = fit_tail(themes.cases[c].id.as_str(), (cell_width - 1) as usize);
        let style = if c == selected_column {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        header.push(Span::styled(cell_text(&id), style));
    }
    frame.render_widget(Paragraph::new(Line::from(header)), header_area);
    let mut lines = Vec::with_capacity(page_rows);
    for (r, row) in rows.iter().enumerate().skip(row_offset).take(page_rows) {
        let counted = !matches!(row.mark, Mark::Merged(_) | Mark::Rejected);
        let name_style = if r == selected_row {
            mark_style(&row.mark).add_modifier(Modifier::REVERSED)
        } else {
            mark_style(&row.mark)
        };
        let name = format!(
            "{:<width$}",
            fit(&tree_label(model, row), name_width.saturating_sub(1) as usize),
            width = name_width as usize
        );
        let mut spans = vec![Span::styled(name, name_style)];
        let by_case = &themes.codes[row.code].by_case;
        for c in visible_columns.clone() {
            let n = if counted {
                by_case.get(&c).copied().unwrap_or(0)
            } else {
                0
            };
            let text = if n == 0 { "·".to_string() } else { n.to_string() };
            let mut style = shade(n, model.max_cell);
            if r == selected_row && c == selected_column {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            spans.push(Span::styled(cell_text(&text), style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), body_area);
    let row = &rows[selected_row];
    let case = &themes.cases[selected_column];
    let n = match row.mark {
        Mark::Merged(_) | Mark::Rejected => 0,
        _ => themes.codes[row.code]
            .by_case
            .get(&selected_column)
            .copied()
            .unwrap_or(0),
    };
    let municipality = view
        .data
        .cases
        .get(&case.id)
        .map(|c| c.case.municipality.as_str())
        .unwrap_or("");
    let footer = format!(
        "{} {municipality} · {}: {n} passage{} · case {} of {columns}",
        case.id,
        themes.index.codes[row.code].name,
        if n == 1 { "" } else { "s" },
        selected_column + 1,
    );
    frame.render_widget(
        Paragraph::new(fit(&footer, footer_area.width as usize)).style(Style::new().fg(Color::DarkGray)),
        footer_area,
    );
}

/// `text` in at most `width` characters, cut at the front with `…`: case
/// ids differ at their end (`p2019-036`, `p2020-036`).
fn fit_tail(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::from("…");
    out.extend(text.chars().skip(count - (width - 1)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_cut_at_the_front() {
        assert_eq!(fit_tail("p2019-036", 6), "…9-036");
        assert_eq!(fit_tail("p2019-036", 9), "p2019-036");
        assert_eq!(fit_tail("abc", 0), "");
    }

    #[test]
    fn the_fullest_cell_has_the_darkest_shade() {
        assert_eq!(shade(10, 10).bg, Some(SHADES[3]));
        assert_eq!(shade(1, 10).bg, Some(SHADES[0]));
        assert_eq!(shade(0, 10).bg, None);
        assert_eq!(shade(5, 0).bg, None);
    }
}
