//! The Cases screen: the pool as a table, filtered, searched and sorted,
//! with the selected case's details and stage log; moving a case between
//! stages with a reason.

pub mod update;
pub mod view;

use super::View;
use crate::analysis::case_query::{CaseQuery, Hits, SearchIndex};
use crate::domain::{CaseId, StudyData};
use crate::tui::app::Cursor;
use crate::tui::background::{Ask, Background};
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct CasesScreen {
    /// The filters, search and sort.
    pub query: CaseQuery,
    pub cursor: Cursor,
    /// The rows for the query, with the search index they point into, once
    /// per change of the study or the query, on the compute thread: a search
    /// over 16,000 cases, sorting them, even telling whether the names
    /// changed, takes longer than a keystroke may.
    rows: Background<(u64, CaseQuery), Rows>,
}

/// The table as computed: the rows, the index their entries point into
/// (built again only when ids, names, focus areas or regions changed), and
/// how wide the widest id is.
#[derive(Debug)]
pub struct Rows {
    pub hits: Hits,
    pub index: Arc<SearchIndex>,
    source: u64,
    pub id_width: usize,
}

impl Rows {
    /// The rows for `query` on `data`; `earlier` gives an index to reuse and,
    /// when `query` narrows its query, the only cases worth trying.
    fn compute(data: &StudyData, query: &CaseQuery, earlier: Option<(&CaseQuery, &Rows)>, same_revision: bool) -> Rows {
        // Within one revision the names cannot have changed: no need to
        // hash every case's names again (half a search keystroke's work).
        let source = match earlier {
            Some((_, rows)) if same_revision => rows.source,
            _ => SearchIndex::source_of(data),
        };
        let index = match earlier {
            Some((_, rows)) if rows.source == source => Arc::clone(&rows.index),
            _ => Arc::new(SearchIndex::build(data)),
        };
        let within: Option<Vec<usize>> = earlier
            .filter(|(earlier_query, rows)| same_revision && rows.source == source && query.narrows(earlier_query))
            .map(|(_, rows)| {
                // Every case a longer search could match: the earlier
                // search's candidates, or with no search yet, its rows.
                rows.hits
                    .candidates
                    .clone()
                    .unwrap_or_else(|| rows.hits.shown.iter().map(|h| h.entry).collect())
            });
        let hits = query.hits(data, &index, within.as_deref());
        let id_width = index.id_width();
        Rows {
            hits,
            index,
            source,
            id_width,
        }
    }
}

impl CasesScreen {
    /// The table's rows, in order: those for the query as it is, or, while
    /// they are computed, the last ones (not fresh). A search that only
    /// narrows the previous one (a letter typed at its end) looks only among
    /// its matches.
    pub fn rows_shown(&self, view: &View) -> (Arc<Rows>, bool) {
        let query = self.query.clone();
        let revision = view.revision;
        let key = (revision, query.clone());
        let earlier = self.rows.peek();
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "cases.rows",
            locate: |screens| &screens.cases.rows,
        };
        // The first table comes with the first frame.
        self.rows.current(view.jobs, ask, key, move || {
            let earlier = earlier.as_ref().map(|((earlier_revision, earlier_query), rows)| {
                ((earlier_query, &**rows), *earlier_revision == revision)
            });
            let same_revision = earlier.is_some_and(|(_, same)| same);
            Rows::compute(&data, &query, earlier.map(|(e, _)| e), same_revision)
        })
    }

    /// The table's rows as shown now (see `rows_shown`).
    pub fn rows(&self, view: &View) -> Arc<Rows> {
        self.rows_shown(view).0
    }

    /// The case under the cursor.
    pub fn selected(&self, view: &View) -> Option<CaseId> {
        let rows = self.rows(view);
        let shown = &rows.hits.shown;
        let hit = shown.get(self.cursor.selected.min(shown.len().saturating_sub(1)))?;
        rows.index.case_id(hit.entry).cloned()
    }
}

/// The ids of the cases the table shows, in order (for tests and scripts).
pub fn case_ids(app: &crate::tui::app::App) -> Vec<CaseId> {
    let view = app.view();
    let rows = app.screens.cases.rows(&view);
    rows.hits
        .shown
        .iter()
        .filter_map(|hit| rows.index.case_id(hit.entry).cloned())
        .collect()
}
