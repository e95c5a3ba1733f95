//! Editing the codebook. `guides/codebook.ron` is the lead's: adding,
//! renaming, moving, merging and deleting codes, and adopting or rejecting a
//! coder's own new codes. Anyone else who adds a code adds it to their own
//! `guides/codebook.<me>.ron`, usable at once. Code ids never change and no
//! codings file is ever rewritten: a merge is recorded as `merged_into` and
//! takes effect when the study loads (`domain::codes`).

use super::files::{self, Writer};
use super::{Change, Ctx, OpError};
use crate::domain::codes::CodeIndex;
use crate::domain::*;

/// What a new code is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewCode {
    pub id: String,
    pub name: String,
    pub description: String,
    pub colour: Option<String>,
    pub parent: Option<String>,
}

/// How many codings (passages of any coder) count under a code for which
/// `counts` says yes, following merges.
pub fn codings_where(data: &StudyData, index: &CodeIndex, counts: impl Fn(usize) -> bool) -> usize {
    data.interviews()
        .flat_map(|i| i.codings.values())
        .flat_map(|c| c.codings.iter())
        .filter(|coding| coding.codes.iter().any(|c| index.effective(c).is_some_and(&counts)))
        .count()
}

/// Codings that count under `code` itself (including codes merged into it).
pub fn codings_of(data: &StudyData, index: &CodeIndex, code: usize) -> usize {
    codings_where(data, index, |c| c == code)
}

fn codings_line(n: usize) -> String {
    match n {
        1 => "1 coding".to_string(),
        n => format!("{n} codings"),
    }
}

fn is_lead(ctx: &Ctx, data: &StudyData) -> bool {
    data.study.lead.is_none() || data.study.lead.as_ref() == ctx.me
}

fn lead_writes(ctx: &Ctx, data: &StudyData) -> Result<(), OpError> {
    files::may_write(ctx, &ctx.layout.codebook_file(), Writer::Lead(data.study.lead.as_ref()))
}

fn write_codebook(ctx: &Ctx, data: &StudyData) -> Result<Change, OpError> {
    let write = files::write(
        ctx,
        ctx.layout.codebook_file(),
        &data.codebook,
        Writer::Lead(data.study.lead.as_ref()),
    )?;
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    })
}

fn unknown(id: &str) -> OpError {
    OpError::refused(format!("the codebook has no code `{id}`"))
}

fn check_colour(colour: &Option<String>) -> Result<(), OpError> {
    match colour {
        Some(c) if !(c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit())) => {
            Err(OpError::refused(format!("colour `{c}`: write it as #rrggbb")))
        }
        _ => Ok(()),
    }
}

/// A new code's id, made from its name: folded to a file-safe word, under
/// a parent prefixed with the parent's id (`results.schools`), and with
/// `-2`, `-3`… when taken (ids never repeat, even merged or rejected ones).
pub fn id_for(data: &StudyData, name: &str, parent: Option<&CodeId>) -> String {
    let index = CodeIndex::new(data);
    let word = match crate::domain::fold::slug(name) {
        s if s.is_empty() => "code".to_string(),
        s => s,
    };
    let base = match parent {
        Some(p) => format!("{p}.{word}"),
        None => word,
    };
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|id| index.get(&CodeId::new(id.as_str())).is_none())
        .unwrap_or(base)
}

