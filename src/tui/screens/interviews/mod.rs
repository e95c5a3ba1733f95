//! The Interviews screen: every interview with its date, guide, researchers,
//! how much of the guide the notes cover, and who has coded it; the notes of
//! the selected one.

pub mod update;
pub mod view;

use super::View;
use crate::domain::{CaseId, InterviewId};
use crate::tui::app::{App, Cursor};
use crate::tui::cache::Cached;
use std::sync::Arc;

/// Where an interview lives: its case and its id.
pub type InterviewKey = (CaseId, InterviewId);

#[derive(Debug, Default)]
pub struct InterviewsScreen {
    pub cursor: Cursor,
    rows: Cached<u64, Vec<InterviewKey>>,
}

impl InterviewsScreen {
    /// Every interview, by id.
    pub fn rows(&self, view: &View) -> Arc<Vec<InterviewKey>> {
        self.rows.get(view.revision, || {
            let mut rows: Vec<InterviewKey> = view
                .data
                .interviews()
                .map(|i| (i.interview.case.clone(), i.interview.id.clone()))
                .collect();
            rows.sort_by(|a, b| a.1.cmp(&b.1));
            rows
        })
    }
}

/// The interviews as the list shows them (for tests and scripts).
pub fn rows(app: &App) -> Vec<InterviewKey> {
    app.screens.interviews.rows(&app.view()).to_vec()
}
