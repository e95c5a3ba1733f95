//! The terminal loop without a terminal: the disk worker saving in order and
//! refusing a file changed on disk, casebook's own writes not counted as
//! someone else's, a reload older than my latest save never swapped in, only
//! quit working while the study loads, and quitting waiting for saves.

mod common;

use casebook::domain::{CaseId, Stage};
use casebook::ops::{stage::move_stage, Change, Ctx};
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::{Action, Mode, Screen};
use casebook::tui::app::{App, Effect};
use casebook::tui::app_jobs::Loading;
use casebook::tui::effects;
use casebook::tui::event_loop::{Loop, Msg};
use casebook::tui::jobs::{self, changed_outside, Done, Job};
use casebook::tui::watcher::worth_checking;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::fs;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

fn app_on(dir: &Path) -> App {
    let layout = Layout::new(dir);
    let loaded = load(&layout);
    App::on_loaded(layout, loaded, Some("astrid".into()), Config::default())
}

/// Moves a case here, as the Cases screen would, and returns the change to save.
fn moved(app: &mut App, id: &CaseId, to: Stage) -> Change {
    let (layout, me, failed) = (app.layout.clone(), app.me.clone(), app.failed.clone());
    let ctx = Ctx::now(&layout, me.as_ref(), &failed);
    move_stage(&ctx, app.data_mut(), id, to, "Too old").expect("a stage move")
}

fn key(c: char) -> Msg {
    Msg::Input(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn next<T>(from: &Receiver<T>) -> T {
    from.recv_timeout(Duration::from_secs(20)).expect("an answer in time")
}

/// A disk worker whose reports come to the returned receiver, with the app's
/// study as what it checks saves against.
fn worker_for(app: &App) -> (jobs::Worker, Receiver<Done>) {
    let (tx, rx) = mpsc::channel();
    let worker = jobs::spawn(app.layout.clone(), move |done| tx.send(done).is_ok()).expect("a thread");
    worker.jobs.send(Job::Adopt(app.stamps.clone())).unwrap();
    (worker, rx)
}

#[test]
fn the_save_worker_refuses_a_file_changed_on_disk_and_keeps_my_version() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let (worker, reports) = worker_for(&app);
    let id = CaseId::new("p2019-014");
    let path = app.layout.case_file(&id);
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replacen("title: \"", "title: \"Theirs: ", 1);
    fs::write(&path, &theirs).unwrap();
    let change = moved(&mut app, &id, Stage::Dropped);
    worker.jobs.send(Job::Save { id: 1, change }).unwrap();
    let Done::Saved { id: 1, outcome } = next(&reports) else {
        panic!("a save's outcome")
    };
    app.saved(*outcome);
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs, "their change stays");
    assert_eq!(
        app.message.as_deref(),
        Some(
            format!(
                "not saved: {}: changed on disk since it was loaded; not overwritten (reload to see the other change); \
                 your version is kept (Ctrl-R reloads to see theirs)",
                path.display()
            )
            .as_str()
        )
    );
    assert_eq!(app.refusal, app.message);
    assert_eq!(app.unsaved.len(), 1);
    assert!(app.unsaved[0].text.contains("stage: Dropped"));
}

#[test]
fn two_saves_of_one_file_sent_at_once_are_written_in_order() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let (worker, reports) = worker_for(&app);
    let id = CaseId::new("p2019-014");
    let first = moved(&mut app, &id, Stage::Dropped);
    let second = moved(&mut app, &id, Stage::Reserve);
    worker.jobs.send(Job::Save { id: 1, change: first }).unwrap();
    worker.jobs.send(Job::Save { id: 2, change: second }).unwrap();
    for expected in [1, 2] {
        let Done::Saved { id, outcome } = next(&reports) else {
            panic!("a save's outcome")
        };
        assert_eq!(id, expected);
        assert!(outcome.result.is_ok(), "{:?}", outcome.result);
        app.saved(*outcome);
    }
    assert!(app.unsaved.is_empty());
    let on_disk = load(&app.layout).data.cases[&id].case.stage;
    assert_eq!(on_disk, Stage::Reserve);
}

#[test]
fn my_own_writes_are_not_changes_made_by_someone_else() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let mut stamps = app.stamps.clone();
    let id = CaseId::new("p2019-014");
    let path = app.layout.case_file(&id);
    let change = moved(&mut app, &id, Stage::Dropped);
    assert!(effects::save(&mut stamps, change).result.is_ok());
    assert!(changed_outside(&stamps, std::slice::from_ref(&path)).is_empty());
    // Someone else's edit counts, and so does a removal.
    fs::write(&path, fs::read_to_string(&path).unwrap() + "\n").unwrap();
    assert_eq!(
        changed_outside(&stamps, std::slice::from_ref(&path)),
        std::slice::from_ref(&path)
    );
    let other = app.layout.case_file(&CaseId::new("p2019-013"));
    fs::remove_file(&other).unwrap();
    assert_eq!(
        changed_outside(&stamps, std::slice::from_ref(&other)),
        std::slice::from_ref(&other)
    );
    // A folder stands for the study files in it.
    let folder = app.layout.cases_dir().join("p2019-012");
    assert!(changed_outside(&stamps, std::slice::from_ref(&folder)).is_empty());
    fs::write(folder.join("case.ron"), "changed").unwrap();
    assert_eq!(
        changed_outside(&stamps, std::slice::from_ref(&folder)),
        [folder.join("case.ron")]
    );
    // An atomic save's temporary file is never looked at.
    assert!(!worth_checking(&folder.join(".case.ron.123.tmp")));
    assert!(worth_checking(&folder.join("case.ron")));
}

