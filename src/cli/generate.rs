//! `casebook generate`: a synthetic study of any size, written to a folder.

use crate::generate::{generate, generate_with_interviews, Options};
use crate::ops::clean_leftovers;
use crate::store::init::GITIGNORE;
use crate::store::{save_all, Layout, Stamps};
use std::path::Path;

pub fn run(out: &Path, projects: usize, seed: u64, interviews: Option<usize>, codings: Option<usize>) -> u8 {
    let layout = Layout::new(out);
    if layout.study_file().exists() {
        eprintln!(
            "casebook: {}: already holds a study; choose an empty folder",
            out.display()
        );
        return 1;
    }
    let options = Options { seed, projects };
    let mut data = match interviews {
        Some(m) => generate_with_interviews(options, m),
        None => generate(options),
    };
    if let Some(total) = codings {
        crate::generate::scale_codings(seed, &mut data, total);
    }
    // Into a new or empty folder the study is built hidden beside it and
    // renamed into place: a generate killed half-way leaves no half study
    // that the next one would refuse. Into a folder holding other things it
    // is written in place.
    let empty = std::fs::read_dir(out).map_or(true, |mut entries| entries.next().is_none());
    let result = if empty {
        write_beside(out, &data)
    } else {
        write_study(&layout, &data)
    };
    if let Err(e) = result {
        eprintln!("casebook: {e}");
        return 1;
    }
    let counts = data.counts();
    println!(
        "wrote {} cases, {} reviews, {} informants, {} interviews, {} codings to {}",
        counts.cases,
        counts.reviews,
        counts.informants,
        counts.interviews,
        counts.codings,
        out.display()
    );
    0
}

/// Writes the study (and its `.gitignore`) into `layout.root`.
fn write_study(layout: &Layout, data: &crate::domain::StudyData) -> Result<(), String> {
    save_all(layout, &mut Stamps::default(), data).map_err(|e| e.to_string())?;
    let gitignore = layout.root.join(".gitignore");
    if !gitignore.exists() {
        std::fs::write(&gitignore, GITIGNORE).map_err(|e| format!("{}: {e}", gitignore.display()))?;
    }
    Ok(())
}

/// Writes the study into a hidden folder beside `out`, then renames it to `out`.
fn write_beside(out: &Path, data: &crate::domain::StudyData) -> Result<(), String> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    // What an earlier, killed generate left here.
    clean_leftovers(parent);
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("study");
    let staging = parent.join(format!(".{name}.{}.new", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    write_study(&Layout::new(&staging), data)?;
    if out.exists() {
        std::fs::remove_dir(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::rename(&staging, out).map_err(|e| format!("{}: {e}", out.display()))
}
