//! A report over a study with load problems says so: the problems on stderr,
//! nothing on stdout, exit 3; `--allow-problems` prints the figures
//! knowingly, with the problems in the JSON.

mod common;

#[test]
fn every_report_over_a_study_with_problems_exits_3_and_prints_no_figures() {
    let study = common::demo_copy();
    let path = study.path().join("cases/p2019-036/case.ron");
    common::put_conflict_markers(&path);
    for report in ["status", "coverage", "stats", "agreement", "conflicts", "recruitment"] {
        let output = common::casebook_as(study.path(), Some("astrid"), &[report, "--json"]);
        assert_eq!(output.status.code(), Some(3), "{report}");
        assert!(output.stdout.is_empty(), "{report} printed figures");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("cases/p2019-036/case.ron") && stderr.contains("unresolved git merge conflict"),
            "{report}: {stderr}"
        );
        let allowed = common::casebook_as(study.path(), Some("astrid"), &[report, "--json", "--allow-problems"]);
        assert_eq!(allowed.status.code(), Some(0), "{report} --allow-problems");
        let json: serde_json::Value = serde_json::from_slice(&allowed.stdout).unwrap();
        assert!(
            json["problems"].as_array().is_some_and(|p| !p.is_empty()),
            "{report}: the JSON carries the problems"
        );
    }
}
