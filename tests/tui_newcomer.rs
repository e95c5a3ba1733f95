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

#[test]
fn narrow_windows_never_cut_an_id_or_a_number_silently() {
    let mut app = demo_app(Some("astrid"));
    let screen = screen_text(&app, 60, 24);
    assert!(screen.contains("p2019-001"), "ids are whole at 60 columns: {screen}");
    assert!(!screen.contains("p2019-0 "), "{screen}");
    app.update(Action::GoTo(Screen::Coverage));
    for width in [60, 80, 120] {
        let screen = screen_text(&app, width, 30);
        for line in screen.lines() {
            // A size band is shown whole or visibly cut, never as another number.
            assert!(!line.contains("5000-1000 ") && !line.contains("10000-200 "), "{line}");
        }
    }
    let coverage = screen_text(&app, 120, 40);
    assert!(coverage.contains("all "), "a totals row: {coverage}");
    assert!(
        coverage.contains("cells: selected/frame"),
        "what the cells mean: {coverage}"
    );
}

#[test]
fn an_empty_result_says_so_and_how_to_clear_it() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::Search);
    for c in "zzzzqqq".chars() {
        app.handle_key(key(c));
    }
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("No case matches the filters and search; x clears them."),
        "{screen}"
    );
}

#[test]
fn enter_on_a_suggestion_moves_that_case_with_a_reason() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Coverage));
    app.update(Action::ToggleSuggestions);
    let suggested = casebook::analysis::suggest::next_case(&app.data).expect("a suggestion");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.input.is_some(), "asks why, the suggestion's reason offered");
    let effects = app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let (_, case): (_, Case) = tui_common::single_write(&effects);
    assert_eq!(case.id, suggested.case);
    assert_eq!(case.stage, Stage::Selected);
    assert!(case.stage_log.last().unwrap().reason.starts_with("suggested: "));
}

#[test]
fn the_suggestion_closes_the_most_open_gaps() {
    // Every pool or shortlisted case closes at most as many gaps as the one suggested.
    let data = demo();
    let suggested = casebook::analysis::suggest::next_case(&data).expect("a suggestion");
    let gaps = casebook::analysis::coverage::open_gaps(&data);
    let closes = |case: &Case| {
        let values = casebook::analysis::strata::values_of(&data, case, &casebook::analysis::suggest::STRATA);
        gaps.iter()
            .filter(|g| values.iter().any(|(s, v)| *s == g.stratum && *v == g.key))
            .count()
    };
    let best = closes(&data.cases[&suggested.case].case);
    assert_eq!(best, suggested.closes.len());
    for c in data.cases.values() {
        let case = &c.case;
        if case.origin == Origin::Project && case.is_funded() && matches!(case.stage, Stage::Pool | Stage::Shortlisted)
        {
            assert!(closes(case) <= best, "{} closes more", case.id);
        }
    }
}

#[test]
fn a_funded_project_is_not_offered_the_snowball_stage() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::MoveStage);
    let items = tui_common::picker_items(&app).expect("the stage picker");
    assert!(!items.iter().any(|i| i == "snowball"), "{items:?}");
}

#[test]
fn a_long_reason_wraps_and_its_end_stays_in_view() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::MoveStage);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.input.is_some(), "asks why");
    let reason = "The documents describe a project that ended before the grant period, so it cannot show the effects the evaluation asks about; ENDMARK";
    for c in reason.chars() {
        app.handle_key(key(c));
    }
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("ENDMARK"), "{screen}");
    assert!(screen.contains("The documents describe"), "{screen}");
}

