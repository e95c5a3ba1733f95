//! Parallel work in git, for real: three clones of one study, each with its
//! own researcher at work, committed and merged through a shared remote.
//! One writer per file (resolutions and statuses per author, ids that carry
//! their author) means every merge is free of conflicts, and the merged
//! study passes `check` with every piece of work in it.

mod common;

use casebook::analysis::conflicts::case_conflicts;
use casebook::domain::*;
use casebook::store::{load, save_value, Layout};
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

    // Another case the two of them review: their reviews are yet to be done.
    let reviewed = data
        .cases
        .values()
        .find(|c| {
            c.case.id != case
                && c.case.reviewers.len() == 2
                && c.case.reviewers.iter().all(|r| r.as_str() == a || r.as_str() == b)
        })
        .expect("another case for the two of them")
        .case
        .id
        .clone();
    for reviewer in [&a, &b] {
        std::fs::remove_file(Layout::new(seed).review_file(&reviewed, &ResearcherId::new(reviewer.as_str()))).unwrap();
    }

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
    // Both review the same case, blind, each in their own file.
    for (dir, who, point) in [(&a_dir, &a, "5"), (&b_dir, &b, "3")] {
        casebook(
            dir,
            who,
            &[
                "review",
                reviewed.as_str(),
                &format!("transferability={point}"),
                "evaluation_quality=4",
                "innovation=4",
                "continuation=yes",
                "recommend=maybe",
                "--submit",
            ],
        );
    }
    // Both code the same interview (each in their own codings file).
    code(&a_dir, &a);
    code(&b_dir, &b);
    // The lead moves a stage and renames a code in the codebook.
    casebook(
        &lead_dir,
        &lead,
        &["stage", &pool_case, "shortlisted", "--reason", "Adds the coast"],
    );
    let lead_layout = Layout::new(&lead_dir);
    let loaded = load(&lead_layout);
    let mut codebook = loaded.data.codebook.clone();
    codebook.codes[0].name.push_str(" (renamed by the lead)");
    let mut stamps = loaded.stamps.clone();
    save_value(&mut stamps, &lead_layout.codebook_file(), &codebook).unwrap();

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
    for reviewer in [&a, &b] {
        assert!(
            merged.cases[&reviewed].reviews[&ResearcherId::new(reviewer.as_str())].is_submitted(),
            "{reviewer}'s review"
        );
    }
    let interview = &merged.cases[&CaseId::new(CODED.0)].interviews[&InterviewId::new(CODED.1)];
    for coder in [&a, &b] {
        let codings = &interview
            .codings
            .get(&ResearcherId::new(coder.as_str()))
            .unwrap_or_else(|| panic!("{coder}: {:?}", interview.codings.keys()))
            .codings;
        assert!(
            codings
                .iter()
                .any(|c| c.memo == format!("coded by {coder} in their clone")),
            "{coder}'s coding"
        );
    }
    assert!(merged.codebook.codes[0].name.ends_with("(renamed by the lead)"));
}

/// The interview both researchers code: its case and id.
const CODED: (&str, &str) = ("p2019-036", "INT-02");

/// `coder` codes the first words of the interview's first note, in their
/// own codings file (written through the store: the coding commands come
/// with the coding issue).
fn code(clone: &Path, coder: &str) {
    let layout = Layout::new(clone);
    let loaded = load(&layout);
    let (case, id) = (CaseId::new(CODED.0), InterviewId::new(CODED.1));
    let data = &loaded.data.cases[&case].interviews[&id];
    let me = ResearcherId::new(coder);
    let mut codings = data.codings.get(&me).cloned().unwrap_or_else(|| Codings {
        interview: id.clone(),
        coder: me.clone(),
        notes_of: None,
        codings: Vec::new(),
        done: false,
    });
    let note = &data.interview.notes[0];
    codings.codings.push(Coding {
        question: note.question.clone(),
        start: 0,
        end: 5,
        text: note.text.chars().take(5).collect(),
        codes: vec![loaded.data.codebook.codes[0].id.clone()],
        quote: false,
        memo: format!("coded by {coder} in their clone"),
        date: None,
        anchor: Anchor::Exact,
    });
    let mut stamps = loaded.stamps.clone();
    save_value(&mut stamps, &layout.codings_file(&case, &id, &me), &codings).unwrap();
}
