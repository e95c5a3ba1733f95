//! The update function, driven directly: actions in, state out.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::tui::action::{Action, Mode, Screen};
use casebook::tui::app::{Effect, Popup};
use casebook::tui::keymap::Keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, draw};

#[test]
fn tab_and_shift_tab_cycle_through_the_six_screens() {
    let mut app = demo_app(Some("astrid"));
    let mut seen = vec![app.screen];
    for _ in 0..6 {
        app.update(Action::NextScreen);
        seen.push(app.screen);
    }
    assert_eq!(
        seen,
        [
            Screen::Cases,
            Screen::Coverage,
            Screen::Review,
            Screen::Recruitment,
            Screen::Interviews,
            Screen::Themes,
            Screen::Cases
        ]
    );
    app.update(Action::PreviousScreen);
    assert_eq!(app.screen, Screen::Themes);
}

#[test]
fn number_keys_go_straight_to_a_screen() {
    let keymap = Keymap::default();
    let key = KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE);
    assert_eq!(
        keymap.action_for(&key, Screen::Cases, Mode::Normal),
        Some(Action::GoTo(Screen::Recruitment))
    );
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Recruitment));
    assert_eq!(app.screen, Screen::Recruitment);
}

#[test]
fn the_cursor_stays_within_the_list() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::Up);
    assert_eq!(app.screens.cases.cursor.selected, 0);
    app.update(Action::Bottom);
    assert_eq!(app.screens.cases.cursor.selected, app.data.cases.len() - 1);
    app.update(Action::Down);
    assert_eq!(app.screens.cases.cursor.selected, app.data.cases.len() - 1);
    app.update(Action::Top);
    assert_eq!(app.screens.cases.cursor.selected, 0);
}

#[test]
fn page_down_moves_by_the_rendered_page_height() {
    let mut app = demo_app(Some("astrid"));
    draw(&app, 120, 40);
    let page = app.screens.cases.cursor.page.get();
    assert!(page > 5, "a 40-line terminal shows more than five rows, got {page}");
    app.update(Action::PageDown);
    assert_eq!(app.screens.cases.cursor.selected, page);
}

#[test]
fn help_opens_and_closes_and_swallows_other_keys() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::ToggleHelp);
    assert!(matches!(app.popup, Some(Popup::Help(_))));
    app.update(Action::NextScreen);
    assert_eq!(app.screen, Screen::Cases, "keys go to the help popup while it is open");
    app.update(Action::Back);
    assert_eq!(app.popup, None);
}

#[test]
fn quit_works_from_anywhere_even_a_popup() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::ToggleHelp);
    app.update(Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_quits_and_q_quits() {
    let keymap = Keymap::default();
    for key in [
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
    ] {
        assert_eq!(
            keymap.action_for(&key, Screen::Themes, Mode::Normal),
            Some(Action::Quit)
        );
    }
}

#[test]
fn a_user_nobody_named_is_asked_once_and_remembered() {
    let mut app = demo_app(None);
    assert!(matches!(&app.popup, Some(Popup::WhoAmI(picker)) if picker.selected() == 0));
    app.update(Action::Down);
    let effects = app.update(Action::Open);
    assert_eq!(app.me.as_ref().map(|m| m.as_str()), Some("brage"));
    assert_eq!(app.popup, None);
    match effects.as_slice() {
        [Effect::SaveConfig(config)] => assert_eq!(config.user.as_ref().map(|u| u.as_str()), Some("brage")),
        other => panic!("expected the config to be saved, got {other:?}"),
    }
}

#[test]
fn user_key_overrides_rebind_actions_and_bad_ones_are_reported() {
    let overrides = [
        ("quit".to_string(), "ctrl-q".to_string()),
        ("nonsense".to_string(), "x".to_string()),
    ]
    .into_iter()
    .collect();
    let (keymap, rejected) = Keymap::with_overrides(&overrides);
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(
        keymap.action_for(&ctrl_q, Screen::Cases, Mode::Normal),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.action_for(
            &KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
            Screen::Cases,
            Mode::Normal
        ),
        None
    );
    assert_eq!(rejected, ["nonsense = x"]);
}

#[test]
fn an_override_rebinds_an_action_on_every_screen_it_is_bound_on() {
    let overrides = [("start_interview".to_string(), "I".to_string())].into_iter().collect();
    let (keymap, rejected) = Keymap::with_overrides(&overrides);
    assert!(rejected.is_empty());
    let big_i = KeyEvent::new(KeyCode::Char('I'), KeyModifiers::NONE);
    for screen in [Screen::Cases, Screen::Recruitment] {
        assert_eq!(
            keymap.action_for(&big_i, screen, Mode::Normal),
            Some(Action::StartInterview),
            "{screen:?}"
        );
    }
}

#[test]
fn help_lists_every_key_bound_on_the_screen() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::ToggleHelp);
    let text = tui_common::screen_text(&app, 120, 40);
    assert!(text.contains("1-6") && text.contains("Cases, Coverage, Review, Recruitment, Interviews, Themes"));
    for binding in app.keymap.help_for(Screen::Cases, Mode::Normal) {
        if matches!(binding.action, Action::GoTo(_)) {
            continue; // one line for the six screens, checked above
        }
        assert!(
            text.contains(binding.description),
            "help lacks `{}`",
            binding.description
        );
    }
}

#[test]
fn no_terminal_size_makes_rendering_panic() {
    let app = demo_app(Some("astrid"));
    for (width, height) in [(1, 1), (20, 5), (59, 12), (60, 11), (60, 12), (80, 24), (200, 60)] {
        for screen in Screen::ALL {
            let mut app = demo_app(Some("astrid"));
            app.screen = screen;
            draw(&app, width, height);
        }
    }
    assert!(tui_common::screen_text(&app, 20, 5).contains("terminal too"));
}