/// Adds a code: to `codebook.ron` for the lead, to the coder's own
/// `codebook.<me>.ron` for anyone else.
pub fn add(ctx: &Ctx, data: &mut StudyData, new: NewCode) -> Result<Change, OpError> {
    let id = new.id.trim();
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(OpError::refused(format!(
            "code id `{id}`: one word without spaces, e.g. `results.schools`"
        )));
    }
    if new.name.trim().is_empty() {
        return Err(OpError::refused("a code needs a name"));
    }
    check_colour(&new.colour)?;
    let index = CodeIndex::new(data);
    if index.get(&CodeId::new(id)).is_some() {
        return Err(OpError::refused(format!(
            "code `{id}` exists already (code ids never change or repeat)"
        )));
    }
    let parent = new.parent.as_deref().map(CodeId::new);
    if let Some(parent) = &parent {
        let Some(p) = index.get(parent) else {
            return Err(unknown(parent.as_str()));
        };
        if !index.is_live(p) {
            return Err(OpError::refused(format!(
                "code `{parent}` was merged or rejected; choose another parent"
            )));
        }
    }
    let name = new.name.trim().to_string();
    if is_lead(ctx, data) {
        lead_writes(ctx, data)?;
        if let Some(parent) = &parent {
            if data.codebook.find(parent).is_none() {
                return Err(OpError::refused(format!(
                    "`{parent}` is a coder's own code; adopt it first (`casebook code adopt {parent}`)"
                )));
            }
        }
        let mut code = Code::new(id, name.clone());
        code.description = new.description.trim().to_string();
        code.colour = new.colour.clone();
        match &parent {
            Some(parent) => {
                if let Some(p) = data.codebook.find_mut(parent) {
                    p.children.push(code);
                }
            }
            None => data.codebook.codes.push(code),
        }
        return Ok(write_codebook(ctx, data)?.said(format!("added code {id} ({name}) to the codebook")));
    }
    let me = ctx.author("a new code")?;
    let path = ctx.layout.own_codes_file(&me);
    files::may_write(ctx, &path, Writer::Only(&me))?;
    let own = data.own_codes.entry(me.clone()).or_insert_with(|| OwnCodes {
        coder: me.clone(),
        codes: Vec::new(),
    });
    own.codes.push(OwnCode {
        id: CodeId::new(id),
        name: name.clone(),
        description: new.description.trim().to_string(),
        colour: new.colour.clone(),
        parent,
    });
    let write = files::write(ctx, path, &*own, Writer::Only(&me))?;
    let lead = data
        .study
        .lead
        .as_ref()
        .map(|l| format!(" ({l} can adopt it)"))
        .unwrap_or_default();
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!(
        "added code {id} ({name}) to your own codes, usable at once{lead}"
    )))
}

/// Renames a code: the lead's in `codebook.ron`, or one of my own codes in my file.
pub fn rename(ctx: &Ctx, data: &mut StudyData, id: &CodeId, name: &str) -> Result<Change, OpError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(OpError::refused("a code needs a name"));
    }
    let index = CodeIndex::new(data);
    let i = index.get(id).ok_or_else(|| unknown(id.as_str()))?;
    let affected = codings_of(data, &index, i);
    if data.codebook.find(id).is_some() {
        lead_writes(ctx, data)?;
        if let Some(code) = data.codebook.find_mut(id) {
            code.name = name.to_string();
        }
        return Ok(write_codebook(ctx, data)?.said(format!(
            "renamed code {id} to \"{name}\"; {} follow it (no codings file rewritten)",
            codings_line(affected)
        )));
    }
    // A coder's own code: its coder renames it.
    let owner = index.codes[i].proposed_by.clone().ok_or_else(|| unknown(id.as_str()))?;
    let path = ctx.layout.own_codes_file(&owner);
    files::may_write(ctx, &path, Writer::Only(&owner))?;
    let own = data.own_codes.get_mut(&owner).ok_or_else(|| unknown(id.as_str()))?;
    if let Some(code) = own.codes.iter_mut().find(|c| &c.id == id) {
        code.name = name.to_string();
    }
    let write = files::write(ctx, path, &*own, Writer::Only(&owner))?;
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!(
        "renamed your code {id} to \"{name}\"; {} follow it",
        codings_line(affected)
    )))
}

