//! The disk worker: one thread that does all the study's reading and writing
//! for the terminal loop, in the order it was asked, so two saves of one file
//! never race and a reload sees every save asked for before it. It keeps its
//! own fingerprints (the study as last swapped in, plus its own writes), so
//! a save is checked against what casebook last saw even while an earlier
//! save of the same file has not yet been reported back.

use super::effects::{self, SaveOutcome};
use crate::ops::Change;
use crate::store::identity::Config;
use crate::store::stamps::fingerprint;
use crate::store::{Layout, Loaded, Stamps};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

/// Work for the disk worker.
#[derive(Debug)]
pub enum Job {
    /// Read the whole study; `after_saves` is how many saves were asked for
    /// before, so the loop can tell whether the data is older than its own.
    Load {
        after_saves: u64,
    },
    /// The loop swapped in a study with these fingerprints: saves from now
    /// on are checked against them.
    Adopt(Stamps),
    Save {
        id: u64,
        change: Change,
    },
    SaveConfig(Config),
    /// The watcher saw these paths change: which of them differ from what
    /// casebook last read or wrote (a folder stands for its `.ron` files)?
    Check(Vec<PathBuf>),
}

/// What the disk worker reports back.
pub enum Done {
    /// A load started; there are this many case folders to read.
    Loading {
        case_folders: usize,
    },
    Loaded {
        loaded: Box<Loaded>,
        after_saves: u64,
    },
    Saved {
        id: u64,
        outcome: Box<SaveOutcome>,
    },
    ConfigNotSaved(String),
    /// The checked files someone else changed, created or removed.
    ChangedOutside(Vec<PathBuf>),
}

/// The worker's end of the loop: jobs go in here.
pub struct Worker {
    pub jobs: Sender<Job>,
    pub thread: JoinHandle<()>,
}

/// Starts the disk worker for the study at `layout`. `report` hands a result
/// to the loop and says whether anyone still listens; the worker ends when
/// nobody does or every `Sender<Job>` is gone.
/// Fails only when the system cannot start a thread.
pub fn spawn(layout: Layout, report: impl Fn(Done) -> bool + Send + 'static) -> std::io::Result<Worker> {
    let (jobs, queue) = mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("casebook-disk".into())
        .spawn(move || work(&layout, &queue, report))?;
    Ok(Worker { jobs, thread })
}

fn work(layout: &Layout, queue: &Receiver<Job>, report: impl Fn(Done) -> bool) {
    let mut stamps = Stamps::default();
    while let Ok(job) = queue.recv() {
        let done = match job {
            Job::Load { after_saves } => {
                let case_folders = std::fs::read_dir(layout.cases_dir())
                    .map(|entries| entries.flatten().filter(|e| e.path().is_dir()).count())
                    .unwrap_or(0);
                if !report(Done::Loading { case_folders }) {
                    return;
                }
                Done::Loaded {
                    loaded: Box::new(crate::ops::open::load_checked(layout)),
                    after_saves,
                }
            }
            Job::Adopt(base) => {
                stamps = base;
                continue;
            }
            Job::Save { id, change } => Done::Saved {
                id,
                outcome: Box::new(effects::save(&mut stamps, change)),
            },
            Job::SaveConfig(config) => match effects::save_config(&config) {
                Ok(()) => continue,
                Err(e) => Done::ConfigNotSaved(e),
            },
            Job::Check(paths) => {
                let changed = changed_outside(&stamps, &paths);
                if changed.is_empty() {
                    continue;
                }
                Done::ChangedOutside(changed)
            }
        };
        if !report(done) {
            return;
        }
    }
}

/// Which of `paths` differ on disk from what `stamps` says casebook last
/// saw: changed, created or removed by someone else. casebook's own writes
/// match their fingerprint, so they never count.
pub fn changed_outside(stamps: &Stamps, paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = BTreeSet::new();
    for path in paths {
        if path.is_dir() {
            ron_files(path, &mut files);
        } else {
            files.insert(path.clone());
        }
    }
    files
        .into_iter()
        .filter(|path| {
            let on_disk = std::fs::read(path).ok().map(|bytes| fingerprint(&bytes));
            on_disk != stamps.get(path)
        })
        .collect()
}

/// The study's files in a folder that appeared (a case a `git pull` brought).
fn ron_files(dir: &Path, out: &mut BTreeSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.insert(path);
        }
    }
}
