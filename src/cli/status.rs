//! `casebook status`: fieldwork progress per candidate case, totals first.

use super::session::{open_for_report, print_json};
use super::Cli;
use crate::analysis::progress::progress;
use serde_json::json;
use std::collections::BTreeMap;

fn informants(by_status: &BTreeMap<String, usize>) -> String {
    by_status
        .iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn run(cli: &Cli, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let (rows, total) = progress(&opened.data);
    if json {
        print_json(&opened, json!({"total": total, "cases": rows}));
        return 0;
    }
    println!(
        "total: {} cases; reviews {}/{} submitted; {} conflicts open; informants: {}; interviews {} held, {} coded",
        rows.len(),
        total.reviews_submitted,
        total.reviews_assigned,
        total.conflicts_open,
        informants(&total.informants),
        total.interviews_held,
        total.interviews_coded
    );
    println!(
        "{:<12}{:<14}{:<12}{:>8}{:>10}{:>11}{:>7}  informants",
        "case", "municipality", "stage", "reviews", "conflicts", "interviews", "coded"
    );
    for row in &rows {
        println!(
            "{:<12}{:<14}{:<12}{:>8}{:>10}{:>11}{:>7}  {}",
            row.case.to_string(),
            row.municipality.chars().take(13).collect::<String>(),
            row.stage,
            format!("{}/{}", row.reviews_submitted, row.reviews_assigned),
            row.conflicts_open,
            row.interviews_held,
            row.interviews_coded,
            informants(&row.informants)
        );
    }
    0
}
