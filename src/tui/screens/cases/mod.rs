//! The Cases screen: the pool as a table, filtered, searched and sorted,
//! with the selected case's details and stage log; moving a case between
//! stages with a reason.

pub mod update;
pub mod view;

use super::View;
use crate::analysis::case_query::{CaseQuery, Hits, SearchIndex};
use crate::domain::CaseId;
use crate::tui::app::Cursor;
use crate::tui::background::{Ask, Background};
use crate::tui::cache::Cached;
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct CasesScreen {
    /// The filters, search and sort.
    pub query: CaseQuery,
    pub cursor: Cursor,
    /// What the search index was built from, once per change of the study.
    source: Cached<u64, u64>,
    /// Every case folded for searching, again only when ids, municipalities
    /// or titles changed.
    index: Cached<u64, SearchIndex>,
    /// The rows for the query, once per change of the study or the query,
    /// on the compute thread: a search over 16,000 cases, or sorting them,
    /// takes longer than a keystroke may.
    rows: Background<(u64, CaseQuery), Hits>,
}

impl CasesScreen {
    pub fn index(&self, view: &View) -> Arc<SearchIndex> {
        let source = *self.source.get(view.revision, || SearchIndex::source_of(view.data));
        self.index.get(source, || SearchIndex::build(view.data))
    }

    /// The table's rows, in order: those for the query as it is, or, while
    /// they are computed, the last ones (not `fresh`). A search that only
    /// narrows the previous one (a letter typed at its end) looks only among
    /// its matches.
    pub fn rows_shown(&self, view: &View) -> (Arc<Hits>, bool) {
        let index = self.index(view);
        let query = self.query.clone();
        let key = (view.revision, query.clone());
        let within = self
            .rows
            .peek()
            .filter(|((revision, earlier), _)| *revision == view.revision && query.narrows(earlier))
            .map(|(_, hits)| {
                // Every case a longer search could match: the earlier
                // search's candidates, or with no search yet, its rows.
                hits.candidates
                    .clone()
                    .unwrap_or_else(|| hits.shown.iter().map(|h| h.entry).collect())
            });
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "cases.rows",
            locate: |screens| &screens.cases.rows,
        };
        // The first table comes with the first frame.
        self.rows.current(view.jobs, ask, key, move || {
            query.hits(&data, &index, within.as_deref())
        })
    }

    /// The table's rows as shown now (see `rows_shown`).
    pub fn rows(&self, view: &View) -> Arc<Hits> {
        self.rows_shown(view).0
    }

    /// The case under the cursor.
    pub fn selected(&self, view: &View) -> Option<CaseId> {
        let rows = self.rows(view);
        let rows = &rows.shown;
        let hit = rows.get(self.cursor.selected.min(rows.len().saturating_sub(1)))?;
        self.index(view).case_id(hit.entry).cloned()
    }
}

/// The ids of the cases the table shows, in order (for tests and scripts).
pub fn case_ids(app: &crate::tui::app::App) -> Vec<CaseId> {
    let view = app.view();
    let index = app.screens.cases.index(&view);
    app.screens
        .cases
        .rows(&view)
        .shown
        .iter()
        .filter_map(|hit| index.case_id(hit.entry).cloned())
        .collect()
}
