//! The Coverage screen's part of the update function: which strata make the
//! matrix, and gaps or suggestions beside it.

use crate::domain::Stratum;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};

impl App {
    pub(crate) fn update_coverage(&mut self, action: Action) -> Vec<Effect> {
        let coverage = &mut self.screens.coverage;
        match action {
            Action::CycleRows => coverage.rows = next_stratum(coverage.rows, coverage.columns),
            Action::CycleColumns => coverage.columns = next_stratum(coverage.columns, coverage.rows),
            Action::ToggleSuggestions => coverage.suggestions = !coverage.suggestions,
            movement => self.move_cursor(movement),
        }
        Vec::new()
    }
}

/// The next stratum for a matrix axis, skipping the other axis's.
fn next_stratum(current: Stratum, other: Stratum) -> Stratum {
    let all = Stratum::ALL;
    let mut i = all.iter().position(|s| *s == current).unwrap_or(0);
    loop {
        i = (i + 1) % all.len();
        if all[i] != other {
            return all[i];
        }
    }
}
