//! The terminal loop. One channel carries everything that can happen: a key
//! or a resize (the input thread), files changed on disk (the watcher), the
//! disk worker's results (load, save). The UI thread blocks on it, applies
//! what came to the model, and redraws: it never waits on the disk, and
//! while nothing happens it sleeps.

use super::app::{App, Effect, Unsaved};
use super::app_jobs::Loading;
use super::background::{self, Delivery};
use super::compute;
use super::effects::SaveOutcome;
use super::jobs::{self, Done, Job};
use super::view;
use super::watcher::{self, News};
use crate::ops::Change;
use crate::store::Problem;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Everything the loop waits for.
pub enum Msg {
    Input(Event),
    /// The terminal cannot be read any more.
    InputFailed(std::io::Error),
    Disk(News),
    Job(Done),
    /// A view model the compute thread finished (`background.rs`).
    Computed(Delivery),
    /// Time passes while the study loads (the spinner turns).
    Tick,
    /// SIGTERM, SIGHUP or SIGINT: quit as with `q`, saves finished and
    /// unsaved work kept, the terminal restored.
    Terminate,
}

/// How the loop begins.
pub enum Start {
    /// The study is still to be read (the app shows the loading frame);
    /// the problems found before (config, contacts) join the load's.
    Load { early_problems: Vec<Problem> },
    /// The study is in the app already.
    Loaded,
}

/// Runs the TUI until the user quits, then waits for the saves still under
/// way, so what they could not write is in `app.unsaved` for the recovery
/// folder.
pub fn run(terminal: &mut ratatui::DefaultTerminal, app: &mut App, start: Start) -> std::io::Result<()> {
    let (to_loop, messages) = mpsc::channel();
    let input = spawn_input(to_loop.clone());
    // The interview screen's clock ticks only while an interview is open.
    let ticks = to_loop.clone();
    spawn_signals(to_loop.clone());
    let to_worker = to_loop.clone();
    let worker = jobs::spawn(app.layout.clone(), move |done| to_worker.send(Msg::Job(done)).is_ok())?;
    let to_watch = to_loop.clone();
    watcher::spawn(&app.layout, move |news| to_watch.send(Msg::Disk(news)).is_ok());
    let to_compute = to_loop.clone();
    let quick = compute::spawn(move |delivery| to_compute.send(Msg::Computed(delivery)).is_ok())?;
    let to_compute = to_loop.clone();
    let slow = compute::spawn(move |delivery| to_compute.send(Msg::Computed(delivery)).is_ok())?;
    let computing = Lanes { quick, slow };
    // From now on slow view models are computed there, never while a key waits.
    app.jobs = background::Jobs::deferring();
    let mut state = Loop::new(worker.jobs.clone());
    match start {
        Start::Load { early_problems } => {
            state.early_problems = early_problems;
            app.loading = Some(Loading {
                since: Instant::now(),
                case_folders: None,
            });
            state.ticking = Some(spawn_ticker(to_loop.clone(), Duration::from_millis(100)));
            state.request_load();
        }
        Start::Loaded => state.adopt(app),
    }
    drop(to_loop);
    terminal.draw(|frame| view::render(frame, app))?;
    send_computations(app, &computing);
    while !app.should_quit {
        let Ok(first) = messages.recv() else { break };
        state.handle(app, first);
        // A burst (a pasted line, key repeat, a pull) is applied whole before one redraw.
        while !app.should_quit {
            match messages.try_recv() {
                Ok(next) => state.handle(app, next),
                Err(_) => break,
            }
        }
        if let Some(e) = state.input_error.take() {
            state.finish_saves(app, &messages, &worker.thread);
            return Err(e);
        }
        if std::mem::take(&mut app.suspend) {
            suspend(terminal)?;
        }
        if let Some(text) = app.take_external_edit() {
            let folder = app.external_edit_folder();
            let edited = external_editor(terminal, &input, &text, &folder)?;
            for effect in app.external_edit_done(edited) {
                state.carry_out(app, effect);
            }
        }
        state.interview_clock(app, &ticks);
        terminal.draw(|frame| view::render(frame, app))?;
        send_computations(app, &computing);
    }
    state.finish_saves(app, &messages, &worker.thread);
    Ok(())
}

