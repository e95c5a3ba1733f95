//! Noticing files changed on disk while the TUI is open (a `git pull`,
//! another casebook, an editor) through the operating system's file events
//! (`notify`): no periodic walk of the study, so no CPU while nothing
//! happens. Events are gathered until they settle and passed on as the
//! study's paths; whether a path really changed, or is casebook's own save,
//! is for the disk worker to tell (`jobs::changed_outside`).

use crate::store::Layout;
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long events must pause before a batch is passed on: a `git pull`
/// touches many files in a burst and is reported once.
pub const SETTLE: Duration = Duration::from_millis(300);
/// A stream of events that never pauses is still reported this often.
const LONGEST_BATCH: Duration = Duration::from_secs(2);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum News {
    /// These study paths (as the layout names them) were touched.
    Touched(Vec<PathBuf>),
    /// Events were lost (the system's queue overflowed): anything may have changed.
    Overflowed,
    /// The study cannot be watched; changes show only on Ctrl-R.
    Failed(String),
}

/// Watches `cases/` and `guides/` on a thread of its own; `report` passes
/// news on and says whether anyone still listens. Setting up the watch on a
/// large study takes a while (one watch per folder), which is why it happens
/// here and not before the first frame.
pub fn spawn(layout: &Layout, report: impl Fn(News) -> bool + Send + 'static) {
    let roots = [layout.cases_dir(), layout.guides_dir()];
    let _ = std::thread::Builder::new()
        .name("casebook-watch".into())
        .spawn(move || watch(&roots, report));
}

fn watch(roots: &[PathBuf], report: impl Fn(News) -> bool) {
    let (events, incoming) = mpsc::channel();
    let handler = move |event: notify::Result<Event>| {
        // Reading a file is an event too (the load reads thousands): drop
        // those here, before they are queued.
        if let Ok(event) = &event {
            if !event.need_rescan() && !changes_something(&event.kind) {
                return;
            }
        }
        let _ = events.send(event);
    };
    let mut watcher = match notify::recommended_watcher(handler) {
        Ok(watcher) => watcher,
        Err(e) => {
            report(News::Failed(e.to_string()));
            return;
        }
    };
    // Events name absolute paths; the study's files are named as the layout
    // names them (often relative): map one onto the other.
    let mut mapping = Vec::new();
    for root in roots {
        let absolute = std::path::absolute(root).unwrap_or_else(|_| root.clone());
        if !absolute.is_dir() {
            continue;
        }
        if let Err(e) = watcher.watch(&absolute, RecursiveMode::Recursive) {
            report(News::Failed(format!("{}: {e}", root.display())));
            return;
        }
        mapping.push((absolute, root.clone()));
    }
    loop {
        let Ok(first) = incoming.recv() else { return };
        let mut batch = Batch::default();
        batch.add(first, &mapping);
        let started = Instant::now();
        loop {
            match incoming.recv_timeout(SETTLE) {
                Ok(event) => batch.add(event, &mapping),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
            if started.elapsed() > LONGEST_BATCH {
                break;
            }
        }
        if let Some(news) = batch.news() {
            if !report(news) {
                return;
            }
        }
    }
}

/// Whether an event may have changed a file's content or existence.
fn changes_something(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
    }
}

#[derive(Default)]
struct Batch {
    paths: BTreeSet<PathBuf>,
    overflowed: bool,
    failed: Option<String>,
}

impl Batch {
    fn add(&mut self, event: notify::Result<Event>, mapping: &[(PathBuf, PathBuf)]) {
        match event {
            Ok(event) if event.need_rescan() => self.overflowed = true,
            Ok(event) => {
                let study_paths = event.paths.iter().filter_map(|p| study_path(p, mapping));
                self.paths.extend(study_paths.filter(|p| worth_checking(p)));
            }
            Err(e) => self.failed = Some(e.to_string()),
        }
    }

    fn news(self) -> Option<News> {
        if self.overflowed {
            Some(News::Overflowed)
        } else if !self.paths.is_empty() {
            Some(News::Touched(self.paths.into_iter().collect()))
        } else {
            self.failed.map(News::Failed)
        }
    }
}

fn study_path(path: &Path, mapping: &[(PathBuf, PathBuf)]) -> Option<PathBuf> {
    mapping
        .iter()
        .find_map(|(absolute, named)| path.strip_prefix(absolute).ok().map(|rest| named.join(rest)))
        // An event about `cases/` itself says nothing about a file in it.
        .filter(|p| !mapping.iter().any(|(_, named)| p == named))
}

/// A study file (`.ron`), or what may be a folder of them; never a hidden
/// file such as an atomic save's temporary `.case.ron.123.tmp`.
pub fn worth_checking(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    if name.starts_with('.') {
        return false;
    }
    match path.extension() {
        Some(ext) => ext == "ron",
        // A folder, most likely (a case that arrived with a pull).
        None => true,
    }
}
