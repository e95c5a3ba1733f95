//! End to end in the real binary: Ctrl-e on the interview screen gives the
//! terminal to `$EDITOR` (a script here), which appends a line to the note;
//! the terminal is the editor's while it runs, the edited note is back in
//! the pane afterwards, and the interview file on disk holds it.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::{InformantId, QuestionId};
use casebook::store::{load, Layout};
use std::path::Path;
use tmux_common::{binary, Tmux};

/// The note on `question` of INF-27's interview, as the file on disk has it.
fn note_on_disk(study: &Path, question: &str) -> Option<String> {
    let loaded = load(&Layout::new(study));
    let informant = InformantId::new("INF-27");
    let interview = loaded
        .data
        .interviews()
        .find(|i| i.interview.informants.contains(&informant))?;
    interview
        .interview
        .note(&QuestionId::new(question))
        .map(|n| n.text.clone())
}

#[test]
fn ctrl_e_edits_the_note_in_the_editor_and_the_file_on_disk_holds_the_result() {
    let study = common::demo_copy();
    let scripts = tempfile::tempdir().unwrap();
    let started = scripts.path().join("editor-started");
    let go = scripts.path().join("go");
    // The editor says it runs, waits for the test to look at the terminal,
    // then appends a line to the file it was given. It gives up after 20
    // seconds, so a failing test never leaves it running.
    let editor = scripts.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\n: > '{started}'\ni=0\nwhile [ ! -e '{go}' ]; do\n  i=$((i+1)); [ $i -gt 200 ] && exit 1\n  sleep 0.1\ndone\nprintf 'Added in the editor.\\n' >> \"$1\"\n",
            started = started.display(),
            go = go.display(),
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("EDITOR='{}' {} --as astrid", editor.display(), binary()));
    tmux.wait_for("Cases (325 of 325)");
    tmux.keys(&["4"]);
    tmux.wait_for("Snowball tree");
    // INF-27 is scheduled and not interviewed yet (as in tmux_interview.rs).
    tmux.keys(&["G"]);
    tmux.wait_for("▶ INF-26");
    tmux.keys(&["k", "k", "k", "k", "k", "k", "k"]);
    tmux.wait_for("▶ INF-27");
    tmux.keys(&["n"]);
    tmux.wait_for("INF-27's consent is not recorded");
    tmux.keys(&["y"]);
    tmux.wait_for("Notes: background.role");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Typed in the pane."]);
    tmux.wait_for("Typed in the pane.");

    tmux.keys(&["C-e"]);
    tmux.wait_until("the editor to start", |_| started.exists());
    tmux.wait_until("the terminal given to the editor", |_| !tmux.alternate_screen());
    std::fs::write(&go, "").unwrap();

    // Back in casebook, the note holds both lines, in the pane and on disk.
    tmux.wait_until("casebook to take the terminal back", |screen| {
        tmux.alternate_screen() && screen.contains("Added in the editor.") && screen.contains("Typed in the pane.")
    });
    tmux.wait_until("the edited note on disk", |_| {
        note_on_disk(study.path(), "background.role").as_deref() == Some("Typed in the pane.\nAdded in the editor.")
    });
    assert_eq!(
        note_on_disk(study.path(), "background.role").as_deref(),
        Some("Typed in the pane.\nAdded in the editor.")
    );

    // Typing goes on in the pane after the editor.
    tmux.tmux(&["send-keys", "-t", "main", "-l", " And after."]);
    tmux.wait_until("typing after the editor on disk", |_| {
        note_on_disk(study.path(), "background.role").as_deref()
            == Some("Typed in the pane.\nAdded in the editor. And after.")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("Interviews (23)");
    tmux.keys(&["q"]);
    tmux.wait_until("casebook to quit", |_| !tmux.alternate_screen());
}
