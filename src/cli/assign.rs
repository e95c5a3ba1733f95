//! `casebook assign`: two reviewers for every case in the review pool that
//! lacks them, balanced over the team; `--without ID` hands a leaving
//! researcher's unstarted reviews to the others.

use super::open::open_or_exit;
use super::Cli;
use crate::analysis::assignment::{assign, without, Balance, Slot};
use crate::domain::{Origin, ResearcherId};
use crate::store::save_value;
use serde_json::json;

pub fn run(cli: &Cli, seed: u64, leaving: Option<&str>, json: bool) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    if !opened.problems.is_empty() {
        eprintln!("casebook: the study has problems; fix them first (`casebook check`):");
        for problem in &opened.problems {
            eprintln!("{problem}");
        }
        return 1;
    }
    let mut team: Vec<ResearcherId> = opened.data.study.team.iter().map(|r| r.id.clone()).collect();
    let mut slots: Vec<Slot> = opened
        .data
        .cases
        .values()
        .filter(|c| c.case.origin == Origin::Project && c.case.is_funded())
        .map(|c| Slot {
            case: c.case.id.clone(),
            reviewers: c.case.reviewers.clone(),
            excluded: c.case.excluded_reviewers.clone(),
        })
        .collect();
    let mut freed = Vec::new();
    if let Some(leaving) = leaving {
        let leaving = ResearcherId::new(leaving);
        if !team.contains(&leaving) {
            eprintln!("casebook: `{leaving}` is not in the study's team");
            return 1;
        }
        let data = &opened.data;
        freed = without(&mut slots, &leaving, |case, r| data.cases[case].reviews.contains_key(r));
        team.retain(|r| r != &leaving);
    }
    if team.len() < 2 {
        eprintln!("casebook: double review needs at least two researchers in the team");
        return 1;
    }
    let (changed, impossible) = assign(&team, &slots, seed);
    // Cases freed by a leaver but not reassigned still need their file rewritten.
    let mut to_save: Vec<(crate::domain::CaseId, Vec<ResearcherId>)> = changed.clone();
    for case in &freed {
        if !to_save.iter().any(|(c, _)| c == case) {
            let slot = slots
                .iter()
                .find(|s| &s.case == case)
                .map(|s| s.reviewers.clone())
                .unwrap_or_default();
            to_save.push((case.clone(), slot));
        }
    }
    for (case_id, reviewers) in &to_save {
        let Some(case) = opened.data.cases.get_mut(case_id) else {
            continue;
        };
        case.case.reviewers = reviewers.clone();
        let path = opened.layout.case_file(case_id);
        if let Err(e) = save_value(&mut opened.stamps, &path, &case.case) {
            eprintln!("casebook: {e}");
            return 1;
        }
    }
    let all = opened
        .data
        .cases
        .values()
        .filter(|c| c.case.origin == Origin::Project && c.case.is_funded());
    let balance = Balance::of(
        &team,
        all.map(|c| c.case.reviewers.iter().filter(|r| team.contains(r)).cloned().collect()),
    );
    if json {
        let pairs: Vec<_> = balance
            .pairs
            .iter()
            .map(|((a, b), n)| json!({"raters": [a, b], "cases": n}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "assigned": changed.len(),
                "unassignable": impossible,
                "loads": balance.loads,
                "pairs": pairs,
            }))
            .unwrap_or_default()
        );
    } else {
        println!("assigned reviewers to {} case(s) (seed {seed})", changed.len());
        if !freed.is_empty() {
            println!(
                "{} unstarted review(s) moved from {}",
                freed.len(),
                leaving.unwrap_or_default()
            );
        }
        println!("loads:");
        for (researcher, load) in &balance.loads {
            println!("  {researcher:<12}{load:>5}");
        }
        println!("pairs:");
        for ((a, b), n) in &balance.pairs {
            println!("  {:<24}{n:>5}", format!("{a} & {b}"));
        }
        for case in &impossible {
            println!("cannot assign {case}: too few researchers are not excluded");
        }
    }
    u8::from(!impossible.is_empty())
}
