//! What coding looks like on the interview screen: the codings on the
//! current question (mine, and others' when the blind rule lets me see
//! them) under the notes, and the picker over the codebook.

use super::coding::{Choice, CodePicker};
use super::Session;
use crate::domain::blind::coding_visible_to;
use crate::domain::*;
use crate::ops::code_passage::codes_for;
use crate::tui::screens::View;
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::help::centered;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// The codings on the current question, one line each: coder, codes,
/// whether a quote, and the words (marked when they are gone from the notes).
pub fn coding_lines(session: &Session, view: &View, width: u16) -> Vec<Line<'static>> {
    let Some(question) = session.question() else {
        return Vec::new();
    };
    let Some(interview) = view
        .data
        .cases
        .get(&session.case)
        .and_then(|c| c.interviews.get(&session.id))
    else {
        return Vec::new();
    };
    let (index, _) = codes_for(view.data, view.me);
    let name = |id: &CodeId| {
        index
            .effective(id)
            .map_or_else(|| id.to_string(), |i| index.codes[i].name.clone())
    };
    let mut lines = Vec::new();
    for (coder, codings) in &interview.codings {
        if !coding_visible_to(view.me, &view.data.study, interview, coder) {
            continue;
        }
        for coding in codings.codings.iter().filter(|c| &c.question == question) {
            let codes: Vec<String> = coding.codes.iter().map(name).collect();
            let mut spans = vec![
                Span::styled(format!("{coder}: "), Style::new().add_modifier(Modifier::DIM)),
                Span::styled(codes.join(", "), Style::new().fg(Color::Cyan)),
            ];
            if coding.quote {
                spans.push(Span::raw(" «quote»"));
            }
            let lost = coding.anchor == Anchor::Lost;
            let mark = if lost { " (no longer in the notes)".len() } else { 0 };
            let used: usize = spans.iter().map(|s| s.width()).sum::<usize>() + 4 + mark;
            let room = (width as usize).saturating_sub(used).max(8);
            let words = fit(&coding.text.replace('\n', " "), room);
            spans.push(Span::raw(" "));
            spans.push(if lost {
                Span::styled(
                    format!("“{words}” (no longer in the notes)"),
                    Style::new().fg(Color::Yellow),
                )
            } else {
                Span::styled(format!("“{words}”"), Style::new().add_modifier(Modifier::ITALIC))
            });
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// The picker, over the notes pane.
pub fn render_picker(frame: &mut Frame, area: Rect, picker: &CodePicker, recent: &[CodeId], view: &View) {
    let (index, usable) = codes_for(view.data, view.me);
    let choices = picker.choices(&index, &usable);
    let width = area.width.saturating_sub(2).clamp(20, 100);
    let height = area.height.saturating_sub(2).clamp(8, 24);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(" Code the passage (Enter codes it, Esc leaves it) ");
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let key_text = "Tab tick · 1-9 recent · ^Q quote · ^E memo · ^D uncode · Enter code · Esc";
    let key_rows = if key_text.chars().count() > inner.width as usize {
        2
    } else {
        1
    };
    let [passage, chosen, query, list, memo, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(key_rows),
    ])
    .areas(inner);
    let w = inner.width as usize;
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("“{}”", fit(&picker.text.replace('\n', " "), w.saturating_sub(2))),
            Style::new().add_modifier(Modifier::ITALIC),
        )),
        passage,
    );
    let name = |id: &CodeId| {
        index
            .get(id)
            .map_or_else(|| id.to_string(), |i| index.codes[i].name.clone())
    };
    let mut ticked: Vec<String> = picker.ticked.iter().map(name).collect();
    if ticked.is_empty() {
        ticked.push("(none ticked: Enter codes the highlighted one)".to_string());
    }
    let mut chosen_line = format!("codes: {}", ticked.join(", "));
    if picker.quote {
        chosen_line.push_str("  ·  «quote»");
    }
    if !picker.existing.is_empty() {
        let had: Vec<String> = picker.existing.iter().map(name).collect();
        chosen_line.push_str(&format!("  ·  coded already: {}", had.join(", ")));
    }
    frame.render_widget(Paragraph::new(fit(&chosen_line, w)), chosen);
    let cursor_style = Style::new().add_modifier(Modifier::REVERSED);
    let query_line = Line::from(vec![
        Span::raw("find: "),
        Span::styled(picker.query.clone(), Style::new().add_modifier(Modifier::BOLD)),
        Span::styled(" ", if picker.on_memo { Style::new() } else { cursor_style }),
    ]);
    frame.render_widget(Paragraph::new(query_line), query);
    // The highlighted row stays in view.
    let rows = list.height as usize;
    let skip = picker.cursor.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .skip(skip)
        .take(rows)
        .map(|(n, choice)| {
            let here = n == picker.cursor;
            let text = match choice {
                Choice::Code(i) => {
                    let code = &index.codes[*i];
                    let tick = if picker.ticked.contains(&code.id) { "[x]" } else { "[ ]" };
                    let digit = recent
                        .iter()
                        .position(|r| r == &code.id)
                        .filter(|_| picker.query.is_empty())
                        .map_or("  ".to_string(), |d| format!("{} ", d + 1));
                    let own = if code.proposed_by.is_some() {
                        " (your own code)"
                    } else {
                        ""
                    };
                    // The name first, so a narrow screen cuts the path, not it.
                    let mut path = index.path(*i);
                    path.pop();
                    let under = if path.is_empty() {
                        String::new()
                    } else {
                        format!(" (in {})", path.join(" › "))
                    };
                    let described = if code.description.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", code.description)
                    };
                    format!("{digit}{tick} {}{under}{own}{described}", code.name)
                }
                Choice::New(name) => format!("   +  new code “{name}” (Tab adds it to your codes)"),
            };
            let style = if here { cursor_style } else { Style::new() };
            Line::styled(fit(&text, w), style)
        })
        .collect();
    let lines = if lines.is_empty() {
        vec![Line::styled(
            "the codebook has no codes yet: type a name to make one",
            Style::new().add_modifier(Modifier::DIM),
        )]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), list);
    let memo_line = Line::from(vec![
        Span::raw("memo: "),
        Span::raw(picker.memo.clone()),
        Span::styled(" ", if picker.on_memo { cursor_style } else { Style::new() }),
    ]);
    frame.render_widget(Paragraph::new(memo_line), memo);
    frame.render_widget(
        Paragraph::new(key_text)
            .wrap(Wrap { trim: true })
            .style(Style::new().add_modifier(Modifier::DIM)),
        keys,
    );
}
