//! The demo study loads without a problem, saves byte-identical, and is
//! exactly what the generator produces.

mod common;

use casebook::generate::demo;
use casebook::store::ron_io::to_ron;
use casebook::store::{load, save_all, Layout};
use std::fs;

#[test]
fn the_demo_study_loads_without_problems() {
    let loaded = load(&Layout::new(common::repo()));
    assert!(loaded.problems.is_empty(), "problems: {:#?}", loaded.problems);
    let counts = loaded.data.counts();
    assert_eq!(counts.cases, 325);
    assert_eq!(counts.reviews, 400);
    assert_eq!(counts.guides, 2);
    assert_eq!(counts.codes, 33);
}

#[test]
fn saving_an_unchanged_study_rewrites_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["cases", "guides"] {
        copy_tree(&common::repo().join(sub), &dir.path().join(sub));
    }
    let layout = Layout::new(dir.path());
    let before: Vec<_> = common::files_under(dir.path())
        .into_iter()
        .map(|f| {
            (
                f.clone(),
                fs::read(dir.path().join(&f)).unwrap(),
                fs::metadata(dir.path().join(&f)).unwrap().modified().unwrap(),
            )
        })
        .collect();
    let mut loaded = load(&layout);
    let written = save_all(&layout, &mut loaded.stamps, &loaded.data).unwrap();
    assert_eq!(written, 0, "an unchanged study must not be rewritten");
    for (file, bytes, modified) in before {
        let path = dir.path().join(&file);
        assert_eq!(fs::read(&path).unwrap(), bytes, "{} changed", file.display());
        assert_eq!(
            fs::metadata(&path).unwrap().modified().unwrap(),
            modified,
            "{} was touched",
            file.display()
        );
    }
}

#[test]
fn every_demo_file_serialises_back_to_its_own_bytes() {
    let loaded = load(&Layout::new(common::repo()));
    let layout = Layout::new(common::repo());
    let check = |path: std::path::PathBuf, text: String| {
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            text,
            "{} does not round-trip",
            path.display()
        );
    };
    check(layout.study_file(), to_ron(&loaded.data.study).unwrap());
    check(layout.codebook_file(), to_ron(&loaded.data.codebook).unwrap());
    for (id, case) in &loaded.data.cases {
        check(layout.case_file(id), to_ron(&case.case).unwrap());
        for (reviewer, review) in &case.reviews {
            check(layout.review_file(id, reviewer), to_ron(review).unwrap());
        }
        for (interview_id, interview) in &case.interviews {
            check(
                layout.interview_file(id, interview_id),
                to_ron(&interview.interview).unwrap(),
            );
            for (coder, codings) in &interview.codings {
                check(layout.codings_file(id, interview_id, coder), to_ron(codings).unwrap());
            }
        }
    }
}

#[test]
fn the_committed_demo_is_the_generators_output() {
    let loaded = load(&Layout::new(common::repo()));
    assert!(
        loaded.data == demo(),
        "cases/ and guides/ differ from `casebook generate`; regenerate the demo"
    );
}

#[test]
fn the_demo_holds_the_selection_and_fieldwork_of_the_domain() {
    use casebook::domain::*;
    let data = load(&Layout::new(common::repo())).data;
    let projects: Vec<&Case> = data
        .cases
        .values()
        .map(|c| &c.case)
        .filter(|c| c.origin == Origin::Project)
        .collect();
    let at = |stage| projects.iter().filter(|c| c.stage == stage).count();
    assert_eq!(at(Stage::Selected), 13);
    assert_eq!(at(Stage::Reserve), 7);
    assert_eq!(at(Stage::Selected) + at(Stage::Reserve) + at(Stage::Shortlisted), 29);
    assert!((190..=210).contains(&projects.iter().filter(|c| c.is_funded()).count()));
    let interviewed: Vec<&Informant> = data
        .informants()
        .filter(|i| i.kind == InformantKind::Case && i.status() == RecruitmentStatus::Interviewed)
        .collect();
    assert_eq!(interviewed.len(), 17);
    let municipalities: std::collections::BTreeSet<&str> = interviewed
        .iter()
        .map(|i| data.cases[&i.case].case.municipality.as_str())
        .collect();
    assert_eq!(municipalities.len(), 16);
    let administration = data
        .interviews()
        .filter(|i| i.interview.case.as_str() == "administration")
        .count();
    assert_eq!(administration, 5);
    for case in data.cases.values().filter(|c| c.case.is_funded()) {
        assert_eq!(case.reviews.len(), 2, "{} needs two reviews", case.case.id);
        assert_ne!(case.case.reviewers[0], case.case.reviewers[1]);
    }
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
