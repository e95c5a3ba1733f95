//! The Coverage screen: size band x region for the selected cases against
//! the frame, the gaps in words, and the candidates with their fieldwork.

use crate::analysis::coverage::{by_stratum, gaps, matrix, values};
use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::{App, ListId};
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

/// The candidates (shortlisted, selected, reserve) of the project pool.
pub fn rows(app: &App) -> Vec<&CaseData> {
    let mut rows: Vec<&CaseData> = app
        .data
        .cases
        .values()
        .filter(|c| c.case.origin == Origin::Project)
        .filter(|c| matches!(c.case.stage, Stage::Shortlisted | Stage::Selected | Stage::Reserve))
        .collect();
    rows.sort_by_key(|c| (stage_order(c.case.stage), c.case.id.clone()));
    rows
}

fn stage_order(stage: Stage) -> u8 {
    match stage {
        Stage::Selected => 0,
        Stage::Reserve => 1,
        _ => 2,
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let bands = values(&app.data, Stratum::SizeBand);
    let [top, bottom] = Layout::vertical([Constraint::Length(bands.len() as u16 + 5), Constraint::Fill(1)]).areas(area);
    let [matrix_area, gaps_area] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(top);
    render_matrix(frame, matrix_area, app, &bands);
    let mut lines: Vec<Line> = gaps(&app.data)
        .into_iter()
        .map(|g| Line::raw(format!("• {g}")))
        .collect();
    if lines.is_empty() {
        lines.push(Line::raw(
            "No gaps: every stratum value in the frame has a selected case.",
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Gaps ")),
        gaps_area,
    );
    render_candidates(frame, bottom, app);
}

fn render_matrix(frame: &mut Frame, area: Rect, app: &App, bands: &[String]) {
    let regions = values(&app.data, Stratum::Region);
    let cells = matrix(&app.data, Stratum::SizeBand, Stratum::Region);
    let totals = by_stratum(&app.data, Stratum::Region);
    let (candidates, selected, reserve) = totals.iter().fold((0, 0, 0), |(c, s, r), t| {
        (c + t.shortlisted, s + t.selected, r + t.reserve)
    });
    let header = Row::new(std::iter::once("Size band".to_string()).chain(regions.iter().cloned()))
        .style(Style::new().add_modifier(Modifier::BOLD));
    let table_rows: Vec<Row> = bands
        .iter()
        .map(|band| {
            let mut row = vec![Cell::from(band.clone())];
            for region in &regions {
                let cell = cells.iter().find(|c| &c.row == band && &c.column == region);
                let (frame_count, selected) = cell.map(|c| (c.frame, c.selected)).unwrap_or((0, 0));
                let style = match (frame_count, selected) {
                    (0, _) => Style::new().fg(Color::DarkGray),
                    (_, 0) => Style::new().fg(Color::Red),
                    _ => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
                };
                row.push(Cell::from(format!("{selected}/{frame_count}")).style(style));
            }
            Row::new(row)
        })
        .collect();
    let mut widths = vec![Constraint::Length(12)];
    widths.extend(regions.iter().map(|_| Constraint::Length(11)));
    let block = Block::bordered()
        .title(" Selected/frame: size band x region ")
        .title_bottom(format!(
            " {candidates} shortlisted · {selected} selected · {reserve} reserve "
        ));
    frame.render_widget(Table::new(table_rows, widths).header(header).block(block), area);
}

fn render_candidates(frame: &mut Frame, area: Rect, app: &App) {
    let header = Row::new([
        "Case",
        "Municipality",
        "Size band",
        "Region",
        "Stage",
        "Reviews",
        "Conflicts",
        "Informants",
        "Interviews",
    ]);
    let table_rows: Vec<Row> = rows(app)
        .into_iter()
        .map(|c| {
            let conflicts = crate::analysis::conflicts::case_conflicts(&app.data.study, c);
            let open = conflicts.iter().filter(|(_, resolved)| !resolved).count();
            let interviewed = c
                .informants
                .values()
                .filter(|i| i.status() == RecruitmentStatus::Interviewed)
                .count();
            let coded = c.interviews.values().filter(|i| !i.codings.is_empty()).count();
            Row::new([
                c.case.id.to_string(),
                c.case.municipality.clone(),
                app.data.size_band_of(&c.case).unwrap_or("").to_string(),
                c.case.region.clone(),
                c.case.stage.label().to_string(),
                format!("{}/2", c.submitted_reviews()),
                if open > 0 {
                    format!("{open} open")
                } else {
                    String::new()
                },
                if c.informants.is_empty() {
                    String::new()
                } else {
                    format!("{interviewed}/{} interviewed", c.informants.len())
                },
                if c.interviews.is_empty() {
                    String::new()
                } else {
                    format!("{coded}/{} coded", c.interviews.len())
                },
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(11),
        Constraint::Length(13),
        Constraint::Length(11),
        Constraint::Length(10),
        Constraint::Length(11),
        Constraint::Length(7),
        Constraint::Length(9),
        Constraint::Length(15),
        Constraint::Fill(1),
    ];
    let block = Block::bordered().title(Line::from(vec![Span::raw(" Candidates and fieldwork progress ")]));
    selectable_table::render(
        frame,
        area,
        block,
        header,
        table_rows,
        &widths,
        app.cursor(ListId::Screen(Screen::Coverage)),
    );
}
