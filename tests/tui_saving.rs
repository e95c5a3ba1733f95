//! Nothing typed is lost: a save refused because the file changed on disk is
//! kept as unsaved, shown, kept through a reload, and written out on quit.

mod common;

use casebook::domain::{CaseId, Stage};
use casebook::ops::{stage::move_stage, Ctx};
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::Action;
use casebook::tui::app::{App, Effect};
use casebook::tui::effects::{carry_out, keep_unsaved};
use std::fs;

/// The effect of moving a case here, as the Cases screen would ask for it.
fn moved(app: &mut App, id: &CaseId, to: Stage) -> Effect {
    let (layout, me, failed) = (app.layout.clone(), app.me.clone(), app.failed.clone());
    let ctx = Ctx::now(&layout, me.as_ref(), &failed);
    Effect::Apply(move_stage(&ctx, app.data_mut(), id, to, "Too old").expect("a stage move"))
}

fn app_on(dir: &std::path::Path) -> App {
    let layout = Layout::new(dir);
    let loaded = load(&layout);
    App::on_loaded(layout, loaded, Some("astrid".into()), Config::default())
}

#[test]
fn a_save_over_someone_elses_change_is_refused_kept_and_written_out_on_quit() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let id = CaseId::new("p2019-014");
    let path = app.layout.case_file(&id);
    // Someone else changes the case on disk (a git pull).
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replacen("title: \"", "title: \"Renamed: ", 1);
    fs::write(&path, &theirs).unwrap();
    // Meanwhile the case is moved here.
    let effect = moved(&mut app, &id, Stage::Dropped);
    carry_out(&mut app, effect);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their change is not overwritten"
    );
    assert_eq!(app.unsaved.len(), 1);
    assert!(app.message.clone().unwrap_or_default().contains("changed on disk"));
    let screen = {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 40)).unwrap();
        terminal.draw(|f| casebook::tui::view::render(f, &app)).unwrap();
        terminal.backend().to_string()
    };
    assert!(screen.contains("1 unsaved"), "{screen}");

    // Reloading shows their version and keeps mine as unsaved.
    let effects = app.update(Action::Reload);
    assert_eq!(effects, vec![Effect::Reload]);
    carry_out(&mut app, Effect::Reload);
    assert!(app.data.cases[&id].case.title.starts_with("Renamed: "));
    assert_eq!(app.unsaved.len(), 1);

    // On quit it is written where the user can find it.
    let recovery = tempfile::tempdir().unwrap();
    let lines = keep_unsaved(&app.unsaved, Some(recovery.path()));
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].contains("was not saved") && lines[0].contains(&recovery.path().display().to_string()),
        "{}",
        lines[0]
    );
    let kept = common::files_under(recovery.path());
    let text = fs::read_to_string(recovery.path().join(&kept[0])).unwrap();
    assert!(text.contains("stage: Dropped") && text.contains("Too old"), "{text}");
}

#[test]
fn a_refused_text_survives_a_later_save_of_the_same_file_until_that_text_is_written() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let id = CaseId::new("p2019-014");
    let path = app.layout.case_file(&id);
    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replacen("title: \"", "title: \"X ", 1),
    )
    .unwrap();
    let effect = moved(&mut app, &id, Stage::Dropped);
    carry_out(&mut app, effect);
    assert_eq!(app.unsaved.len(), 1);
    let refused = app.unsaved[0].text.clone();
    assert!(refused.contains("Dropped"));
    // Reloading shows their file; a new move saves, but it does not hold the first one.
    carry_out(&mut app, Effect::Reload);
    let effect = moved(&mut app, &id, Stage::Reserve);
    carry_out(&mut app, effect);
    assert!(fs::read_to_string(&path).unwrap().contains("Reserve"));
    assert_eq!(app.unsaved.len(), 1, "the refused text is still kept");
    assert_eq!(app.unsaved[0].text, refused);
    let recovery = tempfile::tempdir().unwrap();
    let lines = keep_unsaved(&app.unsaved, Some(recovery.path()));
    assert_eq!(lines.len(), 1, "and written out on quit");
}
