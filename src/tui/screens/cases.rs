//! The Cases screen: every case as a table, with the selected case's
//! applications, documents, reviewers and stage log below.

use super::kroner;
use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::{App, ListId};
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;

/// The cases in the order the table shows them.
pub fn rows(app: &App) -> Vec<&CaseData> {
    app.data.cases.values().collect()
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let cases = rows(app);
    let [table_area, details_area] =
        Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
    let header = Row::new([
        "Id",
        "Municipality",
        "Size band",
        "Region",
        "Focus area",
        "Years",
        "Stage",
        "Reviews",
    ]);
    let table_rows: Vec<Row> = cases
        .iter()
        .map(|c| {
            let case = &c.case;
            Row::new([
                case.id.to_string(),
                case.municipality.clone(),
                app.data.size_band_of(case).unwrap_or("").to_string(),
                case.region.clone(),
                case.focus_area
                    .as_deref()
                    .map(|f| app.data.focus_area_name(f))
                    .unwrap_or("")
                    .to_string(),
                case.years_label(),
                case.stage.label().to_string(),
                if case.reviewers.is_empty() {
                    String::new()
                } else {
                    format!("{}/{}", c.submitted_reviews(), case.reviewers.len())
                },
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(18),
        Constraint::Length(13),
        Constraint::Length(11),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(11),
        Constraint::Length(7),
    ];
    let cursor = app.cursor(ListId::Screen(Screen::Cases));
    let title = format!(" Cases ({}) ", cases.len());
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        table_rows,
        &widths,
        cursor,
    );
    let selected = cases.get(cursor.selected.min(cases.len().saturating_sub(1)));
    render_details(frame, details_area, app, selected.copied());
}

fn render_details(frame: &mut Frame, area: Rect, app: &App, case: Option<&CaseData>) {
    let Some(data) = case else {
        frame.render_widget(
            Paragraph::new("No cases yet: `casebook import pool FILE.csv` brings in the pool.")
                .block(Block::bordered().title(" Details ")),
            area,
        );
        return;
    };
    let case = &data.case;
    let [facts_area, log_area] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut facts = vec![Line::styled(case.title.clone(), bold)];
    let place: Vec<String> = [
        Some(case.municipality.clone()),
        Some(case.county.clone()).filter(|c| !c.is_empty()),
        Some(case.region.clone()).filter(|r| !r.is_empty()),
        case.population.map(|p| format!("{p} inhabitants")),
    ]
    .into_iter()
    .flatten()
    .collect();
    facts.push(Line::raw(place.join(", ")));
    let mut traits = Vec::new();
    if let Some(focus) = &case.focus_area {
        traits.push(app.data.focus_area_name(focus).to_string());
    }
    if let Some(kind) = case.kind {
        traits.push(format!("kind: {}", kind.label()));
    }
    if case.pilot {
        traits.push("pilot project".to_string());
    }
    match &case.origin {
        Origin::Project => {}
        Origin::Snowball { referred_by } => traits.push(format!("snowball, referred by {referred_by}")),
        Origin::Administration => traits.push("the directorate's staff".to_string()),
    }
    if !traits.is_empty() {
        facts.push(Line::raw(traits.join(" · ")));
    }
    for application in &case.applications {
        facts.push(Line::raw(format!(
            "{} {} {:?}: applied {} granted {}",
            application.year,
            application.id,
            application.status,
            kroner(application.amount_applied),
            kroner(application.amount_granted)
        )));
    }
    if !case.documents.is_empty() {
        let titles: Vec<&str> = case.documents.iter().map(|d| d.title.as_str()).collect();
        facts.push(Line::raw(format!("Documents: {}", titles.join(", "))));
    }
    if !case.reviewers.is_empty() {
        let reviewers: Vec<String> = case
            .reviewers
            .iter()
            .map(|r| {
                let state = match data.reviews.get(r) {
                    Some(review) if review.is_submitted() => "submitted",
                    Some(_) => "draft",
                    None => "to do",
                };
                format!("{r} ({state})")
            })
            .collect();
        facts.push(Line::raw(format!("Reviewers: {}", reviewers.join(", "))));
    }
    if !data.informants.is_empty() || !data.interviews.is_empty() {
        facts.push(Line::raw(format!(
            "{} informants, {} interviews",
            data.informants.len(),
            data.interviews.len()
        )));
    }
    frame.render_widget(
        Paragraph::new(facts)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", case.id))),
        facts_area,
    );
    let mut log = vec![Line::styled(format!("Stage: {}", case.stage.label()), bold)];
    for change in case.stage_log.iter().rev() {
        log.push(Line::raw(format!(
            "{} {} {} → {}",
            change.at.format("%Y-%m-%d %H:%M"),
            change.by,
            change.from.label(),
            change.to.label()
        )));
        log.push(Line::raw(format!("  {}", change.reason)));
    }
    frame.render_widget(
        Paragraph::new(log)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Stage log ")),
        log_area,
    );
}
