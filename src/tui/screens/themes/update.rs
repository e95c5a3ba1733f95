//! The Themes screen's part of the update function: moving in the tree and
//! the matrix (rows and columns), switching between them, listing the
//! passages of a code or a cell, the passage search as it is typed,
//! opening a passage's interview at its question, and the codebook keys
//! (`codebook_edit.rs`).

use super::{PassageList, Source};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::input::{InputPurpose, TextInput};

impl App {
    pub(crate) fn update_themes(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::SearchPassages {
            self.start_passage_search();
            return Vec::new();
        }
        if self.screens.themes.passages.is_some() {
            return self.update_theme_passages(action);
        }
        match action {
            Action::ToggleMatrix => {
                let themes = &mut self.screens.themes;
                themes.matrix = !themes.matrix;
            }
            Action::ColumnLeft | Action::ColumnRight if self.screens.themes.matrix => self.move_column(action),
            Action::Open => self.list_selected(),
            Action::NewCode
            | Action::RenameCode
            | Action::MoveCode
            | Action::MergeCode
            | Action::DeleteCode
            | Action::AdoptCode
            | Action::RejectCode => {
                let model = self.screens.themes.model(&self.view()).value;
                let selected = model.and_then(|model| {
                    let code = self.screens.themes.selected_code(&model)?;
                    Some(model.themes.index.codes[code].id.clone())
                });
                return self.edit_codebook(action, selected);
            }
            movement => {
                let rows = self.screens.themes.row_count(&self.view());
                self.screens.themes.cursor.step(movement, rows);
            }
        }
        Vec::new()
    }

    /// Keys while passages are listed: move, open one, or go back.
    fn update_theme_passages(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Back => {
                let themes = &mut self.screens.themes;
                if themes.passages.as_ref().is_some_and(|l| l.source == Source::Search) {
                    themes.query.clear();
                }
                themes.passages = None;
            }
            Action::Open => return self.open_listed_passage(),
            Action::ToggleMatrix => {
                let themes = &mut self.screens.themes;
                themes.passages = None;
                themes.matrix = !themes.matrix;
            }
            movement => {
                let rows = self.screens.themes.listed(&self.view()).map_or(0, |l| l.len());
                if let Some(list) = self.screens.themes.passages.as_mut() {
                    list.cursor.step(movement, rows);
                }
            }
        }
        Vec::new()
    }

    fn move_column(&mut self, action: Action) {
        let Some(model) = self.screens.themes.model(&self.view()).value else {
            return;
        };
        let columns = model.themes.cases.len();
        let themes = &mut self.screens.themes;
        let current = themes.column.min(columns.saturating_sub(1));
        themes.column = match action {
            Action::ColumnLeft => current.saturating_sub(1),
            _ => (current + 1).min(columns.saturating_sub(1)),
        };
    }

    /// Enter on the tree (the code's passages, with its sub-codes) or the
    /// matrix (the cell's).
    fn list_selected(&mut self) {
        let Some(model) = self.screens.themes.model(&self.view()).value else {
            return;
        };
        let themes = &self.screens.themes;
        let Some(code) = themes.selected_code(&model) else {
            return;
        };
        let id = model.themes.index.codes[code].id.clone();
        let name = model.themes.index.codes[code].name.clone();
        let source = if themes.matrix {
            let column = themes.selected_column(&model);
            let Some(case) = model.themes.cases.get(column) else {
                return;
            };
            let count = model.themes.codes[code].by_case.get(&column).copied().unwrap_or(0);
            if count == 0 {
                self.message = Some(format!("{name} has no passages in {}", case.id));
                return;
            }
            Source::Cell(id, case.id.clone())
        } else {
            if model.themes.codes[code].figures.passages == 0 {
                self.message = Some(format!("{name} has no passages yet"));
                return;
            }
            Source::Code(id)
        };
        self.screens.themes.passages = Some(PassageList::new(source));
    }

    /// `/`: the search field; the list follows as it is typed.
    fn start_passage_search(&mut self) {
        let current = self.screens.themes.query.clone();
        self.input = Some(TextInput::new(
            InputPurpose::PassageSearch,
            " Search every coded passage ",
            "word starts first, then fuzzy (bomlo finds Bømlo); Enter keeps the list, Esc drops it",
            &current,
            false,
        ));
        // The list opens at once, so the search's index is built while
        // the first letter is typed.
        self.screens.themes.query = current;
        let themes = &mut self.screens.themes;
        if !themes.passages.as_ref().is_some_and(|l| l.source == Source::Search) {
            themes.passages = Some(PassageList::new(Source::Search));
        }
    }

    /// The passage search as typed so far: the list follows at once; an
    /// empty query (all deleted, or Esc) closes it.
    pub(crate) fn passage_search_typed(&mut self, text: String) {
        let themes = &mut self.screens.themes;
        let searching = !text.trim().is_empty();
        themes.query = text;
        if searching {
            match &mut themes.passages {
                Some(list) if list.source == Source::Search => list.cursor.to_top(),
                _ => themes.passages = Some(PassageList::new(Source::Search)),
            }
        } else if themes.passages.as_ref().is_some_and(|l| l.source == Source::Search) {
            themes.passages = None;
        }
    }

    /// Enter on a passage: its interview, at its question.
    /// An interview still open on the Interviews screen (left with Alt and
    /// a digit) is saved and closed first, so nothing typed there is lost.
    fn open_listed_passage(&mut self) -> Vec<Effect> {
        let view = self.view();
        let Some(listed) = self.screens.themes.listed(&view) else {
            return Vec::new();
        };
        let Some(list) = self.screens.themes.passages.as_ref() else {
            return Vec::new();
        };
        let selected = list.cursor.selected.min(listed.len().saturating_sub(1));
        let Some((p, _)) = listed.row(selected) else {
            return Vec::new();
        };
        let model = listed.model();
        let passage = model.themes.passages[p as usize];
        let (case, interview, question) = model.themes.place(&self.data, &passage);
        let (case, interview, question) = (case.clone(), interview.clone(), question.cloned());
        let at = (!passage.lost).then_some(passage.start);
        let effects = if self.screens.interview.is_open() {
            self.leave_interview()
        } else {
            Vec::new()
        };
        self.open_interview_at(&case, &interview, question.as_ref(), at);
        effects
    }
}
