//! The study the benchmarks measure: 10,000 generated projects (about 16,000
//! cases in 36,600 files), written once and kept under the target folder so
//! later runs start at once.
#![allow(dead_code)]

use casebook::generate::{generate, Options};
use casebook::store::{save_all, Layout, Stamps};
use std::path::PathBuf;

pub const PROJECTS: usize = 10_000;
/// `casebook generate`'s default seed, so the study matches the documented one.
pub const SEED: u64 = 2025;

/// The cached study, generated on first use (that takes a minute or two:
/// every file is written atomically, with a sync).
pub fn study() -> Layout {
    let dir = target_dir().join(format!("bench-study-{PROJECTS}"));
    if !dir.join("cases").join("study.ron").is_file() {
        // Written beside it and renamed when complete, so an interrupted run
        // is never taken for the whole study.
        let partial = target_dir().join(format!("bench-study-{PROJECTS}.partial"));
        let _ = std::fs::remove_dir_all(&partial);
        let data = generate(Options {
            seed: SEED,
            projects: PROJECTS,
        });
        eprintln!("generating {} (once) ...", dir.display());
        save_all(&Layout::new(&partial), &mut Stamps::default(), &data).expect("write the benchmark study");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::rename(&partial, &dir).expect("move the benchmark study into place");
    }
    Layout::new(dir)
}

/// Cargo's target folder: the bench runs as `<target>/release/deps/<name>-<hash>`.
pub fn target_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}
