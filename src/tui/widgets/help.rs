//! The help popup: every key of the current screen, straight from the keymap.

use crate::tui::action::{Action, Mode, Screen};
use crate::tui::keymap::{Keymap, Scope};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, keymap: &Keymap, screen: Screen, mode: Mode) {
    let mut lines = Vec::new();
    let mut last_scope = None;
    let mut screen_keys: Option<(String, Vec<&str>)> = None;
    for binding in keymap.help_for(screen, mode) {
        if last_scope != Some(binding.scope) {
            let heading = match binding.scope {
                Scope::On(s) => format!("{} screen", s.title()),
                Scope::In(Mode::ReviewForm) => "Review form".to_string(),
                Scope::In(Mode::Interview) => {
                    "Interview (other keys are text; Ctrl-C quits, Ctrl-Z suspends)".to_string()
                }
                Scope::In(Mode::Normal) => "Screens".to_string(),
                Scope::Lists => "Lists".to_string(),
                Scope::Everywhere => "Everywhere".to_string(),
            };
            if last_scope.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(heading, Style::new().add_modifier(Modifier::BOLD)));
            last_scope = Some(binding.scope);
        }
        let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
        // The six screen keys read best as one line.
        if let Action::GoTo(screen) = binding.action {
            let digit = keys.join(" / ");
            if screen == Screen::ALL[0] {
                screen_keys = Some((digit, vec![screen.title()]));
            } else if let Some((first, titles)) = &mut screen_keys {
                titles.push(screen.title());
                if screen == Screen::ALL[Screen::ALL.len() - 1] {
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!("  {:<16}", format!("{first}-{digit}")),
                            Style::new().add_modifier(Modifier::BOLD),
                        ),
                        Span::raw(titles.join(", ")),
                    ]));
                    screen_keys = None;
                }
            }
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<16}", keys.join(" / ")),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(binding.description),
        ]));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 100.min(area.width);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" Help: {} (? or Esc closes) ", screen.title()))),
        popup,
    );
}

/// A `width` x `height` rectangle in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Length(width), Constraint::Length(height))
}
