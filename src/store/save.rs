//! Saving: only when the bytes differ, atomically, and never over a file that
//! changed on disk since casebook read it.

use super::atomic::write_atomic;
use super::layout::Layout;
use super::ron_io::to_ron;
use super::stamps::{fingerprint, Stamps};
use crate::domain::*;
use serde::Serialize;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{}: changed on disk since it was loaded; not overwritten (reload to see the other change)", .0.display())]
    ChangedOnDisk(PathBuf),
    #[error("{}: created on disk by someone else; not overwritten (reload to see it)", .0.display())]
    CreatedOnDisk(PathBuf),
    #[error("{}: cannot write: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: cannot serialise: {source}", path.display())]
    Serialize { path: PathBuf, source: ron::Error },
}

/// Whether a save wrote the file or found it already up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written,
    Unchanged,
}

fn read_on_disk(path: &Path) -> Result<Option<Vec<u8>>, SaveError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SaveError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Whether what is on disk is what casebook last saw there.
fn ensure_unchanged(stamps: &Stamps, path: &Path, on_disk: Option<&[u8]>) -> Result<(), SaveError> {
    match (on_disk, stamps.get(path)) {
        (Some(bytes), Some(seen)) if fingerprint(bytes) != seen => Err(SaveError::ChangedOnDisk(path.to_path_buf())),
        (Some(_), None) => Err(SaveError::CreatedOnDisk(path.to_path_buf())),
        _ => Ok(()),
    }
}

/// Fails if `path` changed on disk since casebook last saw it (or appeared
/// where casebook saw nothing): the check before a batch of writes that must
/// happen all together or not at all.
pub fn check_unchanged(stamps: &Stamps, path: &Path) -> Result<(), SaveError> {
    ensure_unchanged(stamps, path, read_on_disk(path)?.as_deref())
}

/// Writes `value` to `path` as RON. `stamps` says what casebook last saw there.
pub fn save_value<T: Serialize>(stamps: &mut Stamps, path: &Path, value: &T) -> Result<Saved, SaveError> {
    let text = to_ron(value).map_err(|source| SaveError::Serialize {
        path: path.to_path_buf(),
        source,
    })?;
    save_text(stamps, path, &text)
}

/// Writes `text` (a file's whole content) to `path`, under the same rules.
pub fn save_text(stamps: &mut Stamps, path: &Path, text: &str) -> Result<Saved, SaveError> {
    let on_disk = read_on_disk(path)?;
    if on_disk.as_deref() == Some(text.as_bytes()) {
        stamps.record(path, text.as_bytes());
        return Ok(Saved::Unchanged);
    }
    ensure_unchanged(stamps, path, on_disk.as_deref())?;
    write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    stamps.record(path, text.as_bytes());
    Ok(Saved::Written)
}

/// Saves every file of a study; returns how many were actually rewritten.
pub fn save_all(layout: &Layout, stamps: &mut Stamps, data: &StudyData) -> Result<usize, SaveError> {
    let mut written = 0;
    let mut count = |saved: Saved| {
        if saved == Saved::Written {
            written += 1;
        }
    };
    count(save_value(stamps, &layout.study_file(), &data.study)?);
    count(save_value(stamps, &layout.codebook_file(), &data.codebook)?);
    for (coder, own) in &data.own_codes {
        count(save_value(stamps, &layout.own_codes_file(coder), own)?);
    }
    for guide in data.guides.values() {
        count(save_value(stamps, &layout.guide_file(&guide.id), guide)?);
    }
    for (id, case) in &data.cases {
        for saved in save_case_folder(layout, stamps, id, case)? {
            count(saved);
        }
    }
    Ok(written)
}

/// Saves every file of one case folder.
pub fn save_case_folder(
    layout: &Layout,
    stamps: &mut Stamps,
    id: &CaseId,
    data: &CaseData,
) -> Result<Vec<Saved>, SaveError> {
    // A stand-in for a file that failed to load is never written over it.
    let mut saved = Vec::new();
    if !data.stand_in {
        saved.push(save_value(stamps, &layout.case_file(id), &data.case)?);
    }
    for (reviewer, review) in &data.reviews {
        saved.push(save_value(stamps, &layout.review_file(id, reviewer), review)?);
    }
    for (resolver, resolution) in &data.resolutions {
        saved.push(save_value(stamps, &layout.resolution_file(id, resolver), resolution)?);
    }
    for (informant_id, informant) in &data.informants {
        saved.push(save_value(stamps, &layout.informant_file(id, informant_id), informant)?);
        for researcher in informant.status_authors() {
            if let Some(file) = informant.status_file_of(researcher) {
                let path = layout.status_file(id, informant_id, researcher);
                saved.push(save_value(stamps, &path, &file)?);
            }
        }
    }
    for (interview_id, interview) in &data.interviews {
        if !interview.stand_in {
            saved.push(save_value(
                stamps,
                &layout.interview_file(id, interview_id),
                &interview.interview,
            )?);
        }
        for (researcher, notes) in &interview.notes_by {
            saved.push(save_value(
                stamps,
                &layout.notes_file(id, interview_id, researcher),
                notes,
            )?);
        }
        for (coder, codings) in &interview.codings {
            saved.push(save_value(
                stamps,
                &layout.codings_file(id, interview_id, coder),
                codings,
            )?);
        }
    }
    Ok(saved)
}
