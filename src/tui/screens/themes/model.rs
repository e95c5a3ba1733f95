//! What the Themes screen shows, computed once per change of the study (and
//! of who is looking) on the compute thread: the aggregation the command
//! line prints (`Themes::compute`, so the screen and `casebook themes
//! --json` agree), the codebook as the tree's rows, and the strata values in
//! the study's own order for the charts.

use super::search::PassageIndex;
use crate::analysis::themes::{Spread, ThemeOptions, Themes};
use crate::domain::{ResearcherId, StudyData};
use std::sync::OnceLock;

/// What the model is computed for: the study's revision and the viewer
/// (under blind coding, others' codings may be hidden from me).
pub type ModelKey = (u64, Option<ResearcherId>);

/// How a row of the tree is marked besides its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// The lead's code, in use.
    Live,
    /// A coder's own code the lead has not adopted yet.
    Proposed(ResearcherId),
    /// Merged into another code (by name): its codings count there.
    Merged(String),
    /// An own code the lead rejected: its codings count nowhere.
    Rejected,
}

/// One row of the tree (and of the matrix): a code and how deep it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub code: usize,
    pub depth: usize,
    pub mark: Mark,
}

#[derive(Debug)]
pub struct Model {
    pub themes: Themes,
    /// Every code depth first, merged and rejected ones too (marked), so
    /// the lead sees what became of them.
    pub rows: Vec<TreeRow>,
    /// The most passages in one cell of the matrix, for its shading.
    pub max_cell: usize,
    /// Each stratum's values in the study's order, then any others the
    /// cases have, for the charts (a value with no case shows as 0).
    pub strata: [Vec<String>; 3],
    /// Every coded span folded for the passage search, built by the first
    /// search on this model (on the compute thread), not before.
    search_index: OnceLock<PassageIndex>,
}

impl Model {
    pub fn compute(data: &StudyData, viewer: Option<&ResearcherId>) -> Model {
        let themes = Themes::compute(data, ThemeOptions { viewer, coder: None });
        let rows = tree_rows(&themes);
        let max_cell = themes
            .codes
            .iter()
            .flat_map(|c| c.by_case.values())
            .copied()
            .max()
            .unwrap_or(0);
        let strata = Spread::ALL.map(|by| stratum_values(data, &themes, by));
        Model {
            themes,
            rows,
            max_cell,
            strata,
            search_index: OnceLock::new(),
        }
    }

    /// The passage search's index, built on first use.
    pub fn search_index(&self, data: &StudyData) -> &PassageIndex {
        self.search_index
            .get_or_init(|| PassageIndex::build(data, &self.themes))
    }

    /// The index if a search has built it.
    pub fn built_search_index(&self) -> Option<&PassageIndex> {
        self.search_index.get()
    }

    /// The code on row `row` of the tree.
    pub fn code_at(&self, row: usize) -> Option<usize> {
        self.rows.get(row).map(|r| r.code)
    }

    /// A code's cases per value of one stratum, in the study's order.
    pub fn spread(&self, code: usize, by: Spread) -> Vec<(String, usize)> {
        let counts = self.themes.spread(code, by);
        let k = Spread::ALL.iter().position(|s| *s == by).unwrap_or(0);
        self.strata[k]
            .iter()
            .map(|value| (value.clone(), counts.get(value).copied().unwrap_or(0)))
            .collect()
    }

    /// Whether anything was coded that this viewer may see.
    pub fn has_passages(&self) -> bool {
        !self.themes.passages.is_empty()
    }
}

fn tree_rows(themes: &Themes) -> Vec<TreeRow> {
    let index = &themes.index;
    let mark = |i: usize| {
        let code = &index.codes[i];
        if code.rejected {
            Mark::Rejected
        } else if let Some(target) = &code.merged_into {
            let name = index
                .get(target)
                .map_or_else(|| target.to_string(), |t| index.codes[t].name.clone());
            Mark::Merged(name)
        } else if let Some(coder) = &code.proposed_by {
            Mark::Proposed(coder.clone())
        } else {
            Mark::Live
        }
    };
    let mut rows = Vec::with_capacity(index.codes.len());
    // A walk with an explicit stack: the depth of a codebook is the user's.
    let mut stack: Vec<(usize, usize)> = index.roots.iter().rev().map(|&r| (r, 0)).collect();
    let mut seen = vec![false; index.codes.len()];
    while let Some((code, depth)) = stack.pop() {
        if std::mem::replace(&mut seen[code], true) {
            continue;
        }
        rows.push(TreeRow {
            code,
            depth,
            mark: mark(code),
        });
        stack.extend(index.codes[code].children.iter().rev().map(|&c| (c, depth + 1)));
    }
    rows
}

fn stratum_values(data: &StudyData, themes: &Themes, by: Spread) -> Vec<String> {
    let strata = &data.study.strata;
    let mut values: Vec<String> = match by {
        Spread::SizeBand => strata.size_bands.iter().map(|b| b.label.clone()).collect(),
        Spread::Region => strata.regions.clone(),
        Spread::FocusArea => strata.focus_areas.iter().map(|f| f.id.to_string()).collect(),
    };
    for case in &themes.cases {
        let value = match by {
            Spread::SizeBand => &case.size_band,
            Spread::Region => &case.region,
            Spread::FocusArea => &case.focus_area,
        };
        if let Some(value) = value {
            if !values.contains(value) {
                values.push(value.clone());
            }
        }
    }
    values
}
