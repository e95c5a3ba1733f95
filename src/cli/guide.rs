//! `casebook guide show GUIDE_ID`: a guide as Markdown, to hand to a
//! colleague or print.

use super::session::open_or_exit;
use super::Cli;
use crate::domain::*;

pub fn run_show(cli: &Cli, id: &str) -> u8 {
    let opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let Some(guide) = opened.data.guides.get(&GuideId::new(id)) else {
        let known: Vec<&str> = opened.data.guides.keys().map(|g| g.as_str()).collect();
        eprintln!("casebook: no guide `{id}`; the study has {}", known.join(", "));
        return 1;
    };
    print!("{}", markdown(guide));
    0
}

/// The guide as Markdown: sections as headings, questions numbered, probes
/// as a list under each, notes to self and conditions in italics.
pub fn markdown(guide: &Guide) -> String {
    let mut out = format!("# {}\n\n", guide.title);
    let mut facts = Vec::new();
    if let Some(nb) = &guide.title_nb {
        facts.push(format!("*{nb}*"));
    }
    if let Some(minutes) = guide.intended_minutes {
        facts.push(format!("about {minutes} minutes"));
    }
    if let Some(language) = &guide.language {
        facts.push(format!("language: {language}"));
    }
    if !facts.is_empty() {
        out.push_str(&format!("{}\n\n", facts.join(" · ")));
    }
    if !guide.introduction.is_empty() {
        out.push_str(&format!("{}\n\n", guide.introduction));
    }
    let mut number = 0;
    for section in &guide.sections {
        out.push_str(&format!("## {}\n\n", section.title));
        for question in &section.questions {
            number += 1;
            out.push_str(&format!("{number}. {} `{}`\n", question.text, question.id));
            for probe in &question.probes {
                out.push_str(&format!("   - {probe}\n"));
            }
            if let Some(note) = &question.note_to_self {
                out.push_str(&format!("   - *Note to self: {note}*\n"));
            }
            if let Some(condition) = &question.condition {
                out.push_str(&format!(
                    "   - *Asked only when {} is {}.*\n",
                    condition.field,
                    condition.one_of.join(" or ")
                ));
            }
        }
        out.push('\n');
    }
    out
}
