//! `casebook check`: load and validate everything, print counts and every
//! problem; exit 0 when clean, 1 when not.

use super::session::open_or_exit;
use super::Cli;
use serde_json::json;

pub fn run(cli: &Cli, json: bool, fix_anchors: bool) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    if fix_anchors {
        // Only my own codings files: one writer per file.
        let me = super::session::me(&opened);
        let ctx = crate::ops::Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
        let result = crate::ops::coding::write_back_anchors(&ctx, &mut opened.data);
        let code = match result {
            Ok(change) => super::session::commit_and_report(&mut opened, &change),
            Err(e) => super::session::refused(&opened, &e),
        };
        if code != 0 {
            return code;
        }
    }
    // Codings whose words are gone: warnings for their coder, never an exit code.
    let warnings = crate::ops::coding::lost_codings(&opened.layout, &opened.data);
    // Personal data never in shared files, and private/ never committed.
    let privacy = crate::store::privacy::privacy_problems(&opened.layout, &opened.contacts);
    opened.problems.extend(privacy);
    let counts = opened.data.counts();
    // Warnings never change the exit code (PRODUCT.md): on stderr, apart from the problems.
    for (case, interview, informant) in crate::ops::consent::interviews_without_consent(&opened.data) {
        eprintln!(
            "warning: {}: interview with {informant}, whose consent is not recorded (casebook informant consent {informant} …)",
            opened.layout.interview_file(&case, &interview).display()
        );
    }
    if json {
        let errors: Vec<_> = opened
            .problems
            .iter()
            .map(|p| json!({"path": p.path.display().to_string(), "line": p.line, "column": p.column, "message": p.message}))
            .collect();
        println!("{}", json!({"counts": counts, "errors": errors, "warnings": warnings}));
    } else {
        println!("{}", opened.data.study.title);
        for (name, value) in [
            ("cases", counts.cases),
            ("reviews", counts.reviews),
            ("informants", counts.informants),
            ("interviews", counts.interviews),
            ("codings", counts.codings),
            ("guides", counts.guides),
            ("codes", counts.codes),
        ] {
            println!("  {name:<11}{value:>6}");
        }
        for problem in &opened.problems {
            println!("{problem}");
        }
        for warning in &warnings {
            println!("warning: {warning}");
        }
        match opened.problems.len() {
            0 => println!("no problems found"),
            1 => println!("1 problem"),
            n => println!("{n} problems"),
        }
    }
    let code = u8::from(!opened.problems.is_empty());
    // The process ends now: freeing a loaded study of thousands of files
    // item by item cost about a tenth of `check`'s time, for nothing.
    std::mem::forget(opened);
    code
}
