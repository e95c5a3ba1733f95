//! The review commands as a user runs them: agreement on a ratings file and
//! on the study, assign on the demo and on a fresh pool, conflicts.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

fn casebook(dir: &Path, args: &[&str]) -> Output {
    common::casebook_as(dir, None, args)
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn agreement_on_the_krippendorff_table_prints_the_published_alphas() {
    let table = common::repo().join("tests/fixtures/agreement/shared/krippendorff2011.csv");
    let table = table.to_str().unwrap();
    let nominal = json(&casebook(
        &common::repo(),
        &["agreement", "--ratings", table, "--level", "nominal", "--json"],
    ));
    assert!((nominal["krippendorff_alpha"].as_f64().unwrap() - 0.7434).abs() < 5e-5);
    assert_eq!(nominal["cohen_kappa"], serde_json::Value::Null);
    assert_eq!(nominal["fleiss_kappa"], serde_json::Value::Null);
    for key in [
        "units",
        "raters",
        "percent_agreement",
        "cohen_kappa_linear",
        "cohen_kappa_quadratic",
        "gwet_ac1",
        "pabak",
    ] {
        assert!(nominal.get(key).is_some(), "missing {key}");
    }
    let interval = json(&casebook(
        &common::repo(),
        &["agreement", "--ratings", table, "--level", "interval", "--json"],
    ));
    assert!((interval["krippendorff_alpha"].as_f64().unwrap() - 0.8491).abs() < 5e-5);
    let text = String::from_utf8(casebook(&common::repo(), &["agreement", "--ratings", table]).stdout).unwrap();
    assert!(
        text.contains("Krippendorff's alpha") && text.contains("0.7434"),
        "{text}"
    );
}

#[test]
fn agreement_on_a_broken_ratings_file_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ratings.csv");
    fs::write(&path, "unit,a,b\nu1,1,2\nu2,1\n").unwrap();
    let output = casebook(dir.path(), &["agreement", "--ratings", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:3: row: has 2 cells, the header has 3", path.display())),
        "{stderr}"
    );
    fs::write(&path, "unit,a,b\nu1,1,9\n").unwrap();
    let output = casebook(
        dir.path(),
        &["agreement", "--ratings", path.to_str().unwrap(), "--scale", "1..7"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`9` is not on the scale 1..7"));
}

#[test]
fn agreement_on_the_study_reports_every_rated_criterion_and_pair() {
    let report = json(&casebook(&common::repo(), &["agreement", "--json"]));
    let criteria = report["criteria"].as_array().unwrap();
    let names: Vec<&str> = criteria.iter().map(|c| c["criterion"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "transferability",
            "evaluation_quality",
            "innovation",
            "continuation",
            "recommend"
        ]
    );
    for c in criteria {
        assert_eq!(
            c["pairs"].as_array().unwrap().len(),
            3,
            "three researchers, three pairs"
        );
        assert!(c["krippendorff_alpha"].as_f64().is_some());
    }
    assert_eq!(criteria[0]["level"], "ordinal");
    assert_eq!(criteria[4]["level"], "nominal");
}

#[test]
fn assign_on_the_demo_leaves_every_pool_case_with_two_reviewers_and_balanced_loads() {
    let output = casebook(&common::repo(), &["assign", "--json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json(&output);
    assert_eq!(report["assigned"], 0, "the demo is fully assigned already");
    let loads: Vec<u64> = report["loads"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert!(
        loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1,
        "{loads:?}"
    );
}

#[test]
fn assign_on_an_unassigned_pool_writes_two_reviewers_into_each_case_file() {
    let dir = common::small_study();
    // Clear every assignment and review, as if the pool were freshly imported.
    for entry in fs::read_dir(dir.path().join("cases")).unwrap() {
        let case_dir = entry.unwrap().path();
        if !case_dir.is_dir() {
            continue;
        }
        for file in fs::read_dir(&case_dir).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with("review.") || name == "resolution.ron" {
                fs::remove_file(&file).unwrap();
            }
        }
        let case_file = case_dir.join("case.ron");
        let text = fs::read_to_string(&case_file).unwrap();
        let start = text.find("    reviewers: [").unwrap();
        let end = start + text[start..].find("],\n").unwrap() + 3;
        fs::write(
            &case_file,
            format!("{}    reviewers: [],\n{}", &text[..start], &text[end..]),
        )
        .unwrap();
    }
    let output = casebook(dir.path(), &["assign", "--seed", "5", "--json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json(&output);
    assert!(report["assigned"].as_u64().unwrap() > 20);
    let loaded = casebook::store::load(&casebook::store::Layout::new(dir.path()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    for case in loaded.data.cases.values().filter(|c| c.case.is_funded()) {
        assert_eq!(case.case.reviewers.len(), 2, "{}", case.case.id);
        assert_ne!(case.case.reviewers[0], case.case.reviewers[1]);
    }
    let pairs: Vec<u64> = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["cases"].as_u64().unwrap())
        .collect();
    assert!(
        pairs.iter().max().unwrap() - pairs.iter().min().unwrap() <= 1,
        "{pairs:?}"
    );
    // Running it again changes nothing.
    let again = json(&casebook(dir.path(), &["assign", "--seed", "5", "--json"]));
    assert_eq!(again["assigned"], 0);
}

#[test]
fn conflicts_lists_open_and_resolved_with_both_answers() {
    let report = json(&casebook(&common::repo(), &["conflicts", "--json"]));
    let open = report["open"].as_u64().unwrap();
    let resolved = report["resolved"].as_u64().unwrap();
    assert!(open > 0 && resolved > 0, "the demo has some of each");
    let first = &report["conflicts"][0];
    assert_eq!(first["answers"].as_array().unwrap().len(), 2);
}

#[test]
fn resolve_records_the_agreed_value_of_an_open_conflict() {
    let study = common::demo_copy();
    let report = json(&casebook(study.path(), &["conflicts", "--json"]));
    let open = report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["resolved"] == false)
        .unwrap()
        .clone();
    let (case, criterion) = (open["case"].as_str().unwrap(), open["criterion"].as_str().unwrap());
    let value = open["answers"][0]["value"].as_str().unwrap();
    let nobody = casebook(study.path(), &["resolve", case, criterion, value]);
    assert_eq!(nobody.status.code(), Some(1), "a resolution has an author");
    let output = common::casebook_as(
        study.path(),
        Some("brage"),
        &["resolve", case, criterion, value, "--note", "Agreed"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = json(&casebook(study.path(), &["conflicts", "--json"]));
    let same = after["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["case"] == case && c["criterion"] == criterion)
        .unwrap()
        .clone();
    assert_eq!(same["resolved"], true);
    assert_eq!(same["resolution"]["by"], "brage");
    assert_eq!(same["resolution"]["note"], "Agreed");
    let again = common::casebook_as(study.path(), Some("brage"), &["resolve", case, criterion, value]);
    assert_eq!(again.status.code(), Some(1), "a resolved conflict is not open any more");
    let off_scale = common::casebook_as(study.path(), Some("brage"), &["resolve", case, "transferability", "9"]);
    assert_eq!(off_scale.status.code(), Some(2));
}
