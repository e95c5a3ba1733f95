//! Carrying out what the update function asks for: saving files, the user's
//! config, reloading from disk. A save that fails (the file changed on disk,
//! the disk is full) is kept in the model as unsaved, shown in the status
//! line, and written to a recovery folder on quit: nothing typed is lost.

use super::app::{App, Effect, Unsaved};
use crate::store::{self, identity, ron_io::to_ron, SaveError};
use serde::Serialize;
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
        Effect::SaveReview(case, review) => {
            let path = app.layout.review_file(&case, &review.reviewer);
            save(app, path, &review);
        }
        Effect::SaveResolution(case, resolution) => {
            let path = app.layout.resolution_file(&case);
            save(app, path, &resolution);
        }
        Effect::SaveCase(case) => {
            if let Some(data) = app.data.cases.get(&case).map(|c| c.case.clone()) {
                let path = app.layout.case_file(&case);
                save(app, path, &data);
            }
        }
        Effect::SaveInformant(id) => {
            if let Some(informant) = app.data.informant(&id).cloned() {
                let path = app.layout.informant_file(&informant.case, &id);
                save(app, path, &informant);
            }
        }
        Effect::Reload => reload(app),
        Effect::SaveContacts => {
            let saved = match &app.contacts_path {
                Some(path) => crate::store::private::save_contacts(path, &app.contacts)
                    .map_err(|e| format!("{}: {e}", path.display())),
                None => Err("no private folder on this system".to_string()),
            };
            if let Err(e) = saved {
                app.message = Some(format!("contact details not saved: {e}"));
            }
            app.written.extend(app.contacts_path.clone());
        }
    }
}

fn save<T: Serialize>(app: &mut App, path: PathBuf, value: &T) {
    app.unsaved.retain(|u| u.path != path);
    let result = store::save_value(&mut app.stamps, &path, value);
    if result.is_ok() {
        app.written.push(path.clone());
    }
    if let Err(error) = result {
        let why = match &error {
            SaveError::ChangedOnDisk(_) | SaveError::CreatedOnDisk(_) => {
                "changed on disk by someone else; Ctrl-R reloads (your version is kept)".to_string()
            }
            other => other.to_string(),
        };
        app.message = Some(format!("not saved: {}: {why}", path.display()));
        let text = to_ron(value).unwrap_or_default();
        app.unsaved.push(Unsaved {
            path,
            text,
            why: error.to_string(),
        });
    }
}

/// Reads the study again (after a `git pull`, or to see another's change).
fn reload(app: &mut App) {
    let loaded = store::load(&app.layout);
    app.data = loaded.data;
    app.stamps = loaded.stamps;
    app.problems = loaded.problems;
    app.message = Some(match (app.problems.len(), app.unsaved.len()) {
        (0, 0) => "reloaded from disk".to_string(),
        (p, 0) => format!("reloaded from disk: {p} problem(s)"),
        (_, u) => format!("reloaded from disk; {u} change(s) of yours are still unsaved and will be kept on quit"),
    });
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
