//! `casebook report [--out FILE.md]`: the themes, quotes and coverage as
//! Markdown, to stdout or a file (written whole or not at all).

use super::session::{me, open_for_report, REFUSED};
use super::Cli;
use crate::analysis::theme_report::render;
use crate::analysis::themes::{ThemeOptions, Themes};
use std::path::Path;

pub fn run(cli: &Cli, out: Option<&Path>) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let viewer = me(&opened);
    let themes = Themes::compute(
        &opened.data,
        ThemeOptions {
            viewer: viewer.as_ref(),
            coder: None,
        },
    );
    let text = render(&opened.data, &themes);
    match out {
        None => {
            print!("{text}");
            0
        }
        Some(path) => match crate::store::atomic::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                println!("wrote the report material to {}", path.display());
                0
            }
            Err(e) => {
                eprintln!("casebook: {}: {e}", path.display());
                REFUSED
            }
        },
    }
}
