//! The TUI at any size: every screen (and help) draws from 1x1 to 300x100,
//! the edges and a sample inside, without a panic; `NO_COLOR` draws no colour.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::tui::action::{Action, Screen};
use proptest::prelude::*;
use ratatui::style::Color;
use tui_common::{demo_app, draw};

fn every_screen_draws_at(width: u16, height: u16) {
    let mut app = demo_app(Some("astrid"));
    for screen in Screen::ALL {
        app.update(Action::GoTo(screen));
        draw(&app, width, height);
    }
    app.update(Action::ToggleHelp);
    draw(&app, width, height);
}

#[test]
fn no_panic_on_the_edges_of_1x1_to_300x100() {
    let widths: Vec<u16> = (1..=20).chain((21..=300).step_by(17)).chain([299, 300]).collect();
    let heights: Vec<u16> = (1..=16).chain((17..=100).step_by(9)).chain([99, 100]).collect();
    for &width in &widths {
        for height in [1, 100] {
            every_screen_draws_at(width, height);
        }
    }
    for &height in &heights {
        for width in [1, 300] {
            every_screen_draws_at(width, height);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_at_a_size_inside(width in 1u16..=300, height in 1u16..=100) {
        every_screen_draws_at(width, height);
    }
}

#[test]
fn a_burst_of_resizes_draws_every_frame() {
    let app = demo_app(Some("astrid"));
    for step in 0..200u16 {
        draw(&app, 1 + (step * 37) % 300, 1 + (step * 53) % 100);
    }
}

#[test]
fn no_color_draws_no_colour() {
    let mut app = demo_app(Some("astrid"));
    app.no_color = true;
    app.update(Action::GoTo(Screen::Coverage));
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    assert!(buffer
        .content
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    app.no_color = false;
    let terminal = draw(&app, 120, 40);
    assert!(
        terminal.backend().buffer().content.iter().any(|c| c.fg != Color::Reset),
        "colours without NO_COLOR"
    );
}
