//! The Cases screen: the pool as a table, filtered, searched and sorted,
//! with the selected case's details and stage log; moving a case between
//! stages with a reason.

pub mod update;
pub mod view;

use super::View;
use crate::analysis::case_query::{CaseQuery, Hit, SearchIndex};
use crate::domain::CaseId;
use crate::tui::app::Cursor;
use crate::tui::cache::Cached;
use std::rc::Rc;

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
    /// The rows for the query, once per change of the study or the query.
    rows: Cached<(u64, CaseQuery), Vec<Hit>>,
}

impl CasesScreen {
    pub fn index(&self, view: &View) -> Rc<SearchIndex> {
        let source = *self.source.get(view.revision, || SearchIndex::source_of(view.data));
        self.index.get(source, || SearchIndex::build(view.data))
    }

    /// The table's rows, in order. A search that only narrows the previous
    /// one (a letter typed at its end) looks only among its matches.
    pub fn rows(&self, view: &View) -> Rc<Vec<Hit>> {
        let index = self.index(view);
        let key = (view.revision, self.query.clone());
        let earlier = self.rows.peek();
        self.rows.get(key, || {
            let within = earlier
                .as_ref()
                .filter(|((revision, query), _)| *revision == view.revision && self.query.narrows(query))
                .map(|(_, hits)| hits.as_slice());
            self.query.hits(view.data, &index, within)
        })
    }

    /// The case under the cursor.
    pub fn selected(&self, view: &View) -> Option<CaseId> {
        let rows = self.rows(view);
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
        .iter()
        .filter_map(|hit| index.case_id(hit.entry).cloned())
        .collect()
}
