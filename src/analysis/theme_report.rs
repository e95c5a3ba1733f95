//! The report material as Markdown (`casebook report`): the selected cases
//! and their coverage, one section per top-level theme with its sub-codes,
//! its cases and informants and their spread, and its quotes, attributed
//! the way the report attributes informants (kind of role, size band,
//! region; never the municipality with a role). Quotes whose informants have
//! not consented to quotes are left out and counted. No contact details
//! exist in the study to leak, and none of the private store is read here.

use super::themes::{Passage, Spread, Themes};
use crate::domain::*;
use std::fmt::Write;

pub fn render(data: &StudyData, themes: &Themes) -> String {
    let mut out = String::new();
    let title = if data.study.title.is_empty() {
        "Study"
    } else {
        &data.study.title
    };
    let _ = writeln!(out, "# {title}: report material\n");
    selected_cases(&mut out, data);
    let top: Vec<usize> = themes.top_level().collect();
    let _ = writeln!(out, "## Themes\n");
    let mut number = 0;
    for &theme in &top {
        if themes.codes[theme].figures.passages == 0 {
            continue;
        }
        number += 1;
        theme_section(&mut out, data, themes, theme, number);
    }
    let empty: Vec<usize> = themes
        .index
        .tree()
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| themes.codes[i].figures.passages == 0)
        .collect();
    let _ = writeln!(out, "## Codes with no passages\n");
    if empty.is_empty() {
        let _ = writeln!(out, "Every code has passages.");
    }
    for i in empty {
        let _ = writeln!(
            out,
            "- {} (`{}`)",
            themes.index.path(i).join(" › "),
            themes.index.codes[i].id
        );
    }
    out
}

fn selected_cases(out: &mut String, data: &StudyData) {
    let selected: Vec<&Case> = data
        .cases
        .values()
        .map(|c| &c.case)
        .filter(|c| c.stage == Stage::Selected && c.origin != Origin::Administration)
        .collect();
    let _ = writeln!(out, "## Selected cases\n");
    if selected.is_empty() {
        let _ = writeln!(out, "No case is selected yet.\n");
        return;
    }
    let _ = writeln!(
        out,
        "| Case | Municipality | Size band | Region | Focus area | Kind | Pilot |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- | --- |");
    for case in &selected {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            case.id,
            cell(&case.municipality),
            data.size_band_of(case).unwrap_or("–"),
            if case.region.is_empty() { "–" } else { &case.region },
            case.focus_area.as_deref().map_or("–", |f| data.focus_area_name(f)),
            case.kind.map_or("–", ProjectKind::label),
            if case.pilot { "yes" } else { "no" },
        );
    }
    // Counted from the selected cases themselves, so snowball cases and
    // projects without applications count too.
    let _ = writeln!(out, "\n### Coverage: selected cases by size band and region\n");
    let regions = &data.study.strata.regions;
    let _ = write!(out, "| Size band |");
    for region in regions {
        let _ = write!(out, " {region} |");
    }
    let _ = writeln!(out, " All |");
    let _ = writeln!(out, "|{}", " --- |".repeat(regions.len() + 2));
    let count = |band: Option<&str>, region: Option<&str>| {
        selected
            .iter()
            .filter(|c| band.is_none_or(|b| data.size_band_of(c) == Some(b)))
            .filter(|c| region.is_none_or(|r| c.region == r))
            .count()
    };
    for band in &data.study.strata.size_bands {
        let _ = write!(out, "| {} |", band.label);
        for region in regions {
            let _ = write!(out, " {} |", count(Some(&band.label), Some(region)));
        }
        let _ = writeln!(out, " {} |", count(Some(&band.label), None));
    }
    let _ = write!(out, "| All |");
    for region in regions {
        let _ = write!(out, " {} |", count(None, Some(region)));
    }
    let _ = writeln!(out, " {} |", selected.len());
    let _ = writeln!(out);
}