#[test]
fn a_two_line_answer_keeps_its_line_break() {
    let mut app = demo_app(Some("astrid"));
    let me = ResearcherId::new("astrid");
    let case = tui_common::first_queued_case(&app, &me);
    let remarks = CriterionId::new("remarks");
    {
        let data = app.data_mut().cases.get_mut(&case).unwrap();
        let review = data.reviews.get_mut(&me).unwrap();
        review
            .answers
            .insert(remarks, Answer::Text("First line mer.\nSecond line".into()));
    }
    app.update(Action::GoTo(Screen::Review));
    let queue = casebook::tui::screens::review::queue(&app);
    let position = queue.iter().position(|c| *c == case).unwrap();
    for _ in 0..position {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let screen = screen_text(&app, 160, 48);
    assert!(!screen.contains("mer.Second"), "{screen}");
    assert!(screen.contains("Second line"), "{screen}");
}

#[test]
fn a_case_closing_two_gaps_beats_one_closing_one() {
    // As the newcomer found it: Nord-Norge below its target and no case in
    // "Welcome services"; a pool case in Nord-Norge on welcome services
    // closes both and must be the one suggested.
    let mut data = demo();
    let gaps = casebook::analysis::coverage::gaps(&data);
    assert!(gaps.iter().any(|g| g.contains("Nord-Norge")), "{gaps:?}");
    assert!(gaps.iter().any(|g| g.contains("Welcome services")), "{gaps:?}");
    let chosen = data
        .cases
        .values()
        .find(|c| {
            c.case.stage == Stage::Pool
                && c.case.origin == Origin::Project
                && c.case.is_funded()
                && c.case.region != "Nord-Norge"
        })
        .unwrap()
        .case
        .id
        .clone();
    {
        let case = &mut data.cases.get_mut(&chosen).unwrap().case;
        case.region = "Nord-Norge".into();
        case.focus_area = Some("welcome-services".into());
        for application in &mut case.applications {
            application.focus_area = None;
        }
    }
    let suggested = casebook::analysis::suggest::next_case(&data).unwrap();
    assert_eq!(suggested.case, chosen, "{}", suggested.explanation);
    assert_eq!(suggested.closes.len(), 2, "{}", suggested.explanation);
}

#[test]
fn the_lead_sets_a_target_on_the_coverage_screen() {
    let lead = casebook::store::load(&casebook::store::Layout::new(env!("CARGO_MANIFEST_DIR")))
        .data
        .study
        .lead
        .expect("the demo names its lead");
    let mut app = demo_app(Some(lead.as_str()));
    app.update(Action::GoTo(Screen::Coverage));
    app.handle_key(key('t'));
    let items = tui_common::picker_items(&app).expect("a picker of the rows' values");
    assert!(items.iter().any(|i| i.starts_with("5000-10000")), "{items:?}");
    let position = items.iter().position(|i| i.starts_with("5000-10000")).unwrap();
    for _ in 0..position {
        app.handle_key(key('j'));
    }
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    app.handle_key(key('3'));
    let effects = app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let (path, study): (_, Study) = tui_common::single_write(&effects);
    assert!(path.ends_with("study.ron"));
    assert!(study
        .targets
        .iter()
        .any(|t| t.stratum == Stratum::SizeBand && t.value == "5000-10000" && t.min_selected == 3));
    // Anyone else is told whose file it is.
    let other = app
        .data
        .study
        .team
        .iter()
        .map(|r| r.id.clone())
        .find(|r| *r != lead)
        .unwrap();
    let mut app = demo_app(Some(other.as_str()));
    app.update(Action::GoTo(Screen::Coverage));
    app.handle_key(key('t'));
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    app.handle_key(key('2'));
    let effects = app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(effects.is_empty());
    let refusal = app.refusal.clone().unwrap_or_default();
    assert!(refusal.contains(lead.as_str()), "{refusal}");
}

#[test]
fn informants_by_case_name_their_case() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Recruitment));
    app.update(Action::ToggleTree);
    let screen = screen_text(&app, 140, 40);
    assert!(screen.contains("Case"), "{screen}");
    let informant = app
        .data
        .cases
        .values()
        .flat_map(|c| c.informants.values())
        .next()
        .unwrap();
    let _ = informant;
    assert!(
        screen.lines().any(|l| l.contains("│") && (l.contains(" p20") || l.contains("administration") || l.contains("snowball-"))),
        "{screen}"
    );
}

#[test]
fn an_interview_starts_from_a_case_with_one_of_its_informants() {
    let mut app = demo_app(Some("astrid"));
    // The first case with more than one informant.
    let case = app
        .data
        .cases
        .values()
        .find(|c| c.informants.len() > 1)
        .map(|c| c.case.id.clone())
        .expect("a case with informants");
    let ids = case_ids(&app);
    let position = ids.iter().position(|c| *c == case).unwrap();
    for _ in 0..position {
        app.handle_key(key('j'));
    }
    app.handle_key(key('n'));
    let items = tui_common::picker_items(&app).expect("which informant");
    assert!(items.len() > 1, "{items:?}");
    let effects = app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let written = tui_common::written_files(&app, &effects);
    assert!(
        written
            .iter()
            .any(|f| f.contains(&format!("cases/{case}/interviews/INT-astrid-"))),
        "{written:?}"
    );
    assert_eq!(app.screen, Screen::Interviews, "the interview opens");
}
