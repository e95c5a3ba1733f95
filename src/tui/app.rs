//! The model and the update function: an `Action` comes in, the state
//! changes, and any effect that touches the outside world (saving the
//! config file) goes out as data for the terminal loop to carry out.

use super::action::{Action, Screen};
use super::keymap::Keymap;
use super::screens;
use crate::domain::{ResearcherId, StudyData};
use crate::store::identity::Config;
use crate::store::{Layout, Problem, Stamps};
use std::cell::Cell;
use std::collections::BTreeMap;

/// A selection in a list or table. The offset and page height are written by
/// rendering (which alone knows the height) and read by the next update.
#[derive(Debug, Default, Clone)]
pub struct Cursor {
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help,
    /// Nobody said who is at the keyboard: pick a member of the team.
    WhoAmI {
        selected: usize,
    },
}

/// Something the terminal loop must do on the update's behalf.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveConfig(Config),
}

pub struct App {
    pub data: StudyData,
    pub layout: Layout,
    pub stamps: Stamps,
    /// Problems found at load, shown in the status line.
    pub problems: Vec<Problem>,
    pub me: Option<ResearcherId>,
    pub config: Config,
    pub keymap: Keymap,
    pub screen: Screen,
    pub popup: Option<Popup>,
    pub cursors: BTreeMap<Screen, Cursor>,
    /// The latest message for the status line.
    pub message: Option<String>,
    pub should_quit: bool,
}

impl App {
    pub fn new(
        data: StudyData,
        layout: Layout,
        stamps: Stamps,
        problems: Vec<Problem>,
        me: Option<ResearcherId>,
        config: Config,
    ) -> App {
        let (keymap, rejected) = Keymap::with_overrides(&config.keys);
        let message =
            (!rejected.is_empty()).then(|| format!("config: key overrides not understood: {}", rejected.join(", ")));
        let popup = (me.is_none() && !data.study.team.is_empty()).then_some(Popup::WhoAmI { selected: 0 });
        App {
            data,
            layout,
            stamps,
            problems,
            me,
            config,
            keymap,
            screen: Screen::Cases,
            popup,
            cursors: Screen::ALL.iter().map(|s| (*s, Cursor::default())).collect(),
            message,
            should_quit: false,
        }
    }

    pub fn cursor(&self, screen: Screen) -> &Cursor {
        &self.cursors[&screen]
    }

    /// The one place actions change the state.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match (&self.popup, action) {
            (_, Action::Quit) => self.should_quit = true,
            (Some(Popup::Help), Action::ToggleHelp | Action::Back) => self.popup = None,
            (Some(Popup::Help), _) => {}
            (Some(Popup::WhoAmI { selected }), action) => return self.update_who_am_i(*selected, action),
            (None, Action::ToggleHelp) => self.popup = Some(Popup::Help),
            (None, Action::NextScreen) => self.screen = self.screen.next(),
            (None, Action::PreviousScreen) => self.screen = self.screen.previous(),
            (None, Action::GoTo(screen)) => self.screen = screen,
            (None, Action::Back | Action::Open) => {}
            (None, movement) => self.move_cursor(movement),
        }
        Vec::new()
    }

    fn move_cursor(&mut self, movement: Action) {
        let rows = screens::row_count(self, self.screen);
        let cursor = self.cursors.entry(self.screen).or_default();
        let page = cursor.page.get().max(1);
        let last = rows.saturating_sub(1);
        cursor.selected = match movement {
            Action::Up => cursor.selected.saturating_sub(1),
            Action::Down => (cursor.selected + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageUp => cursor.selected.saturating_sub(page),
            Action::PageDown => (cursor.selected + page).min(last),
            _ => cursor.selected,
        };
    }

    fn update_who_am_i(&mut self, selected: usize, action: Action) -> Vec<Effect> {
        let team = self.data.study.team.len();
        let selected = match action {
            Action::Up => selected.saturating_sub(1),
            Action::Down => (selected + 1).min(team.saturating_sub(1)),
            Action::Top => 0,
            Action::Bottom => team.saturating_sub(1),
            Action::Back => {
                self.popup = None;
                self.message = Some("not saying who you are: changes that need an author are off".to_string());
                return Vec::new();
            }
            Action::Open => {
                self.popup = None;
                let Some(researcher) = self.data.study.team.get(selected) else {
                    return Vec::new();
                };
                self.me = Some(researcher.id.clone());
                self.config.user = Some(researcher.id.clone());
                self.message = Some(format!("you are {}; remembered in your config file", researcher.id));
                return vec![Effect::SaveConfig(self.config.clone())];
            }
            _ => selected,
        };
        self.popup = Some(Popup::WhoAmI { selected });
        Vec::new()
    }
}
