//! `casebook agreement`: agreement on the study's reviews, or on any ratings
//! table given as CSV (`--ratings FILE`).

use super::session::{open_for_report, print_json};
use super::Cli;
use crate::analysis::agreement::{report, Level, ScaleRange};
use crate::analysis::review_agreement::study_agreement;
use crate::store::ratings_csv::read_ratings;
use serde_json::json;
use std::path::Path;

pub struct Options<'a> {
    pub ratings: Option<&'a Path>,
    pub level: &'a str,
    pub scale: Option<&'a str>,
    pub json: bool,
}

/// A statistic to four decimals, or `—` where it does not apply.
pub fn fixed(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.4}")).unwrap_or_else(|| "—".to_string())
}

pub fn run(cli: &Cli, options: &Options) -> u8 {
    let Some(level) = Level::parse(options.level) else {
        eprintln!(
            "casebook: --level must be nominal, ordinal, interval or ratio, not `{}`",
            options.level
        );
        return 2;
    };
    let scale = match options.scale {
        None => None,
        Some(text) => match ScaleRange::parse(text) {
            Some(scale) => Some(scale),
            None => {
                eprintln!("casebook: --scale must look like 1..7 (low below high), not `{text}`");
                return 2;
            }
        },
    };
    match options.ratings {
        Some(path) => on_ratings_file(path, level, scale, options.json),
        None => on_study(cli, options.json),
    }
}

fn on_ratings_file(path: &Path, level: Level, scale: Option<ScaleRange>, json: bool) -> u8 {
    let ratings = match read_ratings(path) {
        Ok(ratings) => ratings,
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            return 1;
        }
    };
    let stats = match report(&ratings, level, scale) {
        Ok(stats) => stats,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return 1;
        }
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&stats).unwrap_or_default());
        return 0;
    }
    println!("{}: {} units, {} raters", path.display(), stats.units, stats.raters);
    for (name, value) in [
        ("percent agreement", stats.percent_agreement),
        ("Cohen's kappa", stats.cohen_kappa),
        ("  linear weights", stats.cohen_kappa_linear),
        ("  quadratic weights", stats.cohen_kappa_quadratic),
        ("Fleiss' kappa", stats.fleiss_kappa),
        ("Krippendorff's alpha", stats.krippendorff_alpha),
        ("Gwet's AC1", stats.gwet_ac1),
        ("PABAK (Brennan-Prediger)", stats.pabak),
    ] {
        println!("  {name:<26}{:>8}", fixed(value));
    }
    println!(
        "(alpha at the {} level; — where a statistic does not apply)",
        format!("{level:?}").to_lowercase()
    );
    0
}

fn on_study(cli: &Cli, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = opened.identity.as_ref().map(|i| &i.id);
    let criteria = study_agreement(&opened.data, me);
    if json {
        print_json(&opened, json!({ "criteria": criteria }));
        return 0;
    }
    if let Some(me) = me {
        println!("(as {me}: cases whose review you have not submitted are left out)");
    }
    for c in &criteria {
        println!(
            "{} ({}): alpha {} ({}), percent agreement {}, {} cases; conflicts {} open, {} resolved",
            c.criterion,
            c.level,
            fixed(c.krippendorff_alpha),
            c.reading,
            fixed(c.percent_agreement),
            c.units,
            c.conflicts_open,
            c.conflicts_resolved
        );
        for pair in &c.pairs {
            println!(
                "    {} & {}: kappa {}, agreement {}, {} cases",
                pair.raters[0],
                pair.raters[1],
                fixed(pair.cohen_kappa),
                fixed(pair.percent_agreement),
                pair.units
            );
        }
        if c.kappa_paradox {
            println!("    note: kappa is low although agreement is high: the answers are skewed to one value (the kappa paradox), read percent agreement too");
        }
    }
    0
}
