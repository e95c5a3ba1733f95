//! Every screen of the demo study rendered into ratatui's TestBackend and
//! compared with a reviewed snapshot (tests/snapshots/). A change to a screen
//! shows up here as a diff to review like code.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::tui::action::{Action, Screen};
use insta::assert_snapshot;
use tui_common::{demo_app, draw};

fn screen(screen: Screen) -> String {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(screen));
    app.update(Action::Down);
    draw(&app, 120, 40).backend().to_string()
}

#[test]
fn cases_screen() {
    assert_snapshot!(screen(Screen::Cases));
}

#[test]
fn coverage_screen() {
    assert_snapshot!(screen(Screen::Coverage));
}

#[test]
fn review_screen() {
    assert_snapshot!(screen(Screen::Review));
}

#[test]
fn recruitment_screen() {
    assert_snapshot!(screen(Screen::Recruitment));
}

#[test]
fn interviews_screen() {
    assert_snapshot!(screen(Screen::Interviews));
}

#[test]
fn themes_screen() {
    assert_snapshot!(screen(Screen::Themes));
}

#[test]
fn help_popup_on_the_cases_screen() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::ToggleHelp);
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}

#[test]
fn who_am_i_popup_when_nobody_said() {
    let app = demo_app(None);
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}

#[test]
fn a_tiny_terminal_says_it_is_too_small() {
    let app = demo_app(Some("astrid"));
    assert_snapshot!(draw(&app, 20, 5).backend().to_string());
}

#[test]
fn review_form_with_a_draft_and_the_other_review_hidden() {
    use casebook::domain::{Answer, CriterionId, ResearcherId};
    let mut app = demo_app(Some("astrid"));
    let me = ResearcherId::new("astrid");
    let case = tui_common::first_queued_case(&app, &me);
    let review = app
        .data_mut()
        .cases
        .get_mut(&case)
        .unwrap()
        .reviews
        .get_mut(&me)
        .unwrap();
    review.submitted = None;
    review.answers.retain(|k, _| k.as_str() == "transferability");
    review
        .answers
        .insert(CriterionId::new("transferability"), Answer::Point(5));
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::Open);
    app.update(Action::Down);
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}

#[test]
fn review_conflicts_list() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowConflicts);
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}

#[test]
fn review_agreement_panel() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowAgreement);
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}

#[test]
fn cases_filtered_by_region_and_searched() {
    use casebook::analysis::case_query::FilterOn;
    use casebook::domain::Stratum;
    let mut app = demo_app(Some("astrid"));
    app.screens
        .cases
        .query
        .filters
        .entry(FilterOn::Stratum(Stratum::Region))
        .or_default()
        .insert("Vestlandet".into());
    app.screens.cases.query.search = "bomlo".into();
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}

#[test]
fn coverage_with_suggestions_over_focus_area_and_region() {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Coverage));
    app.update(Action::CycleRows);
    app.update(Action::ToggleSuggestions);
    assert_snapshot!(draw(&app, 120, 40).backend().to_string());
}
