//! `casebook code add|rename|move|merge|delete|adopt|reject`: editing the
//! codebook (the lead's), or adding a code of my own while coding. Each
//! says how many codings it affects; none rewrites a codings file.

use super::session::{commit_and_report, me, open_or_exit, refused};
use super::{Cli, CodeWhat};
use crate::domain::CodeId;
use crate::ops::codebook::{self, NewCode};
use crate::ops::Ctx;

pub fn run(cli: &Cli, what: &CodeWhat) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    let data = &mut opened.data;
    let id = |s: &String| CodeId::new(s.as_str());
    let result = match what {
        CodeWhat::Add {
            id,
            name,
            parent,
            description,
            colour,
        } => codebook::add(
            &ctx,
            data,
            NewCode {
                id: id.clone(),
                name: name.clone(),
                description: description.clone(),
                colour: colour.clone(),
                parent: parent.clone(),
            },
        ),
        CodeWhat::Rename { id: code, name } => codebook::rename(&ctx, data, &id(code), name),
        CodeWhat::Move { id: code, parent, top } => {
            if parent.is_none() && !top {
                eprintln!("casebook: say where: --parent CODE, or --top for a top-level theme");
                return super::session::USAGE;
            }
            codebook::move_code(&ctx, data, &id(code), parent.as_ref().map(id).as_ref())
        }
        CodeWhat::Merge { from, into } => codebook::merge(&ctx, data, &id(from), &id(into)),
        CodeWhat::Delete { id: code } => codebook::delete(&ctx, data, &id(code)),
        CodeWhat::Adopt { id: code, parent } => {
            codebook::adopt(&ctx, data, &id(code), parent.as_ref().map(id).as_ref())
        }
        CodeWhat::Reject { id: code } => codebook::reject(&ctx, data, &id(code)),
    };
    match result {
        Ok(change) => commit_and_report(&mut opened, &change),
        Err(e) => refused(&opened, &e),
    }
}
