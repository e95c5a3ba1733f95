//! The frame shown at once while the study is read in the background: the
//! study, who I am, how far along, and that q quits.

use super::app::App;
use super::app_jobs::Loading;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

pub fn render(frame: &mut Frame, app: &App, loading: &Loading) {
    let elapsed = loading.since.elapsed();
    let spinner = SPINNER[(elapsed.as_millis() / 100) as usize % SPINNER.len()];
    let what = match loading.case_folders {
        Some(n) => format!("{n} case folders"),
        None => "the study".to_string(),
    };
    let me = app.me.as_ref().map(|m| format!(" as {m}")).unwrap_or_default();
    let lines = vec![
        Line::styled(format!(" {}{me}", app.data.study.title), Style::new().fg(Color::Cyan)),
        Line::raw(""),
        Line::raw(format!(
            " {spinner} loading the study… reading {what} ({:.1} s)",
            elapsed.as_secs_f64()
        )),
        Line::raw(""),
        Line::styled(" q quits", Style::new().fg(Color::DarkGray)),
    ];
    let [_, middle, _] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(5), Constraint::Fill(1)]).areas(frame.area());
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), middle);
}
