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
    use std::os::unix::fs::OpenOptionsExt;
    // Opened first and asked what it is through the open file: one lookup of
    // the path instead of two. Non-blocking, so opening a pipe returns at
    // once instead of waiting for a writer (and a terminal never becomes
    // ours); a regular file reads as ever.
    let file = match fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
    {
        Ok(file) => file,
        Err(e) => return Err(why_not_opened(path, e)),
    };
    let kind = file.metadata().map_err(|e| format!("cannot read file: {e}"))?;
    refuse_unless_regular(&kind)?;
    let mut bytes = Vec::with_capacity(kind.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "file grew past the {} MB casebook reads",
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    Ok(bytes)
}

/// Why `path` could not be opened, said as it would be had it been looked
/// at first: missing, a dangling link, not a file, too large, or unreadable.
fn why_not_opened(path: &Path, error: std::io::Error) -> String {
    let kind = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return if fs::symlink_metadata(path).is_ok() {
                "a link to a file that does not exist".to_string()
            } else {
                "file is missing".to_string()
            }
        }
        Err(e) => return format!("cannot read file: {e}"),
    };
    match refuse_unless_regular(&kind) {
        Err(why) => why,
        Ok(()) => format!("cannot read file: {error}"),
    }
}

/// A folder, a pipe, a device or a file above `MAX_FILE_BYTES` is refused.
fn refuse_unless_regular(kind: &fs::Metadata) -> Result<(), String> {
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
    Ok(())
}
