//! `casebook assign`: two reviewers for every case in the review pool that
//! lacks them, balanced over the team; `--without ID` hands a leaving
//! researcher's unstarted reviews to the others.

use super::session::{me, open_or_exit, refused, REFUSED};
use super::Cli;
use crate::domain::ResearcherId;
use crate::ops::assign::{assign, Assigned};
use crate::ops::{commit, Ctx};
use serde_json::json;

pub fn run(cli: &Cli, seed: u64, leaving: Option<&str>, json: bool) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    let leaving = leaving.map(ResearcherId::new);
    let (change, report) = match assign(&ctx, &mut opened.data, seed, leaving.as_ref()) {
        Ok(done) => done,
        Err(e) => return refused(&opened, &e),
    };
    if let Err(e) = commit(&mut opened.stamps, &change) {
        eprintln!("casebook: {e}");
        return REFUSED;
    }
    let Assigned {
        assigned,
        freed,
        unassignable: impossible,
        balance,
    } = report;
    if json {
        let pairs: Vec<_> = balance
            .pairs
            .iter()
            .map(|((a, b), n)| json!({"raters": [a, b], "cases": n}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "assigned": assigned,
                "unassignable": impossible,
                "loads": balance.loads,
                "pairs": pairs,
            }))
            .unwrap_or_default()
        );
    } else {
        println!("assigned reviewers to {assigned} case(s) (seed {seed})");
        if let (true, Some(leaving)) = (freed > 0, &leaving) {
            println!("{freed} unstarted review(s) moved from {leaving}");
        }
        println!("loads:");
        for (researcher, load) in &balance.loads {
            println!("  {researcher:<12}{load:>5}");
        }
        println!("pairs:");
        for ((a, b), n) in &balance.pairs {
            println!("  {:<24}{n:>5}", format!("{a} & {b}"));
        }
        for case in &impossible {
            println!("cannot assign {case}: too few researchers are not excluded");
        }
    }
    u8::from(!impossible.is_empty())
}
