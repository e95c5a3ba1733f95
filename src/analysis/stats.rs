//! Application statistics by one dimension (size band, region, focus area,
//! year, kind): applications, granted, rejected, granted rate, amounts and
//! cases per value, in the study's order, as the report's Table 3.2.

use super::strata::value_of;
use crate::domain::*;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsRow {
    pub key: String,
    pub applications: usize,
    pub granted: usize,
    pub rejected: usize,
    /// Granted over applications, to four decimals (0.6557).
    pub granted_rate: f64,
    pub amount_applied: u64,
    pub amount_granted: u64,
    pub cases: usize,
}

/// What an application counts under, for a dimension.
fn key_of(data: &StudyData, case: &Case, application: &Application, by: Stratum) -> Option<String> {
    match by {
        Stratum::Year => Some(application.year.to_string()),
        Stratum::FocusArea => application.focus_area.clone().or_else(|| case.focus_area.clone()),
        other => value_of(data, case, other),
    }
}

const UNKNOWN: &str = "(unknown)";

/// One row per value in the study's order, an `(unknown)` row if some
/// applications have no value, and the total.
pub fn stats_by(data: &StudyData, by: Stratum) -> (Vec<StatsRow>, StatsRow) {
    let projects: Vec<&Case> = data
        .cases
        .values()
        .map(|c| &c.case)
        .filter(|c| c.origin == Origin::Project)
        .collect();
    let mut keys: Vec<String> = match by {
        Stratum::Year => {
            let years: BTreeSet<i32> = projects
                .iter()
                .flat_map(|c| c.applications.iter().map(|a| a.year))
                .collect();
            years.into_iter().map(|y| y.to_string()).collect()
        }
        other => super::coverage::values(data, other),
    };
    let observed: BTreeSet<String> = projects
        .iter()
        .flat_map(|c| {
            c.applications
                .iter()
                .map(move |a| key_of(data, c, a, by).unwrap_or_else(|| UNKNOWN.to_string()))
        })
        .collect();
    // Values in the files that the study does not list still get a row, after the listed ones.
    for key in observed {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let row = |key: &str, matches: &dyn Fn(&Case, &Application) -> bool| {
        let mut row = StatsRow {
            key: key.to_string(),
            applications: 0,
            granted: 0,
            rejected: 0,
            granted_rate: 0.0,
            amount_applied: 0,
            amount_granted: 0,
            cases: 0,
        };
        for case in &projects {
            let mut counted = false;
            for application in case.applications.iter().filter(|a| matches(case, a)) {
                row.applications += 1;
                match application.status {
                    ApplicationStatus::Granted => row.granted += 1,
                    ApplicationStatus::Rejected => row.rejected += 1,
                }
                row.amount_applied += application.amount_applied;
                row.amount_granted += application.amount_granted;
                counted = true;
            }
            row.cases += usize::from(counted);
        }
        if row.applications > 0 {
            row.granted_rate = (row.granted as f64 / row.applications as f64 * 10_000.0).round() / 10_000.0;
        }
        row
    };
    let rows = keys
        .iter()
        .map(|key| {
            row(key, &|case, application| {
                key_of(data, case, application, by).unwrap_or_else(|| UNKNOWN.to_string()) == *key
            })
        })
        .filter(|r| r.applications > 0 || r.key != UNKNOWN)
        .collect();
    (rows, row("total", &|_, _| true))
}
