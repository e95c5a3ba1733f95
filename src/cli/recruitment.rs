//! `casebook recruitment`: the ledger in numbers and the snowball tree.
//! By pseudonym only: no output of this command holds a contact detail.

use super::session::{open_for_report, print_json};
use super::Cli;
use crate::analysis::recruitment::recruitment;
use crate::analysis::waves::TreeNode;

fn print_tree(nodes: &[TreeNode], depth: usize, data: &crate::domain::StudyData) {
    for node in nodes {
        let municipality = data
            .cases
            .get(&node.case)
            .map(|c| c.case.municipality.as_str())
            .unwrap_or("");
        let wave = node
            .wave
            .map(|w| format!("wave {w}"))
            .unwrap_or_else(|| "in a cycle".to_string());
        // The directorate's own "municipality" is `(directorate)` already.
        let place = match municipality {
            "" => String::new(),
            m if m.starts_with('(') => format!(" {m}"),
            m => format!(" ({m})"),
        };
        println!(
            "{}{} {}{place} {wave}, {}",
            "  ".repeat(depth),
            if depth == 0 { "•" } else { "└" },
            node.id,
            node.status
        );
        print_tree(&node.children, depth + 1, data);
    }
}

pub fn run(cli: &Cli, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let summary = recruitment(&opened.data);
    if json {
        print_json(&opened, serde_json::to_value(&summary).unwrap_or_default());
        return 0;
    }
    println!(
        "{} informants; {} case informants interviewed in {} municipalities; {} interviews with the administration",
        summary.informants, summary.interviewed, summary.municipalities, summary.administration
    );
    let status: Vec<String> = summary.by_status.iter().map(|(s, n)| format!("{s} {n}")).collect();
    println!("by status: {}", status.join(", "));
    let waves: Vec<String> = summary.by_wave.iter().map(|(w, n)| format!("wave {w}: {n}")).collect();
    println!("by wave: {}", waves.join(", "));
    println!();
    print_tree(&summary.tree, 0, &opened.data);
    0
}
