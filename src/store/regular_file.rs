//! Reading one file of the study, refusing what is not a regular file of a
//! sane size, so a pipe, a device or a runaway file never hangs a load.

use std::fs;
use std::path::Path;

/// The largest file casebook reads: far above any real study file (a notes
/// field of 10 MB loads), and a clear error instead of reading until memory
/// runs out when something else stands in a file's place.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of a regular file of at most `MAX_FILE_BYTES`, or why not. A
/// folder, a pipe or a device where a file should be is refused unread (a
/// pipe would block and a device never end).
pub(crate) fn read_regular_file(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let kind = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(if fs::symlink_metadata(path).is_ok() {
                "a link to a file that does not exist".to_string()
            } else {
                "file is missing".to_string()
            })
        }
        Err(e) => return Err(format!("cannot read file: {e}")),
    };
    if !kind.is_file() {
        return Err(if kind.is_dir() {
            "a folder where a file should be".to_string()
        } else {
            "not a regular file (a pipe, a socket or a device); casebook reads only files".to_string()
        });
    }
    if kind.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file is {} MB, more than the {} MB casebook reads",
            kind.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    let mut bytes = Vec::with_capacity(kind.len() as usize);
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "file grew past the {} MB casebook reads",
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    Ok(bytes)
}
