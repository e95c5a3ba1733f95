//! End to end: the real binary in tmux opens the demo study, switches tabs,
//! shows help, copes with a resize, and quits with the terminal restored.

#[path = "tmux_common.rs"]
mod tmux_common;

use tmux_common::{binary, Tmux};

fn start_on_demo() -> Option<Tmux> {
    let tmux = Tmux::start(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))?;
    tmux.type_line(&format!(
        "CASEBOOK_USER=astrid {}; echo \"casebook exited with $?\"",
        binary()
    ));
    tmux.wait_for("Cases (325 of 325)");
    Some(tmux)
}

#[test]
fn the_tui_shows_cases_switches_tabs_opens_help_and_quits_cleanly() {
    let Some(tmux) = start_on_demo() else { return };
    // The table and the status line, which names the user, in one capture.
    tmux.wait_until("the cases and the status line", |screen| {
        (screen.contains("Bømlo") || screen.contains("Oslo")) && screen.contains("as astrid")
    });
    assert!(tmux.alternate_screen());

    tmux.keys(&["2"]);
    tmux.wait_for("Selected/frame: size band x region");
    tmux.keys(&["Tab"]);
    tmux.wait_for("My review queue (astrid)");
    tmux.keys(&["?"]);
    tmux.wait_until("the whole help", |screen| {
        screen.contains("Help: Review") && screen.contains("quit (nothing typed is lost)")
    });
    tmux.keys(&["Escape"]);
    // Escape and a digit read together arrive as Alt+digit: wait for the help to close.
    tmux.wait_until("the help closed", |screen| !screen.contains("Help: Review"));
    tmux.keys(&["6"]);
    tmux.wait_for("Codebook (33 codes,");

    tmux.keys(&["q"]);
    let after = tmux.wait_for("casebook exited with 0");
    assert!(!tmux.alternate_screen(), "the alternate screen is left on quit");
    assert!(
        !after.contains("Codebook (33 codes,"),
        "the TUI is gone from the screen:\n{after}"
    );
    // The terminal is back in cooked mode with echo: a typed command shows and runs.
    tmux.type_line("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo");
    tmux.wait_for("icanon echo");
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let Some(tmux) = start_on_demo() else { return };
    tmux.keys(&["C-c"]);
    tmux.wait_for("casebook exited with 0");
    assert!(!tmux.alternate_screen());
}

#[test]
fn a_resize_redraws_and_a_tiny_window_says_it_is_too_small() {
    let Some(tmux) = start_on_demo() else { return };
    tmux.tmux(&["resize-window", "-t", "main", "-x", "30", "-y", "6"]);
    tmux.wait_for("terminal too small");
    tmux.tmux(&["resize-window", "-t", "main", "-x", "120", "-y", "40"]);
    tmux.wait_for("Cases (325 of 325)");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}
