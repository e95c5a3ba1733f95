//! What stands where a study file should be can be anything: a folder, a
//! pipe, a link to a device, a huge file, a file with a byte-order mark or a
//! value of megabytes. Each is a clear problem (or simply read), never a hang,
//! never a flood, and the rest of the study loads.

mod common;

use casebook::store::{load, Layout, Problem};
use std::fs;
use std::path::{Path, PathBuf};

fn first_case(dir: &Path) -> PathBuf {
    dir.join("cases").join(common::first_project(dir))
}

fn problems_of(dir: &Path) -> Vec<Problem> {
    load(&Layout::new(dir)).problems
}

fn relative(problem: &Problem, dir: &Path) -> String {
    problem.to_string().replace(&format!("{}/", dir.display()), "")
}

#[test]
fn a_pipe_a_device_link_and_a_folder_where_files_should_be_are_named_not_read() {
    let study = common::small_study();
    let case = first_case(study.path());
    let reviews: Vec<PathBuf> = fs::read_dir(&case)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("review."))
        .collect();
    assert!(reviews.len() >= 2, "the case has two reviews");
    // A pipe: reading it would wait for ever.
    fs::remove_file(&reviews[0]).unwrap();
    let fifo = std::ffi::CString::new(reviews[0].to_string_lossy().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    // A link to a device that never ends.
    fs::remove_file(&reviews[1]).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &reviews[1]).unwrap();
    // A folder.
    let guide = study.path().join("guides").join("case-interview.ron");
    fs::remove_file(&guide).unwrap();
    fs::create_dir(&guide).unwrap();
    let problems = problems_of(study.path());
    let text: Vec<String> = problems.iter().map(|p| relative(p, study.path())).collect();
    let said = |path: &Path, what: &str| {
        let name = path.strip_prefix(study.path()).unwrap().display().to_string();
        assert!(
            text.iter().any(|t| t.starts_with(&name) && t.contains(what)),
            "{name}: expected `{what}` in {text:#?}"
        );
    };
    said(&reviews[0], "not a regular file");
    said(&reviews[1], "not a regular file");
    assert!(
        text.iter().any(|t| t.starts_with("guides/case-interview.ron")),
        "{text:#?}"
    );
    assert!(load(&Layout::new(study.path())).data.cases.len() > 1, "the rest loads");
}

#[test]
fn a_byte_order_mark_is_read_past() {
    let study = common::small_study();
    let path = first_case(study.path()).join("case.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    assert!(problems_of(study.path()).is_empty(), "{:#?}", problems_of(study.path()));
}

#[test]
fn a_problem_quotes_at_most_a_line_of_a_huge_value() {
    let study = common::small_study();
    let path = first_case(study.path()).join("case.ron");
    let text = fs::read_to_string(&path).unwrap();
    let huge = format!("Stage{}", "x".repeat(3_000_000));
    fs::write(&path, text.replacen("stage: Pool", &format!("stage: {huge}"), 1)).unwrap();
    let problems = problems_of(study.path());
    assert_eq!(problems.len(), 1, "{}", problems.len());
    let message = &problems[0].message;
    assert!(message.chars().count() <= 201, "{} characters", message.chars().count());
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_its_size() {
    let study = common::small_study();
    let path = first_case(study.path()).join("case.ron");
    let file = fs::OpenOptions::new().append(true).open(&path).unwrap();
    file.set_len(casebook::store::load::MAX_FILE_BYTES + 1).unwrap();
    let problems = problems_of(study.path());
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.message.contains("MB casebook reads")),
        "{problems:#?}"
    );
}

#[test]
fn stray_files_in_guides_are_reported() {
    let study = common::small_study();
    let guides = study.path().join("guides");
    fs::write(guides.join("notes.txt"), "a note to self").unwrap();
    fs::copy(guides.join("case-interview.ron"), guides.join("case-interview.ron~")).unwrap();
    fs::create_dir(guides.join("old")).unwrap();
    let problems = problems_of(study.path());
    for name in ["notes.txt", "case-interview.ron~", "old"] {
        assert!(
            problems
                .iter()
                .any(|p| p.path == guides.join(name) && p.message.contains("not a casebook file")),
            "{name} not reported: {problems:#?}"
        );
    }
}

/// `check --json`'s counts and error messages.
fn check(dir: &Path) -> (serde_json::Value, Vec<String>) {
    let output = common::casebook_as(dir, None, &["check", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}: {}", e["path"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect();
    (json["counts"].clone(), errors)
}

#[test]
fn a_corrupted_case_file_loses_nothing_else_in_its_folder() {
    let study = common::demo_copy();
    let (clean, errors) = check(study.path());
    assert!(errors.is_empty(), "{errors:#?}");
    // A bit flipped in a case with reviews, informants, an interview and codings.
    let path = study.path().join("cases/p2019-036/case.ron");
    let mut bytes = fs::read(&path).unwrap();
    bytes[40] ^= 0x20;
    bytes[41] = b'{';
    fs::write(&path, bytes).unwrap();
    let (counts, errors) = check(study.path());
    assert_eq!(
        counts, clean,
        "every review, informant, interview and coding still counts"
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with("cases/p2019-036/case.ron: "), "{errors:#?}");
}

#[test]
fn a_broken_interview_file_keeps_its_codings_and_is_reported_once() {
    let study = common::demo_copy();
    let (clean, _) = check(study.path());
    let path = study.path().join("cases/p2019-036/interviews/INT-02.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("Interview(", "Interview((", 1)).unwrap();
    let (counts, errors) = check(study.path());
    assert_eq!(counts["codings"], clean["codings"], "the codings are kept");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("cases/p2019-036/interviews/INT-02.ron: "),
        "{errors:#?}"
    );
}

#[test]
fn a_study_file_that_is_a_folder_is_a_problem_in_check_and_its_json() {
    let study = common::small_study();
    let path = study.path().join("cases/study.ron");
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    let output = common::casebook_as(study.path(), None, &["check", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let errors = json["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["path"].as_str().unwrap().ends_with("cases/study.ron")
                && e["message"]
                    .as_str()
                    .unwrap()
                    .contains("a folder where a file should be")),
        "{errors:#?}"
    );
}

#[test]
fn a_dangling_link_for_a_guide_is_one_problem_and_what_refers_to_it_says_so() {
    let study = common::small_study();
    let guide = study.path().join("guides/case-interview.ron");
    fs::remove_file(&guide).unwrap();
    std::os::unix::fs::symlink(study.path().join("nowhere.ron"), &guide).unwrap();
    let problems = problems_of(study.path());
    let text: Vec<String> = problems.iter().map(|p| relative(p, study.path())).collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("guides/case-interview.ron") && t.contains("a link to a file that does not exist")),
        "{text:#?}"
    );
    assert!(!text.iter().any(|t| t.contains("unknown guide")), "{text:#?}");
    let refers: Vec<&String> = text
        .iter()
        .filter(|t| t.contains("refers to guide `case-interview`, which failed to load"))
        .collect();
    assert!(!refers.is_empty(), "{text:#?}");
    assert!(
        refers.iter().all(|t| t.contains("/interviews/")),
        "only interviews refer to it: {refers:#?}"
    );
}