/// Moves a code (with its sub-codes) under `parent`, or to the top level.
pub fn move_code(ctx: &Ctx, data: &mut StudyData, id: &CodeId, parent: Option<&CodeId>) -> Result<Change, OpError> {
    lead_writes(ctx, data)?;
    if data.codebook.find(id).is_none() {
        return Err(unknown(id.as_str()));
    }
    let index = CodeIndex::new(data);
    let i = index.get(id).ok_or_else(|| unknown(id.as_str()))?;
    if let Some(parent) = parent {
        let p = index.get(parent).filter(|_| data.codebook.find(parent).is_some());
        let p = p.ok_or_else(|| unknown(parent.as_str()))?;
        if index.ancestors(p).any(|a| a == i) {
            return Err(OpError::refused(format!(
                "`{parent}` is `{id}` or one of its sub-codes"
            )));
        }
        if !index.is_live(p) {
            return Err(OpError::refused(format!(
                "code `{parent}` was merged; choose another parent"
            )));
        }
    }
    let affected = codings_where(data, &index, |c| index.ancestors(c).any(|a| a == i));
    let Some(code) = data.codebook.remove(id) else {
        return Err(unknown(id.as_str()));
    };
    match parent {
        Some(parent) => match data.codebook.find_mut(parent) {
            Some(p) => p.children.push(code),
            None => return Err(unknown(parent.as_str())),
        },
        None => data.codebook.codes.push(code),
    }
    let to = parent.map_or("the top level".to_string(), |p| format!("under {p}"));
    Ok(write_codebook(ctx, data)?.said(format!(
        "moved code {id} to {to}; {} follow it (no codings file rewritten)",
        codings_line(affected)
    )))
}

/// Merges `from` into `into`: recorded as `merged_into`, so codings given
/// `from` count under `into` from the next load on, in every clone.
pub fn merge(ctx: &Ctx, data: &mut StudyData, from: &CodeId, into: &CodeId) -> Result<Change, OpError> {
    lead_writes(ctx, data)?;
    let index = CodeIndex::new(data);
    let f = index.get(from).ok_or_else(|| unknown(from.as_str()))?;
    let t = index.get(into).ok_or_else(|| unknown(into.as_str()))?;
    if !index.is_live(f) {
        return Err(OpError::refused(format!("code `{from}` is already merged or rejected")));
    }
    if index.effective(into) == Some(f) || f == t {
        return Err(OpError::refused(format!("`{into}` is `{from}` itself")));
    }
    if !index.is_live(t) || data.codebook.find(into).is_none() {
        return Err(OpError::refused(format!(
            "merge into a code of the codebook that is neither merged nor a coder's own (`{into}` is not)"
        )));
    }
    if !index.codes[f].children.is_empty() {
        return Err(OpError::refused(format!(
            "code `{from}` has sub-codes; move or merge them first"
        )));
    }
    let affected = codings_of(data, &index, f);
    match data.codebook.find_mut(from) {
        Some(code) => code.merged_into = Some(into.clone()),
        None => {
            // A coder's own code: the lead records it in the codebook, merged.
            let own = &index.codes[f];
            let mut code = Code::new(from.clone(), own.name.clone());
            code.description = own.description.clone();
            code.colour = own.colour.clone();
            code.merged_into = Some(into.clone());
            data.codebook.codes.push(code);
        }
    }
    Ok(write_codebook(ctx, data)?.said(format!(
        "merged code {from} into {into}: {} now count under {into} (no codings file rewritten)",
        codings_line(affected)
    )))
}

