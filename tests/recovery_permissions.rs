//! The recovery folder holds typed text (interview notes among it): it is
//! the user's alone, the folder 0700 and every file 0600, whatever the umask.
#![cfg(unix)]

use casebook::store::recovery::recovery_name;
use casebook::tui::app::Unsaved;
use casebook::tui::effects::keep_unsaved;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn unsaved(path: &str, text: &str) -> Unsaved {
    Unsaved {
        path: PathBuf::from(path),
        text: text.into(),
        why: "changed on disk".into(),
    }
}

#[test]
fn the_recovery_folder_and_its_files_are_readable_by_their_owner_alone() {
    let data = tempfile::tempdir().unwrap();
    // As `recovery_dir` makes it: folders that do not exist yet.
    let recovery = data.path().join("casebook/recovery/20250603-101500");
    let lines = keep_unsaved(
        &[
            unsaved(
                "cases/p2019-036/interviews/IV-astrid-01.ron",
                "notes typed in the interview",
            ),
            unsaved("cases/p2019-036/case.ron", "Case(title: \"mine\")"),
        ],
        Some(&recovery),
    );
    assert!(lines.iter().all(|l| l.contains("your version is in")), "{lines:?}");
    assert_eq!(mode(&recovery), 0o700, "the folder");
    for folder in ["casebook", "casebook/recovery"] {
        assert_eq!(mode(&data.path().join(folder)), 0o700, "{folder}, made on the way");
    }
    let files: Vec<PathBuf> = std::fs::read_dir(&recovery)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    // Named after the file's whole path (absolute where its folder exists).
    let name = recovery_name(Path::new("cases/p2019-036/interviews/IV-astrid-01.ron"));
    assert!(name.ends_with("cases_p2019-036_interviews_IV-astrid-01.ron"), "{name}");
    let text = std::fs::read_to_string(recovery.join(name)).unwrap();
    assert_eq!(text, "notes typed in the interview");
}

#[test]
fn a_recovery_folder_made_open_earlier_is_closed_when_text_is_kept_in_it() {
    let data = tempfile::tempdir().unwrap();
    let recovery = data.path().join("recovery");
    std::fs::create_dir(&recovery).unwrap();
    std::fs::set_permissions(&recovery, std::fs::Permissions::from_mode(0o755)).unwrap();
    keep_unsaved(&[unsaved("cases/p2019-036/case.ron", "mine")], Some(&recovery));
    assert_eq!(mode(&recovery), 0o700);
    assert_eq!(
        mode(&recovery.join(recovery_name(Path::new("cases/p2019-036/case.ron")))),
        0o600
    );
}
