//! The Review screen: my queue; the blind review form (the other reviewer's
//! answers appear only once mine is submitted); the conflicts between
//! reviewers; and the agreement per criterion.

use crate::analysis::conflicts::{case_conflicts, resolution_state, Conflict, ResolutionState};
use crate::analysis::review_agreement::{study_agreement, CriterionAgreement};
use crate::domain::blind::visible_reviews;
use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::{App, ListId, ReviewView};
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
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

/// Every conflict between two submitted reviews, with whether it is resolved.
pub fn conflict_rows(app: &App) -> Vec<(CaseId, Conflict, bool)> {
    app.data
        .cases
        .values()
        .flat_map(|c| {
            case_conflicts(&app.data.study, c, app.me.as_ref())
                .into_iter()
                .map(|(conflict, resolved)| (c.case.id.clone(), conflict, resolved))
        })
        .collect()
}

pub fn agreement_rows(app: &App) -> Vec<CriterionAgreement> {
    study_agreement(&app.data, app.me.as_ref())
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
                .block(Block::bordered().title(" Review ")),
            area,
        );
        return;
    };
    let [views_area, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let conflicts = conflict_rows(app);
    let open = conflicts.iter().filter(|(_, _, resolved)| !resolved).count();
    let view_tab = |key: &str, label: String, active: bool| {
        let style = if active {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        Span::styled(format!(" {key} {label} "), style)
    };
    let view = app.review.view;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            view_tab(
                "m",
                format!("My queue ({})", rows(app).len()),
                matches!(view, ReviewView::Queue | ReviewView::Form),
            ),
            Span::raw(" "),
            view_tab(
                "c",
                format!("Conflicts ({open} open of {})", conflicts.len()),
                view == ReviewView::Conflicts,
            ),
            Span::raw(" "),
            view_tab("a", "Agreement".to_string(), view == ReviewView::Agreement),
        ])),
        views_area,
    );
    match view {
        ReviewView::Queue => render_queue(frame, body, app, me),
        ReviewView::Form => render_form(frame, body, app, me),
        ReviewView::Conflicts => render_conflicts(frame, body, app, &conflicts),
        ReviewView::Agreement => render_agreement(frame, body, app),
    }
}

fn render_queue(frame: &mut Frame, area: Rect, app: &App, me: &ResearcherId) {
    let queue = rows(app);
    let submitted = queue.iter().filter(|c| my_state(c, me) == "submitted").count();
    let [table_area, side] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
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
                let all = case_conflicts(&app.data.study, c, Some(me));
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
    let cursor = app.cursor(ListId::Screen(Screen::Review));
    let title = format!(
        " My review queue ({me}): {submitted} of {} submitted · Enter opens ",
        queue.len()
    );
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        table_rows,
        &widths,
        cursor,
    );
    let selected = cursor.pick(&queue);
    render_case_facts(frame, side, selected.copied());
}

fn render_case_facts(frame: &mut Frame, area: Rect, case: Option<&CaseData>) {
    let mut lines = Vec::new();
    if let Some(data) = case {
        let case = &data.case;
        lines.push(Line::styled(
            case.title.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::raw(format!(
            "{} · {} · {}",
            case.municipality,
            case.region,
            case.years_label()
        )));
        if let Some(kind) = case.kind {
            lines.push(Line::raw(format!(
                "kind: {}{}",
                kind.label(),
                if case.pilot { " · pilot" } else { "" }
            )));
        }
        lines.push(Line::raw(format!(
            "granted {} of {} applied",
            super::kroner(case.amount_granted()),
            super::kroner(case.amount_applied())
        )));
        lines.push(Line::raw(""));
        lines.push(Line::styled("Documents", Style::new().add_modifier(Modifier::BOLD)));
        for document in &case.documents {
            let location = document.location.as_deref().unwrap_or("");
            lines.push(Line::raw(format!("  {} {location}", document.title)));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" The case ")),
        area,
    );
}

