//! The status line: the study, who I am, problems found at load, the latest message.

use crate::tui::app::App;
use ratatui::layout::Rect;
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
    let mut spans = vec![
        Span::styled(
            format!(" {} ", study_name(app)),
            Style::new().fg(Color::Black).bg(Color::Cyan),
        ),
        Span::raw(format!(" as {me} ")),
    ];
    match app.problems.len() {
        0 => spans.push(Span::styled(" no problems ", Style::new().fg(Color::Green))),
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
            format!(" {} file(s) changed on disk: Ctrl-R reloads ", app.changed_on_disk),
            Style::new().fg(Color::Black).bg(Color::Yellow),
        ));
    }
    if !app.unsaved.is_empty() {
        spans.push(Span::styled(
            format!(" ⚠ {} unsaved (Ctrl-R reloads; kept on quit) ", app.unsaved.len()),
            Style::new().fg(Color::White).bg(Color::Red),
        ));
    }
    if let Some(message) = &app.message {
        spans.push(Span::raw(format!(" │ {message}")));
    }
    // While notes are typed, `?` and `q` are text.
    let keys = if app.mode() == crate::tui::action::Mode::Interview {
        "  F1 help  Esc back  Ctrl-C quit"
    } else {
        "  ? help  q quit"
    };
    spans.push(Span::styled(keys, Style::new().fg(Color::DarkGray)));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The study's title, shortened to leave room for the rest of the line.
fn study_name(app: &App) -> String {
    let title = &app.data.study.title;
    if title.chars().count() > 40 {
        format!("{}…", title.chars().take(39).collect::<String>())
    } else {
        title.clone()
    }
}
