//! `casebook conflicts`: criteria on which the two submitted reviews of a
//! case differ, open and resolved, with both answers side by side.

use super::open::open_or_exit;
use super::Cli;
use crate::analysis::conflicts::case_conflicts;
use serde_json::json;

pub fn run(cli: &Cli, json: bool) -> u8 {
    let opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // A conflict needs both reviews submitted, so listing it never shows
    // anyone the other review before their own is in.
    let mut rows = Vec::new();
    for case in opened.data.cases.values() {
        for (conflict, resolved) in case_conflicts(&opened.data.study, case) {
            let resolution = case
                .resolution
                .as_ref()
                .and_then(|r| r.resolved.get(&conflict.criterion));
            rows.push((case, conflict, resolved, resolution));
        }
    }
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|(case, c, resolved, resolution)| {
                json!({
                    "case": case.case.id,
                    "criterion": c.criterion,
                    "answers": [
                        {"reviewer": c.first.0, "value": c.first.1.label()},
                        {"reviewer": c.second.0, "value": c.second.1.label()},
                    ],
                    "resolved": resolved,
                    "resolution": resolution.map(|r| json!({"value": r.value.label(), "by": r.by, "at": r.at.to_rfc3339(), "note": r.note})),
                })
            })
            .collect();
        let open = rows.iter().filter(|r| !r.2).count();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({"open": open, "resolved": rows.len() - open, "conflicts": list}))
                .unwrap_or_default()
        );
        return 0;
    }
    let open = rows.iter().filter(|r| !r.2).count();
    println!("{} conflicts: {open} open, {} resolved", rows.len(), rows.len() - open);
    for (case, c, resolved, resolution) in &rows {
        let state = match resolution {
            Some(r) if *resolved => format!("resolved: {} ({} {})", r.value.label(), r.by, r.at.format("%Y-%m-%d")),
            _ => "OPEN".to_string(),
        };
        println!(
            "  {:<12} {:<20} {} {} / {} {}  {state}",
            case.case.id,
            c.criterion.to_string(),
            c.first.0,
            c.first.1.label(),
            c.second.0,
            c.second.1.label()
        );
    }
    0
}
