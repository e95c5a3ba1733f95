//! Importing the pool: an export of applications (one row per application)
//! becomes cases (one per project). All or nothing: every problem in the file
//! is collected as `FILE:LINE: column: message` and nothing changes unless
//! there are none. Re-importing updates the facts and never touches what the
//! team added (stage and its log, reviewers, documents, other attributes).

use super::csv_problem::{read_table, CsvProblem};
use super::details::Matcher;
use super::personal_columns::column_problems;
use crate::domain::fold::slug;
use crate::domain::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The columns an export must have (any order, any case).
pub const REQUIRED: [&str; 14] = [
    "application_id",
    "project_id",
    "year",
    "municipality",
    "county",
    "region",
    "population",
    "focus_area",
    "status",
    "amount_applied",
    "amount_granted",
    "kind",
    "pilot",
    "title",
];

/// One valid row of the export.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    line: u64,
    project: String,
    application: Application,
    municipality: String,
    county: String,
    region: String,
    population: u64,
    /// The focus area as written in the export.
    focus_area: String,
    kind: ProjectKind,
    pilot: bool,
    title: String,
    extra: BTreeMap<String, String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub applications: usize,
    pub projects: usize,
    pub new_cases: Vec<CaseId>,
    pub updated_cases: Vec<CaseId>,
    pub new_focus_areas: Vec<String>,
    /// Projects with no granted application: in the frame, not in the review pool.
    pub never_granted: usize,
}

/// Reads and checks the whole export against the study; merges it into
/// `data` only if every row is valid.
/// Columns named in `drop` are left out; a personal column that is not is
/// refused (`personal_columns.rs`), and so is any text written into a shared
/// file (title, places, focus area, attributes) that holds a contact detail
/// `contacts` finds.
pub fn import_pool(
    path: &Path,
    data: &mut StudyData,
    drop: &[String],
    contacts: &Matcher,
) -> Result<ImportSummary, Vec<CsvProblem>> {
    let rows = read_rows(path, &data.study, drop, contacts)?;
    check_projects(path, &rows)?;
    check_against_study(path, &rows, data)?;
    Ok(merge(data, rows))
}

/// More than any grant of the scheme: a value past it is a mistake in the
/// export (or a hostile one), not an amount.
const MAX_AMOUNT: u64 = 1_000_000_000_000;

