//! Editing the codebook on the Themes screen, with the same operations as
//! `casebook code …` (`ops::codebook`): a new code (under the selected one),
//! rename, move under another code, merge into another, delete (refused
//! while in use), and the lead's answer to a coder's own code: adopt it
//! (under a code of the lead's choice) or reject it. Ids never change; who
//! may do what is the operations' to say.

use crate::domain::codes::CodeIndex;
use crate::domain::*;
use crate::ops::codebook::{self, NewCode};
use crate::tui::action::Action;
use crate::tui::app::{App, Choice, Effect, Pending, Popup};
use crate::tui::input::{InputPurpose, TextInput};
use crate::tui::widgets::picker::Picker;

/// What a chosen code does for the code being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeEdit {
    /// Move it under the chosen code (or to the top level).
    Move(CodeId),
    /// Merge it into the chosen code.
    Merge(CodeId),
    /// Adopt a coder's own code under the chosen code (or at the top).
    Adopt(CodeId),
}

impl App {
    /// A codebook key on the Themes screen, for the code selected there.
    pub fn edit_codebook(&mut self, action: Action, selected: Option<CodeId>) -> Vec<Effect> {
        let index = CodeIndex::new(&self.data);
        let code = selected.as_ref().and_then(|id| index.get(id).map(|i| (id.clone(), i)));
        if action == Action::NewCode {
            let under = code
                .as_ref()
                .filter(|(_, i)| index.codes[*i].proposed_by.is_none())
                .map(|(id, _)| id.clone());
            let title = match &under {
                Some(parent) => format!(" New code under {} ", name_of(&index, parent)),
                None => " New top-level code ".to_string(),
            };
            self.input = Some(TextInput::new(
                InputPurpose::NewCodeName { parent: under },
                title,
                "its name; Enter, then when to use it. The lead's go in the codebook, anyone else's in their own codes",
                "",
                false,
            ));
            return Vec::new();
        }
        let Some((id, i)) = code else {
            self.message = Some("select a code first".to_string());
            return Vec::new();
        };
        let own = index.codes[i].proposed_by.clone();
        match action {
            Action::RenameCode => {
                self.input = Some(TextInput::new(
                    InputPurpose::RenameCode(id.clone()),
                    format!(" Rename {id} "),
                    "a new name; the id stays, and no codings file changes",
                    &index.codes[i].name,
                    false,
                ));
            }
            Action::MoveCode => {
                let mut items = vec![("(top level)".to_string(), None)];
                items.extend(
                    targets(&index, i, true)
                        .into_iter()
                        .map(|(label, id)| (label, Some(id))),
                );
                let title = format!(" Move {} under… ", index.codes[i].name);
                self.popup = Some(Popup::Choose(Choice::CodeTarget(
                    CodeEdit::Move(id),
                    Picker::new(title, items),
                )));
            }
            Action::MergeCode => {
                let items = targets(&index, i, false)
                    .into_iter()
                    .map(|(label, id)| (label, Some(id)))
                    .collect();
                let title = format!(" Merge {} into… (its codings count there) ", index.codes[i].name);
                self.popup = Some(Popup::Choose(Choice::CodeTarget(
                    CodeEdit::Merge(id),
                    Picker::new(title, items),
                )));
            }
            Action::DeleteCode => {
                let used = codebook::codings_of(&self.data, &index, i);
                if used > 0 {
                    self.refuse(format!(
                        "{id} is in use by {used} coding(s): merge it into another code instead"
                    ));
                    return Vec::new();
                }
                self.popup = Some(Popup::Confirm {
                    question: format!(
                        "Delete code {id} ({})? No coding uses it. y deletes, n keeps it",
                        index.codes[i].name
                    ),
                    on_yes: Pending::DeleteCode(id),
                });
            }
            Action::AdoptCode => {
                let Some(coder) = own else {
                    self.message = Some(format!(
                        "{id} is in the codebook already; adopting is for coders' own codes"
                    ));
                    return Vec::new();
                };
                let mut items = vec![("(top level)".to_string(), None)];
                items.extend(
                    targets(&index, i, true)
                        .into_iter()
                        .filter(|(_, target)| index.get(target).is_some_and(|t| index.codes[t].proposed_by.is_none()))
                        .map(|(label, id)| (label, Some(id))),
                );
                let title = format!(" Adopt {coder}'s {} under… ", index.codes[i].name);
                self.popup = Some(Popup::Choose(Choice::CodeTarget(
                    CodeEdit::Adopt(id),
                    Picker::new(title, items),
                )));
            }
            Action::RejectCode => {
                if own.is_none() {
                    self.message = Some(format!(
                        "{id} is in the codebook; merge or delete it instead (reject is for coders' own codes)"
                    ));
                    return Vec::new();
                }
                return self.apply(|ctx, data| codebook::reject(ctx, data, &id));
            }
            _ => {}
        }
        Vec::new()
    }

