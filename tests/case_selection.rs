//! Choosing cases: search with Norwegian folding, filters that combine,
//! the stage log, coverage and gaps on a hand-made study, and the
//! suggestion where the answer is known.

mod common;

use casebook::analysis::case_query::{CaseQuery, Column, FilterOn};
use casebook::analysis::coverage::{by_stratum, gaps, matrix};
use casebook::analysis::suggest::{next_case, reserves_for_selected};
use casebook::domain::*;
use casebook::generate::demo;
use std::collections::BTreeMap;

/// A case of a hand-made study.
fn case(id: &str, municipality: &str, region: &str, population: u64, kind: ProjectKind, stage: Stage) -> CaseData {
    CaseData::new(Case {
        id: CaseId::new(id),
        origin: Origin::Project,
        title: format!("Project in {municipality}"),
        municipality: municipality.to_string(),
        county: String::new(),
        region: region.to_string(),
        population: Some(population),
        focus_area: Some("work".to_string()),
        kind: Some(kind),
        pilot: false,
        applications: vec![Application {
            id: ApplicationId::new(format!("A-{id}")),
            year: 2023,
            status: ApplicationStatus::Granted,
            focus_area: Some("work".to_string()),
            amount_applied: 100,
            amount_granted: 100,
        }],
        documents: vec![],
        attributes: BTreeMap::new(),
        reviewers: vec![],
        excluded_reviewers: vec![],
        stage,
        stage_log: vec![],
    })
}

/// Six funded projects: two selected in Østlandet, one reserve, three
/// shortlisted of which only one is from Nord-Norge.
fn hand_made() -> StudyData {
    let mut data = demo();
    data.cases.clear();
    data.study.targets = vec![Target {
        stratum: Stratum::Region,
        value: "Østlandet".into(),
        min_selected: 3,
    }];
    data.study.strata.focus_areas = vec![FocusArea {
        id: "work".into(),
        name: "Work practice".into(),
        years: vec![2023],
    }];
    for c in [
        case("c1", "Oslo", "Østlandet", 700_000, ProjectKind::New, Stage::Selected),
        case("c2", "Bærum", "Østlandet", 129_000, ProjectKind::New, Stage::Selected),
        case("c3", "Hamar", "Østlandet", 32_000, ProjectKind::New, Stage::Reserve),
        case(
            "c4",
            "Tromsø",
            "Nord-Norge",
            77_000,
            ProjectKind::Adaptation,
            Stage::Shortlisted,
        ),
        case(
            "c5",
            "Bergen",
            "Vestlandet",
            287_000,
            ProjectKind::New,
            Stage::Shortlisted,
        ),
        case("c6", "Bømlo", "Vestlandet", 12_100, ProjectKind::New, Stage::Pool),
    ] {
        data.cases.insert(c.case.id.clone(), c);
    }
    data
}

#[test]
fn plain_letters_find_norwegian_ones_and_matches_are_marked() {
    let data = demo();
    for (typed, municipality) in [
        ("bomlo", "Bømlo"),
        ("tromso", "Tromsø"),
        ("baerum", "Bærum"),
        ("alesund", "Ålesund"),
    ] {
        let query = CaseQuery {
            search: typed.to_string(),
            ..CaseQuery::default()
        };
        let found = query.apply(&data);
        assert!(!found.is_empty(), "{typed} finds nothing");
        assert_eq!(
            found[0].case.case.municipality, municipality,
            "{typed} should find {municipality} first"
        );
        assert!(!found[0].in_municipality.is_empty(), "matched letters are marked");
    }
    // Marks point at the municipality's own letters: in Bærum, `ae` is the æ.
    let query = CaseQuery {
        search: "baerum".into(),
        ..CaseQuery::default()
    };
    let found = query.apply(&data);
    assert_eq!(found[0].in_municipality, vec![0, 1, 2, 3, 4]);
}

#[test]
fn filters_on_different_strata_narrow_and_values_of_one_widen() {
    let data = hand_made();
    let mut query = CaseQuery::default();
    query
        .filters
        .entry(FilterOn::Stratum(Stratum::Region))
        .or_default()
        .insert("Vestlandet".into());
    assert_eq!(query.apply(&data).len(), 2);
    query
        .filters
        .entry(FilterOn::Stratum(Stratum::Region))
        .or_default()
        .insert("Nord-Norge".into());
    assert_eq!(query.apply(&data).len(), 3, "two regions: either");
    query
        .filters
        .entry(FilterOn::Stage)
        .or_default()
        .insert("shortlisted".into());
    let ids: Vec<&str> = query.apply(&data).iter().map(|f| f.case.case.id.as_str()).collect();
    assert_eq!(ids, ["c4", "c5"], "region and stage: both");
}

