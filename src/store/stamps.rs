//! Fingerprints of files as casebook last read or wrote them, so a save can
//! tell that someone else (a `git pull`, another casebook) changed a file in
//! the meantime and refuse to overwrite it.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Stamps {
    by_path: BTreeMap<PathBuf, u64>,
}

/// A fingerprint of a file's bytes (SipHash with fixed keys: stable in a run).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Stamps {
    pub fn record(&mut self, path: &Path, bytes: &[u8]) {
        self.by_path.insert(path.to_path_buf(), fingerprint(bytes));
    }

    /// The fingerprint of `path` as last seen, if casebook has seen it.
    pub fn get(&self, path: &Path) -> Option<u64> {
        self.by_path.get(path).copied()
    }

    pub fn forget(&mut self, path: &Path) {
        self.by_path.remove(path);
    }
}
