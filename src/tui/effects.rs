//! Carrying out what the update function asks for: saving files, the user's
//! config, reloading from disk. A save that fails (the file changed on disk,
//! the disk is full) is kept in the model as unsaved (`App::saved`), shown in
//! the status line, and written to a recovery folder on quit: nothing typed
//! is lost.

use super::app::{App, Effect, Unsaved};
use crate::ops::{commit, Change, CommitError};
use crate::store::atomic::write_atomic_private;
use crate::store::stamps::fingerprint;
use crate::store::{identity, Stamps};
use std::path::{Path, PathBuf};

/// Carries an effect out at once, on this thread. The terminal loop hands
/// the same work to its disk worker instead (`jobs`); this is the path for
/// tests and anything else without a loop, and both end in the same
/// `App::saved`.
pub fn carry_out(app: &mut App, effect: Effect) {
    match effect {
        Effect::SaveConfig(config) => {
            if let Err(e) = save_config(&config) {
                app.message = Some(format!("could not remember who you are: {e}"));
            }
        }
        Effect::Apply(change) => {
            let outcome = save(&mut app.stamps, change);
            app.saved(outcome);
        }
        Effect::Reload => app.replace_study(crate::ops::open::load_checked(&app.layout)),
    }
}

/// What became of one change sent to be saved.
#[derive(Debug)]
pub struct SaveOutcome {
    pub change: Change,
    pub result: Result<usize, CommitError>,
    /// The change's files whose fingerprint is now that of their new text
    /// (all of them on success; those written before a failure otherwise).
    pub recorded: Vec<PathBuf>,
}

/// Writes a change, checked against `stamps` (what casebook last saw of each
/// file) and recording what it wrote there. Runs on the disk worker.
pub fn save(stamps: &mut Stamps, change: Change) -> SaveOutcome {
    let result = commit(stamps, &change);
    let recorded = change
        .writes
        .iter()
        .filter(|w| stamps.get(&w.path) == Some(fingerprint(w.text.as_bytes())))
        .map(|w| w.path.clone())
        .collect();
    SaveOutcome {
        change,
        result,
        recorded,
    }
}

/// Remembers the user's config (who they are, their keys).
pub fn save_config(config: &identity::Config) -> Result<(), String> {
    identity::config_path()
        .ok_or_else(|| "no config folder on this system".to_string())
        .and_then(|path| identity::save_config(&path, config).map_err(|e| format!("{}: {e}", path.display())))
}

/// Where unsaved changes go on quit: the user's data folder. What lands
/// there is typed text (interview notes among it), so the folder is the
/// user's alone (0700) and so is each file (0600), from the moment it exists.
pub fn recovery_dir() -> Option<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    crate::store::recovery::recovery_base().map(|d| d.join(stamp))
}

/// Writes each unsaved change to `dir` (or, failing that, prints it) and
/// says where it went.
pub fn keep_unsaved(unsaved: &[Unsaved], dir: Option<&Path>) -> Vec<String> {
    let mut lines = Vec::new();
    for item in unsaved {
        let name = crate::store::recovery::recovery_name(&item.path);
        let written = dir.map(|d| d.join(&name)).and_then(|target| {
            private_folder(target.parent()?).ok()?;
            write_atomic_private(&target, item.text.as_bytes()).ok()?;
            Some(target)
        });
        match written {
            Some(target) => lines.push(format!(
                "{} was not saved ({}); your version is in {}",
                item.path.display(),
                item.why,
                target.display()
            )),
            None => lines.push(format!(
                "{} was not saved ({}); your version:\n{}",
                item.path.display(),
                item.why,
                item.text
            )),
        }
    }
    lines
}

/// Creates `dir` (and any missing folder above it) readable by the user
/// alone; a `dir` that was already there is made so too.
fn private_folder(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    builder.create(dir)
}
