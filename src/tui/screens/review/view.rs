//! The Review screen's view: the queue, the form, the conflicts and the
//! agreement, from the lists the screen keeps per change.

use super::super::View;
use super::{ConflictRow, ReviewScreen, ReviewView};
use crate::analysis::conflicts::{case_conflicts, resolution_state, ResolutionState};
use crate::domain::blind::visible_reviews;
use crate::domain::*;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;

fn my_state(case: &CaseData, me: &ResearcherId) -> &'static str {
    match case.reviews.get(me) {
        Some(r) if r.is_submitted() => "submitted",
        Some(_) => "draft",
        None => "to do",
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &ReviewScreen, view: &View) {
    let Some(me) = view.me else {
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
    let conflicts = state.conflicts(view);
    let open = conflicts.iter().filter(|(_, _, resolved)| !resolved).count();
    let view_tab = |key: &str, label: String, active: bool| {
        let style = if active {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        Span::styled(format!(" {key} {label} "), style)
    };
    let shown = state.view;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            view_tab(
                "m",
                format!("My queue ({})", state.queue(view).len()),
                matches!(shown, ReviewView::Queue | ReviewView::Form),
            ),
            Span::raw(" "),
            view_tab(
                "c",
                format!("Conflicts ({open} open of {})", conflicts.len()),
                shown == ReviewView::Conflicts,
            ),
            Span::raw(" "),
            view_tab("a", "Agreement".to_string(), shown == ReviewView::Agreement),
        ])),
        views_area,
    );
    match shown {
        ReviewView::Queue => render_queue(frame, body, state, view, me),
        ReviewView::Form => render_form(frame, body, state, view, me),
        ReviewView::Conflicts => render_conflicts(frame, body, state, view, &conflicts),
        ReviewView::Agreement => render_agreement(frame, body, state, view),
    }
}

