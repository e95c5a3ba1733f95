//! Parallel work in git, for real: three clones of one study, each with its
//! own researcher at work, committed and merged through a shared remote.
//! One writer per file (resolutions and statuses per author, ids that carry
//! their author) means every merge is free of conflicts, and the merged
//! study passes `check` with every piece of work in it.

mod common;

use casebook::analysis::conflicts::case_conflicts;
use casebook::domain::*;
use casebook::store::{load, Layout};
use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, home: &Path, args: &[&str]) -> Output {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@invalid",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?} in {}: {}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn casebook(dir: &Path, user: &str, args: &[&str]) {
    let output = common::casebook_as(dir, Some(user), args);
    assert!(
        output.status.success(),
        "casebook {args:?} as {user}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Commits everything in `clone`, then merges the remote in and pushes.
fn commit_merge_push(clone: &Path, home: &Path, message: &str) {
    git(clone, home, &["add", "-A"]);
    git(clone, home, &["commit", "-q", "-m", message]);
    git(
        clone,
        home,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    git(clone, home, &["push", "-q", "origin", "HEAD:main"]);
}

#[test]
fn three_researchers_in_three_clones_merge_without_conflicts() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let study = common::demo_copy();
    let root = tempfile::tempdir().unwrap();
    let origin = root.path().join("origin.git");
    let seed = study.path();
    std::fs::write(seed.join(".gitignore"), "/private/\n.*.tmp\n").unwrap();
    git(seed, home, &["init", "-q"]);
    git(seed, home, &["add", "-A"]);
    git(seed, home, &["commit", "-q", "-m", "the study"]);
    git(
        root.path(),
        home,
        &[
            "clone",
            "-q",
            "--bare",
            seed.to_str().unwrap(),
            origin.to_str().unwrap(),
        ],
    );
    let clone = |name: &str| {
        let dir = root.path().join(name);
        git(
            root.path(),
            home,
            &["clone", "-q", origin.to_str().unwrap(), dir.to_str().unwrap()],
        );
        dir
    };
    let (a_dir, b_dir, lead_dir) = (clone("a"), clone("b"), clone("lead"));

    // A case where the two reviewers disagree on at least two criteria.
    let data = load(&Layout::new(seed)).data;
    let (case, conflicts) = data
        .cases
        .values()
        .find_map(|c| {
            let open: Vec<_> = case_conflicts(&data.study, c, None)
                .into_iter()
                .filter(|(_, resolved)| !resolved)
                .map(|(conflict, _)| conflict)
                .collect();
            (open.len() >= 2).then(|| (c.case.id.clone(), open))
        })
        .expect("a case with two open conflicts");
    let (a, b) = (conflicts[0].first.0.to_string(), conflicts[0].second.0.to_string());
    let lead = data.study.lead.clone().expect("the demo names its lead").to_string();
    let informant = "INF-15";
    let pool_case = data
        .cases
        .values()
        .find(|c| c.case.stage == Stage::Pool && c.case.id != case)
        .unwrap()
        .case
        .id
        .to_string();

    // A: resolves one criterion, records a status, adds an informant.
    let value = |answer: &Answer| answer.label();
    casebook(
        &a_dir,
        &a,
        &[
            "resolve",
            case.as_str(),
            conflicts[0].criterion.as_str(),
            &value(&conflicts[0].first.1),
            "--note",
            "A's reading",
        ],
    );
    casebook(
        &a_dir,
        &a,
        &["informant", "status", informant, "contacted", "--note", "A called"],
    );
    casebook(
        &a_dir,
        &a,
        &["informant", "add", "--case", "p2019-036", "--role", "teacher"],
    );
    // B, at the same time: resolves the other criterion, the same informant, another informant.
    casebook(
        &b_dir,
        &b,
        &[
            "resolve",
            case.as_str(),
            conflicts[1].criterion.as_str(),
            &value(&conflicts[1].second.1),
            "--note",
            "B's reading",
        ],
    );
    casebook(
        &b_dir,
        &b,
        &["informant", "status", informant, "agreed", "--note", "B heard back"],
    );
    casebook(
        &b_dir,
        &b,
        &["informant", "add", "--case", "p2019-036", "--role", "caseworker"],
    );
    // The lead moves a stage.
    casebook(
        &lead_dir,
        &lead,
        &["stage", &pool_case, "shortlisted", "--reason", "Adds the coast"],
    );

    commit_merge_push(&a_dir, home, "A's work");
    commit_merge_push(&b_dir, home, "B's work");
    commit_merge_push(&lead_dir, home, "the lead's work");
    git(
        &a_dir,
        home,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );

    // Everything is there, once, and the study is clean.
    let output = common::casebook_as(&a_dir, None, &["check"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let merged = load(&Layout::new(&a_dir)).data;
    let resolved = &merged.cases[&case];
    for conflict in &conflicts[..2] {
        assert!(
            case_conflicts(&merged.study, resolved, None)
                .iter()
                .any(|(c, done)| c.criterion == conflict.criterion && *done),
            "{} is resolved after the merge",
            conflict.criterion
        );
    }
    let notes: Vec<&str> = merged
        .informant(&InformantId::new(informant))
        .unwrap()
        .status_history
        .iter()
        .map(|s| s.note.as_str())
        .collect();
    assert!(
        notes.contains(&"A called") && notes.contains(&"B heard back"),
        "{notes:?}"
    );
    let new: Vec<String> = merged
        .informants()
        .filter(|i| i.role == "teacher" || i.role == "caseworker")
        .map(|i| i.id.to_string())
        .collect();
    assert_eq!(new.len(), 2, "both new informants, with different ids: {new:?}");
    assert_ne!(new[0], new[1]);
    assert_eq!(merged.cases[&CaseId::new(&pool_case)].case.stage, Stage::Shortlisted);
}
