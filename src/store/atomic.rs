//! Atomic writes: a temporary file in the same folder, flushed to disk, then
//! renamed over the target, so a crash leaves the old file or the new one,
//! never half of either.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with_mode(path, bytes, None)
}

/// As `write_atomic`, the file readable by its owner alone from the moment
/// it exists (personal data is never, even briefly, world-readable).
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with_mode(path, bytes, Some(0o600))
}

fn write_atomic_with_mode(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if let Some(mode) = mode {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        let mut file = options.open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        test_pause_before_rename();
        fs::rename(&temp, path)?;
        // The rename itself is only durable once the folder is synced.
        if let Ok(folder) = File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// For the crash tests only: a debug build holds here for as many
/// milliseconds as `CASEBOOK_TEST_PAUSE_MS` says, between writing a file (or
/// a new folder) and renaming it into place, so a `kill -9` can land there.
pub(crate) fn test_pause_before_rename() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("CASEBOOK_TEST_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Left over by a save or a new folder that a crash interrupted: a hidden
/// `.<name>.<pid>.tmp` file or `.<name>.<pid>.new` folder whose process is
/// gone. One whose process still runs is another casebook's save under way,
/// and is left alone.
pub fn is_leftover(name: &str) -> bool {
    let Some(stem) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_suffix(".tmp").or_else(|| n.strip_suffix(".new")))
    else {
        return false;
    };
    match stem.rsplit_once('.').and_then(|(_, pid)| pid.parse::<u32>().ok()) {
        Some(pid) => !process_runs(pid),
        None => true,
    }
}

/// Whether a process with this id runs on this machine.
pub(crate) fn process_runs(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // Signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}
