//! The terminal is given back whole, however casebook ends or pauses: after
//! a panic, SIGTERM, and Ctrl-Z then `fg` (Ctrl-C: see tmux_shell).

#[path = "tmux_common.rs"]
mod tmux_common;

use std::process::Command;
use tmux_common::{binary, Tmux};

fn start(env: &str) -> Option<Tmux> {
    let tmux = Tmux::start(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))?;
    tmux.type_line(&format!(
        "{env} CASEBOOK_USER=astrid {}; echo \"casebook exited with $?\"",
        binary()
    ));
    tmux.wait_for("Cases (325 of 325)");
    Some(tmux)
}

/// The terminal is back in cooked mode with echo, out of the alternate screen.
fn restored(tmux: &Tmux) {
    assert!(!tmux.alternate_screen(), "the alternate screen is left");
    tmux.type_line("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo");
    tmux.wait_for("icanon echo");
}

/// The casebook process running in the pane.
fn casebook_pid(tmux: &Tmux) -> String {
    let shell = tmux.tmux(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
    let output = Command::new("pgrep")
        .args(["-P", shell.trim(), "casebook"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .expect("casebook runs")
        .to_string()
}

#[test]
fn sigterm_quits_and_restores_the_terminal() {
    let Some(tmux) = start("") else { return };
    let pid = casebook_pid(&tmux);
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    tmux.wait_for("casebook exited with 0");
    restored(&tmux);
}

#[test]
fn a_panic_restores_the_terminal() {
    let Some(tmux) = start("CASEBOOK_TEST_PANIC=1") else {
        return;
    };
    tmux.keys(&["!"]);
    tmux.wait_for("casebook exited with 101");
    restored(&tmux);
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let Some(tmux) = start("") else { return };
    tmux.keys(&["C-z"]);
    tmux.wait_until("the shell back", |screen| !screen.contains("Cases (325 of 325)"));
    assert!(!tmux.alternate_screen(), "stopped: the alternate screen is left");
    tmux.type_line("fg");
    tmux.wait_until("casebook back, whole", |screen| {
        screen.contains("Cases (325 of 325)") && screen.contains("as astrid")
    });
    assert!(tmux.alternate_screen());
    tmux.keys(&["j"]);
    tmux.keys(&["q"]);
    // The shell ran the `echo` when the job stopped; now the job simply ends.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while tmux.alternate_screen() {
        assert!(
            std::time::Instant::now() < deadline,
            "casebook did not quit:\n{}",
            tmux.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    restored(&tmux);
}
