//! The Themes screen: the codebook tree with the figures `casebook themes`
//! computes, the code x case heat map, the bar charts, the passages of a
//! code or cell, the passage search narrowing as it is typed, and Enter on
//! a passage opening its interview at its question.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::tui::action::{Action, Screen};
use tui_common::{demo_app, screen_text};

#[test]
fn scratch() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Themes));
    app.update(Action::Down);
    println!("{}", screen_text(&app, 120, 40));
    println!("{}", screen_text(&app, 80, 24));
    app.update(Action::ToggleMatrix);
    println!("{}", screen_text(&app, 120, 40));
    app.update(Action::ColumnRight);
    println!("{}", screen_text(&app, 80, 24));
    app.update(Action::Open);
    println!("{}", screen_text(&app, 120, 40));
    app.update(Action::Back);
    app.update(Action::ToggleMatrix);
    app.update(Action::Open);
    println!("{}", screen_text(&app, 120, 40));
}
