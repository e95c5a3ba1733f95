//! Opening a study: found from `--study` or from the current folder
//! upwards, loaded, who-am-I worked out, and this user's private contacts
//! read. The command line and the TUI both start here; printing and exit
//! codes are theirs.

use crate::domain::StudyData;
use crate::store::identity::{self, Identity, IdentityClues};
use crate::store::private::{self, Contacts};
use crate::store::{self, find_study_root, Layout, Problem, Stamps};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

pub struct Opened {
    pub layout: Layout,
    pub data: StudyData,
    pub problems: Vec<Problem>,
    pub stamps: Stamps,
    /// Files that failed to load: never written over.
    pub failed: BTreeMap<PathBuf, String>,
    pub identity: Option<Identity>,
    /// Why the identity could not be worked out, if it could not.
    pub identity_error: Option<String>,
    /// The private contacts of this user for this study, and where they live.
    pub contacts: Contacts,
    pub contacts_path: Option<PathBuf>,
    /// Set when the study's deletion date has passed and personal data remains.
    pub deletion_warning: Option<String>,
}

/// The warning due when personal data outlives the study's deletion date.
pub fn deletion_warning(data: &StudyData, contacts_path: Option<&Path>, today: NaiveDate) -> Option<String> {
    let date = data.study.deletion_date?;
    let path = contacts_path.filter(|p| p.exists())?;
    (today >= date).then(|| {
        format!(
            "personal data was to be deleted by {date} (study.ron) and {} still exists: run `casebook purge-contacts --yes`",
            path.display()
        )
    })
}

/// Finds the study folder: `--study DIR`, else the nearest folder upwards
/// holding `cases/study.ron`. Paths are kept relative to the current folder
/// where possible, so messages name files as the user would type them.
pub fn locate(study: Option<&Path>) -> Result<Layout, String> {
    if let Some(dir) = study {
        if !dir.join("cases").join("study.ron").is_file() {
            return Err(format!("{}: no study here (cases/study.ron is missing)", dir.display()));
        }
        return Ok(Layout::new(dir));
    }
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let root = find_study_root(&cwd).ok_or_else(|| {
        "no study found here or in any folder above (looked for cases/study.ron); use --study DIR or `casebook init DIR`".to_string()
    })?;
    Ok(Layout::new(relative_to(&root, &cwd)))
}

/// `root` as seen from `cwd` when `cwd` is inside it (`""`, `..`, `../..`).
fn relative_to(root: &Path, cwd: &Path) -> PathBuf {
    match cwd.strip_prefix(root) {
        Ok(below) => below
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .map(|_| "..")
            .collect(),
        Err(_) => root.to_path_buf(),
    }
}

pub fn open(study: Option<&Path>, as_user: Option<&str>) -> Result<Opened, String> {
    let layout = locate(study)?;
    let loaded = store::load(&layout);
    let config = identity::config_path().map(|p| identity::load_config(&p));
    let mut problems = loaded.problems;
    let config = match config {
        Some(Ok(config)) => config,
        Some(Err(problem)) => {
            problems.push(problem);
            Default::default()
        }
        None => Default::default(),
    };
    let env = std::env::var("CASEBOOK_USER").ok();
    let git_dir = if layout.root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        layout.root.as_path()
    };
    let git_name = identity::git_user_name(git_dir);
    let clues = IdentityClues {
        flag: as_user,
        environment: env.as_deref(),
        config: config.user.as_ref(),
        git_name: git_name.as_deref(),
    };
    let (identity, identity_error) = match identity::resolve(&loaded.data.study, &clues) {
        Ok(identity) => (identity, None),
        Err(e) => (None, Some(e)),
    };
    let contacts_path = private::contacts_path(&layout);
    let contacts = match contacts_path.as_deref().map(private::load_contacts) {
        Some(Ok(contacts)) => contacts,
        Some(Err(problem)) => {
            problems.push(problem);
            Contacts::default()
        }
        None => Contacts::default(),
    };
    let deletion_warning = deletion_warning(
        &loaded.data,
        contacts_path.as_deref(),
        chrono::Local::now().date_naive(),
    );
    Ok(Opened {
        layout,
        data: loaded.data,
        problems,
        stamps: loaded.stamps,
        failed: loaded.failed,
        identity,
        identity_error,
        contacts,
        contacts_path,
        deletion_warning,
    })
}

/// The deletion warning, worked out from `study.ron` alone, for commands to
/// print before they start.
pub fn deletion_warning_for(study: Option<&Path>) -> Option<String> {
    let layout = locate(study).ok()?;
    let text = std::fs::read_to_string(layout.study_file()).ok()?;
    let parsed: crate::domain::Study = crate::store::ron_io::from_ron(&layout.study_file(), &text).ok()?;
    let data = StudyData::empty(parsed);
    deletion_warning(
        &data,
        private::contacts_path(&layout).as_deref(),
        chrono::Local::now().date_naive(),
    )
}
