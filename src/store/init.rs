//! `casebook init`: a new, empty study folder that is ready for git.

use super::atomic::write_atomic;
use super::layout::Layout;
use super::ron_io::to_ron;
use crate::domain::*;
use std::fs;
use std::io;

/// What a new study's `.gitignore` holds: private files never reach git.
pub const GITIGNORE: &str =
    "# casebook: personal data never goes into git\n/private/\n# interrupted saves\n.*.tmp\n.*.new\n# who has the study open\n/.casebook.lock\n";

/// Creates an empty study in `layout.root`. Refuses to touch an existing study.
pub fn init_study(layout: &Layout, title: &str) -> io::Result<()> {
    if layout.study_file().exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already holds a study", layout.root.display()),
        ));
    }
    let study = Study {
        format_version: FORMAT_VERSION,
        id: Some(super::private_location::new_study_id()),
        lead: None,
        title: title.to_string(),
        description: String::new(),
        team: Vec::new(),
        strata: Strata {
            size_bands: default_size_bands(),
            regions: default_regions(),
            counties: default_counties(),
            focus_areas: Vec::new(),
        },
        targets: Vec::new(),
        criteria: Vec::new(),
        deletion_date: None,
        blind_coding: false,
    };
    let write = |path: std::path::PathBuf, text: String| write_atomic(&path, text.as_bytes());
    fs::create_dir_all(layout.cases_dir())?;
    fs::create_dir_all(layout.guides_dir())?;
    write(layout.study_file(), to_ron(&study).map_err(io::Error::other)?)?;
    write(
        layout.codebook_file(),
        to_ron(&Codebook::new(Vec::new())).map_err(io::Error::other)?,
    )?;
    let gitignore = layout.root.join(".gitignore");
    let existing = fs::read_to_string(&gitignore).unwrap_or_default();
    if !existing
        .lines()
        .any(|l| l.trim() == "/private/" || l.trim() == "private/")
    {
        write(gitignore, format!("{existing}{GITIGNORE}"))?;
    }
    Ok(())
}
