//! The Interviews list cuts a cell too long for its column with a visible
//! `…`, as the Cases and Recruitment tables do, never silently: in a
//! narrow terminal, `INF-20, INF-21` must not read as one informant.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::tui::action::{Action, Screen};
use insta::assert_snapshot;
use tui_common::{demo_app, draw};

/// The Interviews screen of the demo at `width` x `height`, with the cursor
/// on the administration interview (two informants).
fn interviews_at(width: u16, height: u16) -> String {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Interviews));
    let rows = casebook::tui::screens::interviews::rows(&app);
    app.screens.interviews.cursor.selected = rows
        .iter()
        .position(|(case, _)| case.as_str() == "administration")
        .unwrap();
    draw(&app, width, height).backend().to_string()
}

#[test]
fn a_cell_too_long_for_its_column_ends_in_an_ellipsis() {
    let screen = interviews_at(80, 24);
    let row = screen.lines().find(|l| l.contains("▶")).expect("the selected row");
    assert!(
        row.contains("INF-20…") || row.contains("INF-2…") || row.contains('…'),
        "{row}"
    );
    assert_snapshot!(screen);
}
