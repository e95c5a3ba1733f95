//! `casebook conflicts`: criteria on which the two submitted reviews of a
//! case differ, open and resolved, with both answers side by side.

use super::session::{me, open_for_report, print_json};
use super::Cli;
use crate::analysis::conflicts::{case_conflicts, resolution_state, ResolutionState};
use serde_json::json;

pub fn run(cli: &Cli, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // Only what the one asking may see (domain::blind): a reviewer whose own
    // review is not yet in sees none of the other's answers.
    let me = me(&opened);
    let mut rows = Vec::new();
    for case in opened.data.cases.values() {
        for (conflict, resolved) in case_conflicts(&opened.data.study, case, me.as_ref()) {
            let resolution = case
                .resolutions
                .values()
                .find_map(|r| r.resolved.get(&conflict.criterion));
            let disputed = matches!(
                resolution_state(case, &conflict.criterion),
                ResolutionState::Disputed(_)
            );
            rows.push((case, conflict, resolved, resolution, disputed));
        }
    }
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|(case, c, resolved, resolution, disputed)| {
                json!({
                    "case": case.case.id,
                    "criterion": c.criterion,
                    "answers": [
                        {"reviewer": c.first.0, "value": c.first.1.label()},
                        {"reviewer": c.second.0, "value": c.second.1.label()},
                    ],
                    "resolved": resolved,
                    "disputed": disputed,
                    "resolution": resolution.map(|r| json!({"value": r.value.label(), "by": r.by, "at": r.at.to_rfc3339(), "note": r.note})),
                })
            })
            .collect();
        let open = rows.iter().filter(|r| !r.2).count();
        print_json(
            &opened,
            json!({"open": open, "resolved": rows.len() - open, "conflicts": list}),
        );
        return 0;
    }
    let open = rows.iter().filter(|r| !r.2).count();
    println!("{} conflicts: {open} open, {} resolved", rows.len(), rows.len() - open);
    for (case, c, resolved, resolution, disputed) in &rows {
        let state = match resolution {
            Some(r) if *resolved => format!("resolved: {} ({} {})", r.value.label(), r.by, r.at.format("%Y-%m-%d")),
            _ if *disputed => "OPEN (resolved differently by two researchers)".to_string(),
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
