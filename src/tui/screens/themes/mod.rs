//! The Themes screen: the codebook as a tree with each code's passages,
//! cases, informants and quotes (with its sub-codes), the selected code's
//! spread over size band, region and focus area as bar charts; a code x
//! case heat map; the passages of a code or a cell, and from a passage its
//! interview at that place; and a search over every coded passage.
//!
//! The figures are `analysis::themes`, as `casebook themes` prints them,
//! computed on the compute thread once per change of the study or of who
//! is looking; the search runs there too, in two steps (word starts, then
//! fuzzy), so no key waits for either.

pub mod charts;
pub mod codebook_edit;
pub mod matrix_view;
pub mod model;
pub mod open_passage;
pub mod passages_view;
pub mod search;
pub mod update;
pub mod view;

use super::View;
use crate::domain::{CaseId, CodeId};
use crate::tui::app::Cursor;
use crate::tui::background::{Ask, Background, Shown};
use crate::tui::cache::Cached;
use model::{Model, ModelKey};
use search::{fuzzy_hits, prefix_hits, Fuzzy, Query};
use std::cell::Cell;
use std::sync::Arc;

/// Whose passages a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A code with its sub-codes (Enter on the tree).
    Code(CodeId),
    /// One cell of the matrix: a code (with sub-codes) in one case.
    Cell(CodeId, CaseId),
    /// The passage search.
    Search,
}

/// The passages listed over the tree or matrix.
#[derive(Debug)]
pub struct PassageList {
    pub source: Source,
    pub cursor: Cursor,
    /// A code's or cell's passages, per model they index into.
    items: Cached<ModelKey, Vec<u32>>,
}

impl PassageList {
    pub fn new(source: Source) -> Self {
        PassageList {
            source,
            cursor: Cursor::default(),
            items: Cached::default(),
        }
    }
}

/// The search's first step: passages whose words start with the query's.
#[derive(Debug)]
pub struct PrefixHits {
    pub model: Arc<Model>,
    pub query: Query,
    /// Entries of the model's search index, in the study's order.
    pub hits: Vec<u32>,
}

/// The search's second step: fuzzy matches, best first.
#[derive(Debug)]
pub struct FuzzyHits {
    pub query: Query,
    pub fuzzy: Fuzzy,
}

type SearchKey = (ModelKey, String);

#[derive(Debug, Default)]
pub struct ThemesScreen {
    /// The heat map instead of the tree.
    pub matrix: bool,
    /// The row of the tree or matrix (one cursor: toggling keeps the code).
    pub cursor: Cursor,
    /// The matrix's column (a case with passages), and its first column
    /// shown and how many fit, which only rendering knows.
    pub column: usize,
    pub column_offset: Cell<usize>,
    pub column_page: Cell<usize>,
    /// Passages listed over the tree or matrix (Enter, or a search).
    pub passages: Option<PassageList>,
    /// The passage search as typed.
    pub query: String,
    model: Background<ModelKey, Model>,
    prefix: Background<SearchKey, PrefixHits>,
    fuzzy: Background<SearchKey, FuzzyHits>,
}

/// The rows a passage list shows: passages of the model, or search hits
/// (word starts, then fuzzy).
pub enum Listed {
    Passages(Arc<Model>, Arc<Vec<u32>>),
    Search {
        prefix: Arc<PrefixHits>,
        /// The fuzzy step for the same query, once it is done.
        fuzzy: Option<Arc<FuzzyHits>>,
        /// Whether the first step is for the query as typed now.
        fresh: bool,
    },
}

