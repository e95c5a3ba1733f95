//! The Interviews list's part of the update function: Enter opens the
//! selected interview on the interview screen.

use crate::tui::action::Action;
use crate::tui::app::{App, Effect};

impl App {
    pub(crate) fn update_interviews(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Open => {
                let rows = self.screens.interviews.rows(&self.view());
                if let Some((case, id)) = self.screens.interviews.cursor.pick(&rows).cloned() {
                    self.open_interview(&case, &id);
                }
            }
            movement => self.move_cursor(movement),
        }
        Vec::new()
    }
}
