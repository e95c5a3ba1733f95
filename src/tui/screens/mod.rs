//! One file per screen; each renders from the model and says how many rows
//! its list has (so the update function can bound the cursor).

pub mod cases;
pub mod coverage;
pub mod interviews;
pub mod recruitment;
pub mod review;
pub mod themes;

use super::action::Screen;
use super::app::{App, ListId};
use ratatui::layout::Rect;
use ratatui::Frame;

pub fn row_count(app: &App, list: ListId) -> usize {
    match list {
        ListId::Screen(Screen::Cases) => cases::rows(app).len(),
        ListId::Screen(Screen::Coverage) => coverage::rows(app).len(),
        ListId::Screen(Screen::Review) => review::rows(app).len(),
        ListId::Screen(Screen::Recruitment) => recruitment::rows(app).len(),
        ListId::Screen(Screen::Interviews) => interviews::rows(app).len(),
        ListId::Screen(Screen::Themes) => themes::rows(app).len(),
        ListId::ReviewConflicts => review::conflict_rows(app).len(),
        ListId::ReviewAgreement => review::agreement_rows(app).len(),
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    match app.screen {
        Screen::Cases => cases::render(frame, area, app),
        Screen::Coverage => coverage::render(frame, area, app),
        Screen::Review => review::render(frame, area, app),
        Screen::Recruitment => recruitment::render(frame, area, app),
        Screen::Interviews => interviews::render(frame, area, app),
        Screen::Themes => themes::render(frame, area, app),
    }
}

/// Kroner as "1 234 000".
pub fn kroner(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
