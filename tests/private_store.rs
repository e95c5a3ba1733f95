//! The private contacts store under parallel use: two casebooks adding an
//! informant with a contact at the same moment both keep theirs, and the
//! file is the owner's alone from the moment it exists.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

fn add(study: &Path, home: &Path, user: &str, name: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args([
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--name",
            name,
        ])
        .current_dir(study)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("CASEBOOK_USER", user)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run casebook")
}

#[test]
fn two_adds_at_the_same_moment_keep_both_contacts() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    for round in 0..10 {
        let first = add(study.path(), home.path(), "astrid", &format!("Astrid Contact {round}"));
        let second = add(study.path(), home.path(), "brage", &format!("Brage Contact {round}"));
        for child in [first, second] {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        }
    }
    let contacts = common::files_under(&home.path().join("data"))
        .into_iter()
        .find(|p| p.ends_with("contacts.ron"))
        .expect("a contacts file");
    let path = home.path().join("data").join(contacts);
    let text = std::fs::read_to_string(&path).unwrap();
    for round in 0..10 {
        for who in ["Astrid", "Brage"] {
            assert!(
                text.contains(&format!("{who} Contact {round}")),
                "{who} {round} lost:\n{text}"
            );
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the owner's alone");
    }
    assert!(!path.with_extension("ron.lock").exists(), "the lock is released");
}
