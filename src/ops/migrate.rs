//! `casebook migrate`: a study written in the format-1 layout moved to the
//! current one. One `resolution.ron` per case becomes one
//! `resolution.<researcher>.ron` per researcher; statuses and consent held
//! in informant files move to `<id>.status.<researcher>.ron`; `study.ron`
//! records the new format. It is the lead's to run, once.

use super::files::{may_write, Writer};
use super::{Change, Ctx, FileWrite, OpError};
use crate::domain::{StudyData, FORMAT_VERSION};
use crate::store::load::MIGRATE_MESSAGE;
use crate::store::Problem;
use serde::Serialize;
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
    let mut change = Change::default();
    let mut write = |path: PathBuf, value: &dyn erased::Ron| -> Result<(), OpError> {
        may_write(ctx, &path, writer)?;
        let text = value
            .ron()
            .map_err(|e| OpError::refused(format!("{}: cannot serialise: {e}", path.display())))?;
        change.writes.push(FileWrite { path, text });
        Ok(())
    };
    let mut study = data.study.clone();
    study.format_version = FORMAT_VERSION;
    if study != data.study {
        write(ctx.layout.study_file(), &study)?;
    }
    let mut removals = Vec::new();
    let (mut resolutions, mut informants) = (0, 0);
    for (case_id, case) in &data.cases {
        let old = ctx.layout.legacy_resolution_file(case_id);
        if legacy.contains(&&old) {
            for (by, resolution) in &case.resolutions {
                write(ctx.layout.resolution_file(case_id, by), resolution)?;
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
            write(path, informant)?;
            for researcher in informant.status_authors() {
                if let Some(file) = informant.status_file_of(researcher) {
                    write(ctx.layout.status_file(case_id, id, researcher), &file)?;
                }
            }
            informants += 1;
        }
    }
    change.removals = removals;
    data.study = study;
    Ok(change.said(format!(
        "migrated to format {FORMAT_VERSION}: {resolutions} resolution file(s) split by researcher, {informants} informant(s) with statuses moved to status files"
    )))
}

/// Serialising values of different types through one closure.
mod erased {
    pub trait Ron {
        fn ron(&self) -> Result<String, ron::Error>;
    }

    impl<T: super::Serialize> Ron for T {
        fn ron(&self) -> Result<String, ron::Error> {
            crate::store::ron_io::to_ron(self)
        }
    }
}
