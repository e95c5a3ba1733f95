//! The Recruitment screen: every informant by pseudonym, with case, role,
//! status and who referred them.

use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::{App, ListId};
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row};
use ratatui::Frame;

pub fn rows(app: &App) -> Vec<&Informant> {
    app.data.informants().collect()
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let informants = rows(app);
    let [summary_area, table_area] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let counts: Vec<String> = RecruitmentStatus::ALL
        .iter()
        .map(|s| (s, informants.iter().filter(|i| i.status() == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.label()))
        .collect();
    frame.render_widget(
        Paragraph::new(Line::raw(counts.join(" · ")))
            .block(Block::bordered().title(format!(" {} informants ", informants.len()))),
        summary_area,
    );
    let header = Row::new([
        "Informant",
        "Case",
        "Municipality",
        "Role",
        "Status",
        "Since",
        "Referred by",
    ]);
    let table_rows: Vec<Row> = informants
        .iter()
        .map(|i| {
            let municipality = app
                .data
                .cases
                .get(&i.case)
                .map(|c| c.case.municipality.clone())
                .unwrap_or_default();
            let since = i.status_history.last().map(|s| s.date.to_string()).unwrap_or_default();
            let referred = match &i.referred_by {
                Some(Referral::Informant { id, .. }) => id.to_string(),
                Some(Referral::Case(case)) => format!("case {case}"),
                None => String::new(),
            };
            Row::new([
                i.id.to_string(),
                i.case.to_string(),
                municipality,
                i.role.clone(),
                i.status().label().to_string(),
                since,
                referred,
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(10),
        Constraint::Length(19),
        Constraint::Length(13),
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Length(11),
        Constraint::Length(18),
    ];
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(" Informants "),
        header,
        table_rows,
        &widths,
        app.cursor(ListId::Screen(Screen::Recruitment)),
    );
}
