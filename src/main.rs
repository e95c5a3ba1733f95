//! casebook's entry point: the command line, or the TUI when no command is given.

use casebook::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none() {
        return casebook::tui::run(cli.study.as_deref(), cli.as_user.as_deref());
    }
    cli::run(&cli)
}
