//! REFI-QDA, the exchange standard of NVivo, ATLAS.ti, MAXQDA and
//! QualCoder: the export of the codebook (`codebook.qdc`) and the coded
//! study (`study.qdpx`), and the reading of a codebook from another program
//! for the import (merged by `merge`, written through `ops::refi_codebook`).
//!
//! Files: `guid` (stable GUIDs), `xml` (the writer's shapes), `guard` (no
//! contact details leave), `codebook_writer`, `variables`, `source_text`
//! (notes to plain text and coding offsets to positions), `selections`,
//! `project_writer`, `package` (temporary files, the zip), `compress` (the zip
//! on a second thread), `reader`, `merge`.

pub mod codebook_writer;
pub mod compress;
pub mod guard;
pub mod guid;
pub mod merge;
pub mod package;
pub mod project_writer;
pub mod reader;
pub mod selections;
pub mod source_text;
pub mod variables;
pub mod xml;

use crate::domain::{CaseData, InterviewData, StudyData};
use crate::store::private::Contacts;
use guard::{Failure, Guard};
use project_writer::Tally;
use std::path::{Path, PathBuf};
use thiserror::Error;

pub const CODEBOOK_FILE: &str = "codebook.qdc";
pub const PROJECT_FILE: &str = "study.qdpx";

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// `None` when the codebook has no codes (a REFI codebook needs one).
    pub codebook: Option<PathBuf>,
    pub project: PathBuf,
    pub codes: usize,
    pub tally: Tally,
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("nothing exported: {place} holds an informant's contact details or an e-mail address, which never leave the private store (`casebook check` shows where)")]
    Private { place: String },
}

/// The interviews that become sources: every one whose file loaded, case by
/// case. The project's sources and the zip's files follow this order.
pub fn exported_interviews(data: &StudyData) -> impl Iterator<Item = &InterviewData> {
    data.interviews().filter(|i| !i.stand_in)
}

/// The cases that become REFI cases: those with an interview to refer to.
pub fn exported_cases(data: &StudyData) -> impl Iterator<Item = &CaseData> {
    data.cases
        .values()
        .filter(|c| c.interviews.values().any(|i| !i.stand_in))
}

/// Writes `codebook.qdc` and `study.qdpx` into `out_dir` (made if missing),
/// refusing the whole export if any text would carry a contact detail of
/// `contacts` (the private store) or an e-mail address.
pub fn export(data: &StudyData, out_dir: &Path, contacts: &Contacts) -> Result<Exported, ExportError> {
    let guard = Guard::new(contacts);
    let origin = format!("casebook {}", env!("CARGO_PKG_VERSION"));
    std::fs::create_dir_all(out_dir).map_err(|source| ExportError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let fail = |path: &Path, failure: Failure| match failure {
        Failure::Io(source) => ExportError::Io {
            path: path.to_path_buf(),
            source,
        },
        Failure::Private(place) => ExportError::Private { place },
    };
    let mut staged = Vec::new();
    let codes = data.codebook.flatten().len();
    let codebook_path = out_dir.join(CODEBOOK_FILE);
    if codes > 0 {
        let written = package::stage(&codebook_path, |file| {
            let mut xml = xml::Out::document(file, &guard)?;
            codebook_writer::write_qdc(&mut xml, &data.codebook, &origin)
        });
        staged.push(written.map_err(|f| fail(&codebook_path, f))?);
    }
    let project_path = out_dir.join(PROJECT_FILE);
    let mut tally = Tally::default();
    let written = package::stage(&project_path, |file| {
        tally = package::write_qdpx(file, data, &origin, &guard)?;
        Ok(())
    });
    match written {
        Ok(file) => staged.push(file),
        Err(f) => {
            package::discard(&staged);
            return Err(fail(&project_path, f));
        }
    }
    if let Err((path, source)) = package::publish(&staged) {
        package::discard(&staged);
        return Err(ExportError::Io { path, source });
    }
    Ok(Exported {
        codebook: (codes > 0).then_some(codebook_path),
        project: project_path,
        codes,
        tally,
    })
}
