//! Ctrl-e: the current note in `$EDITOR` (or `$VISUAL`, else `vi`). The
//! text goes to a file readable by its owner alone, the editor runs on it
//! (the terminal loop has given the terminal back), and what it holds after
//! comes back into the pane.

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs `editor` (a shell command, which may carry arguments) on `text` and
/// returns the text as the editor left it, without the final line end an
/// editor adds.
pub fn edit(text: &str, editor: &str, folder: &Path) -> std::io::Result<String> {
    std::fs::create_dir_all(folder)?;
    let path = folder.join(format!("casebook-note-{}.txt", std::process::id()));
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path)?;
        file.write_all(text.as_bytes())?;
        if !text.is_empty() && !text.ends_with('\n') {
            file.write_all(b"\n")?;
        }
    }
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("casebook")
        .arg(&path)
        .status();
    let result = match status {
        Ok(status) if status.success() => std::fs::read_to_string(&path),
        Ok(status) => Err(std::io::Error::other(format!("`{editor}` ended with {status}"))),
        Err(e) => Err(e),
    };
    let _ = std::fs::remove_file(&path);
    let mut edited = result?;
    if edited.ends_with('\n') && !text.ends_with('\n') {
        edited.pop();
    }
    Ok(edited)
}

use super::update::mark_details;
use crate::tui::app::{App, Effect};
use crate::tui::widgets::editor::EditorPane;

impl App {
    /// The text `$EDITOR` gave back replaces the current note.
    pub fn external_edit_done(&mut self, result: std::io::Result<String>) -> Vec<Effect> {
        match result {
            Ok(text) => {
                let now = (self.screens.interview.clock)();
                let contacts = self.contacts.clone();
                let Some(session) = self.screens.interview.session.as_mut() else {
                    return Vec::new();
                };
                if text == session.editor.text() {
                    self.message = Some("the editor changed nothing".to_string());
                    return Vec::new();
                }
                let title = session.editor.title.clone();
                session.editor = EditorPane::new(title, &text);
                session.editor.area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
                mark_details(&mut session.editor, &contacts);
                session.dirty_since.get_or_insert(now);
                self.typed_in_current_note();
                self.save_interview_now()
            }
            Err(e) => {
                self.refuse(format!("the editor did not run: {e}; the note is as it was"));
                Vec::new()
            }
        }
    }

    /// Whether the loop is to run `$EDITOR` now, and on what text.
    pub fn take_external_edit(&mut self) -> Option<String> {
        let session = self.screens.interview.session.as_mut()?;
        std::mem::take(&mut session.wants_editor).then(|| session.editor.text())
    }

    /// The folder `$EDITOR`'s file goes in: beside the private contacts (it
    /// holds typed text), else the system's temporary folder.
    pub fn external_edit_folder(&self) -> std::path::PathBuf {
        self.contacts_path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| p.join("drafts"))
            .unwrap_or_else(std::env::temp_dir)
    }
}
