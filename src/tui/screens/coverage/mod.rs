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
use crate::tui::background::{Ask, Background};
use std::sync::Arc;

#[derive(Debug)]
pub struct CoverageScreen {
    pub rows: Stratum,
    pub columns: Stratum,
    /// The side panel shows suggestions (else the gaps).
    pub suggestions: bool,
    pub cursor: Cursor,
    // Each is a pass over every case (15 ms together on 16,000 cases): on
    // the compute thread after a change, the last ones shown meanwhile.
    matrix: Background<(u64, Stratum, Stratum), Matrix>,
    side: Background<(u64, bool), SidePanel>,
    progress: Background<u64, (Vec<Progress>, Progress)>,
}

impl Default for CoverageScreen {
    fn default() -> Self {
        CoverageScreen {
            rows: Stratum::SizeBand,
            columns: Stratum::Region,
            suggestions: false,
            cursor: Cursor::default(),
            matrix: Background::default(),
            side: Background::default(),
            progress: Background::default(),
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
    /// The case suggested, and why in short (Enter moves it to selected).
    pub suggested: Option<(crate::domain::CaseId, String)>,
    pub lines: Vec<String>,
}

impl CoverageScreen {
    pub fn matrix(&self, view: &View) -> Arc<Matrix> {
        let (rows, columns) = (self.rows, self.columns);
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "coverage.matrix",
            locate: |screens| &screens.coverage.matrix,
        };
        let key = (view.revision, rows, columns);
        let (matrix, _) = self.matrix.current(view.jobs, ask, key, move || {
            let data = &*data;
            let all = by_stratum(data, Stratum::Region);
            Matrix {
                row_values: values(data, rows),
                column_values: values(data, columns),
                cells: matrix(data, rows, columns),
                totals: by_stratum(data, rows),
                candidates: all.iter().fold((0, 0, 0), |(c, s, r), t| {
                    (c + t.shortlisted, s + t.selected, r + t.reserve)
                }),
            }
        });
        matrix
    }

    pub fn side(&self, view: &View) -> Arc<SidePanel> {
        let suggestions = self.suggestions;
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "coverage.side",
            locate: |screens| &screens.coverage.side,
        };
        let (side, _) = self
            .side
            .current(view.jobs, ask, (view.revision, suggestions), move || {
                let data = &*data;
                if suggestions {
                    let next = next_case(data);
                    SidePanel {
                        title: " Suggestions (Enter selects, s gaps) ",
                        suggested: next.as_ref().map(|n| {
                            let why = if n.closes.is_empty() {
                                format!("suggested: adds {}", n.adds.join(", "))
                            } else {
                                format!("suggested: closes {}", n.closes.join("; "))
                            };
                            (n.case.clone(), why)
                        }),
                        lead: Some(
                            next.map(|n| n.explanation)
                                .unwrap_or_else(|| "Nothing left to suggest.".to_string()),
                        ),
                        lines: reserves_for_selected(data).into_iter().map(|r| r.explanation).collect(),
                    }
                } else {
                    SidePanel {
                        title: " Gaps (s suggests) ",
                        lead: None,
                        suggested: None,
                        lines: gaps(data),
                    }
                }
            });
        side
    }

    /// The candidates (selected, reserve, shortlisted) with their fieldwork, and the totals.
    pub fn progress(&self, view: &View) -> Arc<(Vec<Progress>, Progress)> {
        let data = Arc::clone(view.shared);
        let ask = Ask {
            slot: "coverage.progress",
            locate: |screens| &screens.coverage.progress,
        };
        self.progress
            .current(view.jobs, ask, view.revision, move || progress(&data))
            .0
    }
}
