//! The Coverage screen: any two strata as a matrix of selected cases
//! against the frame, the gaps or the suggestions beside it, and the
//! candidates with their fieldwork.

pub mod update;
pub mod view;

use super::View;
use crate::analysis::coverage::{by_stratum, gaps, matrix, values, MatrixCell, StratumCount};
use crate::analysis::progress::{progress, Progress};
use crate::analysis::suggest::{next_case, reserves_for_selected};
use crate::domain::Stratum;
use crate::tui::app::Cursor;
use crate::tui::cache::Cached;
use std::rc::Rc;

#[derive(Debug)]
pub struct CoverageScreen {
    pub rows: Stratum,
    pub columns: Stratum,
    /// The side panel shows suggestions (else the gaps).
    pub suggestions: bool,
    pub cursor: Cursor,
    matrix: Cached<(u64, Stratum, Stratum), Matrix>,
    side: Cached<(u64, bool), SidePanel>,
    progress: Cached<u64, (Vec<Progress>, Progress)>,
}

impl Default for CoverageScreen {
    fn default() -> Self {
        CoverageScreen {
            rows: Stratum::SizeBand,
            columns: Stratum::Region,
            suggestions: false,
            cursor: Cursor::default(),
            matrix: Cached::default(),
            side: Cached::default(),
            progress: Cached::default(),
        }
    }
}

/// The matrix as computed for two strata.
#[derive(Debug)]
pub struct Matrix {
    pub row_values: Vec<String>,
    pub column_values: Vec<String>,
    pub cells: Vec<MatrixCell>,
    pub totals: Vec<StratumCount>,
    /// Shortlisted (all candidates), selected and reserve in the whole study.
    pub candidates: (usize, usize, usize),
}

/// The gaps, or the suggestions, in words.
#[derive(Debug)]
pub struct SidePanel {
    pub title: &'static str,
    /// The first line is the suggestion itself (shown in bold).
    pub lead: Option<String>,
    pub lines: Vec<String>,
}

impl CoverageScreen {
    pub fn matrix(&self, view: &View) -> Rc<Matrix> {
        self.matrix.get((view.revision, self.rows, self.columns), || {
            let data = view.data;
            let all = by_stratum(data, Stratum::Region);
            Matrix {
                row_values: values(data, self.rows),
                column_values: values(data, self.columns),
                cells: matrix(data, self.rows, self.columns),
                totals: by_stratum(data, self.rows),
                candidates: all.iter().fold((0, 0, 0), |(c, s, r), t| {
                    (c + t.shortlisted, s + t.selected, r + t.reserve)
                }),
            }
        })
    }

    pub fn side(&self, view: &View) -> Rc<SidePanel> {
        self.side.get((view.revision, self.suggestions), || {
            let data = view.data;
            if self.suggestions {
                SidePanel {
                    title: " Suggestions (s shows gaps) ",
                    lead: Some(
                        next_case(data)
                            .map(|n| n.explanation)
                            .unwrap_or_else(|| "Nothing left to suggest.".to_string()),
                    ),
                    lines: reserves_for_selected(data).into_iter().map(|r| r.explanation).collect(),
                }
            } else {
                SidePanel {
                    title: " Gaps (s suggests) ",
                    lead: None,
                    lines: gaps(data),
                }
            }
        })
    }

    /// The candidates (selected, reserve, shortlisted) with their fieldwork, and the totals.
    pub fn progress(&self, view: &View) -> Rc<(Vec<Progress>, Progress)> {
        self.progress.get(view.revision, || progress(view.data))
    }
}
