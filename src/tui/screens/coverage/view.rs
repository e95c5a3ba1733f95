//! The Coverage screen's view: the matrix, the side panel and the
//! candidates, all from the view models the screen keeps per change.

use super::super::View;
use super::{CoverageScreen, Matrix};
use crate::domain::*;
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, state: &CoverageScreen, view: &View) {
    let matrix = state.matrix(view);
    let row_values = &matrix.row_values;
    let (title, lines) = side_panel(state, view);
    // Tall enough for the matrix and, within half the screen, for the side panel.
    let wanted = (row_values.len() as u16 + 5).max(lines.len() as u16 * 2 + 2);
    let height = wanted.min(area.height / 2).max(6);
    let [top, bottom] = Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let [matrix_area, side_area] =
        Layout::horizontal([Constraint::Percentage(68), Constraint::Percentage(32)]).areas(top);
    render_matrix(frame, matrix_area, state, view, &matrix);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        side_area,
    );
    render_candidates(frame, bottom, state, view);
}

/// The gaps, or with `s` the suggestions, beside the matrix.
fn side_panel(state: &CoverageScreen, view: &View) -> (&'static str, Vec<Line<'static>>) {
    let side = state.side(view);
    let mut lines = Vec::new();
    if let Some(lead) = &side.lead {
        lines.push(Line::styled(
            format!("• {lead}"),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    lines.extend(side.lines.iter().map(|g| Line::raw(format!("• {g}"))));
    if lines.is_empty() {
        lines.push(Line::raw(
            "No gaps: every stratum value in the frame has a selected case.",
        ));
    }
    (side.title, lines)
}

/// A stratum value as shown in a narrow cell.
fn short(view: &View, stratum: Stratum, value: &str) -> String {
    match stratum {
        Stratum::FocusArea => view.data.focus_area_name(value).to_string(),
        _ => value.to_string(),
    }
}

fn render_matrix(frame: &mut Frame, area: Rect, state: &CoverageScreen, view: &View, model: &Matrix) {
    let (rows, columns) = (state.rows, state.columns);
    let (row_values, column_values, cells, totals) =
        (&model.row_values, &model.column_values, &model.cells, &model.totals);
    let (candidates, selected, reserve) = model.candidates;
    let label_width = 12u16;
    // Inside the borders: the labels, the cells, the totals column (11) and
    // a space between columns; so nothing is squeezed past its `…`.
    let columns_count = column_values.len().max(1) as u16;
    let room = area.width.saturating_sub(2 + label_width + 11 + columns_count + 1);
    let cell_width = (room / columns_count).clamp(5, 12);
    let clip = |text: String, width: u16| -> String { fit(&text, width as usize) };
    let header = Row::new(
        std::iter::once(clip(rows.key().replace('_', " "), label_width))
            .chain(column_values.iter().map(|v| clip(short(view, columns, v), cell_width)))
            .chain(std::iter::once("sel/frame".to_string())),
    )
    .style(Style::new().add_modifier(Modifier::BOLD));
    let table_rows: Vec<Row> = row_values
        .iter()
        .map(|row_value| {
            let mut row = vec![Cell::from(clip(short(view, rows, row_value), label_width))];
            for column_value in column_values {
                let cell = cells.iter().find(|c| &c.row == row_value && &c.column == column_value);
                let (frame_count, selected) = cell.map(|c| (c.frame, c.selected)).unwrap_or((0, 0));
                let style = match (frame_count, selected) {
                    (0, _) => Style::new().fg(Color::DarkGray),
                    (_, 0) => Style::new().fg(Color::Red),
                    _ => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
                };
                row.push(Cell::from(format!("{selected}/{frame_count}")).style(style));
            }
            let total = totals.iter().find(|t| &t.key == row_value);
            let target = total
                .and_then(|t| t.target)
                .map(|t| format!(" ≥{t}"))
                .unwrap_or_default();
            row.push(Cell::from(
                total
                    .map(|t| format!("{}/{}{target}", t.selected, t.frame))
                    .unwrap_or_default(),
            ));
            Row::new(row)
        })
        .collect();
    // The totals row: each column's selected over its frame, and all of them.
    let mut totals_row = vec![Cell::from("all")];
    let (mut all_selected, mut all_frame) = (0, 0);
    for column_value in column_values {
        let (selected, frame_count) = cells
            .iter()
            .filter(|c| &c.column == column_value)
            .fold((0, 0), |(s, f), c| (s + c.selected, f + c.frame));
        all_selected += selected;
        all_frame += frame_count;
        totals_row.push(Cell::from(format!("{selected}/{frame_count}")));
    }
    totals_row.push(Cell::from(format!("{all_selected}/{all_frame}")));
    let mut table_rows = table_rows;
    table_rows.push(Row::new(totals_row).style(Style::new().add_modifier(Modifier::BOLD)));
    let mut widths = vec![Constraint::Length(label_width)];
    widths.extend(column_values.iter().map(|_| Constraint::Length(cell_width)));
    widths.push(Constraint::Length(11));
    let block = Block::bordered()
        .title(format!(
            " Selected/frame: {} x {} (r, c change) ",
            rows.key().replace('_', " "),
            columns.key().replace('_', " ")
        ))
        .title_bottom(format!(
            " cells: selected/frame · ≥n: target · {candidates} shortlisted · {selected} selected · {reserve} reserve "
        ));
    frame.render_widget(Table::new(table_rows, widths).header(header).block(block), area);
}

fn render_candidates(frame: &mut Frame, area: Rect, state: &CoverageScreen, view: &View) {
    let model = state.progress(view);
    let (progress, total) = (&model.0, &model.1);
    let informants = |by: &std::collections::BTreeMap<String, usize>| {
        by.iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let header = Row::new([
        "Case",
        "Municipality",
        "Stage",
        "Reviews",
        "Conflicts",
        "Interviews",
        "Coded",
        "Informants",
    ]);
    let row = |i: usize| {
        let p = &progress[i];
        let texts = vec![
            p.case.to_string(),
            p.municipality.clone(),
            p.stage.clone(),
            format!("{}/{}", p.reviews_submitted, p.reviews_assigned),
            if p.conflicts_open > 0 {
                format!("{} open", p.conflicts_open)
            } else {
                String::new()
            },
            p.interviews_held.to_string(),
            p.interviews_coded.to_string(),
            informants(&p.informants),
        ];
        (texts, Style::new())
    };
    let widths = [
        Constraint::Length(11),
        Constraint::Length(13),
        Constraint::Length(11),
        Constraint::Length(7),
        Constraint::Length(9),
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Fill(1),
    ];
    let title = format!(
        " Fieldwork: reviews {}/{} · {} conflicts open · interviews {} held, {} coded · informants {} ",
        total.reviews_submitted,
        total.reviews_assigned,
        total.conflicts_open,
        total.interviews_held,
        total.interviews_coded,
        informants(&total.informants)
    );
    let block = Block::bordered().title(Line::from(vec![Span::raw(title)]));
    selectable_table::render_texts(frame, area, block, header, progress.len(), row, &widths, &state.cursor);
}
