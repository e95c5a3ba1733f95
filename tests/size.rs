//! Size: a notes field of 10 MB and a pool export of 100,000 rows load,
//! save and import without a crash.

mod common;

use casebook::store::{load, save_value, Layout};
use std::fmt::Write as _;
use std::fs;

#[test]
fn a_ten_megabyte_notes_field_loads_and_saves() {
    let study = common::demo_copy();
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    let (case, id) = loaded
        .data
        .interviews()
        .map(|i| (i.interview.case.clone(), i.interview.id.clone()))
        .next()
        .unwrap();
    let mut interview = loaded.data.cases[&case].interviews[&id].interview.clone();
    let paragraph = "Kommunen samarbeidet tett med voksenopplæringen om språkpraksis. ";
    let long: String = paragraph.repeat(10_000_000 / paragraph.len() + 1);
    interview.notes[0].text = long.clone();
    let mut stamps = loaded.stamps.clone();
    save_value(&mut stamps, &layout.interview_file(&case, &id), &interview).unwrap();
    let again = load(&layout);
    assert!(again.problems.is_empty(), "{:?}", again.problems.first());
    assert_eq!(again.data.cases[&case].interviews[&id].interview.notes[0].text, long);
}

#[test]
fn a_pool_export_of_a_hundred_thousand_rows_imports() {
    let dir = common::fresh_pool_study("Large pool");
    // 1,000 projects with 100 applications each.
    let mut csv = String::from(
        "application_id,project_id,year,municipality,county,region,population,focus_area,status,amount_applied,amount_granted,kind,pilot,title\n",
    );
    for row in 0..100_000u32 {
        let project = row / 100;
        let granted = row % 3 == 0;
        writeln!(
            csv,
            "A{row:06},P-{project:04},{},Bergen,Vestland,Vestlandet,291000,Work practice,{},300000,{},new,no,Project {project}",
            2019 + row % 6,
            if granted { "granted" } else { "rejected" },
            if granted { 200000 } else { 0 },
        )
        .unwrap();
    }
    let file = dir.path().join("pool.csv");
    fs::write(&file, csv).unwrap();
    let output = common::casebook_as(dir.path(), Some("lead"), &["import", "pool", "pool.csv"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("100000 applications in 1000 projects"), "{stdout}");
    assert_eq!(load(&Layout::new(dir.path())).data.cases.len(), 1000);
}
