//! `casebook coverage`: how the frame, the candidates and the selection
//! spread over each stratum, a two-way matrix, the gaps in words, and with
//! `--suggest` the next case to select and the reserve for each selected one.

use super::session::{open_for_report, print_json};
use super::Cli;
use crate::analysis::coverage::{by_stratum, gaps, matrix};
use crate::analysis::suggest::{next_case, reserves_for_selected};
use crate::domain::Stratum;
use serde_json::{json, Map, Value};

pub fn run(cli: &Cli, rows: &str, columns: &str, suggest: bool, json: bool) -> u8 {
    let (Some(row_stratum), Some(column_stratum)) = (Stratum::from_key(rows), Stratum::from_key(columns)) else {
        eprintln!("casebook: strata are size_band, region, focus_area, kind, pilot or year");
        return 2;
    };
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let data = &opened.data;
    let cells = matrix(data, row_stratum, column_stratum);
    let gaps = gaps(data);
    if json {
        let mut by = Map::new();
        for stratum in Stratum::ALL {
            by.insert(stratum.key().to_string(), json!(by_stratum(data, stratum)));
        }
        let cells: Vec<Value> = cells
            .iter()
            .map(|c| json!({rows: c.row, columns: c.column, "frame": c.frame, "selected": c.selected}))
            .collect();
        let mut out = json!({"by": by, "cells": cells, "gaps": gaps});
        if suggest {
            out["suggestion"] = json!(next_case(data));
            out["reserves"] = json!(reserves_for_selected(data));
        }
        print_json(&opened, out);
        return 0;
    }
    if suggest {
        match next_case(data) {
            Some(next) => println!("{}", next.explanation),
            None => println!("no case left to suggest: nothing is shortlisted or in the pool"),
        }
        for reserve in reserves_for_selected(data) {
            println!("{}", reserve.explanation);
        }
        return 0;
    }
    for stratum in Stratum::ALL {
        println!(
            "{:<24}{:>7}{:>13}{:>10}{:>9}{:>8}",
            stratum.key(),
            "frame",
            "shortlisted",
            "selected",
            "reserve",
            "target"
        );
        for count in by_stratum(data, stratum) {
            let key = if stratum == Stratum::FocusArea {
                data.focus_area_name(&count.key).to_string()
            } else {
                count.key.clone()
            };
            let key: String = if key.chars().count() > 23 {
                key.chars().take(22).chain(['…']).collect()
            } else {
                key
            };
            let target = count.target.map(|t| t.to_string()).unwrap_or_default();
            println!(
                "  {key:<22}{:>7}{:>13}{:>10}{:>9}{:>8}",
                count.frame, count.shortlisted, count.selected, count.reserve, target
            );
        }
        println!();
    }
    let row_values = crate::analysis::coverage::values(data, row_stratum);
    let column_values = crate::analysis::coverage::values(data, column_stratum);
    print!("{:<14}", format!("{rows} \\ {columns}"));
    for c in &column_values {
        print!("{:>12}", c.chars().take(11).collect::<String>());
    }
    println!("   (selected/frame)");
    for r in &row_values {
        print!("{:<14}", r.chars().take(13).collect::<String>());
        for c in &column_values {
            let cell = cells.iter().find(|x| &x.row == r && &x.column == c);
            let (f, s) = cell.map(|x| (x.frame, x.selected)).unwrap_or((0, 0));
            print!("{:>12}", format!("{s}/{f}"));
        }
        println!();
    }
    println!();
    if gaps.is_empty() {
        println!("no gaps");
    } else {
        println!("gaps:");
        for gap in &gaps {
            println!("  {gap}");
        }
    }
    0
}
