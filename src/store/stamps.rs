//! Fingerprints of files as casebook last read or wrote them, so a save can
//! tell that someone else (a `git pull`, another casebook) changed a file in
//! the meantime and refuse to overwrite it.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// Looked up by path, never listed, so a hash map: a `BTreeMap` compares
/// paths component by component, which was a tenth of loading a large study.
#[derive(Debug, Clone, Default)]
pub struct Stamps {
    by_path: HashMap<PathBuf, u64>,
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

    /// Takes in the fingerprints another reader recorded (loading reads on
    /// several threads, each with its own `Stamps`).
    pub fn absorb(&mut self, other: Stamps) {
        self.by_path.extend(other.by_path);
    }
}