/// Sends what the update and the frame asked to compute; its results come
/// back as `Msg::Computed`.
fn send_computations(app: &App, computing: &Lanes) {
    for job in app.jobs.take() {
        let lane = if compute::is_slow(job.slot) {
            &computing.slow
        } else {
            &computing.quick
        };
        // The threads only stop when the loop does.
        let _ = lane.send(job);
    }
}

/// The two compute threads: quick jobs never queue behind slow ones.
struct Lanes {
    quick: Sender<background::Job>,
    slow: Sender<background::Job>,
}

/// Reads the terminal on a thread of its own. It waits in `poll` half
/// a second at a time, so it can step aside (`InputPause`) while
/// `$EDITOR` has the terminal; idle, that is two wake-ups a second.
fn spawn_input(to_loop: Sender<Msg>) -> InputPause {
    let pause = InputPause::default();
    let flags = pause.clone();
    let _ = std::thread::Builder::new()
        .name("casebook-input".into())
        .spawn(move || loop {
            if flags.paused.load(Ordering::Acquire) {
                flags.parked.store(true, Ordering::Release);
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            flags.parked.store(false, Ordering::Release);
            let ready = match event::poll(Duration::from_millis(500)) {
                Ok(ready) => ready,
                Err(e) => {
                    let _ = to_loop.send(Msg::InputFailed(e));
                    return;
                }
            };
            if !ready {
                continue;
            }
            match event::read() {
                Ok(event) => {
                    if to_loop.send(Msg::Input(event)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = to_loop.send(Msg::InputFailed(e));
                    return;
                }
            }
        });
    pause
}

/// Stops the input thread reading the terminal while another program
/// (`$EDITOR`) uses it, so no keystroke goes astray.
#[derive(Clone, Default)]
pub struct InputPause {
    paused: Arc<AtomicBool>,
    parked: Arc<AtomicBool>,
}

impl InputPause {
    fn pause(&self) {
        self.paused.store(true, Ordering::Release);
        let since = Instant::now();
        while !self.parked.load(Ordering::Acquire) && since.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::Release);
    }
}

/// Ctrl-e on the interview screen: gives the terminal to `$EDITOR` on the
/// note, then takes it back and redraws it whole.
fn external_editor(
    terminal: &mut ratatui::DefaultTerminal,
    input: &InputPause,
    text: &str,
    folder: &std::path::Path,
) -> std::io::Result<std::io::Result<String>> {
    input.pause();
    ratatui::restore();
    let command = super::screens::interview::external::editor_command();
    let edited = super::screens::interview::external::edit(text, &command, folder);
    let back = take_terminal_back(terminal);
    input.resume();
    back?;
    Ok(edited)
}

/// Turns the signals that end a program into a message, so casebook quits
/// as with `q`: saves finished, unsaved work kept, the terminal restored.
fn spawn_signals(to_loop: Sender<Msg>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("casebook-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = to_loop.send(Msg::Terminate);
            }
        });
}

/// Ctrl-Z: gives the terminal back and stops, as a shell job; on `fg` takes
/// the terminal again and redraws it whole.
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    ratatui::restore();
    #[cfg(unix)]
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    take_terminal_back(terminal)
}

/// Raw mode and the alternate screen again, drawn whole on the next frame.
fn take_terminal_back(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    use ratatui::crossterm::terminal::{enable_raw_mode, Clear, ClearType, EnterAlternateScreen};
    enable_raw_mode()?;
    ratatui::crossterm::execute!(std::io::stdout(), EnterAlternateScreen, Clear(ClearType::All))?;
    // Every cell differs from this frame, so the next one is drawn whole
    // (`Terminal::clear` would ask the terminal for the cursor, whose answer
    // the input thread reads).
    terminal.draw(|frame| {
        for cell in frame.buffer_mut().content.iter_mut() {
            cell.set_symbol("\u{2007}");
        }
    })?;
    Ok(())
}

