//! The Themes screen's part of the update function.

use crate::tui::action::Action;
use crate::tui::app::{App, Effect};

impl App {
    pub(crate) fn update_themes(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::NewCode
            | Action::RenameCode
            | Action::MoveCode
            | Action::MergeCode
            | Action::DeleteCode
            | Action::AdoptCode
            | Action::RejectCode => {
                let rows = self.screens.themes.rows(&self.view());
                let selected = self.screens.themes.cursor.pick(&rows).map(|r| r.id.clone());
                self.edit_codebook(action, selected)
            }
            movement => {
                self.move_cursor(movement);
                Vec::new()
            }
        }
    }
}
