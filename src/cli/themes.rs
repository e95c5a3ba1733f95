//! `casebook themes [--coder ID] [--passages CODE] [--json]`: every code's
//! passages, cases, informants and quotes (with and without its sub-codes),
//! the code x case matrix, the spread over size band, region and focus area,
//! and co-occurrence; or, with `--passages`, one code's passages.

use super::session::{me, open_for_report, print_json, USAGE};
use super::Cli;
use crate::analysis::themes::{Spread, ThemeOptions, Themes};
use crate::domain::{CodeId, ResearcherId, StudyData};
use serde_json::{json, Map, Value};

pub fn run(cli: &Cli, coder: Option<&str>, passages: Option<&str>, json: bool) -> u8 {
    let opened = match open_for_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let coder = coder.map(ResearcherId::new);
    if let Some(coder) = &coder {
        if !opened.data.study.team.iter().any(|r| &r.id == coder) {
            eprintln!("casebook: `{coder}` is not in the study's team");
            return USAGE;
        }
    }
    let viewer = me(&opened);
    let themes = Themes::compute(
        &opened.data,
        ThemeOptions {
            viewer: viewer.as_ref(),
            coder: coder.as_ref(),
        },
    );
    if let Some(code) = passages {
        let Some(i) = themes.index.get(&CodeId::new(code)) else {
            eprintln!("casebook: the codebook has no code `{code}`");
            return USAGE;
        };
        let rows = passage_rows(&opened.data, &themes, i);
        if json {
            print_json(&opened, json!({"code": code, "passages": rows}));
        } else {
            for row in rows {
                println!(
                    "{}  {}  {}  {}{}",
                    row["case"].as_str().unwrap_or_default(),
                    row["informants"]
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","))
                        .unwrap_or_default(),
                    row["question"].as_str().unwrap_or_default(),
                    if row["quote"].as_bool() == Some(true) {
                        "(quote) "
                    } else {
                        ""
                    },
                    row["text"].as_str().unwrap_or_default()
                );
            }
        }
        return 0;
    }
    if json {
        print_json(&opened, to_json(&themes));
        return 0;
    }
    println!(
        "{:<58}{:>9}{:>7}{:>11}{:>8}   (own: passages)",
        "code", "passages", "cases", "informants", "quotes"
    );
    for (i, depth) in themes.index.tree() {
        let code = &themes.index.codes[i];
        let f = &themes.codes[i].figures;
        let label = format!("{}{} [{}]", "  ".repeat(depth), code.name, code.id);
        let label: String = if label.chars().count() > 57 {
            label.chars().take(56).chain(['…']).collect()
        } else {
            label
        };
        let proposed = code
            .proposed_by
            .as_ref()
            .map(|c| format!("  proposed by {c}"))
            .unwrap_or_default();
        println!(
            "{label:<58}{:>9}{:>7}{:>11}{:>8}   ({}){proposed}",
            f.passages, f.cases, f.informants, f.quotes, themes.codes[i].figures_direct.passages
        );
    }
    if !themes.cooccurrence.is_empty() {
        println!();
        println!("codes in the same passage:");
        for (a, b, n) in themes.cooccurrence.iter().take(15) {
            println!(
                "  {:>4}  {} + {}",
                n, themes.index.codes[*a].id, themes.index.codes[*b].id
            );
        }
    }
    0
}

/// The JSON the issue fixes: codes, matrix, by, cooccurrence.
pub fn to_json(themes: &Themes) -> Value {
    let ids = |i: usize| themes.index.codes[i].id.to_string();
    let mut codes = Vec::new();
    let mut matrix = Map::new();
    let mut by: Map<String, Value> = Spread::ALL.iter().map(|s| (s.key().to_string(), json!({}))).collect();
    for (i, _) in themes.index.tree() {
        let code = &themes.index.codes[i];
        let theme = &themes.codes[i];
        let (f, d) = (&theme.figures, &theme.figures_direct);
        codes.push(json!({
            "id": code.id, "name": code.name, "path": themes.index.path(i),
            "passages": f.passages, "cases": f.cases, "informants": f.informants, "quotes": f.quotes,
            "passages_direct": d.passages, "cases_direct": d.cases,
            "informants_direct": d.informants, "quotes_direct": d.quotes,
        }));
        let row: Map<String, Value> = theme
            .by_case
            .iter()
            .map(|(&case, &n)| (themes.cases[case].id.to_string(), json!(n)))
            .collect();
        matrix.insert(ids(i), Value::Object(row));
        for spread in Spread::ALL {
            by[spread.key()][ids(i)] = json!(themes.spread(i, spread));
        }
    }
    let cooccurrence: Vec<Value> = themes
        .cooccurrence
        .iter()
        .map(|&(a, b, n)| json!({"a": ids(a), "b": ids(b), "passages": n}))
        .collect();
    json!({"codes": codes, "matrix": matrix, "by": by, "cooccurrence": cooccurrence})
}

/// One code's passages (with its sub-codes): case, interview, informant
/// pseudonyms, question, the words, and whether it is a quote.
fn passage_rows(data: &StudyData, themes: &Themes, code: usize) -> Vec<Value> {
    themes.codes[code]
        .rolled
        .iter()
        .map(|&p| {
            let passage = &themes.passages[p as usize];
            let (case, interview, question) = themes.place(data, passage);
            json!({
                "case": case, "interview": interview,
                "informants": themes.interviews[passage.interview as usize].informants,
                "question": question, "start": passage.start, "end": passage.end,
                "text": themes.text(data, passage), "quote": passage.quote, "lost": passage.lost,
            })
        })
        .collect()
}
