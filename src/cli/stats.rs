//! `casebook stats --by DIMENSION`: applications, granted, rejected, rate,
//! amounts and cases per value (the report's Table 3.2 by size band).

use super::session::{open_for_report, print_json};
use super::Cli;
use crate::analysis::stats::stats_by;
use crate::domain::fold::thousands;
use crate::domain::Stratum;
use serde_json::json;

pub fn run(cli: &Cli, by: &str, json: bool) -> u8 {
    // `Region`, `size band` and `size-band` mean what `region` and `size_band` do.
    let wanted = by.trim().to_lowercase().replace([' ', '-'], "_");
    let Some(stratum) = Stratum::from_key(&wanted) else {
        eprintln!("casebook: --by must be size_band, region, focus_area, year, kind or pilot, not `{by}`");
        return 2;
    };
    let by = stratum.key();
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let (rows, total) = stats_by(&opened.data, stratum);
    if json {
        print_json(&opened, json!({"by": by, "rows": rows, "total": total}));
        return 0;
    }
    println!(
        "{:<28}{:>13}{:>9}{:>10}{:>10}{:>16}{:>16}{:>7}",
        by, "applications", "granted", "rejected", "rate", "applied (NOK)", "granted (NOK)", "cases"
    );
    for row in rows.iter().chain(std::iter::once(&total)) {
        let key = if stratum == Stratum::FocusArea {
            opened.data.focus_area_name(&row.key).to_string()
        } else {
            row.key.clone()
        };
        let key: String = if key.chars().count() > 27 {
            key.chars().take(26).chain(['…']).collect()
        } else {
            key
        };
        println!(
            "{key:<28}{:>13}{:>9}{:>10}{:>9.2} %{:>16}{:>16}{:>7}",
            row.applications,
            row.granted,
            row.rejected,
            row.granted_rate * 100.0,
            thousands(row.amount_applied),
            thousands(row.amount_granted),
            row.cases
        );
    }
    0
}
