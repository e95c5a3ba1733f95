//! What the terminal loop's background work brings back, applied to the
//! model: the study loaded at start, a save's outcome. Kept apart from
//! `app.rs` so the update function stays about keys and actions.

use super::action::Action;
use super::app::{App, Unsaved};
use super::effects::SaveOutcome;
use crate::ops::CommitError;
use crate::store::{Loaded, Problem, SaveError};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Instant;

/// The study is being read in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub since: Instant,
    /// How many case folders there are to read, once counted.
    pub case_folders: Option<usize>,
}

impl App {
    /// The study read at start swapped in. The messages of start-up (who I
    /// am, the deletion date) stay, and so do the problems found before the
    /// load (the config, the private contacts).
    pub fn finish_loading(&mut self, mut loaded: Loaded, early_problems: Vec<Problem>) {
        loaded.problems.extend(early_problems);
        let message = self.message.take();
        self.replace_study(loaded);
        self.message = message;
        self.loading = None;
    }

    /// Whether `key` quits: all a key may do while the study is loading, so
    /// nothing is edited before its file has been read.
    pub fn is_quit_key(&self, key: &KeyEvent) -> bool {
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        ctrl_c || self.keymap.action_for(key, self.screen, self.mode()) == Some(Action::Quit)
    }

    /// A save's outcome: what was written is no longer unsaved; what could
    /// not be written is kept as unsaved, with why, in the same words the
    /// command line prints.
    pub fn saved(&mut self, outcome: SaveOutcome) {
        let SaveOutcome {
            change,
            result,
            recorded,
        } = outcome;
        // What was refused earlier stays until that very text is written:
        // a later save of the same file may not hold it (after a reload, say).
        let written = |u: &Unsaved| {
            result.is_ok()
                && change
                    .writes
                    .iter()
                    .any(|w| w.path == u.path && w.text == u.text && recorded.contains(&w.path))
        };
        self.unsaved.retain(|u| !written(u));
        for write in change.writes.iter().filter(|w| recorded.contains(&w.path)) {
            self.stamps.record(&write.path, write.text.as_bytes());
        }
        match result {
            Ok(_) => {
                for path in &change.removals {
                    self.stamps.forget(path);
                }
            }
            Err(error) => {
                let kept = match &error {
                    CommitError::Save(SaveError::ChangedOnDisk(_) | SaveError::CreatedOnDisk(_)) => {
                        "your version is kept (Ctrl-R reloads to see theirs)"
                    }
                    _ => "your version is kept",
                };
                self.message = Some(format!("not saved: {error}; {kept}"));
                self.refusal = self.message.clone();
                for write in &change.writes {
                    self.unsaved.push(Unsaved {
                        path: write.path.clone(),
                        text: write.text.clone(),
                        why: error.to_string(),
                    });
                }
            }
        }
    }
}
