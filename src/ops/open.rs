//! Opening a study: found from `--study` or from the current folder
//! upwards, loaded, who-am-I worked out, and this user's private contacts
//! read. The command line and the TUI both start here; printing and exit
//! codes are theirs.

use crate::domain::StudyData;
use crate::store::identity::{self, Identity, IdentityClues};
use crate::store::private::{self, Contacts};
use crate::store::private_location::{settle_store, store_place, StorePlace};
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
    /// Where the contacts are kept and why there (the study's id, its path).
    pub contacts_place: Option<StorePlace>,
    /// What opening did to the private store or found about it (a store
    /// moved to the study's id, a study folder that moved): warnings.
    pub store_notes: Vec<String>,
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
        // Anything named study.ron makes a study: a folder or an unreadable
        // file there is a problem the load reports, not "no study here".
        if std::fs::symlink_metadata(dir.join("cases").join("study.ron")).is_err() {
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
    let mut problems = loaded.problems;
    let who = who_am_i(&layout, &loaded.data.study, as_user, &mut problems);
    let deletion_warning = deletion_warning(
        &loaded.data,
        who.contacts_path.as_deref(),
        chrono::Local::now().date_naive(),
    );
    Ok(Opened {
        layout,
        data: loaded.data,
        problems,
        stamps: loaded.stamps,
        failed: loaded.failed,
        identity: who.identity,
        identity_error: who.identity_error,
        contacts: who.contacts,
        contacts_path: who.contacts_path,
        contacts_place: who.contacts_place,
        store_notes: who.store_notes,
        deletion_warning,
    })
}

/// Loads the study and runs the checks `casebook check` runs on it, the
/// privacy scan included (contact details of this user's store, or e-mail
/// addresses, in a shared file): what the TUI loads, so its status line and
/// `check` never disagree.
pub fn load_checked(layout: &Layout) -> store::Loaded {
    let mut loaded = store::load(layout);
    let contacts = store_place(layout, &loaded.data.study)
        .and_then(|place| private::load_contacts(&place.path).ok())
        .unwrap_or_default();
    loaded
        .problems
        .extend(crate::store::privacy::privacy_problems(layout, &contacts));
    loaded
}

/// A study located and its user known, before its data is read: what a
/// front end can show at once while the loading runs elsewhere.
pub struct Opening {
    pub layout: Layout,
    /// `study.ron` alone (team, strata, deletion date); the rest is loaded later.
    pub study: crate::domain::Study,
    /// Problems with the user's config or private contacts (the load adds its own).
    pub problems: Vec<Problem>,
    pub identity: Option<Identity>,
    pub identity_error: Option<String>,
    pub contacts: Contacts,
    pub contacts_path: Option<PathBuf>,
    pub contacts_place: Option<StorePlace>,
    pub store_notes: Vec<String>,
    pub deletion_warning: Option<String>,
}

/// Everything `open` does except loading the cases and guides: it reads
/// `study.ron` alone, which is cheap at any size. `Ok(None)` when
/// `study.ron` cannot be read or parsed: the full `open` reports that as a
/// problem of the load.
pub fn open_without_loading(study: Option<&Path>, as_user: Option<&str>) -> Result<Option<Opening>, String> {
    let layout = locate(study)?;
    let path = layout.study_file();
    let Some(parsed) = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| crate::store::ron_io::from_ron::<crate::domain::Study>(&path, &text).ok())
    else {
        return Ok(None);
    };
    let mut problems = Vec::new();
    let who = who_am_i(&layout, &parsed, as_user, &mut problems);
    let deletion_warning = deletion_warning(
        &StudyData::empty(parsed.clone()),
        who.contacts_path.as_deref(),
        chrono::Local::now().date_naive(),
    );
    Ok(Some(Opening {
        layout,
        study: parsed,
        problems,
        identity: who.identity,
        identity_error: who.identity_error,
        contacts: who.contacts,
        contacts_path: who.contacts_path,
        contacts_place: who.contacts_place,
        store_notes: who.store_notes,
        deletion_warning,
    }))
}

/// Who is at the keyboard and their private contacts.
struct Who {
    identity: Option<Identity>,
    identity_error: Option<String>,
    contacts: Contacts,
    contacts_path: Option<PathBuf>,
    contacts_place: Option<StorePlace>,
    store_notes: Vec<String>,
}

/// Works out who I am (`--as`, `CASEBOOK_USER`, the config, git's user
/// name) against the study's team, and reads my private contacts; problems
/// with the config or the contacts go to `problems`.
fn who_am_i(layout: &Layout, study: &crate::domain::Study, as_user: Option<&str>, problems: &mut Vec<Problem>) -> Who {
    let config = match identity::config_path().map(|p| identity::load_config(&p)) {
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
    let (identity, identity_error) = match identity::resolve(study, &clues) {
        Ok(identity) => (identity, None),
        Err(e) => (None, Some(e)),
    };
    let store_notes = settle_store(layout, study);
    let contacts_place = store_place(layout, study);
    let contacts_path = contacts_place.as_ref().map(|p| p.path.clone());
    let contacts = match contacts_path.as_deref().map(private::load_contacts) {
        Some(Ok(contacts)) => contacts,
        Some(Err(problem)) => {
            problems.push(problem);
            Contacts::default()
        }
        None => Contacts::default(),
    };
    Who {
        identity,
        identity_error,
        contacts,
        contacts_path,
        contacts_place,
        store_notes,
    }
}

/// The warnings every command prints before it starts, worked out from
/// `study.ron` alone: what settling the private store found (see
/// `settle_store`), and the deletion date passed with contacts still kept.
pub fn start_warnings(study: Option<&Path>) -> Vec<String> {
    let Ok(layout) = locate(study) else {
        return Vec::new();
    };
    let Some(parsed) = std::fs::read_to_string(layout.study_file())
        .ok()
        .and_then(|text| crate::store::ron_io::from_ron::<crate::domain::Study>(&layout.study_file(), &text).ok())
    else {
        return Vec::new();
    };
    let mut warnings = settle_store(&layout, &parsed);
    let path = store_place(&layout, &parsed).map(|p| p.path);
    let data = StudyData::empty(parsed);
    warnings.extend(deletion_warning(
        &data,
        path.as_deref(),
        chrono::Local::now().date_naive(),
    ));
    warnings
}
