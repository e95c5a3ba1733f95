//! The interview screen's view: a header with the clock, the guide on the
//! left (what is covered, what may not apply, dimmed what does not), and on
//! the right the current question with its probes and note to self, the
//! notes pane, and a second researcher's notes on the same question.

use super::update::applicability;
use super::{InterviewScreen, Session};
use crate::analysis::conditions::Applies;
use crate::domain::*;
use crate::tui::screens::View;
use crate::tui::widgets::fit::fit;
use chrono::{DateTime, FixedOffset};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, state: &InterviewScreen, view: &View, now: DateTime<FixedOffset>) {
    let Some(session) = &state.session else { return };
    let Some(data) = view
        .data
        .cases
        .get(&session.case)
        .and_then(|c| c.interviews.get(&session.id))
    else {
        frame.render_widget(
            Paragraph::new("this interview is no longer in the study (Esc goes back)"),
            area,
        );
        return;
    };
    let record = &data.interview;
    let guide = view.data.guides.get(&record.guide);
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    render_header(frame, header, session, record, guide, now);
    let guide_width = if area.width >= 120 {
        46
    } else {
        (area.width * 9 / 20).max(24)
    };
    let [left, right] = Layout::horizontal([Constraint::Length(guide_width), Constraint::Fill(1)]).areas(body);
    let applies = guide
        .map(|g| applicability(view.data, &session.case, g))
        .unwrap_or_default();
    // The marks are those of the notes on show: mine, or the ones I read.
    let shown: Vec<QuestionNote> = match &session.reading {
        Some(who) if record.writer() == Some(who) => record.notes.iter().chain(&record.outside).cloned().collect(),
        Some(who) => data
            .notes_by
            .get(who)
            .map(|n| n.notes.iter().chain(&n.outside).cloned().collect())
            .unwrap_or_default(),
        None => session
            .draft
            .notes
            .iter()
            .chain(&session.draft.outside)
            .cloned()
            .collect(),
    };
    render_guide(frame, left, session, &shown, guide, &applies);
    let current = session.question();
    let question = current.and_then(|q| guide.and_then(|g| g.question(q)));
    let may = current
        .and_then(|q| applies.iter().find(|(id, _)| id == q))
        .map(|(_, a)| *a);
    // Beside the notes on show: every other researcher's notes on the same
    // question, the note-taker's (in the interview file) among them.
    let writer_note = record
        .writer()
        .filter(|w| Some(*w) != view.me && session.reading.as_ref() != Some(*w))
        .and_then(|w| Some((w, current.and_then(|q| record.note(q))?)));
    let second: Vec<(&ResearcherId, &QuestionNote)> = writer_note
        .into_iter()
        .chain(
            data.notes_by
                .iter()
                .filter(|(r, _)| Some(*r) != view.me && session.reading.as_ref() != Some(*r))
                .filter_map(|(r, n)| {
                    Some((
                        r,
                        n.notes
                            .iter()
                            .chain(&n.outside)
                            .find(|x| Some(&x.question) == current)?,
                    ))
                }),
        )
        .filter(|(_, n)| !n.text.trim().is_empty())
        .collect();
    let question_lines = question_lines(question, current, may, right.width);
    // Wrapped, each line takes its length over the width.
    let inner = right.width.saturating_sub(2).max(1) as usize;
    let rows: usize = question_lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let question_height = (rows as u16 + 2).min(right.height / 2).max(3);
    let second_height = if second.is_empty() {
        0
    } else {
        (right.height / 4).max(3)
    };
    let codings = super::coding_view::coding_lines(session, view, right.width.saturating_sub(2));
    let codings_height = if codings.is_empty() {
        0
    } else {
        (codings.len() as u16 + 2).min(right.height / 4).max(3)
    };
    let [q_area, notes_area, codings_area, second_area] = Layout::vertical([
        Constraint::Length(question_height),
        Constraint::Fill(1),
        Constraint::Length(codings_height),
        Constraint::Length(second_height),
    ])
    .areas(right);
    if !codings.is_empty() {
        let count = codings.len();
        frame.render_widget(
            Paragraph::new(codings).block(Block::bordered().title(format!(" Coded here ({count}) "))),
            codings_area,
        );
    }
    frame.render_widget(
        Paragraph::new(question_lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Question ")),
        q_area,
    );
    if let Some(informant) = session.consent.first() {
        let text = format!(
            "{informant}'s consent is not recorded. Did they consent to notes and anonymous quotes?\n\n  y  yes\n  r  yes, and to a recording\n  n  not now (check will warn)"
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(" Consent (once, on the informant) ")),
            notes_area,
        );
    } else {
        session.editor.render(frame, notes_area, session.picker.is_none());
    }
    if let Some(picker) = &session.picker {
        super::coding_view::render_picker(frame, body, picker, &state.recent, view);
    }
    if !second.is_empty() {
        let lines: Vec<Line> = second
            .iter()
            .flat_map(|(r, n)| {
                [
                    Line::styled(format!("{r}:"), Style::new().add_modifier(Modifier::BOLD)),
                    Line::raw(n.text.clone()),
                ]
            })
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(" The other researchers' notes on this question ")),
            second_area,
        );
    }
}

