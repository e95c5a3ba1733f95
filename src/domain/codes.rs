//! The codebook as the study uses it: the lead's `codebook.ron` with each
//! coder's own new codes hung in, and merges applied. Codings name code ids
//! as they were given; this index says where each one counts, so a merge
//! takes effect at load without rewriting anyone's codings file.

use super::{CodeId, ResearcherId, StudyData};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct IndexedCode {
    pub id: CodeId,
    pub name: String,
    pub description: String,
    pub colour: Option<String>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// A coder's own code the lead has not adopted yet (`None`: the lead's).
    pub proposed_by: Option<ResearcherId>,
    /// The code it was merged into, as written.
    pub merged_into: Option<CodeId>,
    /// An own code the lead rejected.
    pub rejected: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodeIndex {
    pub codes: Vec<IndexedCode>,
    /// Top-level themes (and own codes without a parent), in codebook order.
    pub roots: Vec<usize>,
    by_id: HashMap<CodeId, usize>,
}

impl CodeIndex {
    pub fn new(data: &StudyData) -> Self {
        let mut index = CodeIndex::default();
        let mut parents: Vec<Option<CodeId>> = Vec::new();
        for (_, code) in data.codebook.flatten() {
            let parent = data.codebook.parent_of(&code.id).map(|p| p.id.clone());
            index.push(
                IndexedCode {
                    id: code.id.clone(),
                    name: code.name.clone(),
                    description: code.description.clone(),
                    colour: code.colour.clone(),
                    parent: None,
                    children: Vec::new(),
                    proposed_by: None,
                    merged_into: code.merged_into.clone(),
                    rejected: false,
                },
                parent,
                &mut parents,
            );
        }
        for (coder, own) in &data.own_codes {
            for code in &own.codes {
                if index.by_id.contains_key(&code.id) {
                    continue; // adopted by the lead, or a clash `check` reports
                }
                index.push(
                    IndexedCode {
                        id: code.id.clone(),
                        name: code.name.clone(),
                        description: code.description.clone(),
                        colour: code.colour.clone(),
                        parent: None,
                        children: Vec::new(),
                        proposed_by: Some(coder.clone()),
                        merged_into: None,
                        rejected: data.codebook.rejected.contains(&code.id),
                    },
                    code.parent.clone(),
                    &mut parents,
                );
            }
        }
        for (i, parent) in parents.iter().enumerate() {
            let parent = parent.as_ref().and_then(|p| index.by_id.get(p).copied());
            // A parent that would make a circle (own codes naming each other) is dropped.
            let circular = parent.is_some_and(|p| index.ancestors_of_parent(p).any(|a| a == i));
            match parent.filter(|_| !circular) {
                Some(p) => {
                    index.codes[i].parent = Some(p);
                    index.codes[p].children.push(i);
                }
                None => index.roots.push(i),
            }
        }
        index
    }

    fn push(&mut self, code: IndexedCode, parent: Option<CodeId>, parents: &mut Vec<Option<CodeId>>) {
        self.by_id.entry(code.id.clone()).or_insert(self.codes.len());
        self.codes.push(code);
        parents.push(parent);
    }

    fn ancestors_of_parent(&self, start: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = Some(start);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let here = next?;
            steps += 1;
            next = self.codes[here].parent.filter(|_| steps <= self.codes.len());
            Some(here)
        })
    }

    pub fn get(&self, id: &CodeId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Where codings given `id` count: the code itself, or the end of its
    /// chain of merges. `None` for an unknown or rejected code, or a circle.
    pub fn effective(&self, id: &CodeId) -> Option<usize> {
        let mut here = self.get(id)?;
        for _ in 0..=self.codes.len() {
            let code = &self.codes[here];
            if code.rejected {
                return None;
            }
            match &code.merged_into {
                None => return Some(here),
                Some(target) => here = self.get(target)?,
            }
        }
        None
    }

    pub fn effective_id(&self, id: &CodeId) -> Option<&CodeId> {
        self.effective(id).map(|i| &self.codes[i].id)
    }

    /// A code shown in the tree and offered to coders: not merged away, not rejected.
    pub fn is_live(&self, i: usize) -> bool {
        let code = &self.codes[i];
        code.merged_into.is_none() && !code.rejected
    }

    /// The code and the codes it is nested in, innermost first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.ancestors_of_parent(i)
    }

    /// Names from the top-level theme down to the code.
    pub fn path(&self, i: usize) -> Vec<&str> {
        let mut names: Vec<&str> = self.ancestors(i).map(|a| self.codes[a].name.as_str()).collect();
        names.reverse();
        names
    }

    /// The top-level theme a code belongs to.
    pub fn root_of(&self, i: usize) -> usize {
        self.ancestors(i).last().unwrap_or(i)
    }

    /// Live codes depth first, each with its depth: the tree as shown.
    pub fn tree(&self) -> Vec<(usize, usize)> {
        fn walk(index: &CodeIndex, i: usize, depth: usize, out: &mut Vec<(usize, usize)>) {
            if !index.is_live(i) {
                return;
            }
            out.push((i, depth));
            for &child in &index.codes[i].children {
                walk(index, child, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for &root in &self.roots {
            walk(self, root, 0, &mut out);
        }
        out
    }
}
