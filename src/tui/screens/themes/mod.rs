//! The Themes screen: the codebook as a tree, with how many passages and
//! cases each code has (with its sub-codes) across every coder's codings.

pub mod codebook_edit;
pub mod update;
pub mod view;

use super::View;
use crate::domain::{Code, CodeId, StudyData};
use crate::tui::app::Cursor;
use crate::tui::cache::Cached;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A code as the tree shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeRow {
    pub depth: usize,
    pub id: CodeId,
    pub name: String,
    pub description: String,
    /// Passages coded with it or a sub-code, and the cases they are from.
    pub passages: usize,
    pub cases: usize,
}

#[derive(Debug, Default)]
pub struct ThemesScreen {
    pub cursor: Cursor,
    rows: Cached<u64, Vec<ThemeRow>>,
}

impl ThemesScreen {
    pub fn rows(&self, view: &View) -> Arc<Vec<ThemeRow>> {
        self.rows.get(view.revision, || theme_rows(view.data))
    }
}

/// Every code with its counts, in one pass over the codings.
fn theme_rows(data: &StudyData) -> Vec<ThemeRow> {
    // Each code with the codes it rolls up into (itself and its ancestors).
    let mut up: BTreeMap<&CodeId, Vec<&CodeId>> = BTreeMap::new();
    fn walk<'a>(code: &'a Code, above: &mut Vec<&'a CodeId>, up: &mut BTreeMap<&'a CodeId, Vec<&'a CodeId>>) {
        above.push(&code.id);
        up.insert(&code.id, above.clone());
        for child in &code.children {
            walk(child, above, up);
        }
        above.pop();
    }
    for code in &data.codebook.codes {
        walk(code, &mut Vec::new(), &mut up);
    }
    let mut passages: BTreeMap<&CodeId, usize> = BTreeMap::new();
    let mut cases: BTreeMap<&CodeId, BTreeSet<&str>> = BTreeMap::new();
    for interview in data.interviews() {
        for codings in interview.codings.values() {
            for coding in &codings.codings {
                let counted: BTreeSet<&CodeId> = coding
                    .codes
                    .iter()
                    .filter_map(|c| up.get(c))
                    .flatten()
                    .copied()
                    .collect();
                for code in counted {
                    *passages.entry(code).or_default() += 1;
                    cases.entry(code).or_default().insert(interview.interview.case.as_str());
                }
            }
        }
    }
    data.codebook
        .flatten()
        .into_iter()
        .map(|(depth, code)| ThemeRow {
            depth,
            id: code.id.clone(),
            name: code.name.clone(),
            description: code.description.clone(),
            passages: passages.get(&code.id).copied().unwrap_or(0),
            cases: cases.get(&code.id).map_or(0, BTreeSet::len),
        })
        .collect()
}