/// Ticks every `period` until the flag is cleared: only while loading, and
/// while an interview is open.
fn spawn_ticker(to_loop: Sender<Msg>, period: Duration) -> Arc<AtomicBool> {
    let running = Arc::new(AtomicBool::new(true));
    let flag = running.clone();
    let _ = std::thread::Builder::new().name("casebook-tick".into()).spawn(move || {
        while flag.load(Ordering::Relaxed) {
            std::thread::sleep(period);
            if !flag.load(Ordering::Relaxed) || to_loop.send(Msg::Tick).is_err() {
                return;
            }
        }
    });
    running
}

/// Whether a load is under way, and whether another must follow it.
#[derive(Debug, Default)]
struct LoadState {
    in_flight: bool,
    again: bool,
}

/// The loop's own bookkeeping, apart from the model: what was sent to the
/// disk worker and is not back yet. `handle` is the whole of the loop's
/// logic, so tests drive it with messages and read the jobs it sends.
pub struct Loop {
    jobs: Sender<Job>,
    /// Saves asked for so far: a load asked for before the latest save holds
    /// data older than the app's and is not swapped in.
    saves_asked: u64,
    /// Changes sent to be saved and not yet reported back.
    saving: BTreeMap<u64, Change>,
    load: LoadState,
    /// Files someone else changed that no applied reload has read yet.
    outside: BTreeSet<PathBuf>,
    early_problems: Vec<Problem>,
    ticking: Option<Arc<AtomicBool>>,
    /// The interview screen's clock, running while an interview is open.
    interview_ticking: Option<Arc<AtomicBool>>,
    input_error: Option<std::io::Error>,
}

impl Loop {
    pub fn new(jobs: Sender<Job>) -> Loop {
        Loop {
            jobs,
            saves_asked: 0,
            saving: BTreeMap::new(),
            load: LoadState::default(),
            outside: BTreeSet::new(),
            early_problems: Vec::new(),
            ticking: None,
            interview_ticking: None,
            input_error: None,
        }
    }

    /// Starts the interview clock when an interview opened, stops it when
    /// it closed: idle, with no interview open, nothing ticks.
    pub fn interview_clock(&mut self, app: &App, ticks: &Sender<Msg>) {
        match (app.screens.interview.is_open(), self.interview_ticking.is_some()) {
            (true, false) => {
                self.interview_ticking = Some(spawn_ticker(ticks.clone(), super::screens::interview::TICK));
            }
            (false, true) => {
                if let Some(flag) = self.interview_ticking.take() {
                    flag.store(false, Ordering::Relaxed);
                }
            }
            _ => {}
        }
    }

    /// Saves sent and not yet reported back.
    pub fn saves_pending(&self) -> usize {
        self.saving.len()
    }

    /// Applies one message to the model.
    pub fn handle(&mut self, app: &mut App, msg: Msg) {
        match msg {
            Msg::Input(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                if app.loading.is_some() {
                    // Nothing can be edited before its file is read; quitting can.
                    app.should_quit = app.is_quit_key(&key);
                    return;
                }
                for effect in app.handle_key(key) {
                    self.carry_out(app, effect);
                }
            }
            Msg::Tick => {
                for effect in app.interview_tick() {
                    self.carry_out(app, effect);
                }
            }
            // A resize, a release: the redraw that follows is all they need.
            Msg::Input(_) => {}
            Msg::Terminate => {
                for effect in app.flush_interview() {
                    self.carry_out(app, effect);
                }
                app.should_quit = true;
            }
            Msg::InputFailed(e) => {
                self.input_error = Some(e);
                app.should_quit = true;
            }
            Msg::Disk(News::Touched(paths)) => self.send(Job::Check(paths)),
            Msg::Disk(News::Overflowed) => {
                app.message = Some("many files changed on disk: reloading…".to_string());
                self.request_load();
            }
            Msg::Disk(News::Failed(why)) => {
                app.message = Some(format!("not watching the study for changes ({why}); Ctrl-R reloads"));
            }
            Msg::Job(done) => self.done(app, done),
            Msg::Computed(delivery) => delivery(&app.screens),
        }
        app.log_message();
    }

