//! The Recruitment screen: the snowball tree (seeds at the top, each
//! referral under its referrer, waves, status glyphs, size band and region
//! badges, dead ends marked) or the informants by case; counts by status and
//! wave; the selected informant's history, consent and interviews; recording
//! a new status and adding a referral.

pub mod update;
pub mod view;

use super::View;
use crate::analysis::recruitment::{recruitment, Recruitment};
use crate::analysis::waves::{tree, waves, TreeNode};
use crate::domain::InformantId;
use crate::tui::app::{App, Cursor};
use crate::tui::cache::Cached;
use std::sync::Arc;

/// One line of the list: an informant, indented by its depth in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecruitRow {
    pub depth: usize,
    pub informant: InformantId,
    pub wave: Option<u32>,
}

#[derive(Debug)]
pub struct RecruitmentScreen {
    /// The snowball tree (else informants by case).
    pub tree: bool,
    pub cursor: Cursor,
    rows: Cached<(u64, bool), Vec<RecruitRow>>,
    summary: Cached<u64, Recruitment>,
}

impl Default for RecruitmentScreen {
    fn default() -> Self {
        RecruitmentScreen {
            tree: true,
            cursor: Cursor::default(),
            rows: Cached::default(),
            summary: Cached::default(),
        }
    }
}

impl RecruitmentScreen {
    pub fn rows(&self, view: &View) -> Arc<Vec<RecruitRow>> {
        self.rows.get((view.revision, self.tree), || {
            let data = view.data;
            if self.tree {
                fn walk(nodes: &[TreeNode], depth: usize, out: &mut Vec<RecruitRow>) {
                    for node in nodes {
                        out.push(RecruitRow {
                            depth,
                            informant: node.id.clone(),
                            wave: node.wave,
                        });
                        walk(&node.children, depth + 1, out);
                    }
                }
                let mut out = Vec::new();
                walk(&tree(data), 0, &mut out);
                out
            } else {
                let waves = waves(data);
                data.informants()
                    .map(|i| RecruitRow {
                        depth: 0,
                        informant: i.id.clone(),
                        wave: waves.wave.get(&i.id).copied(),
                    })
                    .collect()
            }
        })
    }

    pub fn summary(&self, view: &View) -> Arc<Recruitment> {
        self.summary.get(view.revision, || recruitment(view.data))
    }
}

/// The informants as the list shows them (for tests and scripts).
pub fn rows(app: &App) -> Vec<RecruitRow> {
    app.screens.recruitment.rows(&app.view()).to_vec()
}
