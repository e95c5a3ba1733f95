//! A contact detail found in a shared file is placed at the right line and
//! column whatever the letters around it (lower-casing `İ` changes its
//! length), and `check` never panics on it.

#[test]
fn a_stored_name_after_a_dotted_capital_i_is_found_at_its_column() {
    let study = common::demo_copy();
    // One home for both runs: the contact stays in this user's private store.
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(args)
            .current_dir(study.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("HOME", home.path())
            .env("GIT_CONFIG_GLOBAL", home.path().join("gitconfig"))
            .env("CASEBOOK_USER", "astrid")
            .output()
            .unwrap()
    };
    let add = run(&[
        "informant",
        "add",
        "--case",
        "p2019-036",
        "--role",
        "adviser",
        "--name",
        "Øyvind Berg",
    ]);
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    // The name typed into a shared file (as a note, by hand or by an older casebook).
    let status = study
        .path()
        .join("cases/p2019-036/informants/INF-astrid-01.status.astrid.ron");
    let text = std::fs::read_to_string(&status).unwrap();
    let leaked = text.replacen("note: \"\"", "note: \"İbrahim: ask Øyvind Berg\"", 1);
    std::fs::write(&status, &leaked).unwrap();
    let (line, column) = leaked
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("Øyvind").map(|b| (i + 1, l[..b].chars().count() + 1)))
        .unwrap();
    let check = run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        check.status.code(),
        Some(1),
        "no panic, a problem: {stdout}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let expected = format!("INF-astrid-01.status.astrid.ron:{line}:{column}: a stored contact's name in a shared file");
    assert!(stdout.contains(&expected), "expected `{expected}` in:\n{stdout}");
}

mod common;
