//! Drawing the whole window from the model: tabs, the current screen, the
//! status line, and any popup on top. A window too small gets one line
//! saying so instead of a broken layout.

use super::action::Screen;
use super::app::{App, Popup};
use super::input::TextInput;
use super::screens;
use super::widgets::{help, status_line};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Tabs, Wrap};
use ratatui::Frame;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

pub fn render(frame: &mut Frame, app: &App) {
    draw(frame, app);
    if app.no_color {
        // NO_COLOR (no-color.org): no colours, only bold, reverse and the like.
        for cell in frame.buffer_mut().content.iter_mut() {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
}

fn draw(frame: &mut Frame, app: &App) {
    if let Some(loading) = &app.loading {
        return super::loading_view::render(frame, app, loading);
    }
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "terminal too small: {}x{} (need {MIN_WIDTH}x{MIN_HEIGHT}); q quits",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs_area, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let titles = Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", i + 1, s.title()));
    frame.render_widget(
        Tabs::new(titles)
            .select(app.screen.index())
            .highlight_style(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        tabs_area,
    );
    screens::render(frame, body, app);
    status_line::render(frame, status, app);
    if let Some(refusal) = &app.refusal {
        render_refusal(frame, body, refusal);
    }
    match &app.popup {
        Some(Popup::Help(scroll)) => help::render(frame, body, &app.keymap, app.screen, app.mode(), scroll),
        Some(Popup::Messages(scroll)) => help::render_messages(frame, body, &app.messages, scroll),
        Some(Popup::CaseDetails(case, scroll)) => {
            let view = app.view();
            let lines = match app.data.cases.get(case) {
                Some(data) => screens::cases::view::details_lines(&view, data),
                None => vec![Line::raw(format!("{case} is no longer in the study (reloaded?)"))],
            };
            let title = format!(" {case}: details and stage log (Esc closes) ");
            help::scrolling_popup(frame, body, lines, &title, scroll);
        }
        Some(Popup::Disagreements(criterion, scroll)) => {
            let view = app.view();
            let lines = screens::review::view::disagreement_lines(&app.screens.review, &view, criterion);
            let title = format!(" Where reviewers differ on {criterion} (Esc closes) ");
            help::scrolling_popup(frame, body, lines, &title, scroll);
        }
        Some(Popup::WhoAmI(picker)) => {
            render_who_am_i(frame, body, &picker.labels().collect::<Vec<_>>(), picker.selected())
        }
        Some(Popup::Confirm { question, .. }) => render_question(frame, body, question),
        Some(Popup::Choose(choice)) => {
            let (title, items, selected) = choice.shown();
            render_picker(frame, body, title, &items, selected)
        }
        None => {}
    }
    if let Some(input) = &app.input {
        render_input(frame, body, input);
    }
}

/// Why the last change was not made, in full, over the bottom of the screen.
fn render_refusal(frame: &mut Frame, area: Rect, text: &str) {
    let inner_width = area.width.saturating_sub(2).max(1) as usize;
    let lines = text.chars().count().div_ceil(inner_width) as u16 + 1;
    let height = (lines + 2).min(area.height);
    let box_area = Rect {
        y: area.bottom().saturating_sub(height),
        height,
        ..area
    };
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(Style::new().fg(Color::Red))
            .block(Block::bordered().title(" Not done (any key closes) ")),
        box_area,
    );
}

fn render_picker(frame: &mut Frame, area: Rect, title: &str, items: &[&str], selected: usize) {
    let list_items: Vec<ListItem> = items.iter().map(|i| ListItem::new(Line::raw(i.to_string()))).collect();
    let width = items
        .iter()
        .map(|i| i.chars().count())
        .max()
        .unwrap_or(10)
        .max(title.chars().count()) as u16
        + 6;
    let popup = help::centered(area, width.min(area.width), (items.len() as u16 + 2).min(area.height));
    frame.render_widget(Clear, popup);
    let mut state = ListState::default().with_selected(Some(selected));
    let list = List::new(list_items)
        .block(
            Block::bordered()
                .title(title.to_string())
                .title_bottom(" Enter picks, Esc closes "),
        )
        .highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(list, popup, &mut state);
}

fn render_question(frame: &mut Frame, area: Rect, question: &str) {
    let popup = help::centered(area, 64.min(area.width), 5.min(area.height));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(question)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Confirm ")),
        popup,
    );
}

/// An open text field, over the screen it belongs to.
fn render_input(frame: &mut Frame, area: Rect, input: &TextInput) {
    let width = 90.min(area.width);
    // A one-line field grows with wrapped text, up to six lines.
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows = input
        .area
        .lines()
        .iter()
        .map(|l| l.chars().count() / inner + 1)
        .sum::<usize>();
    let height = if input.multiline {
        14
    } else {
        3 + rows.clamp(1, 6) as u16
    };
    let popup = help::centered(area, width, height.min(area.height));
    frame.render_widget(Clear, popup);
    let [field, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(popup);
    let mut area_widget = input.area.clone();
    area_widget.set_block(Block::bordered().title(input.title.clone()));
    frame.render_widget(&area_widget, field);
    frame.render_widget(
        Paragraph::new(format!(" {}", input.hint)).style(Style::new().add_modifier(Modifier::DIM)),
        hint,
    );
}

fn render_who_am_i(frame: &mut Frame, area: Rect, labels: &[&str], selected: usize) {
    let items: Vec<ListItem> = labels.iter().map(|l| ListItem::new(Line::raw(l.to_string()))).collect();
    let height = (items.len() as u16 + 4).min(area.height);
    let popup = help::centered(area, 50.min(area.width), height);
    frame.render_widget(Clear, popup);
    let mut state = ListState::default().with_selected(Some(selected));
    let list = List::new(items)
        .block(Block::bordered().title(" Who are you? Enter picks, Esc skips "))
        .highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(list, popup, &mut state);
}
