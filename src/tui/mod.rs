//! The terminal UI: a model with an update function (`app`), keys as data
//! (`keymap`), render functions (`view`, `screens`, `widgets`), and the thin
//! loop here that alone touches the real terminal.

pub mod action;
pub mod app;
mod cases_update;
pub mod input;
pub mod keymap;
mod recruitment_update;
mod review_update;
pub mod screens;
pub mod view;
pub mod widgets;

use crate::cli::open::open;
use crate::store::{self, identity};
use app::{App, Effect};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::path::Path;
use std::process::ExitCode;

/// Opens the study and runs the TUI until the user quits. The terminal is
/// restored on every way out, a panic included (ratatui's hook does that
/// before the panic message is printed).
pub fn run(study: Option<&Path>, as_user: Option<&str>) -> ExitCode {
    let opened = match open(study, as_user) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("casebook: {e}");
            return ExitCode::from(1);
        }
    };
    let config = identity::config_path()
        .and_then(|p| identity::load_config(&p).ok())
        .unwrap_or_default();
    let mut app = App::new(
        opened.data,
        opened.layout,
        opened.stamps,
        opened.problems,
        opened.identity.map(|i| i.id),
        config,
    );
    app.contacts = opened.contacts;
    if let Some(e) = opened.identity_error {
        app.message = Some(e);
    }
    if let Some(warning) = opened.deletion_warning {
        app.message = Some(warning);
    }
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("casebook: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    while !app.should_quit {
        terminal.draw(|frame| view::render(frame, app))?;
        // Resize and every other event simply lead to a redraw.
        if let Event::Key(key) = event::read()? {
            if key.kind != KeyEventKind::Press {
                continue;
            }
            for effect in app.handle_key(key) {
                carry_out(app, effect);
            }
        }
    }
    Ok(())
}

/// Carries out an effect; a failure is shown in the status line, and what
/// was typed stays in the model (nothing is dropped because a save failed).
fn carry_out(app: &mut App, effect: Effect) {
    match effect {
        Effect::SaveReview(case, review) => {
            let path = app.layout.review_file(&case, &review.reviewer);
            if let Err(e) = store::save_value(&mut app.stamps, &path, &review) {
                app.message = Some(format!("not saved: {e}"));
            }
        }
        Effect::SaveInformant(id) => {
            if let Some(informant) = app.data.informant(&id).cloned() {
                let path = app.layout.informant_file(&informant.case, &id);
                if let Err(e) = store::save_value(&mut app.stamps, &path, &informant) {
                    app.message = Some(format!("not saved: {e}"));
                }
            }
        }
        Effect::SaveCase(case) => {
            let path = app.layout.case_file(&case);
            if let Some(data) = app.data.cases.get(&case) {
                if let Err(e) = store::save_value(&mut app.stamps, &path, &data.case) {
                    app.message = Some(format!("not saved: {e}"));
                }
            }
        }
        Effect::SaveResolution(case, resolution) => {
            let path = app.layout.resolution_file(&case);
            if let Err(e) = store::save_value(&mut app.stamps, &path, &resolution) {
                app.message = Some(format!("not saved: {e}"));
            }
        }
        Effect::SaveConfig(config) => {
            let saved = identity::config_path()
                .ok_or_else(|| "no config folder on this system".to_string())
                .and_then(|path| identity::save_config(&path, &config).map_err(|e| format!("{}: {e}", path.display())));
            if let Err(e) = saved {
                app.message = Some(format!("could not remember who you are: {e}"));
            }
        }
    }
}