    /// Hands an effect of the update function to the disk worker.
    pub fn carry_out(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::SaveConfig(config) => self.send(Job::SaveConfig(config)),
            Effect::Apply(change) => {
                self.saves_asked += 1;
                let id = self.saves_asked;
                self.saving.insert(id, change.clone());
                self.send(Job::Save { id, change });
            }
            Effect::Reload => {
                app.message = Some("reloading from disk…".to_string());
                self.request_load();
            }
        }
    }

    fn done(&mut self, app: &mut App, done: Done) {
        match done {
            Done::Loading { case_folders } => {
                if let Some(loading) = &mut app.loading {
                    loading.case_folders = Some(case_folders);
                }
            }
            Done::Loaded { loaded, after_saves } => {
                self.load.in_flight = false;
                if after_saves != self.saves_asked {
                    // A save asked for since is in the app but not in this
                    // data: read again, after that save.
                    self.load.again = true;
                } else if app.loading.is_some() {
                    app.finish_loading(*loaded, std::mem::take(&mut self.early_problems));
                    if let Some(ticking) = self.ticking.take() {
                        ticking.store(false, Ordering::Relaxed);
                    }
                    self.adopt(app);
                } else {
                    app.replace_study(*loaded);
                    if !self.outside.is_empty() {
                        let reloaded = app.message.take().unwrap_or_default();
                        app.message = Some(format!("{} file(s) changed on disk: {reloaded}", self.outside.len()));
                    }
                    self.adopt(app);
                }
                if std::mem::take(&mut self.load.again) {
                    self.request_load();
                } else {
                    self.outside.clear();
                    app.changed_on_disk = 0;
                }
            }
            Done::Saved { id, outcome } => self.saved(app, id, *outcome),
            Done::ConfigNotSaved(why) => app.message = Some(format!("could not remember who you are: {why}")),
            Done::ChangedOutside(paths) => {
                // Someone else's change (a pull, an editor): say so and read it in.
                self.outside.extend(paths);
                app.changed_on_disk = self.outside.len();
                self.request_load();
            }
        }
    }

    fn saved(&mut self, app: &mut App, id: u64, outcome: SaveOutcome) {
        self.saving.remove(&id);
        app.saved(outcome);
    }

    /// Asks for the study to be read again, once: a load asked for while
    /// one runs follows it.
    fn request_load(&mut self) {
        if self.load.in_flight {
            self.load.again = true;
            return;
        }
        self.load.in_flight = true;
        self.send(Job::Load {
            after_saves: self.saves_asked,
        });
    }

    /// The study now in the app is what the disk worker checks saves against.
    fn adopt(&mut self, app: &App) {
        self.send(Job::Adopt(app.stamps.clone()));
    }

    fn send(&mut self, job: Job) {
        // The worker only stops when the loop does; if it died, the saves
        // it never reported are kept on quit (`finish_saves`).
        let _ = self.jobs.send(job);
    }

    /// Waits for the saves still under way and applies their outcome. A save
    /// the worker never reports (it died) is kept as unsaved, so it goes to
    /// the recovery folder like any other.
    pub fn finish_saves(&mut self, app: &mut App, messages: &Receiver<Msg>, worker: &JoinHandle<()>) {
        while !self.saving.is_empty() {
            match messages.recv_timeout(Duration::from_millis(100)) {
                Ok(Msg::Job(Done::Saved { id, outcome })) => self.saved(app, id, *outcome),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) if !worker.is_finished() => {}
                Err(_) => break,
            }
        }
        for change in std::mem::take(&mut self.saving).into_values() {
            for write in change.writes {
                app.unsaved.push(Unsaved {
                    path: write.path,
                    text: write.text,
                    why: "the save did not finish".to_string(),
                });
            }
        }
    }
}
