//! What got in a newcomer's way in their first hour, each at the level that
//! shows it: search that finds what was meant, Norwegian order, keys that
//! do what the footer says, help that scrolls, a message log, details on
//! Enter, hints that follow rebinding.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::analysis::case_query::{CaseQuery, Column};
use casebook::domain::*;
use casebook::store::identity::Config;
use casebook::tui::action::{Action, Mode, Screen};
use casebook::tui::app::{App, Popup};
use casebook::tui::screens::cases::case_ids;
use casebook::tui::screens::review::ReviewView;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, screen_text};

fn demo() -> StudyData {
    casebook::store::load(&casebook::store::Layout::new(env!("CARGO_MANIFEST_DIR"))).data
}

fn search(data: &StudyData, typed: &str) -> Vec<String> {
    let query = CaseQuery {
        search: typed.to_string(),
        ..CaseQuery::default()
    };
    query
        .apply(data)
        .iter()
        .map(|f| f.case.case.municipality.clone())
        .collect()
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn a_municipality_typed_in_full_comes_first_and_scattered_letters_do_not_match() {
    let data = demo();
    let oslo = search(&data, "oslo");
    let in_oslo = data.cases.values().filter(|c| c.case.municipality == "Oslo").count();
    assert!(in_oslo > 0);
    assert!(
        oslo[..in_oslo].iter().all(|m| m == "Oslo"),
        "every Oslo case before any other: {oslo:?}"
    );
    // No case in Løten: nothing, or at most close misspellings, never a
    // title whose letters happen to be in order.
    let loten = search(&data, "loten");
    assert!(loten.len() <= 3, "{loten:?}");
}

#[test]
fn aa_finds_the_letter_it_is_the_old_spelling_of() {
    let data = demo();
    assert_eq!(search(&data, "aalesund").first().map(String::as_str), Some("Ålesund"));
    assert_eq!(
        search(&data, "baatsfjord").first().map(String::as_str),
        Some("Båtsfjord")
    );
}

#[test]
fn focus_areas_and_regions_can_be_searched() {
    let data = demo();
    let query = CaseQuery {
        search: "mother tongue".into(),
        ..CaseQuery::default()
    };
    let found = query.apply(&data);
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .take(10)
        .all(|f| f.case.case.focus_area.as_deref() == Some("mother-tongue")));
    let query = CaseQuery {
        search: "ostlandet".into(),
        ..CaseQuery::default()
    };
    let found = query.apply(&data);
    assert!(!found.is_empty());
    assert!(found.iter().take(10).all(|f| f.case.case.region == "Østlandet"));
}

#[test]
fn narrowing_keeps_a_good_match_that_an_earlier_letter_ranked_low() {
    // Typed one letter at a time in the app, the result is the same as the
    // whole query typed at once: narrowing starts from every case the
    // shorter query could lead to, not only those shown.
    let mut app = demo_app(Some("astrid"));
    app.update(Action::Search);
    for c in "aalesund".chars() {
        app.handle_key(key(c));
    }
    let typed = case_ids(&app);
    let query = CaseQuery {
        search: "aalesund".into(),
        ..CaseQuery::default()
    };
    let at_once: Vec<CaseId> = query.apply(&app.data).iter().map(|f| f.case.case.id.clone()).collect();
    assert_eq!(typed, at_once);
    assert!(screen_text(&app, 120, 40).contains("ordered by match"));
}

#[test]
fn municipalities_sort_the_norwegian_way() {
    let data = demo();
    let query = CaseQuery {
        sort: Column::Municipality,
        ..CaseQuery::default()
    };
    let order: Vec<String> = query
        .apply(&data)
        .iter()
        .map(|f| f.case.case.municipality.clone())
        .collect();
    let position = |name: &str| order.iter().position(|m| m == name);
    if let (Some(arendal), Some(alesund)) = (position("Arendal"), position("Ålesund")) {
        assert!(arendal < alesund, "Å after A");
    }
    let last_z_or_before = order.iter().rposition(|m| !m.starts_with(['Æ', 'Ø', 'Å'])).unwrap();
    let first_nordic = order.iter().position(|m| m.starts_with(['Æ', 'Ø', 'Å'])).unwrap();
    assert!(first_nordic > last_z_or_before, "Æ, Ø and Å after Z: {order:?}");
}

#[test]
fn help_scrolls_at_80x24() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::ToggleHelp);
    let top = screen_text(&app, 80, 24);
    assert!(top.contains("more below"), "{top}");
    assert!(!top.contains("reload the study from disk"), "{top}");
    app.handle_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    let _ = screen_text(&app, 80, 24);
    app.handle_key(key('G'));
    let bottom = screen_text(&app, 80, 24);
    assert!(bottom.contains("reload the study from disk"), "{bottom}");
    assert!(bottom.contains("more above"), "{bottom}");
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.popup, None);
}

