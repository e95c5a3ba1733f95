//! The Review screen: my queue; the blind review form (the other reviewer's
//! answers appear only once mine is submitted, see `domain::blind`); the
//! conflicts between reviewers and their resolution; agreement per criterion.

pub mod update;
pub mod view;

use super::{ListRef, View};
use crate::analysis::conflicts::{case_conflicts, Conflict};
use crate::analysis::review_agreement::{study_agreement, CriterionAgreement};
use crate::domain::{CaseId, ResearcherId};
use crate::tui::app::{App, Cursor};
use crate::tui::background::{Ask, Background, Shown};
use crate::tui::cache::Cached;
use std::sync::Arc;

/// What the Review screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewView {
    #[default]
    Queue,
    Form,
    Conflicts,
    Agreement,
}

/// A conflict as listed: the case, the conflict, whether it is resolved.
pub type ConflictRow = (CaseId, Conflict, bool);

type ByViewer = (u64, Option<ResearcherId>);

#[derive(Debug, Default)]
pub struct ReviewScreen {
    pub view: ReviewView,
    /// The case whose form is open.
    pub case: Option<CaseId>,
    /// The criterion the form's cursor is on.
    pub criterion: usize,
    /// On a scale past 9, the first digit typed, waiting for a possible second.
    pub first_digit: Option<i32>,
    pub queue_cursor: Cursor,
    pub conflicts_cursor: Cursor,
    pub agreement_cursor: Cursor,
    queue: Cached<ByViewer, Vec<CaseId>>,
    /// Every case's conflicts: 10 ms on 16,000 cases, so after a change on
    /// the compute thread, the last list shown meanwhile.
    conflicts: Background<ByViewer, Vec<ConflictRow>>,
    /// Agreement over every review takes about 0.1 s on 16,000 cases: it is
    /// computed on the compute thread, never while a key waits.
    agreement: Background<ByViewer, Vec<CriterionAgreement>>,
}

impl ReviewScreen {
    pub fn in_form(&self) -> bool {
        self.view == ReviewView::Form
    }

    /// The cases assigned to me: those still to do first, then those I
    /// submitted, each in id order.
    pub fn queue(&self, view: &View) -> Arc<Vec<CaseId>> {
        self.queue.get((view.revision, view.me.cloned()), || {
            let Some(me) = view.me else { return Vec::new() };
            // What is still to do first (in id order), then what I submitted.
            let mine: Vec<&crate::domain::CaseData> = view
                .data
                .cases
                .values()
                .filter(|c| c.case.reviewers.contains(me))
                .collect();
            let submitted = |c: &&crate::domain::CaseData| c.reviews.get(me).is_some_and(|r| r.is_submitted());
            let (done, to_do): (Vec<_>, Vec<_>) = mine.into_iter().partition(submitted);
            to_do.into_iter().chain(done).map(|c| c.case.id.clone()).collect()
        })
    }

    /// Every conflict I may see between two submitted reviews.
    pub fn conflicts(&self, view: &View) -> Arc<Vec<ConflictRow>> {
        let me = view.me.cloned();
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "review.conflicts",
            locate: |screens| &screens.review.conflicts,
        };
        let key = (view.revision, me.clone());
        let (conflicts, _) = self.conflicts.current(view.jobs, ask, key, move || {
            data.cases
                .values()
                .flat_map(|c| {
                    case_conflicts(&data.study, c, me.as_ref())
                        .into_iter()
                        .map(|(conflict, resolved)| (c.case.id.clone(), conflict, resolved))
                })
                .collect()
        });
        conflicts
    }

    /// Agreement per criterion on the reviews I may see: the last computed
    /// while a newer one is on its way (not `fresh`).
    pub fn agreement(&self, view: &View) -> Shown<Vec<CriterionAgreement>> {
        let me = view.me.cloned();
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "review.agreement",
            locate: |screens| &screens.review.agreement,
        };
        self.agreement
            .get(view.jobs, ask, (view.revision, me.clone()), move || {
                study_agreement(&data, me.as_ref())
            })
    }

    /// The list the cursor keys move in, and its length.
    pub fn active_list(&self, view: &View) -> Option<(usize, ListRef)> {
        match self.view {
            ReviewView::Queue => Some((self.queue(view).len(), ListRef::ReviewQueue)),
            ReviewView::Conflicts => Some((self.conflicts(view).len(), ListRef::ReviewConflicts)),
            ReviewView::Agreement => Some((self.agreement(view).or_empty().len(), ListRef::ReviewAgreement)),
            ReviewView::Form => None,
        }
    }
}

/// My queue, as the screen shows it (for tests and scripts).
pub fn queue(app: &App) -> Vec<CaseId> {
    app.screens.review.queue(&app.view()).to_vec()
}

/// The conflicts list, as the screen shows it.
pub fn conflict_rows(app: &App) -> Vec<ConflictRow> {
    app.screens.review.conflicts(&app.view()).to_vec()
}