fn theme_section(out: &mut String, data: &StudyData, themes: &Themes, theme: usize, number: usize) {
    let code = &themes.index.codes[theme];
    let f = themes.codes[theme].figures;
    let _ = writeln!(out, "### {number}. {}\n", code.name);
    if !code.description.is_empty() {
        let _ = writeln!(out, "*{}*\n", code.description);
    }
    let _ = writeln!(
        out,
        "In {} {} and {} {}, {} {} ({} marked as quotes).\n",
        f.cases,
        plural(f.cases, "case", "cases"),
        f.informants,
        plural(f.informants, "informant", "informants"),
        f.passages,
        plural(f.passages, "passage", "passages"),
        f.quotes
    );
    let subs: Vec<(usize, usize)> = themes
        .index
        .tree()
        .into_iter()
        .filter(|&(i, depth)| depth > 0 && themes.index.root_of(i) == theme)
        .collect();
    if !subs.is_empty() {
        let _ = writeln!(out, "| Sub-code | Passages | Cases | Informants |");
        let _ = writeln!(out, "| --- | --- | --- | --- |");
        for (i, depth) in subs {
            let s = themes.codes[i].figures;
            let indent = "  ".repeat(depth - 1);
            let _ = writeln!(
                out,
                "| {indent}{} | {} | {} | {} |",
                cell(&themes.index.codes[i].name),
                s.passages,
                s.cases,
                s.informants
            );
        }
        let _ = writeln!(out);
    }
    for (spread, label, order) in [
        (
            Spread::SizeBand,
            "By size band",
            data.study
                .strata
                .size_bands
                .iter()
                .map(|b| b.label.clone())
                .collect::<Vec<_>>(),
        ),
        (Spread::Region, "By region", data.study.strata.regions.clone()),
    ] {
        let counts = themes.spread(theme, spread);
        let mut parts: Vec<String> = order
            .iter()
            .filter_map(|v| counts.get(v).map(|n| format!("{v} ({n})")))
            .collect();
        parts.extend(
            counts
                .iter()
                .filter(|(v, _)| !order.contains(v))
                .map(|(v, n)| format!("{v} ({n})")),
        );
        if !parts.is_empty() {
            let _ = writeln!(out, "{label}, cases: {}.\n", parts.join(", "));
        }
    }
    let mut left_out = 0;
    // The same words from several informants are quoted once, with each
    // attribution: the reader sees how widely it was said.
    let mut quotes: Vec<(String, Vec<String>)> = Vec::new();
    for &p in &themes.codes[theme].rolled {
        let passage = &themes.passages[p as usize];
        if !passage.quote {
            continue;
        }
        let Some(by) = attribution(data, themes, passage) else {
            left_out += 1;
            continue;
        };
        let text = themes
            .quote_text(data, passage)
            .unwrap_or_else(|| themes.text(data, passage));
        let text = text
            .trim()
            .trim_matches(|c| c == '"' || c == '«' || c == '»')
            .trim()
            .replace('\n', " ");
        match quotes.iter_mut().find(|(t, _)| *t == text) {
            Some((_, attributions)) => attributions.push(by),
            None => quotes.push((text, vec![by])),
        }
    }
    if !quotes.is_empty() {
        let _ = writeln!(out, "Quotes:\n");
    }
    for (text, by) in &quotes {
        let shown: Vec<&str> = by.iter().take(3).map(String::as_str).collect();
        let more = match by.len().saturating_sub(3) {
            0 => String::new(),
            n => format!("; and {n} more"),
        };
        let _ = writeln!(out, "> «{text}» ({}{more})\n", shown.join("; "));
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "{left_out} {} left out: the informant's consent does not allow quotes.\n",
            plural(left_out, "quote", "quotes")
        );
    }
}

/// How a quote is attributed, or `None` when its informants' consent does
/// not allow quoting. One informant: their kind of role and where the case
/// is (size band and region, never the municipality). Several: the interview.
fn attribution(data: &StudyData, themes: &Themes, passage: &Passage) -> Option<String> {
    let row = &themes.interviews[passage.interview as usize];
    let case = data.cases.get(&themes.cases[row.case].id)?;
    let informants: Vec<&Informant> = row.informants.iter().filter_map(|i| case.informants.get(i)).collect();
    let allowed = !informants.is_empty()
        && informants.len() == row.informants.len()
        && informants.iter().all(|i| i.consent.as_ref().is_some_and(|c| c.quotes));
    if !allowed {
        return None;
    }
    let place = place_of(data, &case.case);
    Some(match informants.as_slice() {
        [one] => format!("{}, {place}", one.role),
        many => format!("interview with {} informants, {place}", many.len()),
    })
}

/// Where a case is, without naming it: "municipality of 20,000-50,000, Vestlandet".
fn place_of(data: &StudyData, case: &Case) -> String {
    if case.origin == Origin::Administration {
        return "the directorate".to_string();
    }
    let mut parts = Vec::new();
    match data.size_band_of(case) {
        Some(band) => parts.push(format!("municipality of {}", band_words(band))),
        None => parts.push("municipality".to_string()),
    }
    if !case.region.is_empty() {
        parts.push(case.region.clone());
    }
    parts.join(", ")
}

/// `20000-50000` → `20,000-50,000`; `<1000` → `under 1,000`; `>50000` → `over 50,000`.
fn band_words(label: &str) -> String {
    let number = |s: &str| -> String {
        let digits: Vec<char> = s.chars().collect();
        if !digits.iter().all(char::is_ascii_digit) {
            return s.to_string();
        }
        let mut out = String::new();
        for (k, c) in digits.iter().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push(',');
            }
            out.push(*c);
        }
        out
    };
    if let Some(rest) = label.strip_prefix('<') {
        return format!("under {}", number(rest));
    }
    if let Some(rest) = label.strip_prefix('>') {
        return format!("over {}", number(rest));
    }
    match label.split_once('-') {
        Some((a, b)) => format!("{}-{}", number(a), number(b)),
        None => number(label),
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::band_words;

    #[test]
    fn size_bands_read_as_words() {
        assert_eq!(band_words("20000-50000"), "20,000-50,000");
        assert_eq!(band_words("<1000"), "under 1,000");
        assert_eq!(band_words(">50000"), "over 50,000");
        assert_eq!(band_words("1000-2000"), "1,000-2,000");
    }
}
