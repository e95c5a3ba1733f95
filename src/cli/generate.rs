//! `casebook generate`: a synthetic study of any size, written to a folder.

use crate::generate::{generate, Options};
use crate::store::init::GITIGNORE;
use crate::store::{save_all, Layout, Stamps};
use std::path::Path;

pub fn run(out: &Path, projects: usize, seed: u64) -> u8 {
    let layout = Layout::new(out);
    if layout.study_file().exists() {
        eprintln!(
            "casebook: {}: already holds a study; choose an empty folder",
            out.display()
        );
        return 1;
    }
    let data = generate(Options { seed, projects });
    let mut stamps = Stamps::default();
    if let Err(e) = save_all(&layout, &mut stamps, &data) {
        eprintln!("casebook: {e}");
        return 1;
    }
    let gitignore = out.join(".gitignore");
    if !gitignore.exists() {
        if let Err(e) = std::fs::write(&gitignore, GITIGNORE) {
            eprintln!("casebook: {}: {e}", gitignore.display());
            return 1;
        }
    }
    let counts = data.counts();
    println!(
        "wrote {} cases, {} reviews, {} informants, {} interviews to {}",
        counts.cases,
        counts.reviews,
        counts.informants,
        counts.interviews,
        out.display()
    );
    0
}
