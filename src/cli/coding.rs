//! `casebook coding-done INTERVIEW [--undo]` and `casebook coding-agreement
//! [INTERVIEW]`: a coder's done mark, and how two coders' codings agree.

use super::session::{commit_and_report, me, open_for_report, open_or_exit, print_json, refused};
use super::Cli;
use crate::analysis::coding_agreement::coding_agreement;
use crate::domain::InterviewId;
use crate::ops::{coding::mark_done, Ctx};
use serde_json::json;

pub fn run_done(cli: &Cli, interview: &str, done: bool) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    match mark_done(&ctx, &mut opened.data, &InterviewId::new(interview), done) {
        Ok(change) => commit_and_report(&mut opened, &change),
        Err(e) => refused(&opened, &e),
    }
}

pub fn run_agreement(cli: &Cli, interview: Option<&str>, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let only = interview.map(InterviewId::new);
    if let Some(id) = &only {
        if !opened.data.interviews().any(|i| &i.interview.id == id) {
            eprintln!("casebook: no interview `{id}` in this study");
            return super::session::REFUSED;
        }
    }
    let me = me(&opened);
    let report = coding_agreement(&opened.data, me.as_ref(), only.as_ref());
    if json {
        print_json(&opened, json!(report));
        return 0;
    }
    if report.interviews.is_empty() {
        println!("no interview coded by two coders whose codings you may see");
        return 0;
    }
    let figure = |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{x:.3}"));
    println!(
        "{} interview(s) coded by {}: unit = guide question, value = code present",
        report.interviews.len(),
        report.coders.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
    );
    println!(
        "{:<40}{:>7}{:>10}{:>8}{:>8}",
        "code", "units", "percent", "alpha", "differ"
    );
    for code in &report.codes {
        println!(
            "{:<40}{:>7}{:>10}{:>8}{:>8}",
            code.code.as_str(),
            code.units,
            figure(code.percent_agreement),
            figure(code.krippendorff_alpha),
            code.differences.len()
        );
    }
    for code in report.codes.iter().filter(|c| !c.differences.is_empty()) {
        println!();
        println!("{} ({}): where the coders differ", code.code, code.name);
        for d in &code.differences {
            let with: Vec<&str> = d.with.iter().map(|c| c.as_str()).collect();
            let without: Vec<&str> = d.without.iter().map(|c| c.as_str()).collect();
            println!(
                "  {} {}: given by {}, not by {}",
                d.interview,
                d.question,
                with.join(", "),
                without.join(", ")
            );
            for (coder, text) in &d.passages {
                println!("    {coder}: \"{text}\"");
            }
        }
    }
    0
}