/// Pool rows may create or update pool cases only, and no new case may
/// differ from another only by case (the folders would collide on macOS
/// and Windows).
fn check_against_study(path: &Path, rows: &[Row], data: &StudyData) -> Result<(), Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, ()> = BTreeMap::new();
    let existing: BTreeMap<String, &CaseId> = data.cases.keys().map(|id| (id.as_str().to_lowercase(), id)).collect();
    for row in rows {
        if seen.insert(row.project.as_str(), ()).is_some() {
            continue;
        }
        let id = case_id_of(&row.project);
        match data.cases.get(&id) {
            Some(case) if case.case.origin != Origin::Project => problems.push(CsvProblem::new(
                path,
                row.line,
                "project_id",
                format!(
                    "`{id}` is the id of a {} case; pool rows may only create or update pool cases",
                    match case.case.origin {
                        Origin::Snowball { .. } => "snowball",
                        _ => "non-pool",
                    }
                ),
            )),
            Some(_) => {}
            None => {
                if let Some(other) = existing.get(&id.as_str().to_lowercase()) {
                    problems.push(CsvProblem::new(
                        path,
                        row.line,
                        "project_id",
                        format!("case id `{id}` differs from the existing `{other}` only by case; the folders would collide on macOS and Windows"),
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn read_rows(path: &Path, study: &Study, drop: &[String], contacts: &Matcher) -> Result<Vec<Row>, Vec<CsvProblem>> {
    let table = read_table(path)?;
    let header = &table.header;
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let missing: Vec<CsvProblem> = REQUIRED
        .iter()
        .filter(|r| !names.iter().any(|n| n == *r))
        .map(|r| CsvProblem::new(path, 1, r, "missing required column"))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let personal = column_problems(path, &table, &names, &REQUIRED, drop);
    if !personal.is_empty() {
        return Err(personal);
    }
    let dropped: Vec<String> = drop.iter().map(|d| d.trim().to_lowercase()).collect();
    let column = |name: &str| names.iter().position(|n| n == name).unwrap_or(0);
    let extra: Vec<(String, usize)> = header
        .iter()
        .enumerate()
        .filter(|(i, _)| !REQUIRED.contains(&names[*i].as_str()) && !dropped.contains(&names[*i]))
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    let mut rows = Vec::new();
    let mut problems = table.problems.clone();
    let mut seen_applications: BTreeMap<String, u64> = BTreeMap::new();
    for (line, record) in &table.rows {
        let line = *line;
        let get = |name: &str| record.get(column(name)).unwrap_or_default().to_string();
        let before = problems.len();
        let mut report = |name: &str, message: String| problems.push(CsvProblem::new(path, line, name, message));
        let required = |name: &str, report: &mut dyn FnMut(&str, String)| {
            let value = get(name);
            if value.is_empty() {
                report(name, "is empty".to_string());
            }
            value
        };
        let number = |name: &str, report: &mut dyn FnMut(&str, String)| -> u64 {
            let value = get(name);
            value.parse::<u64>().unwrap_or_else(|_| {
                report(name, format!("`{value}` is not a whole number"));
                0
            })
        };
        let application_id = required("application_id", &mut report);
        let project = required("project_id", &mut report);
        let year_text = get("year");
        let year = match year_text.parse::<i32>() {
            Ok(y) if (1900..=2100).contains(&y) => y,
            _ => {
                report("year", format!("`{year_text}` is not a year"));
                0
            }
        };
        let municipality = required("municipality", &mut report);
        let county = get("county");
        let region_text = get("region");
        let region = if region_text.is_empty() {
            match study.region_of_county(&county) {
                Some(region) => region.to_string(),
                None => {
                    report(
                        "region",
                        format!("is empty and county `{county}` is not one whose region the study knows"),
                    );
                    String::new()
                }
            }
        } else {
            match study.strata.regions.iter().find(|r| {
                r.eq_ignore_ascii_case(&region_text)
                    || crate::domain::fold::fold(r) == crate::domain::fold::fold(&region_text)
            }) {
                Some(region) => region.clone(),
                None => {
                    report(
                        "region",
                        format!(
                            "unknown region `{region_text}`; the study's regions are {}",
                            study.strata.regions.join(", ")
                        ),
                    );
                    String::new()
                }
            }
        };
        let population = number("population", &mut report);
        let focus_area = required("focus_area", &mut report);
        let status_text = get("status");
        let status = match status_text.to_lowercase().as_str() {
            "granted" | "innvilget" | "tilslag" => ApplicationStatus::Granted,
            "rejected" | "avslag" | "avslått" => ApplicationStatus::Rejected,
            _ => {
                report(
                    "status",
                    format!("unknown status `{status_text}`; expected granted or rejected"),
                );
                ApplicationStatus::Rejected
            }
        };
        let amount_applied = number("amount_applied", &mut report);
        let amount_granted = number("amount_granted", &mut report);
        for (name, amount) in [("amount_applied", amount_applied), ("amount_granted", amount_granted)] {
            if amount > MAX_AMOUNT {
                report(name, format!("{amount} is more than any grant ({MAX_AMOUNT} NOK)"));
            }
        }
        if status == ApplicationStatus::Rejected && amount_granted > 0 {
            report(
                "amount_granted",
                format!("{amount_granted} granted on a rejected application"),
            );
        }
        let kind_text = get("kind");
        let kind = match kind_text.to_lowercase().as_str() {
            "new" => ProjectKind::New,
            "adaptation" => ProjectKind::Adaptation,
            _ => {
                report(
                    "kind",
                    format!("unknown kind `{kind_text}`; expected new or adaptation"),
                );
                ProjectKind::New
            }
        };
        let pilot_text = get("pilot");
        let pilot = match pilot_text.to_lowercase().as_str() {
            "yes" | "ja" | "true" => true,
            "no" | "nei" | "false" | "" => false,
            _ => {
                report("pilot", format!("`{pilot_text}` is not yes or no"));
                false
            }
        };
        let free_text = ["title", "municipality", "county", "focus_area"]
            .iter()
            .map(|name| (name.to_string(), get(name)))
            .chain(
                extra
                    .iter()
                    .map(|(name, i)| (name.clone(), record.get(*i).unwrap_or_default().to_string())),
            );
        for (name, text) in free_text {
            if let Some(detail) = contacts.find(&text).first() {
                // The kind only: quoting the text would leak it again.
                report(
                    &name,
                    format!(
                        "holds {}: contact details belong in the private store, never in case.ron",
                        detail.kind
                    ),
                );
            }
        }
        if let Some(first) = seen_applications.get(&application_id) {
            report(
                "application_id",
                format!("`{application_id}` appears twice (first on line {first})"),
            );
        } else {
            seen_applications.insert(application_id.clone(), line);
        }
        if problems.len() > before {
            continue;
        }
        rows.push(Row {
            line,
            project,
            application: Application {
                id: ApplicationId::new(application_id),
                year,
                status,
                focus_area: None,
                amount_applied,
                amount_granted,
            },
            municipality,
            county,
            region,
            population,
            focus_area,
            kind,
            pilot,
            title: get("title"),
            extra: extra
                .iter()
                .map(|(name, i)| (name.clone(), record.get(*i).unwrap_or_default().to_string()))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// Rows of one project must agree on the municipality, and two projects
/// must not share a case id.
fn check_projects(path: &Path, rows: &[Row]) -> Result<(), Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut first_row: BTreeMap<&str, &Row> = BTreeMap::new();
    let mut ids: BTreeMap<String, &str> = BTreeMap::new();
    let mut folded: BTreeMap<String, &str> = BTreeMap::new();
    for row in rows {
        match first_row.get(row.project.as_str()) {
            Some(first) if first.municipality != row.municipality => problems.push(CsvProblem::new(
                path,
                row.line,
                "municipality",
                format!(
                    "project {} is in `{}` on line {}, here in `{}`",
                    row.project, first.municipality, first.line, row.municipality
                ),
            )),
            Some(_) => {}
            None => {
                first_row.insert(&row.project, row);
                let id = case_id_of(&row.project);
                if id.as_str().is_empty() {
                    problems.push(CsvProblem::new(
                        path,
                        row.line,
                        "project_id",
                        format!("`{}` gives no case id: it needs letters (a-z) or digits", row.project),
                    ));
                    continue;
                }
                if let Some(other) = folded.insert(id.as_str().to_lowercase(), &row.project) {
                    if case_id_of(other) != id {
                        problems.push(CsvProblem::new(
                            path,
                            row.line,
                            "project_id",
                            format!("`{}` and `{other}` differ only by case; their folders would collide on macOS and Windows", row.project),
                        ));
                    }
                }
                if let Some(other) = ids.insert(id.to_string(), &row.project) {
                    problems.push(CsvProblem::new(
                        path,
                        row.line,
                        "project_id",
                        format!("`{}` and `{other}` both become case id `{id}`", row.project),
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The case id of a project: its id where that is file-safe, else a slug of it.
pub fn case_id_of(project: &str) -> CaseId {
    if is_file_safe(project) {
        CaseId::new(project)
    } else {
        CaseId::new(slug(project))
    }
}

fn merge(data: &mut StudyData, rows: Vec<Row>) -> ImportSummary {
    let mut summary = ImportSummary {
        applications: rows.len(),
        ..ImportSummary::default()
    };
    // Focus areas: matched by id or name; unknown ones are added to the study.
    let mut focus_years: BTreeMap<String, BTreeSet<i32>> = BTreeMap::new();
    let mut focus_ids: BTreeMap<String, String> = BTreeMap::new();
    for row in &rows {
        let known = data
            .study
            .strata
            .focus_areas
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(&row.focus_area) || f.name.eq_ignore_ascii_case(&row.focus_area));
        let id = known.map(|f| f.id.clone()).unwrap_or_else(|| slug(&row.focus_area));
        focus_ids.insert(row.focus_area.clone(), id.clone());
        focus_years.entry(id).or_default().insert(row.application.year);
    }
    for (text, id) in &focus_ids {
        if data.study.focus_area(id).is_none() {
            data.study.strata.focus_areas.push(FocusArea {
                id: id.clone(),
                name: text.clone(),
                years: Vec::new(),
            });
            summary.new_focus_areas.push(text.clone());
        }
    }
    for area in &mut data.study.strata.focus_areas {
        if let Some(years) = focus_years.get(&area.id) {
            let mut all: BTreeSet<i32> = area.years.iter().copied().collect();
            all.extend(years);
            area.years = all.into_iter().collect();
        }
    }
    let mut by_project: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for row in rows {
        by_project.entry(row.project.clone()).or_default().push(row);
    }
    summary.projects = by_project.len();
    for (project, mut rows) in by_project {
        rows.sort_by(|a, b| (a.application.year, &a.application.id).cmp(&(b.application.year, &b.application.id)));
        let first = &rows[0];
        let last = &rows[rows.len() - 1];
        let id = case_id_of(&project);
        let focus_of = |row: &Row| focus_ids.get(&row.focus_area).cloned();
        let imported: Vec<Application> = rows
            .iter()
            .map(|r| Application {
                focus_area: focus_of(r),
                ..r.application.clone()
            })
            .collect();
        let mut attributes = BTreeMap::new();
        for row in &rows {
            attributes.extend(row.extra.clone());
        }
        let title = rows
            .iter()
            .rev()
            .map(|r| r.title.clone())
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| project.clone());
        let facts = |case: &mut Case| {
            case.title = title.clone();
            case.municipality = last.municipality.clone();
            case.county = last.county.clone();
            case.region = last.region.clone();
            case.population = Some(last.population);
            case.focus_area = focus_of(first);
            case.kind = Some(first.kind);
            case.pilot = rows.iter().any(|r| r.pilot);
            // Applications from the export replace those with the same id; others stay.
            let mut applications: Vec<Application> = case
                .applications
                .iter()
                .filter(|a| !imported.iter().any(|i| i.id == a.id))
                .cloned()
                .collect();
            applications.extend(imported.iter().cloned());
            applications.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
            case.applications = applications;
            case.attributes.extend(attributes.clone());
        };
        match data.cases.get_mut(&id) {
            Some(existing) => {
                let before = existing.case.clone();
                facts(&mut existing.case);
                if existing.case != before {
                    summary.updated_cases.push(id.clone());
                }
            }
            None => {
                let mut case = Case::new(id.clone(), Origin::Project, "", "");
                facts(&mut case);
                data.cases.insert(id.clone(), CaseData::new(case));
                summary.new_cases.push(id.clone());
            }
        }
        if !data.cases[&id].case.is_funded() {
            summary.never_granted += 1;
        }
    }
    summary
}