fn render_form(frame: &mut Frame, area: Rect, app: &App, me: &ResearcherId) {
    let Some(case) = app.review.case.as_ref().and_then(|id| app.data.cases.get(id)) else {
        return;
    };
    let [facts_area, form_area] =
        Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(area);
    render_case_facts(frame, facts_area, Some(case));
    let mine = case.reviews.get(me);
    // The other review, only as the blind rule allows (once mine is in).
    let other = visible_reviews(Some(me), case)
        .find(|review| &review.reviewer != me)
        .map(|review| (&review.reviewer, review));
    let mut lines = Vec::new();
    for (i, criterion) in app.data.study.criteria.iter().enumerate() {
        let here = i == app.review.criterion;
        let marker = if here { "▶ " } else { "  " };
        let style = if here {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        lines.push(Line::styled(format!("{marker}{}", criterion.question), style));
        let choices = match &criterion.scale {
            Scale::Ordinal { min, max } => format!("{min}-{max}"),
            Scale::Categories(options) => options.join("/"),
            Scale::YesNo => "y/n".to_string(),
            Scale::FreeText => "Enter to write".to_string(),
        };
        let answer = mine
            .and_then(|r| r.answers.get(&criterion.id))
            .map(Answer::label)
            .unwrap_or_else(|| "—".to_string());
        let mut spans = vec![
            Span::raw(format!("    mine: {answer}")),
            Span::styled(format!("  [{choices}]"), Style::new().fg(Color::DarkGray)),
        ];
        if let Some((who, review)) = other {
            let theirs = review.answers.get(&criterion.id);
            let conflict = match (mine.and_then(|r| r.answers.get(&criterion.id)), theirs) {
                (Some(a), Some(b)) => crate::analysis::conflicts::answers_conflict(criterion, a, b),
                _ => false,
            };
            let style = if conflict {
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
            } else {
                Style::new().fg(Color::Cyan)
            };
            let label = theirs.map(Answer::label).unwrap_or_else(|| "—".to_string());
            spans.push(Span::styled(
                format!("   {who}: {label}{}", if conflict { "  ≠ conflict" } else { "" }),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(match mine.and_then(|r| r.submitted) {
        Some(at) => Line::raw(format!("Submitted {}.", at.format("%Y-%m-%d %H:%M"))),
        None => Line::styled(
            "Draft, saved as you answer. The other review stays hidden until you submit (S).",
            Style::new().fg(Color::Yellow),
        ),
    });
    let title = format!(" My review of {} ", case.case.id);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(title)),
        form_area,
    );
}

fn render_conflicts(frame: &mut Frame, area: Rect, app: &App, conflicts: &[(CaseId, Conflict, bool)]) {
    let header = Row::new(["Case", "Municipality", "Criterion", "First", "Second", "Status"]);
    let table_rows: Vec<Row> = conflicts
        .iter()
        .map(|(case, c, resolved)| {
            let data = &app.data.cases[case];
            let status = match resolution_state(data, &c.criterion) {
                ResolutionState::Agreed(_) if *resolved => {
                    let r = data.resolutions.values().find_map(|r| r.resolved.get(&c.criterion));
                    r.map(|r| format!("agreed {} ({}, {})", r.value.label(), r.by, r.at.format("%Y-%m-%d")))
                        .unwrap_or_default()
                }
                ResolutionState::Disputed(_) => "resolved differently · Enter resolves".to_string(),
                _ => "open · Enter resolves".to_string(),
            };
            Row::new([
                case.to_string(),
                data.case.municipality.clone(),
                c.criterion.to_string(),
                format!("{} {}", c.first.0, c.first.1.label()),
                format!("{} {}", c.second.0, c.second.1.label()),
                status,
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(11),
        Constraint::Length(13),
        Constraint::Length(19),
        Constraint::Length(13),
        Constraint::Length(13),
        Constraint::Fill(1),
    ];
    selectable_table::render(
        frame,
        area,
        Block::bordered().title(" Conflicts between the two reviews of a case "),
        header,
        table_rows,
        &widths,
        app.cursor(ListId::ReviewConflicts),
    );
}

fn render_agreement(frame: &mut Frame, area: Rect, app: &App) {
    let fixed = |v: Option<f64>| v.map(|x| format!("{x:.3}")).unwrap_or_else(|| "—".to_string());
    let header = Row::new([
        "Criterion",
        "Level",
        "Cases",
        "Alpha",
        "Reading",
        "Agreement",
        "Kappa by pair",
        "Conflicts",
        "Note",
    ]);
    let table_rows: Vec<Row> = agreement_rows(app)
        .iter()
        .map(|c| {
            let kappas: Vec<f64> = c.pairs.iter().filter_map(|p| p.cohen_kappa).collect();
            let range = match (
                kappas.iter().copied().reduce(f64::min),
                kappas.iter().copied().reduce(f64::max),
            ) {
                (Some(lo), Some(hi)) => format!("{lo:.2}–{hi:.2}"),
                _ => "—".to_string(),
            };
            let note = if c.kappa_paradox {
                "kappa low, agreement high: skewed answers"
            } else {
                ""
            };
            Row::new([
                c.criterion.to_string(),
                c.level.to_string(),
                c.units.to_string(),
                fixed(c.krippendorff_alpha),
                c.reading.to_string(),
                c.percent_agreement
                    .map(|p| format!("{:.0} %", p * 100.0))
                    .unwrap_or_default(),
                range,
                format!("{} open, {} resolved", c.conflicts_open, c.conflicts_resolved),
                note.to_string(),
            ])
            .style(if c.kappa_paradox {
                Style::new().fg(Color::Yellow)
            } else {
                Style::new()
            })
        })
        .collect();
    let widths = [
        Constraint::Length(19),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(14),
        Constraint::Length(10),
        Constraint::Length(14),
        Constraint::Length(19),
        Constraint::Fill(1),
    ];
    let title = " Agreement on submitted reviews (Krippendorff's alpha: ≥ .80 reliable, ≥ .667 tentative) ";
    selectable_table::render(
        frame,
        area,
        Block::bordered().title(title),
        header,
        table_rows,
        &widths,
        app.cursor(ListId::ReviewAgreement),
    );
}
