//! Merging a codebook read from another program into casebook's: codes
//! already there (the same name, ignoring case and surrounding spaces, under
//! the same parent) are kept as they are, and only their new children are
//! added; new codes get ids made from their names under their parent's id,
//! never one already taken. Existing codes never change, so importing
//! casebook's own export gives back the codebook unchanged.

use super::reader::{RefiCode, RefiCodebook};
use crate::domain::fold::slug;
use crate::domain::{Code, CodeId, Codebook};
use std::collections::HashSet;

/// A code the merge adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: CodeId,
    /// Its name and its parents', from the top.
    pub path: Vec<String>,
    /// Was a folder (`isCodable="false"`) in the other program.
    pub folder: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub codebook: Codebook,
    pub added: Vec<Added>,
    /// Codes of the file that the codebook had already.
    pub kept: usize,
}

pub fn merge(existing: &Codebook, imported: &RefiCodebook) -> Merged {
    let mut merged = Merged {
        codebook: existing.clone(),
        added: Vec::new(),
        kept: 0,
    };
    let mut taken: HashSet<String> = existing
        .flatten()
        .into_iter()
        .map(|(_, c)| c.id.as_str().to_lowercase())
        .collect();
    let mut codes = std::mem::take(&mut merged.codebook.codes);
    merge_into(&mut codes, None, &[], &imported.codes, &mut taken, &mut merged);
    merged.codebook.codes = codes;
    merged
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn merge_into(
    siblings: &mut Vec<Code>,
    parent: Option<&CodeId>,
    path: &[String],
    imported: &[RefiCode],
    taken: &mut HashSet<String>,
    merged: &mut Merged,
) {
    for code in imported {
        let index = match siblings.iter().position(|c| same_name(&c.name, &code.name)) {
            Some(index) => {
                merged.kept += 1;
                index
            }
            None => {
                let id = new_id(parent, &code.name, taken);
                merged.added.push(Added {
                    id: id.clone(),
                    path: path.iter().cloned().chain([code.name.clone()]).collect(),
                    folder: !code.codable,
                });
                siblings.push(Code {
                    id,
                    name: code.name.clone(),
                    description: code.description.clone(),
                    colour: code.colour.clone(),
                    children: Vec::new(),
                    merged_into: None,
                });
                siblings.len() - 1
            }
        };
        let here = &mut siblings[index];
        let id = here.id.clone();
        let path: Vec<String> = path.iter().cloned().chain([here.name.clone()]).collect();
        merge_into(&mut here.children, Some(&id), &path, &code.children, taken, merged);
    }
}

/// An id from the name under the parent's (`applying.first-time`), with
/// `-2`, `-3` … when taken; ids that differ only by case count as taken.
fn new_id(parent: Option<&CodeId>, name: &str, taken: &mut HashSet<String>) -> CodeId {
    let mut base = slug(name);
    if base.is_empty() {
        base = "code".to_string();
    }
    let base = match parent {
        Some(parent) => format!("{parent}.{base}"),
        None => base,
    };
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id.to_lowercase()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.to_lowercase());
    CodeId::new(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refi(name: &str, children: Vec<RefiCode>) -> RefiCode {
        RefiCode {
            name: name.into(),
            description: format!("about {name}"),
            colour: None,
            codable: true,
            children,
        }
    }

    fn code(id: &str, name: &str, children: Vec<Code>) -> Code {
        Code {
            id: CodeId::new(id),
            name: name.into(),
            description: "ours".into(),
            colour: Some("#000000".into()),
            children,
            merged_into: None,
        }
    }

    #[test]
    fn present_codes_are_kept_and_new_ones_go_under_their_parents() {
        let existing = Codebook::new(vec![code(
            "results",
            "Results",
            vec![code("results.local", "Local change", vec![])],
        )]);
        let imported = RefiCodebook {
            codes: vec![
                refi(" results ", vec![refi("Local change", vec![]), refi("Spread", vec![])]),
                refi("Økonomi", vec![refi("Spread", vec![])]),
            ],
            ..Default::default()
        };
        let merged = merge(&existing, &imported);
        assert_eq!(merged.kept, 2);
        let ids: Vec<&str> = merged.added.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["results.spread", "okonomi", "okonomi.spread"]);
        let results = &merged.codebook.codes[0];
        assert_eq!(results.description, "ours", "a kept code is not changed");
        assert_eq!(results.children.len(), 2);
        assert_eq!(merged.codebook.codes[1].children[0].name, "Spread");
    }

    #[test]
    fn same_named_siblings_in_the_file_become_one_code_and_ids_never_collide() {
        let existing = Codebook::new(vec![code("a", "Other", vec![])]);
        let imported = RefiCodebook {
            codes: vec![
                refi("A", vec![]),
                refi("a", vec![refi("x", vec![])]),
                refi("访谈", vec![]),
            ],
            ..Default::default()
        };
        let merged = merge(&existing, &imported);
        let ids: Vec<&str> = merged.added.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a-2", "a-2.x", "code"]);
        assert_eq!(merged.kept, 1);
    }
}
