//! Every kind of broken input is reported as `path:line:column: message`,
//! and a broken file never stops the rest of the study from loading.

mod common;

use casebook::store::{load, Layout, Problem};
use std::fs;
use std::path::Path;

const CASE: &str = "p2019-001";

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn problems_after(edit: impl FnOnce(&Path)) -> (Vec<Problem>, usize, tempfile::TempDir) {
    let dir = common::small_study();
    let before = load(&Layout::new(dir.path()));
    assert!(
        before.problems.is_empty(),
        "the small study starts clean: {:#?}",
        before.problems
    );
    edit(dir.path());
    let after = load(&Layout::new(dir.path()));
    let cases = after.data.cases.len();
    (after.problems, cases, dir)
}

fn only(problems: &[Problem]) -> String {
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    problems[0].to_string()
}

fn relative(problem: &str, dir: &Path) -> String {
    problem.replace(&format!("{}/", dir.display()), "")
}

#[test]
fn a_ron_syntax_error_names_file_line_and_column_and_the_other_cases_still_load() {
    let (problems, cases, dir) = problems_after(|root| {
        let path = root.join("cases").join(CASE).join("case.ron");
        let text = fs::read_to_string(&path).unwrap();
        // Drop the comma after the title: line 4 of every case file.
        let broken = text.replacen("\",\n    municipality", "\"\n    municipality", 1);
        fs::write(path, broken).unwrap();
    });
    let total = load(&Layout::new(common::small_study().path())).data.cases.len();
    assert_eq!(cases, total, "the broken case's folder is kept, under a stand-in");
    assert_eq!(
        relative(&only(&problems), dir.path()),
        format!("cases/{CASE}/case.ron:5:5: Expected comma")
    );
}

#[test]
fn an_unknown_field_is_refused_not_dropped() {
    let (problems, _, dir) = problems_after(|root| {
        let path = root.join("cases").join(CASE).join("case.ron");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            path,
            text.replacen("    municipality:", "    colour: \"red\",\n    municipality:", 1),
        )
        .unwrap();
    });
    let message = relative(&only(&problems), dir.path());
    assert!(
        message.starts_with(&format!(
            "cases/{CASE}/case.ron:5:5: unknown field `colour` in Case, expected one of: id, origin, title"
        )),
        "{message}"
    );
}

#[test]
fn a_wrong_type_names_what_was_expected() {
    let (problems, _, dir) = problems_after(|root| {
        let path = root.join("cases").join(CASE).join("case.ron");
        let text = fs::read_to_string(&path).unwrap();
        let population = text.lines().position(|l| l.starts_with("    population:")).unwrap() + 1;
        let edited: Vec<String> = text
            .lines()
            .map(|l| {
                if l.starts_with("    population:") {
                    "    population: Some(\"many\"),".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        fs::write(path, edited.join("\n") + "\n").unwrap();
        fs::write(root.join("expected-line"), population.to_string()).unwrap();
    });
    let line = fs::read_to_string(dir.path().join("expected-line")).unwrap();
    assert_eq!(
        relative(&only(&problems), dir.path()),
        format!("cases/{CASE}/case.ron:{line}:22: Expected integer")
    );
}

#[test]
fn a_review_by_a_researcher_the_study_does_not_know_is_reported() {
    let (problems, _, dir) = problems_after(|root| {
        write(
            root,
            &format!("cases/{CASE}/review.zed.ron"),
            &format!(
                "Review(\n    case: \"{CASE}\",\n    reviewer: \"zed\",\n    submitted: None,\n    answers: {{}},\n)\n"
            ),
        );
    });
    assert_eq!(
        relative(&only(&problems), dir.path()),
        format!("cases/{CASE}/review.zed.ron:3:15: unknown researcher `zed`")
    );
}

#[test]
fn an_informant_referred_by_an_unknown_informant_is_reported() {
    let (problems, _, dir) = problems_after(|root| {
        write(
            root,
            &format!("cases/{CASE}/informants/INF-99.ron"),
            &informant("INF-404"),
        );
    });
    assert_eq!(
        relative(&only(&problems), dir.path()),
        format!("cases/{CASE}/informants/INF-99.ron:8:13: unknown informant (referred by) `INF-404`")
    );
}

#[test]
fn a_coding_with_an_unknown_code_is_reported() {
    let (problems, _, dir) = problems_after(|root| {
        write(
            root,
            &format!("cases/{CASE}/informants/INF-99.ron"),
            &informant_without_referral(),
        );
        write(root, &format!("cases/{CASE}/interviews/INT-99.ron"), INTERVIEW);
        write(
            root,
            &format!("cases/{CASE}/interviews/INT-99.codes.astrid.ron"),
            "Codings(\n    interview: \"INT-99\",\n    coder: \"astrid\",\n    codings: [\n        Coding(\n            question: \"project.origin\",\n            start: 0,\n            end: 8,\n            text: \"The idea\",\n            codes: [\n                \"no-such-code\",\n            ],\n        ),\n    ],\n)\n",
        );
    });
    assert_eq!(
        relative(&only(&problems), dir.path()),
        format!("cases/{CASE}/interviews/INT-99.codes.astrid.ron:11:17: unknown code `no-such-code`")
    );
}

#[test]
fn git_conflict_markers_are_named_as_an_unresolved_merge() {
    let (problems, _, dir) = problems_after(|root| {
        let path = root.join("cases").join(CASE).join("case.ron");
        let text = fs::read_to_string(&path).unwrap();
        let conflicted = text.replacen(
            "    municipality:",
            "<<<<<<< HEAD\n    municipality: \"A\",\n=======\n    municipality: \"B\",\n>>>>>>> theirs\n    municipality:",
            1,
        );
        fs::write(path, conflicted).unwrap();
    });
    assert_eq!(
        relative(&only(&problems), dir.path()),
        format!("cases/{CASE}/case.ron:5:1: unresolved git merge conflict")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_not_a_panic() {
    let (problems, _, dir) = problems_after(|root| {
        fs::write(root.join("guides/codebook.ron"), b"Codebook(\n    codes: [\xff],\n)\n").unwrap();
    });
    assert_eq!(
        relative(&only(&problems), dir.path()),
        "guides/codebook.ron:2:13: file is not valid UTF-8 text"
    );
}

fn informant(referrer: &str) -> String {
    format!(
        "Informant(\n    id: \"INF-99\",\n    case: \"{CASE}\",\n    kind: Case,\n    role: \"project leader\",\n    organisation: \"municipality\",\n    referred_by: Some(Informant(\n        id: \"{referrer}\",\n        interview: None,\n    )),\n)\n"
    )
}

fn informant_without_referral() -> String {
    format!("Informant(\n    id: \"INF-99\",\n    case: \"{CASE}\",\n    kind: Case,\n    role: \"project leader\",\n    organisation: \"municipality\",\n)\n")
}

const INTERVIEW: &str = "Interview(\n    id: \"INT-99\",\n    case: \"p2019-001\",\n    guide: \"case-interview\",\n    informants: [\"INF-99\"],\n    researchers: [\"astrid\"],\n    mode: Digital,\n    recording: NotesOnly,\n    notes: [\n        QuestionNote(\n            question: \"project.origin\",\n            covered: true,\n            text: \"The idea came from a visit.\",\n        ),\n    ],\n)\n";
