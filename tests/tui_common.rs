//! Building the TUI's model on the demo study, for update and snapshot tests.
#![allow(dead_code)]

use casebook::domain::ResearcherId;
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::app::App;
use casebook::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The demo study in the TUI's model, as `me` (or nobody).
pub fn demo_app(me: Option<&str>) -> App {
    let layout = Layout::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = load(&layout);
    App::on_loaded(layout, loaded, me.map(ResearcherId::new), Config::default())
}

/// Renders the app into a `width` x `height` test terminal.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| view::render(frame, app)).expect("draw");
    terminal
}

/// The rendered screen as plain text, one line per row.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first case in `me`'s review queue.
pub fn first_queued_case(app: &App, me: &casebook::domain::ResearcherId) -> casebook::domain::CaseId {
    app.data
        .cases
        .values()
        .find(|c| c.case.reviewers.contains(me))
        .expect("a case in the queue")
        .case
        .id
        .clone()
}

/// The files the effects of an update would write, relative to the study
/// folder, in order.
pub fn written_files(app: &App, effects: &[casebook::tui::app::Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            casebook::tui::app::Effect::Apply(change) => Some(change),
            _ => None,
        })
        .flat_map(|change| &change.writes)
        .map(|w| {
            w.path
                .strip_prefix(&app.layout.root)
                .unwrap_or(&w.path)
                .display()
                .to_string()
        })
        .collect()
}

/// The one file the effects write, read back as `T`; panics otherwise.
pub fn single_write<T: serde::de::DeserializeOwned>(effects: &[casebook::tui::app::Effect]) -> (std::path::PathBuf, T) {
    let writes: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            casebook::tui::app::Effect::Apply(change) => Some(change),
            _ => None,
        })
        .flat_map(|change| &change.writes)
        .collect();
    let [write] = writes.as_slice() else {
        panic!("expected one file written, got {effects:?}")
    };
    let value = casebook::store::ron_io::from_ron(&write.path, &write.text).expect("written RON parses");
    (write.path.clone(), value)
}

/// The labels of the open picker, if one is open.
pub fn picker_items(app: &App) -> Option<Vec<String>> {
    match &app.popup {
        Some(casebook::tui::app::Popup::Choose(choice)) => {
            Some(choice.shown().1.into_iter().map(String::from).collect())
        }
        _ => None,
    }
}