#[test]
fn a_reload_older_than_my_latest_save_is_read_again_not_swapped_in() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let (jobs, sent) = mpsc::channel();
    let mut state = Loop::new(jobs);
    state.carry_out(&mut app, Effect::Reload);
    assert!(matches!(next(&sent), Job::Load { after_saves: 0 }));
    // While that load runs, a case is moved here.
    let id = CaseId::new("p2019-014");
    let change = moved(&mut app, &id, Stage::Dropped);
    state.carry_out(&mut app, Effect::Apply(change.clone()));
    assert!(matches!(next(&sent), Job::Save { id: 1, .. }));
    assert_eq!(state.saves_pending(), 1);
    // The load read the disk before that save: it is not swapped in.
    let before = Box::new(load(&app.layout));
    state.handle(
        &mut app,
        Msg::Job(Done::Loaded {
            loaded: before,
            after_saves: 0,
        }),
    );
    assert_eq!(app.data.cases[&id].case.stage, Stage::Dropped, "my move is still shown");
    assert!(matches!(next(&sent), Job::Load { after_saves: 1 }), "read again");
    // The save lands, then the second load, which is swapped in.
    let mut stamps = app.stamps.clone();
    let outcome = effects::save(&mut stamps, change);
    state.handle(
        &mut app,
        Msg::Job(Done::Saved {
            id: 1,
            outcome: Box::new(outcome),
        }),
    );
    assert_eq!(state.saves_pending(), 0);
    let after = Box::new(load(&app.layout));
    state.handle(
        &mut app,
        Msg::Job(Done::Loaded {
            loaded: after,
            after_saves: 1,
        }),
    );
    assert_eq!(app.data.cases[&id].case.stage, Stage::Dropped);
    assert_eq!(app.message.as_deref(), Some("reloaded from disk"));
    assert!(
        matches!(next(&sent), Job::Adopt(_)),
        "saves now check against the new study"
    );
}

#[test]
fn files_changed_outside_are_counted_then_read_in() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let (jobs, sent) = mpsc::channel();
    let mut state = Loop::new(jobs);
    let paths = vec![
        app.layout.case_file(&CaseId::new("p2019-013")),
        app.layout.case_file(&CaseId::new("p2019-014")),
    ];
    state.handle(&mut app, Msg::Job(Done::ChangedOutside(paths)));
    assert_eq!(app.changed_on_disk, 2);
    assert!(casebook_screen(&app).contains("2 file(s) changed on disk"));
    assert!(matches!(next(&sent), Job::Load { after_saves: 0 }));
    let loaded = Box::new(load(&app.layout));
    state.handle(&mut app, Msg::Job(Done::Loaded { loaded, after_saves: 0 }));
    assert_eq!(app.changed_on_disk, 0);
    assert_eq!(
        app.message.as_deref(),
        Some("2 file(s) changed on disk: reloaded from disk")
    );
}

#[test]
fn while_the_study_loads_only_quit_works_and_the_loading_frame_shows() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    app.loading = Some(Loading {
        since: Instant::now(),
        case_folders: Some(326),
    });
    let (jobs, _sent) = mpsc::channel();
    let mut state = Loop::new(jobs);
    let screen = casebook_screen(&app);
    assert!(
        screen.contains("loading the study… reading 326 case folders"),
        "{screen}"
    );
    for c in ['j', '2', 'm', '/'] {
        state.handle(&mut app, key(c));
    }
    assert_eq!(app.screen, Screen::Cases);
    assert!(app.input.is_none() && app.popup.is_none() && !app.should_quit);
    state.handle(&mut app, key('q'));
    assert!(app.should_quit);
}

#[test]
fn quitting_waits_for_the_saves_under_way() {
    let study = common::demo_copy();
    let mut app = app_on(study.path());
    let (tx, messages) = mpsc::channel();
    let worker = jobs::spawn(app.layout.clone(), move |done| tx.send(Msg::Job(done)).is_ok()).expect("a thread");
    let mut state = Loop::new(worker.jobs.clone());
    state.carry_out(&mut app, Effect::Reload);
    // Take the reload's answer so the loop swaps the study in and adopts it.
    loop {
        let msg = next(&messages);
        let loaded = matches!(msg, Msg::Job(Done::Loaded { .. }));
        state.handle(&mut app, msg);
        if loaded {
            break;
        }
    }
    let id = CaseId::new("p2019-014");
    let change = moved(&mut app, &id, Stage::Reserve);
    state.carry_out(&mut app, Effect::Apply(change));
    app.update(Action::Quit);
    state.finish_saves(&mut app, &messages, &worker.thread);
    assert_eq!(state.saves_pending(), 0);
    assert!(app.unsaved.is_empty());
    assert_eq!(load(&app.layout).data.cases[&id].case.stage, Stage::Reserve);
}

#[test]
fn alt_and_a_digit_goes_to_that_screen() {
    let app = app_on(&common::repo());
    let alt3 = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT);
    assert_eq!(
        app.keymap.action_for(&alt3, Screen::Cases, Mode::Normal),
        Some(Action::GoTo(Screen::Review))
    );
}

fn casebook_screen(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 40)).unwrap();
    terminal.draw(|f| casebook::tui::view::render(f, app)).unwrap();
    terminal.backend().to_string()
}
