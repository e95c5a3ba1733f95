//! `casebook import pool FILE.csv`: cases from an export of applications.
//! All or nothing: any bad row means no file is written.

use super::open::{open_or_exit, Opened};
use super::Cli;
use crate::store::pool_import::import_pool;
use crate::store::{check_unchanged, save_value};
use std::path::{Path, PathBuf};

/// Opens the study for a command that writes, refusing one with problems
/// (writing over a file casebook could not read would lose it).
pub fn open_for_writing(cli: &Cli) -> Result<Opened, u8> {
    let opened = open_or_exit(cli)?;
    if !opened.problems.is_empty() {
        eprintln!("casebook: the study has problems; fix them first (`casebook check`):");
        for problem in &opened.problems {
            eprintln!("{problem}");
        }
        return Err(1);
    }
    Ok(opened)
}

pub fn run_pool(cli: &Cli, file: &Path) -> u8 {
    let mut opened = match open_for_writing(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let study_before = opened.data.study.clone();
    let summary = match import_pool(file, &mut opened.data) {
        Ok(summary) => summary,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("casebook: {} problem(s); nothing was imported", problems.len());
            return 1;
        }
    };
    let layout = &opened.layout;
    let mut writes: Vec<PathBuf> = Vec::new();
    if opened.data.study != study_before {
        writes.push(layout.study_file());
    }
    for id in summary.new_cases.iter().chain(&summary.updated_cases) {
        writes.push(layout.case_file(id));
    }
    // Check every file first, so a conflict stops the import before any write.
    for path in &writes {
        if let Err(e) = check_unchanged(&opened.stamps, path) {
            eprintln!("casebook: {e}; nothing was imported");
            return 1;
        }
    }
    for path in &writes {
        let result = if *path == layout.study_file() {
            save_value(&mut opened.stamps, path, &opened.data.study)
        } else {
            let id = path
                .parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            match opened.data.cases.get(&crate::domain::CaseId::new(id)) {
                Some(case) => save_value(&mut opened.stamps, path, &case.case),
                None => continue,
            }
        };
        if let Err(e) = result {
            eprintln!("casebook: {e}");
            return 1;
        }
    }
    println!(
        "{}: {} applications in {} projects; {} new cases, {} updated, {} unchanged",
        file.display(),
        summary.applications,
        summary.projects,
        summary.new_cases.len(),
        summary.updated_cases.len(),
        summary.projects - summary.new_cases.len() - summary.updated_cases.len()
    );
    if summary.never_granted > 0 {
        println!(
            "{} projects were never granted: in the sampling frame, not in the review pool",
            summary.never_granted
        );
    }
    if !summary.new_focus_areas.is_empty() {
        println!(
            "new focus areas added to study.ron: {}",
            summary.new_focus_areas.join(", ")
        );
    }
    0
}