impl Listed {
    pub fn model(&self) -> &Arc<Model> {
        match self {
            Listed::Passages(model, _) => model,
            Listed::Search { prefix, .. } => &prefix.model,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Listed::Passages(_, items) => items.len(),
            Listed::Search { prefix, fuzzy, .. } => {
                prefix.hits.len() + fuzzy.as_ref().map_or(0, |f| f.fuzzy.hits.len())
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`: its passage, and for a search hit the codes of its span.
    pub fn row(&self, i: usize) -> Option<(u32, Option<&[u32]>)> {
        match self {
            Listed::Passages(_, items) => items.get(i).map(|&p| (p, None)),
            Listed::Search { prefix, fuzzy, .. } => {
                let entry = match prefix.hits.get(i) {
                    Some(&e) => e,
                    None => *fuzzy.as_ref()?.fuzzy.hits.get(i - prefix.hits.len())?,
                };
                let entry = prefix.model.built_search_index()?.entries.get(entry as usize)?;
                Some((entry.passage, Some(entry.codes.as_slice())))
            }
        }
    }
}

impl ThemesScreen {
    fn model_key(view: &View) -> ModelKey {
        (view.revision, view.me.cloned())
    }

    /// The figures for the study as it is and me, or the last ones while
    /// they are computed (not fresh), or none before the first.
    pub fn model(&self, view: &View) -> Shown<Model> {
        let key = Self::model_key(view);
        let data = Arc::clone(view.shared);
        let me = view.me.cloned();
        let ask = Ask {
            slot: "themes.model",
            locate: |screens| &screens.themes.model,
        };
        self.model
            .get(view.jobs, ask, key, move || Model::compute(&data, me.as_ref()))
    }

    /// How many rows the tree (and the matrix) has now.
    pub fn row_count(&self, view: &View) -> usize {
        self.model(view).value.map_or(0, |m| m.rows.len())
    }

    /// What the passage list shows, if one is open and there is a model.
    pub fn listed(&self, view: &View) -> Option<Listed> {
        let list = self.passages.as_ref()?;
        let shown = self.model(view);
        let model = shown.value?;
        let key = Self::model_key(view);
        let code_of = |id: &CodeId| model.themes.index.get(id);
        match &list.source {
            Source::Code(id) => {
                let items = list.items.get(key, || {
                    code_of(id).map_or_else(Vec::new, |c| model.themes.codes[c].rolled.clone())
                });
                Some(Listed::Passages(model, items))
            }
            Source::Cell(id, case) => {
                let items = list.items.get(key, || {
                    let themes = &model.themes;
                    let Some(column) = themes.cases.iter().position(|c| &c.id == case) else {
                        return Vec::new();
                    };
                    code_of(id).map_or_else(Vec::new, |c| {
                        themes.codes[c]
                            .rolled
                            .iter()
                            .copied()
                            .filter(|&p| {
                                themes.interviews[themes.passages[p as usize].interview as usize].case == column
                            })
                            .collect()
                    })
                });
                Some(Listed::Passages(model, items))
            }
            Source::Search => self.search(view, shown.fresh.then_some(model)),
        }
    }

    /// The search's hits for the query as typed: the word-start step and,
    /// when done, the fuzzy one; the last ones while these are computed.
    /// Searches only a model that is fresh, so the texts it folds are the
    /// study it was computed from.
    fn search(&self, view: &View, fresh_model: Option<Arc<Model>>) -> Option<Listed> {
        let Some(model) = fresh_model else {
            let prefix = self.prefix.peek()?.1;
            return Some(Listed::Search {
                prefix,
                fuzzy: None,
                fresh: false,
            });
        };
        let key: SearchKey = (Self::model_key(view), self.query.clone());
        let query = Query::new(&self.query);
        let prefix = {
            let earlier = self.prefix.peek();
            let (model, data, query, model_key) = (
                Arc::clone(&model),
                Arc::clone(view.shared),
                query.clone(),
                key.0.clone(),
            );
            let ask = Ask {
                slot: "themes.search",
                locate: |screens| &screens.themes.prefix,
            };
            self.prefix.get(view.jobs, ask, key.clone(), move || {
                let index = model.search_index(&data);
                let within = earlier
                    .as_ref()
                    .filter(|((k, _), e)| *k == model_key && query.narrows(&e.query))
                    .map(|(_, e)| e.hits.as_slice());
                let hits = if query.is_empty() {
                    Vec::new()
                } else {
                    prefix_hits(index, &query, within)
                };
                PrefixHits { model, query, hits }
            })
        };
        let fuzzy = {
            let earlier = self.fuzzy.peek();
            let (model, data, query, model_key) = (Arc::clone(&model), Arc::clone(view.shared), query, key.0.clone());
            let ask = Ask {
                slot: "themes.search.fuzzy",
                locate: |screens| &screens.themes.fuzzy,
            };
            self.fuzzy.get(view.jobs, ask, key, move || {
                let index = model.search_index(&data);
                let within = earlier
                    .as_ref()
                    .filter(|((k, _), e)| *k == model_key && query.narrows(&e.query))
                    .map(|(_, e)| e.fuzzy.in_order.as_slice());
                let fuzzy = fuzzy_hits(index, &query, within);
                FuzzyHits { query, fuzzy }
            })
        };
        let prefix_value = prefix.value?;
        // Fuzzy hits join only the word-start hits of the same query.
        let fuzzy = fuzzy
            .value
            .filter(|f| fuzzy.fresh && prefix.fresh && f.query == prefix_value.query);
        Some(Listed::Search {
            prefix: prefix_value,
            fuzzy,
            fresh: prefix.fresh,
        })
    }

    /// The code on the tree's (or matrix's) selected row.
    pub fn selected_code(&self, model: &Model) -> Option<usize> {
        let rows = model.rows.len();
        model.code_at(self.cursor.selected.min(rows.saturating_sub(1)))
    }

    /// The matrix's selected column, kept inside the cases there are.
    pub fn selected_column(&self, model: &Model) -> usize {
        self.column.min(model.themes.cases.len().saturating_sub(1))
    }
}
