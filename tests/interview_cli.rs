//! The interview commands of the real binary: a guide as Markdown, the list
//! of interviews with coverage and coding, consent recorded once, and a
//! generated study with a given number of interviews.

mod common;

use common::{casebook_as, demo_copy};

#[test]
fn guide_show_prints_the_guide_as_markdown() {
    let dir = demo_copy();
    let out = casebook_as(dir.path(), Some("astrid"), &["guide", "show", "case-interview"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# Interview guide: case projects\n"), "{text}");
    for expected in [
        "## Summing up",
        "about 60 minutes",
        "   - *Note to self: For example on transferability",
        "   - *Asked only when pilot is yes.*",
        "8. Where did the idea, inspiration or model come from? `project.origin`",
    ] {
        assert!(text.contains(expected), "no `{expected}` in:\n{text}");
    }
    let missing = casebook_as(dir.path(), Some("astrid"), &["guide", "show", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no guide `nope`"));
}

#[test]
fn interviews_lists_coverage_of_the_questions_that_apply_and_the_coding_state() {
    let dir = demo_copy();
    let out = casebook_as(dir.path(), Some("astrid"), &["interviews", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = json["interviews"].as_array().unwrap();
    assert_eq!(rows.len(), 22);
    let first = rows.iter().find(|r| r["id"] == "INT-01").unwrap();
    assert_eq!(first["informants"], serde_json::json!(["INF-01"]));
    assert!(first["covered"].as_u64().unwrap() <= first["asked"].as_u64().unwrap());
    // The case guide has 31 questions; two are conditional.
    let asked: Vec<u64> = rows
        .iter()
        .filter(|r| r["guide"] == "case-interview")
        .map(|r| r["asked"].as_u64().unwrap())
        .collect();
    assert!(asked.iter().all(|a| (29..=31).contains(a)), "{asked:?}");
    assert!(rows.iter().all(|r| r["coded"] == true));
    let table = casebook_as(dir.path(), Some("astrid"), &["interviews"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("22 interviews, 22 coded"), "{text}");
}

#[test]
fn consent_is_recorded_once_from_the_command_line() {
    let dir = demo_copy();
    // INF-27 and later were added by snowball or declined; find one without consent.
    let loaded = casebook::store::load(&casebook::store::Layout::new(dir.path()));
    let informant = loaded.data.informants().find(|i| i.consent.is_none()).cloned().unwrap();
    let args = [
        "informant",
        "consent",
        informant.id.as_str(),
        "--date",
        "2025-06-03",
        "--quotes",
    ];
    let first = casebook_as(dir.path(), Some("cora"), &args);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let status = dir.path().join(format!(
        "cases/{}/informants/{}.status.cora.ron",
        informant.case, informant.id
    ));
    let text = std::fs::read_to_string(status).unwrap();
    assert!(
        text.contains("consent: Some(Consent(") && text.contains("quotes: true"),
        "{text}"
    );
    let again = casebook_as(dir.path(), Some("brage"), &args);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("recorded already"));
}

#[test]
fn check_warns_about_an_interview_with_an_informant_without_consent_and_still_exits_0() {
    let dir = demo_copy();
    let status = dir.path().join("cases/p2023-024/informants/INF-01.status.brage.ron");
    let text = std::fs::read_to_string(&status).unwrap();
    let start = text.find("    consent: Some(").unwrap();
    let end = text[start..].find("    )),\n").unwrap() + start + "    )),\n".len();
    std::fs::write(&status, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let out = casebook_as(dir.path(), Some("astrid"), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("INT-01.ron: interview with INF-01, whose consent is not recorded"),
        "{stderr}"
    );
}

#[test]
fn generate_holds_as_many_interviews_as_asked_with_notes_of_several_hundred_words() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("big");
    let out = casebook_as(
        dir.path(),
        None,
        &[
            "generate",
            "--out",
            out_dir.to_str().unwrap(),
            "--projects",
            "60",
            "--interviews",
            "80",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let loaded = casebook::store::load(&casebook::store::Layout::new(&out_dir));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.data.counts().interviews, 80);
    for interview in loaded
        .data
        .interviews()
        .filter(|i| i.interview.guide.as_str() == "case-interview")
    {
        let words: usize = interview
            .interview
            .notes
            .iter()
            .map(|n| n.text.split_whitespace().count())
            .sum();
        assert!(words >= 200, "{} has {words} words", interview.interview.id);
    }
}
