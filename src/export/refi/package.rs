//! Putting the files on disk: each written to a hidden temporary file beside
//! its place and renamed into it only when every file of the export is
//! complete, so a refused or failed export leaves what was there; and the
//! `.qdpx` zip (compressed beside, by `compress`), deterministic (fixed timestamps, permissions and order) so
//! an unchanged study exports to identical bytes.

use super::compress::zip_beside;
use super::guard::{Failure, Guard};
use super::project_writer::{write_project, Tally};
use super::source_text::SourceText;
use super::xml::Out;
use super::{exported_interviews, guid};
use crate::domain::StudyData;
use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// A file written in full under a temporary name, waiting to be renamed.
#[derive(Debug)]
pub struct Staged {
    pub temp: PathBuf,
    pub target: PathBuf,
}

/// Writes `target`'s content to a temporary file beside it.
pub fn stage(
    target: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), Failure>,
) -> Result<Staged, Failure> {
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("export");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = BufWriter::new(File::create(&temp)?);
        write(&mut file)?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok(())
    })();
    match result {
        Ok(()) => Ok(Staged {
            temp,
            target: target.to_path_buf(),
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Renames every staged file into place.
pub fn publish(staged: &[Staged]) -> Result<(), (PathBuf, std::io::Error)> {
    for file in staged {
        std::fs::rename(&file.temp, &file.target).map_err(|e| (file.target.clone(), e))?;
    }
    Ok(())
}

/// Removes staged files that will not be published.
pub fn discard(staged: &[Staged]) {
    for file in staged {
        let _ = std::fs::remove_file(&file.temp);
    }
}

/// Every entry gets the same options: deflated, dated 1980-01-01 (the zip
/// format's earliest date, so nothing in the file says when it was made),
/// readable by all.
fn entry() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// The `.qdpx`: `project.qde` first, then each interview's notes as
/// `sources/<guid>.txt`, in the order of the project's sources. The XML is
/// written here while another thread compresses it (`compress`).
pub fn write_qdpx<W: Write + Seek + Send>(
    out: W,
    data: &StudyData,
    origin: &str,
    guard: &Guard,
) -> Result<Tally, Failure> {
    zip_beside(out, entry(), |entries| {
        entries.start("project.qde".to_string())?;
        let mut xml = Out::document(&mut *entries, guard)?;
        let tally = write_project(&mut xml, data, origin)?;
        drop(xml);
        for interview in exported_interviews(data) {
            let id = &interview.interview.id;
            let source = SourceText::of(&interview.interview, data.guides.get(&interview.interview.guide));
            guard.pass(&|| format!("the notes of interview {id}"), &source.text)?;
            entries.start(format!("sources/{}.txt", guid::source(id)))?;
            entries.write_all(source.text.as_bytes())?;
        }
        Ok(tally)
    })
}
