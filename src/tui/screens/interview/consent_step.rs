//! The consent step of the interview screen: asked once per informant
//! whose consent is not recorded, before the notes open.

use crate::domain::*;
use crate::ops::consent;
use crate::tui::app::{App, Effect};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl App {
    /// The consent step: y records consent to notes and anonymous quotes,
    /// r to a recording too, n leaves it for later (the interview goes on,
    /// and `check` will warn).
    pub(super) fn consent_key(&mut self, informant: InformantId, key: KeyEvent) -> Vec<Effect> {
        let recording = match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => false,
            KeyCode::Char('r') | KeyCode::Char('R') => true,
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                if let Some(s) = self.screens.interview.session.as_mut() {
                    s.consent.retain(|i| i != &informant);
                }
                self.message = Some(format!("{informant}'s consent is not recorded; check will warn"));
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        let given = Consent {
            date: (self.now)().date_naive(),
            notes: true,
            recording,
            quotes: true,
        };
        let effects = self.apply(|ctx, data| consent::record(ctx, data, &informant, given));
        if let Some(s) = self.screens.interview.session.as_mut() {
            s.consent.retain(|i| i != &informant);
        }
        effects
    }
}
