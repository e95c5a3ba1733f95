//! `casebook interviews`: every interview with its coverage of the guide
//! and whether it is coded. By pseudonym only.

use super::session::{open_for_report, print_json};
use super::Cli;
use crate::analysis::interviews::rows;

pub fn run(cli: &Cli, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let rows = rows(&opened.data);
    if json {
        print_json(&opened, serde_json::json!({ "interviews": rows }));
        return 0;
    }
    println!(
        "{:<16} {:<22} {:<10} {:<14} {:<15} {:>8}  coded",
        "interview", "case", "date", "informants", "guide", "coverage"
    );
    for row in &rows {
        let informants: Vec<&str> = row.informants.iter().map(|i| i.as_str()).collect();
        let maybe = if row.may_not_apply > 0 {
            format!(" (+{} may not apply)", row.may_not_apply)
        } else {
            String::new()
        };
        let coded = if row.coded {
            let coders: Vec<&str> = row.coders.iter().map(|c| c.as_str()).collect();
            format!("yes ({})", coders.join(", "))
        } else {
            "no".to_string()
        };
        println!(
            "{:<16} {:<22} {:<10} {:<14} {:<15} {:>8}  {coded}{maybe}",
            row.id.as_str(),
            row.case.as_str(),
            row.date.map(|d| d.to_string()).unwrap_or_default(),
            informants.join(", "),
            row.guide.as_str(),
            row.coverage(),
        );
    }
    let coded = rows.iter().filter(|r| r.coded).count();
    println!("{} interviews, {coded} coded", rows.len());
    0
}
