//! The status line: the study, who I am, problems found at load, the latest message.

use crate::tui::action::{Action, Mode};
use crate::tui::app::App;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let me = app
        .me
        .as_ref()
        .map(|m| m.to_string())
        .unwrap_or_else(|| "who? (unknown)".to_string());
    // A message takes room before the study's full title does.
    let title_room = if app.message.is_some() { 24 } else { 40 };
    let mut spans = vec![
        Span::styled(
            format!(" {} ", study_name(app, title_room)),
            Style::new().fg(Color::Black).bg(Color::Cyan),
        ),
        Span::raw(format!(" as {me} ")),
    ];
    match app.problems.len() {
        0 if app.message.is_none() => spans.push(Span::styled(" no problems ", Style::new().fg(Color::Green))),
        0 => {}
        n => {
            let first = &app.problems[0];
            spans.push(Span::styled(
                format!(" {n} problem{} at load: {first} ", if n == 1 { "" } else { "s" }),
                Style::new().fg(Color::Yellow),
            ));
        }
    }
    if let Some(holder) = &app.read_only {
        spans.push(Span::styled(
            format!(" read-only: open in {holder} "),
            Style::new().fg(Color::Black).bg(Color::Yellow),
        ));
    }
    if app.changed_on_disk > 0 {
        spans.push(Span::styled(
            format!(
                " {} file(s) changed on disk: {} reloads ",
                app.changed_on_disk,
                app.keymap.key_for(Action::Reload)
            ),
            Style::new().fg(Color::Black).bg(Color::Yellow),
        ));
    }
    if !app.unsaved.is_empty() {
        spans.push(Span::styled(
            format!(" ⚠ {} unsaved (kept on quit) ", app.unsaved.len()),
            Style::new().fg(Color::White).bg(Color::Red),
        ));
    }
    if let Some(message) = &app.message {
        spans.push(Span::raw(format!(" │ {message}")));
    }
    // The keys that leave or explain, from the keymap as bound, always in
    // full at the right; in a review draft, how to leave it (q is an answer
    // there, not quit).
    let keys = &app.keymap;
    let hints = if app.mode() == Mode::Interview {
        // While notes are typed, `?` and `q` are text.
        // At 80 columns the quit key gives way (F1 lists it).
        let quit = if area.width >= 100 { "  Ctrl-C quit" } else { "" };
        format!("{} code  F1 help  Esc back{quit}", keys.key_for(Action::CodePassage))
    } else if app.mode() == Mode::ReviewForm {
        keys.hints(&[
            (Action::Back, "leaves (draft kept)"),
            (Action::MessageLog, "messages"),
            (Action::ToggleHelp, "help"),
        ])
    } else {
        keys.hints(&[
            (Action::MessageLog, "messages"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ])
    };
    let hints = format!("  {hints} ");
    let hints_width = (hints.chars().count() as u16).min(area.width / 2);
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(hints_width)]).areas(area);
    let line = Line::from(spans);
    let line = if line.width() > left.width as usize {
        // Cut, the end marked; `L` shows the whole message.
        ellipsis(line, left.width as usize)
    } else {
        line
    };
    frame.render_widget(Paragraph::new(line), left);
    frame.render_widget(
        Paragraph::new(Span::styled(hints, Style::new().fg(Color::DarkGray))),
        right,
    );
}

/// `line` cut to `width` columns, its last one an ellipsis.
fn ellipsis(line: Line<'static>, width: usize) -> Line<'static> {
    let mut out: Vec<Span> = Vec::new();
    let mut room = width.saturating_sub(1);
    for span in line.spans {
        if room == 0 {
            break;
        }
        let mut text = String::new();
        for c in span.content.chars() {
            let w = Span::raw(c.to_string()).width();
            if w > room {
                room = 0;
                break;
            }
            room -= w;
            text.push(c);
        }
        out.push(Span::styled(text, span.style));
    }
    out.push(Span::raw("…"));
    Line::from(out)
}

/// The study's title, shortened to leave room for the rest of the line.
fn study_name(app: &App, room: usize) -> String {
    crate::tui::widgets::fit::fit(&app.data.study.title, room)
}
