//! `casebook migrate`: a study written in the format-1 layout moved to the
//! current one. One `resolution.ron` per case becomes one
//! `resolution.<researcher>.ron` per researcher; statuses and consent held
//! in informant files move to `<id>.status.<researcher>.ron`; `study.ron`
//! records the new format and gets an id (which keys the private contacts
//! stores). It is the lead's to run, once.

use super::files::{may_write, write, Writer};
use super::{Change, Ctx, OpError};
use crate::domain::{StudyData, FORMAT_VERSION};
use crate::store::load::MIGRATE_MESSAGE;
use crate::store::Problem;
use std::path::PathBuf;

pub fn migrate(ctx: &Ctx, data: &mut StudyData, problems: &[Problem]) -> Result<Change, OpError> {
    ctx.author("a migration")?;
    let lead = data.study.lead.clone();
    let writer = Writer::Lead(lead.as_ref());
    let legacy: Vec<&PathBuf> = problems
        .iter()
        .filter(|p| p.message == MIGRATE_MESSAGE)
        .map(|p| &p.path)
        .collect();
    let mut writes = Vec::new();
    let mut study = data.study.clone();
    study.format_version = FORMAT_VERSION;
    // An id keys everyone's private contacts store, so a moved folder keeps
    // them; each researcher's casebook moves their store to it on opening.
    let new_id = study.id.is_none();
    if new_id {
        study.id = Some(crate::store::private_location::new_study_id());
    }
    if study != data.study {
        writes.push(write(ctx, ctx.layout.study_file(), &study, writer)?);
    }
    let mut removals = Vec::new();
    let (mut resolutions, mut informants) = (0, 0);
    for (case_id, case) in &data.cases {
        let old = ctx.layout.legacy_resolution_file(case_id);
        if legacy.contains(&&old) {
            for (by, resolution) in &case.resolutions {
                writes.push(write(ctx, ctx.layout.resolution_file(case_id, by), resolution, writer)?);
            }
            may_write(ctx, &old, writer)?;
            removals.push(old);
            resolutions += 1;
        }
        for (id, informant) in &case.informants {
            let path = ctx.layout.informant_file(case_id, id);
            if !legacy.contains(&&path) {
                continue;
            }
            writes.push(write(ctx, path, informant, writer)?);
            for researcher in informant.status_authors() {
                if let Some(file) = informant.status_file_of(researcher) {
                    writes.push(write(
                        ctx,
                        ctx.layout.status_file(case_id, id, researcher),
                        &file,
                        writer,
                    )?);
                }
            }
            informants += 1;
        }
    }
    let change = Change {
        writes,
        removals,
        ..Change::default()
    };
    data.study = study;
    let change = change.said(format!(
        "migrated to format {FORMAT_VERSION}: {resolutions} resolution file(s) split by researcher, {informants} informant(s) with statuses moved to status files"
    ));
    Ok(if new_id {
        change.said("study.ron has an id now: each researcher's private contacts are kept under it, so moving the folder keeps them (each casebook moves its store there when it next opens the study)")
    } else {
        change
    })
}
