//! Driving the real binary in a real terminal: tmux on a private socket,
//! keys sent with `send-keys`, the screen read with `capture-pane`, and
//! waits that poll for text instead of sleeping for a fixed time.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    pub config: tempfile::TempDir,
}

/// Whether a test that needs a tool may be skipped when it is missing:
/// not under `.ci/run` (which sets `CASEBOOK_NO_SKIP`) or any CI.
pub fn skipping_allowed() -> bool {
    std::env::var_os("CASEBOOK_NO_SKIP").is_none() && std::env::var_os("CI").is_none()
}

impl Tmux {
    /// A 120x40 session running a plain shell in `dir`; `None` (the test is
    /// skipped, and says so) when tmux is not installed, except under CI.
    pub fn start(dir: &Path) -> Option<Tmux> {
        let available = Command::new("tmux")
            .arg("-V")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !available {
            assert!(
                skipping_allowed(),
                "tmux is needed for end-to-end tests: `.ci/run` installs it (apt-get install tmux)"
            );
            eprintln!("skipped: tmux is not installed (`.ci/run` installs it; apt-get install tmux)");
            return None;
        }
        let socket = format!("casebook-test-{}-{}", std::process::id(), rand_suffix());
        let config = tempfile::tempdir().expect("config dir");
        let tmux = Tmux { socket, config };
        let status = Command::new("tmux")
            .args([
                "-L",
                &tmux.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "40",
                "-s",
                "main",
            ])
            .args(["-c", dir.to_str().expect("utf-8 path")])
            .args([
                "env",
                "-i",
                "PATH=/usr/local/bin:/usr/bin:/bin",
                "TERM=xterm-256color",
                "LANG=C.UTF-8",
            ])
            .arg(format!("HOME={}", tmux.config.path().display()))
            // No developer's git identity reaches the test.
            .arg(format!(
                "GIT_CONFIG_GLOBAL={}",
                tmux.config.path().join("gitconfig").display()
            ))
            .arg(format!("XDG_CONFIG_HOME={}", tmux.config.path().display()))
            .args(["bash", "--norc", "--noprofile"])
            .status()
            .expect("start tmux");
        assert!(status.success(), "tmux new-session failed");
        tmux.tmux(&["set-option", "-g", "status", "off"]);
        Some(tmux)
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&output.stdout).to_string()
    }

    /// Types text and presses Enter.
    pub fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", line]);
        self.tmux(&["send-keys", "-t", "main", "Enter"]);
    }

    /// Sends keys as tmux names them (`q`, `Tab`, `Escape`, `C-c`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// Waits until the screen shows `text`, up to 20 seconds; panics with the
    /// screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the whole screen satisfies `done` (a capture can catch a
    /// frame half drawn, so wait for everything asserted on, not one piece),
    /// up to 20 seconds; panics with `what` and the screen if it never does.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether the pane is in the alternate screen (a TUI is showing).
    pub fn alternate_screen(&self) -> bool {
        self.tmux(&["display-message", "-p", "-t", "main", "#{alternate_on}"])
            .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_casebook")
}
