//! The Review screen: my queue of cases to review, my answers, and, only once
//! mine is submitted, whether the other reviewer and I conflict.

use crate::analysis::conflicts::case_conflicts;
use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;

/// The cases assigned to me.
pub fn rows(app: &App) -> Vec<&CaseData> {
    let Some(me) = &app.me else { return Vec::new() };
    app.data
        .cases
        .values()
        .filter(|c| c.case.reviewers.contains(me))
        .collect()
}

fn my_state(case: &CaseData, me: &ResearcherId) -> &'static str {
    match case.reviews.get(me) {
        Some(r) if r.is_submitted() => "submitted",
        Some(_) => "draft",
        None => "to do",
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(me) = &app.me else {
        let text = "Who are you? Start casebook with --as ID, set CASEBOOK_USER, or pick yourself when asked: the review queue is personal.";
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(" My review queue ")),
            area,
        );
        return;
    };
    let queue = rows(app);
    let submitted = queue.iter().filter(|c| my_state(c, me) == "submitted").count();
    let [table_area, answers_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    let header = Row::new(["Case", "Municipality", "Mine", "Other reviewer", "Conflicts"]);
    let table_rows: Vec<Row> = queue
        .iter()
        .map(|c| {
            let other = c
                .case
                .reviewers
                .iter()
                .find(|r| *r != me)
                .map(|r| r.to_string())
                .unwrap_or_default();
            // Blind review: nothing of the other review shows before mine is submitted.
            let conflicts = if my_state(c, me) == "submitted" {
                let all = case_conflicts(&app.data.study, c);
                let open = all.iter().filter(|(_, resolved)| !resolved).count();
                match (all.len(), open) {
                    (0, _) => String::new(),
                    (n, 0) => format!("{n} resolved"),
                    (_, open) => format!("{open} open"),
                }
            } else {
                "hidden".to_string()
            };
            Row::new([
                c.case.id.to_string(),
                c.case.municipality.clone(),
                my_state(c, me).to_string(),
                other,
                conflicts,
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(11),
        Constraint::Length(13),
        Constraint::Length(10),
        Constraint::Length(14),
        Constraint::Fill(1),
    ];
    let cursor = app.cursor(Screen::Review);
    let title = format!(" My review queue ({me}): {submitted} of {} submitted ", queue.len());
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        table_rows,
        &widths,
        cursor,
    );

    let mut lines = Vec::new();
    if let Some(case) = queue.get(cursor.selected.min(queue.len().saturating_sub(1))) {
        lines.push(Line::styled(
            case.case.title.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let review = case.reviews.get(me);
        for criterion in &app.data.study.criteria {
            let answer = review
                .and_then(|r| r.answers.get(&criterion.id))
                .map(Answer::label)
                .unwrap_or_else(|| "—".to_string());
            lines.push(Line::raw(format!("{}: {answer}", criterion.id)));
        }
        if let Some(at) = review.and_then(|r| r.submitted) {
            lines.push(Line::raw(format!("submitted {}", at.format("%Y-%m-%d %H:%M"))));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" My answers ")),
        answers_area,
    );
}
