//! The help popup: every key of the current screen, straight from the keymap.

use crate::tui::action::{Action, Mode, Screen};
use crate::tui::app::Scroll;
use crate::tui::keymap::{Keymap, Scope};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, keymap: &Keymap, screen: Screen, mode: Mode, scroll: &Scroll) {
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
    let title = format!(" Help: {} (? or Esc closes) ", screen.title());
    scrolling_popup(frame, area, lines, &title, scroll);
}

/// The message log: every message of this session, newest last.
pub fn render_messages(frame: &mut Frame, area: Rect, messages: &[String], scroll: &Scroll) {
    let lines: Vec<Line> = if messages.is_empty() {
        vec![Line::raw("No messages yet.")]
    } else {
        messages.iter().map(|m| Line::raw(m.clone())).collect()
    };
    scrolling_popup(frame, area, lines, " Messages, newest last (L or Esc closes) ", scroll);
}

/// A popup as tall as its text allows, scrolled with the list keys; a
/// footer says when there is more below or above.
pub fn scrolling_popup(frame: &mut Frame, area: Rect, lines: Vec<Line>, title: &str, scroll: &Scroll) {
    let width = 100.min(area.width);
    let inner_width = width.saturating_sub(2).max(1);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let wanted = paragraph.line_count(inner_width) as u16;
    let height = (wanted + 2).min(area.height);
    let visible = height.saturating_sub(2);
    let max = wanted.saturating_sub(visible);
    scroll.max.set(max);
    let offset = scroll.offset.min(max);
    let mut block = Block::bordered().title(title.to_string());
    if max > 0 {
        let more = match (offset > 0, offset < max) {
            (true, true) => " more above and below: j/k, PageUp/PageDown ",
            (false, _) => " more below: j, PageDown ",
            (true, false) => " more above: k, PageUp ",
        };
        block = block.title_bottom(Line::raw(more).right_aligned());
    }
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(paragraph.block(block).scroll((offset, 0)), popup);
}

/// A `width` x `height` rectangle in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Length(width), Constraint::Length(height))
}