#[test]
fn messages_go_with_the_next_key_and_stay_in_the_log() {
    let mut app = demo_app(Some("astrid"));
    app.handle_key(key('x'));
    assert_eq!(app.message.as_deref(), Some("filters and search cleared"));
    app.handle_key(key('j'));
    assert_eq!(app.message, None, "no message left standing");
    app.handle_key(key('L'));
    let log = screen_text(&app, 120, 40);
    assert!(log.contains("filters and search cleared"), "{log}");
}

#[test]
fn who_am_i_can_be_answered_later() {
    let mut app = demo_app(None);
    assert!(matches!(app.popup, Some(Popup::WhoAmI(_))));
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.popup, None);
    app.handle_key(key('w'));
    assert!(matches!(app.popup, Some(Popup::WhoAmI(_))), "w asks again");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.me.is_some());
}

#[test]
fn enter_on_a_case_shows_its_details_and_whole_stage_log() {
    let mut app = demo_app(Some("astrid"));
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let Some(Popup::CaseDetails(case, _)) = &app.popup else {
        panic!("Enter opens the details: {:?}", app.popup)
    };
    let case = case.clone();
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains(&format!("{case}: details and stage log")), "{screen}");
    assert!(screen.contains("Stage:"), "{screen}");
}

#[test]
fn enter_on_an_agreement_row_lists_where_reviewers_differ() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowAgreement);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let Some(Popup::Disagreements(criterion, _)) = &app.popup else {
        panic!("Enter lists the disagreements: {:?}", app.popup)
    };
    let criterion = criterion.clone();
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains(&format!("differ on {criterion}")), "{screen}");
    assert!(
        screen.contains(" vs ") || screen.contains("No disagreement"),
        "{screen}"
    );
}

/// Opens astrid's first submitted review, if she has one.
fn open_submitted_review(app: &mut App) -> bool {
    app.update(Action::GoTo(Screen::Review));
    let me = ResearcherId::new("astrid");
    let queue = casebook::tui::screens::review::queue(app);
    let Some(position) = queue
        .iter()
        .position(|c| app.data.cases[c].reviews.get(&me).is_some_and(|r| r.is_submitted()))
    else {
        return false;
    };
    for _ in 0..position {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    app.screens.review.view == ReviewView::Form
}

#[test]
fn on_a_submitted_review_q_quits_and_screen_keys_work() {
    let mut app = demo_app(Some("astrid"));
    assert!(open_submitted_review(&mut app));
    assert_eq!(app.mode(), Mode::Normal, "a submitted review takes no answers");
    let screen = screen_text(&app, 120, 40);
    assert!(!screen.contains("Enter to write"), "{screen}");
    app.handle_key(key('1'));
    assert_eq!(app.screen, Screen::Cases, "1 goes to the Cases screen");
    assert!(open_submitted_review(&mut app));
    app.handle_key(key('q'));
    assert!(app.should_quit);
}

#[test]
fn in_a_draft_the_footer_says_how_to_leave() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Review));
    let me = ResearcherId::new("astrid");
    let queue = casebook::tui::screens::review::queue(&app);
    let first = queue.first().cloned().unwrap();
    if app.data.cases[&first]
        .reviews
        .get(&me)
        .is_some_and(|r| r.is_submitted())
    {
        // Everything is submitted in this demo: nothing to show here.
        return;
    }
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::ReviewForm);
    let screen = screen_text(&app, 120, 40);
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Esc leaves (draft kept)"), "{footer}");
    assert!(!footer.contains("q quit"), "{footer}");
}

#[test]
fn the_review_queue_lists_what_is_to_do_first() {
    let app = demo_app(Some("astrid"));
    let me = ResearcherId::new("astrid");
    let queue = casebook::tui::screens::review::queue(&app);
    let done: Vec<bool> = queue
        .iter()
        .map(|c| app.data.cases[c].reviews.get(&me).is_some_and(|r| r.is_submitted()))
        .collect();
    let first_done = done.iter().position(|d| *d).unwrap_or(done.len());
    assert!(done[first_done..].iter().all(|d| *d), "to do first: {done:?}");
}

#[test]
fn hints_follow_rebound_keys() {
    let layout = casebook::store::Layout::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = casebook::store::load(&layout);
    let mut config = Config::default();
    config.keys.insert("quit".into(), "ctrl-q".into());
    config.keys.insert("search".into(), "ctrl-f".into());
    let app = App::on_loaded(layout, loaded, Some(ResearcherId::new("astrid")), config);
    let screen = screen_text(&app, 140, 40);
    assert!(screen.contains("Ctrl-Q quit"), "{screen}");
    assert!(screen.contains("Ctrl-F search"), "{screen}");
    assert!(!screen.contains("q quit") || screen.contains("Ctrl-Q quit"));
}