fn render_header(
    frame: &mut Frame,
    area: Rect,
    session: &Session,
    record: &Interview,
    guide: Option<&Guide>,
    now: DateTime<FixedOffset>,
) {
    let informants: Vec<&str> = record.informants.iter().map(InformantId::as_str).collect();
    let planned = guide.and_then(|g| g.intended_minutes);
    let clock = match (record.started, record.ended) {
        (Some(start), Some(end)) => format!("held {} min", (end - start).num_minutes()),
        (Some(start), None) => {
            let seconds = (now - start).num_seconds().max(0);
            let shown = format!("{:02}:{:02}", seconds / 60, seconds % 60);
            match planned {
                Some(p) if seconds / 60 >= i64::from(p) => format!("⏱ {shown} / {p} min (over)"),
                Some(p) => format!("⏱ {shown} / {p} min"),
                None => format!("⏱ {shown}"),
            }
        }
        _ => record
            .duration_minutes
            .map(|m| format!("held {m} min"))
            .unwrap_or_default(),
    };
    let state = if let Some(who) = &session.reading {
        Span::styled(
            format!(" {who}'s notes, read-only (to code) "),
            Style::new().fg(Color::Cyan),
        )
    } else if let Some(why) = &session.conflict {
        Span::styled(
            format!(" NOT SAVED: {why} "),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )
    } else if session.private > 0 {
        Span::styled(
            format!(" {} note(s) kept privately: a contact detail ", session.private),
            Style::new().fg(Color::Yellow),
        )
    } else if session.dirty_since.is_some() || session.editor.is_modified() {
        Span::raw(" typing… ")
    } else {
        Span::styled(" saved ", Style::new().add_modifier(Modifier::DIM))
    };
    let line = Line::from(vec![
        Span::styled(
            format!(" {} ", record.id),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ),
        Span::raw(format!(
            " {} · {} · {} · ",
            record.case,
            informants.join(", "),
            record.guide
        )),
        Span::styled(clock, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" ·"),
        state,
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn render_guide(
    frame: &mut Frame,
    area: Rect,
    session: &Session,
    shown: &[QuestionNote],
    guide: Option<&Guide>,
    applies: &[(QuestionId, Applies)],
) {
    // The rows: a section title (no question) or a question with whether it applies.
    let mut rows: Vec<(Option<&QuestionId>, String, Applies)> = Vec::new();
    if let Some(guide) = guide {
        for section in &guide.sections {
            rows.push((None, section.title.clone(), Applies::Yes));
            for question in &section.questions {
                let applies = applies
                    .iter()
                    .find(|(id, _)| id == &question.id)
                    .map_or(Applies::Yes, |(_, a)| *a);
                rows.push((Some(&question.id), question.id.to_string(), applies));
            }
        }
    }
    let in_guide = rows.iter().filter(|r| r.0.is_some()).count();
    let outside: Vec<&QuestionId> = session.items.iter().skip(in_guide).collect();
    if !outside.is_empty() {
        rows.push((None, "Outside the guide".to_string(), Applies::Yes));
        rows.extend(outside.into_iter().map(|id| (Some(id), id.to_string(), Applies::Yes)));
    }
    // Cut with a visible … where the pane is too narrow.
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut current_line = 0;
    let mut item = 0;
    for (id, label, applies) in rows {
        let Some(id) = id else {
            lines.push(Line::styled(
                fit(&label, width),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            continue;
        };
        let mark = match shown.iter().find(|n| &n.question == id) {
            Some(n) if n.covered => "✓",
            Some(n) if n.skipped => "–",
            Some(n) if !n.text.is_empty() => "•",
            _ => " ",
        };
        let here = item == session.current;
        item += 1;
        if here {
            current_line = lines.len();
        }
        let mut style = Style::new();
        if applies == Applies::No {
            style = style.add_modifier(Modifier::DIM);
        }
        if here {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let suffix = match applies {
            Applies::MayNot => " (may not apply)",
            Applies::No => " (n/a)",
            Applies::Yes => "",
        };
        lines.push(Line::styled(
            fit(
                &format!("{}{mark} {label}{suffix}", if here { "▶" } else { " " }),
                width,
            ),
            style,
        ));
    }
    let covered = shown
        .iter()
        .filter(|n| n.covered && applies.iter().any(|(id, a)| id == &n.question && *a == Applies::Yes))
        .count();
    let asked = applies.iter().filter(|(_, a)| *a == Applies::Yes).count();
    // Keep the current question in view.
    let height = area.height.saturating_sub(2) as usize;
    let scroll = current_line.saturating_sub(height.saturating_sub(3)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(Block::bordered().title(format!(" Guide {covered}/{asked} covered "))),
        area,
    );
}

fn question_lines<'a>(
    question: Option<&'a Question>,
    id: Option<&QuestionId>,
    applies: Option<Applies>,
    _width: u16,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    match question {
        Some(q) => {
            lines.push(Line::styled(q.text.clone(), Style::new().add_modifier(Modifier::BOLD)));
            for probe in &q.probes {
                lines.push(Line::raw(format!("  › {probe}")));
            }
            if let Some(note) = &q.note_to_self {
                lines.push(Line::styled(
                    format!("Note to self: {note}"),
                    Style::new().add_modifier(Modifier::ITALIC),
                ));
            }
            if let (Some(condition), Some(applies)) = (&q.condition, applies) {
                let said = match applies {
                    Applies::Yes => "applies",
                    Applies::No => "does not apply",
                    Applies::MayNot => "may not apply: not known yet",
                };
                lines.push(Line::styled(
                    format!(
                        "Asked when {} is {} ({said})",
                        condition.field,
                        condition.one_of.join(" or ")
                    ),
                    Style::new().add_modifier(Modifier::DIM),
                ));
            }
        }
        None => lines.push(Line::raw(match id {
            Some(id) => format!("{id}: a note outside the guide (what the informant also brought up)"),
            None => "the guide has no questions".to_string(),
        })),
    }
    lines
}