/// Deletes an unused code; a code in use is refused with its count.
pub fn delete(ctx: &Ctx, data: &mut StudyData, id: &CodeId) -> Result<Change, OpError> {
    lead_writes(ctx, data)?;
    if data.codebook.find(id).is_none() {
        return Err(unknown(id.as_str()));
    }
    let index = CodeIndex::new(data);
    let i = index.get(id).ok_or_else(|| unknown(id.as_str()))?;
    // Codings that name it, even through a merge, or name it raw.
    let in_use = codings_where(data, &index, |c| c == i)
        + data
            .interviews()
            .flat_map(|x| x.codings.values())
            .flat_map(|c| c.codings.iter())
            .filter(|c| c.codes.contains(id) && index.effective(id) != Some(i))
            .count();
    if in_use > 0 {
        return Err(OpError::refused(format!(
            "code {id} is used by {}; merge it into another code instead (`casebook code merge {id} OTHER`)",
            codings_line(in_use)
        )));
    }
    if !index.codes[i].children.is_empty() {
        return Err(OpError::refused(format!(
            "code {id} has sub-codes; move or delete them first"
        )));
    }
    if let Some(other) = index.codes.iter().find(|c| c.merged_into.as_ref() == Some(id)) {
        return Err(OpError::refused(format!(
            "code {} is merged into {id}; it must stay",
            other.id
        )));
    }
    if let Some(child) = index
        .codes
        .iter()
        .find(|c| c.proposed_by.is_some() && c.parent == Some(i))
    {
        return Err(OpError::refused(format!(
            "code {} (a coder's own) is under {id}; it must stay",
            child.id
        )));
    }
    data.codebook.remove(id);
    Ok(write_codebook(ctx, data)?.said(format!("deleted code {id} (0 codings)")))
}

/// Takes a coder's own code into the codebook, under its parent or `parent`.
pub fn adopt(ctx: &Ctx, data: &mut StudyData, id: &CodeId, parent: Option<&CodeId>) -> Result<Change, OpError> {
    lead_writes(ctx, data)?;
    let index = CodeIndex::new(data);
    let i = index.get(id).ok_or_else(|| unknown(id.as_str()))?;
    let Some(coder) = index.codes[i].proposed_by.clone() else {
        return Err(OpError::refused(format!("code {id} is in the codebook already")));
    };
    let own = data
        .own_codes
        .get(&coder)
        .and_then(|o| o.codes.iter().find(|c| &c.id == id))
        .cloned()
        .ok_or_else(|| unknown(id.as_str()))?;
    let parent = parent.cloned().or(own.parent.clone());
    if let Some(parent) = &parent {
        if data.codebook.find(parent).is_none_or(|p| p.merged_into.is_some()) {
            return Err(OpError::refused(format!(
                "its parent `{parent}` is not a live code of the codebook; adopt that first or give --parent"
            )));
        }
    }
    let affected = codings_of(data, &index, i);
    let mut code = Code::new(id.clone(), own.name.clone());
    code.description = own.description.clone();
    code.colour = own.colour.clone();
    match &parent {
        Some(parent) => {
            if let Some(p) = data.codebook.find_mut(parent) {
                p.children.push(code);
            }
        }
        None => data.codebook.codes.push(code),
    }
    data.codebook.rejected.retain(|r| r != id);
    Ok(write_codebook(ctx, data)?.said(format!(
        "adopted {coder}'s code {id} ({}) into the codebook; {} count under it",
        own.name,
        codings_line(affected)
    )))
}

/// Turns down a coder's own code that no coding uses.
pub fn reject(ctx: &Ctx, data: &mut StudyData, id: &CodeId) -> Result<Change, OpError> {
    lead_writes(ctx, data)?;
    let index = CodeIndex::new(data);
    let i = index.get(id).ok_or_else(|| unknown(id.as_str()))?;
    let Some(coder) = index.codes[i].proposed_by.clone() else {
        return Err(OpError::refused(format!(
            "code {id} is in the codebook; delete or merge it instead"
        )));
    };
    if index.codes[i].rejected {
        return Err(OpError::refused(format!("code {id} is rejected already")));
    }
    let in_use = codings_of(data, &index, i);
    if in_use > 0 {
        return Err(OpError::refused(format!(
            "{coder}'s code {id} is used by {}; merge it into a code of the codebook instead",
            codings_line(in_use)
        )));
    }
    data.codebook.rejected.push(id.clone());
    Ok(write_codebook(ctx, data)?.said(format!("rejected {coder}'s code {id} (0 codings)")))
}