    /// A code chosen in a codebook picker.
    pub(crate) fn picked_code_target(&mut self, edit: CodeEdit, target: Option<CodeId>) -> Vec<Effect> {
        match edit {
            CodeEdit::Move(id) => self.apply(|ctx, data| codebook::move_code(ctx, data, &id, target.as_ref())),
            CodeEdit::Merge(id) => match target {
                Some(into) => self.apply(|ctx, data| codebook::merge(ctx, data, &id, &into)),
                None => Vec::new(),
            },
            CodeEdit::Adopt(id) => self.apply(|ctx, data| codebook::adopt(ctx, data, &id, target.as_ref())),
        }
    }

    /// The new code's name is typed: ask when to use it.
    pub(crate) fn confirm_new_code_name(&mut self, parent: Option<CodeId>, name: String) {
        let name = name.trim().to_string();
        if name.is_empty() {
            self.message = Some("a code needs a name; nothing added".to_string());
            return;
        }
        self.input = Some(TextInput::new(
            InputPurpose::NewCodeDescription {
                parent,
                name: name.clone(),
            },
            format!(" When to use “{name}”? "),
            "a sentence for the coders (may be left empty); Enter adds the code",
            "",
            false,
        ));
    }

    /// Adds the new code, its id made from its name.
    pub(crate) fn confirm_new_code(
        &mut self,
        parent: Option<CodeId>,
        name: String,
        description: String,
    ) -> Vec<Effect> {
        let id = codebook::id_for(&self.data, &name, parent.as_ref());
        let new = NewCode {
            id,
            name,
            description,
            colour: None,
            parent: parent.map(|p| p.to_string()),
        };
        self.apply(|ctx, data| codebook::add(ctx, data, new))
    }

    pub(crate) fn confirm_rename_code(&mut self, id: CodeId, name: String) -> Vec<Effect> {
        self.apply(|ctx, data| codebook::rename(ctx, data, &id, &name))
    }

    pub(crate) fn delete_code(&mut self, id: CodeId) -> Vec<Effect> {
        self.apply(|ctx, data| codebook::delete(ctx, data, &id))
    }
}

fn name_of(index: &CodeIndex, id: &CodeId) -> String {
    index
        .get(id)
        .map_or_else(|| id.to_string(), |i| index.codes[i].name.clone())
}

/// Codes `i` may go under or into, as "path" labels in tree order: live
/// codes, not `i` itself, and (for a move) none of its own sub-codes.
fn targets(index: &CodeIndex, i: usize, exclude_below: bool) -> Vec<(String, CodeId)> {
    index
        .tree()
        .into_iter()
        .map(|(t, _)| t)
        .filter(|&t| t != i && !(exclude_below && index.ancestors(t).any(|a| a == i)))
        .map(|t| (index.path(t).join(" › "), index.codes[t].id.clone()))
        .collect()
}