fn render_queue(frame: &mut Frame, area: Rect, state: &ReviewScreen, view: &View, me: &ResearcherId) {
    let ids = state.queue(view);
    let queue: Vec<&CaseData> = ids.iter().filter_map(|id| view.data.cases.get(id)).collect();
    let submitted = queue.iter().filter(|c| my_state(c, me) == "submitted").count();
    let [table_area, side] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
    let header = Row::new(["Case", "Municipality", "Mine", "Other reviewer", "Conflicts"]);
    let row = |i: usize| {
        let c = queue[i];
        let other = c
            .case
            .reviewers
            .iter()
            .find(|r| *r != me)
            .map(|r| r.to_string())
            .unwrap_or_default();
        // Blind review: nothing of the other review shows before mine is submitted.
        let conflicts = if my_state(c, me) == "submitted" {
            let all = case_conflicts(&view.data.study, c, Some(me));
            let open = all.iter().filter(|(_, resolved)| !resolved).count();
            match (all.len(), open) {
                (0, _) => String::new(),
                (n, 0) => format!("{n} resolved"),
                (_, open) => format!("{open} open"),
            }
        } else {
            "hidden".to_string()
        };
        (
            vec![
                c.case.id.to_string(),
                c.case.municipality.clone(),
                my_state(c, me).to_string(),
                other,
                conflicts,
            ],
            Style::new(),
        )
    };
    let widths = [
        Constraint::Length(11),
        Constraint::Length(13),
        Constraint::Length(10),
        Constraint::Length(14),
        Constraint::Fill(1),
    ];
    let cursor = &state.queue_cursor;
    let title = format!(
        " My review queue ({me}): {submitted} of {} submitted · Enter opens ",
        queue.len()
    );
    selectable_table::render_texts(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        queue.len(),
        row,
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
            super::super::kroner(case.amount_granted()),
            super::super::kroner(case.amount_applied())
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

fn render_form(frame: &mut Frame, area: Rect, state: &ReviewScreen, view: &View, me: &ResearcherId) {
    let Some(case) = state.case.as_ref().and_then(|id| view.data.cases.get(id)) else {
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
    for (i, criterion) in view.data.study.criteria.iter().enumerate() {
        let here = i == state.criterion;
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
        // A written answer keeps its line breaks: the first line here, the
        // rest under it.
        let mut answer_lines = answer.lines();
        let first_line = answer_lines.next().unwrap_or("");
        let mut spans = vec![Span::raw(format!("    mine: {first_line}"))];
        let submitted = mine.is_some_and(|r| r.is_submitted());
        if !submitted {
            // What can be typed, only while it can.
            spans.push(Span::styled(format!("  [{choices}]"), Style::new().fg(Color::DarkGray)));
        }
        let more: Vec<Line> = answer_lines.map(|l| Line::raw(format!("          {l}"))).collect();
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
        lines.extend(more);
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

fn render_conflicts(frame: &mut Frame, area: Rect, state: &ReviewScreen, view: &View, conflicts: &[ConflictRow]) {
    let header = Row::new(["Case", "Municipality", "Criterion", "First", "Second", "Status"]);
    let row = |i: usize| {
        let (case, c, resolved) = &conflicts[i];
        let Some(data) = view.data.cases.get(case) else {
            return (Vec::new(), Style::new());
        };
        let status = match resolution_state(data, &c.criterion) {
            ResolutionState::Agreed(_) if *resolved => {
                let r = data.resolutions.values().find_map(|r| r.resolved.get(&c.criterion));
                r.map(|r| format!("agreed {} ({}, {})", r.value.label(), r.by, r.at.format("%Y-%m-%d")))
                    .unwrap_or_default()
            }
            ResolutionState::Disputed(_) => "resolved differently · Enter resolves".to_string(),
            _ => "open · Enter resolves".to_string(),
        };
        (
            vec![
                case.to_string(),
                data.case.municipality.clone(),
                c.criterion.to_string(),
                format!("{} {}", c.first.0, c.first.1.label()),
                format!("{} {}", c.second.0, c.second.1.label()),
                status,
            ],
            Style::new(),
        )
    };
    let widths = [
        Constraint::Length(11),
        Constraint::Length(13),
        Constraint::Length(19),
        Constraint::Length(13),
        Constraint::Length(13),
        Constraint::Fill(1),
    ];
    selectable_table::render_texts(
        frame,
        area,
        Block::bordered().title(" Conflicts between the two reviews of a case "),
        header,
        conflicts.len(),
        row,
        &widths,
        &state.conflicts_cursor,
    );
}

fn render_agreement(frame: &mut Frame, area: Rect, state: &ReviewScreen, view: &View) {
    let shown = state.agreement(view);
    let Some(agreement) = shown.value else {
        // The first computation since casebook started is under way.
        let reviews: usize = view.data.cases.values().map(|c| c.reviews.len()).sum();
        let text = format!("Computing agreement over {reviews} reviews…");
        frame.render_widget(
            Paragraph::new(text).block(Block::bordered().title(" Agreement on submitted reviews ")),
            area,
        );
        return;
    };
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
    let row = |i: usize| {
        let c = &agreement[i];
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
        (
            vec![
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
            ],
            if c.kappa_paradox {
                Style::new().fg(Color::Yellow)
            } else {
                Style::new()
            },
        )
    };
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
    let title = if shown.fresh {
        " Agreement on submitted reviews (Krippendorff's alpha: ≥ .80 reliable, ≥ .667 tentative) "
    } else {
        // The figures are from before the last change; new ones are coming.
        " Agreement on submitted reviews (updating…) "
    };
    selectable_table::render_texts(
        frame,
        area,
        Block::bordered().title(title),
        header,
        agreement.len(),
        row,
        &widths,
        &state.agreement_cursor,
    );
}

/// Every conflict on `criterion` I may see: the case, both answers, and
/// whether it is resolved (Enter on an agreement row).
pub fn disagreement_lines(state: &ReviewScreen, view: &View, criterion: &CriterionId) -> Vec<Line<'static>> {
    let conflicts = state.conflicts(view);
    let lines: Vec<Line<'static>> = conflicts
        .iter()
        .filter(|(_, conflict, _)| &conflict.criterion == criterion)
        .map(|(case, conflict, resolved)| {
            let municipality = view
                .data
                .cases
                .get(case)
                .map(|c| c.case.municipality.clone())
                .unwrap_or_default();
            Line::raw(format!(
                "{case} {municipality}: {} {} vs {} {} ({})",
                conflict.first.0,
                conflict.first.1.label(),
                conflict.second.0,
                conflict.second.1.label(),
                if *resolved {
                    "resolved"
                } else {
                    "open: c lists conflicts, Enter resolves"
                }
            ))
        })
        .collect();
    if lines.is_empty() {
        vec![Line::raw(
            "No disagreement on this criterion in the reviews you may see.",
        )]
    } else {
        lines
    }
}