#[test]
fn sorting_by_size_band_orders_by_population() {
    let data = hand_made();
    let query = CaseQuery {
        sort: Column::SizeBand,
        descending: true,
        ..CaseQuery::default()
    };
    let ids: Vec<&str> = query.apply(&data).iter().map(|f| f.case.case.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c5", "c2", "c4", "c3", "c6"]);
}

#[test]
fn coverage_counts_and_gaps_on_a_hand_made_study() {
    let data = hand_made();
    let regions = by_stratum(&data, Stratum::Region);
    let row = |key: &str| regions.iter().find(|r| r.key == key).unwrap().clone();
    let east = row("Østlandet");
    assert_eq!(
        (east.frame, east.shortlisted, east.selected, east.reserve, east.target),
        (3, 3, 2, 1, Some(3))
    );
    let west = row("Vestlandet");
    assert_eq!((west.frame, west.shortlisted, west.selected), (2, 1, 0));
    let cells = matrix(&data, Stratum::SizeBand, Stratum::Region);
    let big_east = cells
        .iter()
        .find(|c| c.row == ">50000" && c.column == "Østlandet")
        .unwrap();
    assert_eq!((big_east.frame, big_east.selected), (2, 2));
    let gaps = gaps(&data);
    assert!(
        gaps.contains(&"no selected case from Nord-Norge".to_string()),
        "{gaps:?}"
    );
    assert!(
        gaps.contains(&"no selected case from Vestlandet".to_string()),
        "{gaps:?}"
    );
    assert!(
        gaps.contains(&"region Østlandet: 2 selected, target 3".to_string()),
        "{gaps:?}"
    );
    assert!(
        gaps.contains(&"no selected case of kind adaptation".to_string()),
        "{gaps:?}"
    );
    assert!(
        !gaps.iter().any(|g| g.contains("Sørlandet")),
        "no frame there, so no gap: {gaps:?}"
    );
}

#[test]
fn the_suggestion_picks_the_shortlisted_case_adding_most_and_the_reserve_that_keeps_coverage() {
    let data = hand_made();
    // c4 (Tromsø) adds Nord-Norge and kind adaptation; c5 (Bergen) adds only Vestlandet.
    let next = next_case(&data).unwrap();
    assert_eq!(next.case.as_str(), "c4");
    assert!(
        next.explanation.contains("adds") && next.explanation.contains("Nord-Norge"),
        "{}",
        next.explanation
    );
    // c1 and c2 cover the same values, so either may drop out.
    let reserves = reserves_for_selected(&data);
    assert_eq!(reserves.len(), 2);
    assert!(
        reserves.iter().all(|r| r.explanation.contains("nothing is lost")),
        "{reserves:?}"
    );
    // Move c2 to Sørlandet: then c1 alone covers Østlandet (reserve c3 keeps it) and
    // c2 alone covers Sørlandet (no reserve does).
    let mut data = data;
    data.cases.get_mut(&CaseId::new("c2")).unwrap().case.region = "Sørlandet".into();
    let reserves = reserves_for_selected(&data);
    let for_case = |id: &str| reserves.iter().find(|r| r.selected.as_str() == id).unwrap().clone();
    assert_eq!(for_case("c1").reserve.as_ref().map(|r| r.as_str()), Some("c3"));
    assert_eq!(
        for_case("c1").explanation,
        "if c1 (Oslo) drops out, reserve c3 (Hamar) keeps Østlandet"
    );
    assert_eq!(for_case("c2").reserve, None);
    assert_eq!(
        for_case("c2").explanation,
        "if c2 (Bærum) drops out, no reserve keeps Sørlandet"
    );
}

#[test]
fn with_nothing_useful_shortlisted_the_pool_is_searched() {
    let mut data = hand_made();
    for id in ["c4", "c5"] {
        data.cases.get_mut(&CaseId::new(id)).unwrap().case.stage = Stage::Dropped;
    }
    let next = next_case(&data).unwrap();
    assert_eq!(
        next.case.as_str(),
        "c6",
        "Bømlo from the pool adds Vestlandet and 10000-20000"
    );
    assert!(next.explanation.contains("from the pool"), "{}", next.explanation);
}

#[test]
fn a_stage_change_is_logged_with_who_when_from_to_and_why() {
    let dir = common::small_study();
    let id = common::first_project(dir.path());
    let run = |args: &[&str], user: Option<&str>| {
        let config = tempfile::tempdir().unwrap();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"));
        command
            .args(args)
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", config.path())
            .env("XDG_DATA_HOME", config.path().join("data"))
            // No developer's git identity (a user.name matching the team) reaches the test.
            .env("HOME", config.path())
            .env("GIT_CONFIG_GLOBAL", config.path().join("gitconfig"))
            .env_remove("CASEBOOK_USER");
        if let Some(user) = user {
            command.env("CASEBOOK_USER", user);
        }
        command.output().unwrap()
    };
    let before = casebook::store::load(&casebook::store::Layout::new(dir.path()))
        .data
        .cases[&CaseId::new(&id)]
        .case
        .clone();
    let nobody = run(&["stage", &id, "dropped", "--reason", "Too old"], None);
    assert_eq!(nobody.status.code(), Some(1), "a change needs an author");
    let no_reason = run(&["stage", &id, "dropped", "--reason", " "], Some("cora"));
    assert_eq!(
        no_reason.status.code(),
        Some(1),
        "refused: a stage change needs a reason"
    );
    let output = run(
        &["stage", &id, "dropped", "--reason", "Documents too thin"],
        Some("cora"),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = casebook::store::load(&casebook::store::Layout::new(dir.path()))
        .data
        .cases[&CaseId::new(&id)]
        .case
        .clone();
    assert_eq!(after.stage, Stage::Dropped);
    assert_eq!(after.stage_log.len(), before.stage_log.len() + 1);
    let entry = after.stage_log.last().unwrap();
    assert_eq!(
        (entry.by.as_str(), entry.from, entry.to, entry.reason.as_str()),
        ("cora", before.stage, Stage::Dropped, "Documents too thin")
    );
    assert!(
        (chrono::Local::now().fixed_offset() - entry.at).num_minutes().abs() < 5,
        "logged now, in local time"
    );
    // Written as a Norwegian team reads it: local time, its offset, to the
    // second (`2025-03-04T13:15:00+01:00`), not UTC with nanoseconds.
    let text = std::fs::read_to_string(dir.path().join("cases").join(&id).join("case.ron")).unwrap();
    // (An offset of zero, on a machine set to UTC, is written `Z`.)
    let written = format!(
        "at: \"{}\"",
        entry.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    assert!(text.contains(&written), "{written} in {text}");
    assert_eq!(entry.at.timestamp_subsec_nanos(), 0);
}
