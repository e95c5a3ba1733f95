//! casebook's entry point: the command line, or the TUI when no command is given.

use casebook::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none() {
        return casebook::tui::run(cli.study.as_deref(), cli.as_user.as_deref());
    }
    restore_default_sigpipe();
    cli::run(&cli)
}

/// `casebook conflicts | head` should end quietly when `head` stops reading,
/// as Unix tools do, instead of panicking on the closed pipe.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to the default before any other
    // thread exists has no memory-safety implications.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
