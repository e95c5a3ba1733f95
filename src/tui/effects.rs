//! Carrying out what the update function asks for: saving files, the user's
//! config, reloading from disk. A save that fails (the file changed on disk,
//! the disk is full) is kept in the model as unsaved, shown in the status
//! line, and written to a recovery folder on quit: nothing typed is lost.

use super::app::{App, Effect, Unsaved};
use crate::ops::{commit, Change, CommitError};
use crate::store::{self, identity, SaveError};
use std::path::{Path, PathBuf};

pub fn carry_out(app: &mut App, effect: Effect) {
    match effect {
        Effect::SaveConfig(config) => {
            let saved = identity::config_path()
                .ok_or_else(|| "no config folder on this system".to_string())
                .and_then(|path| identity::save_config(&path, &config).map_err(|e| format!("{}: {e}", path.display())));
            if let Err(e) = saved {
                app.message = Some(format!("could not remember who you are: {e}"));
            }
        }
        Effect::Apply(change) => apply(app, &change),
        Effect::Reload => reload(app),
    }
}

/// Writes a change; what cannot be written is kept as unsaved, with why.
fn apply(app: &mut App, change: &Change) {
    let paths: Vec<&Path> = change.writes.iter().map(|w| w.path.as_path()).collect();
    app.unsaved.retain(|u| !paths.contains(&u.path.as_path()));
    match commit(&mut app.stamps, change) {
        Ok(_) => {
            // Only study files: the private store is outside what the disk watch sees.
            app.written.extend(paths.iter().map(|p| p.to_path_buf()));
        }
        Err(error) => {
            // The same words the command line prints, and what happens to mine.
            let kept = match &error {
                CommitError::Save(SaveError::ChangedOnDisk(_) | SaveError::CreatedOnDisk(_)) => {
                    "your version is kept (Ctrl-R reloads to see theirs)"
                }
                _ => "your version is kept",
            };
            app.message = Some(format!("not saved: {error}; {kept}"));
            app.refusal = app.message.clone();
            for write in &change.writes {
                app.unsaved.push(Unsaved {
                    path: write.path.clone(),
                    text: write.text.clone(),
                    why: error.to_string(),
                });
            }
        }
    }
}

/// Reads the study again (after a `git pull`, or to see another's change).
fn reload(app: &mut App) {
    let loaded = store::load(&app.layout);
    app.replace_study(loaded);
}

/// Where unsaved changes go on quit: the user's data folder.
pub fn recovery_dir() -> Option<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    dirs::data_dir().map(|d| d.join("casebook").join("recovery").join(stamp))
}

/// Writes each unsaved change to `dir` (or, failing that, prints it) and
/// says where it went.
pub fn keep_unsaved(unsaved: &[Unsaved], dir: Option<&Path>) -> Vec<String> {
    let mut lines = Vec::new();
    for item in unsaved {
        let name = item.path.to_string_lossy().replace(['/', '\\'], "_");
        let written = dir.map(|d| d.join(&name)).and_then(|target| {
            std::fs::create_dir_all(target.parent()?).ok()?;
            std::fs::write(&target, &item.text).ok()?;
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
