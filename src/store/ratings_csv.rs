//! Reading a ratings table: a header row, the first column names the unit,
//! then one column per rater; an empty cell is a missing rating.

use super::csv_problem::CsvProblem;
use crate::analysis::agreement::Ratings;
use std::path::Path;

pub fn read_ratings(path: &Path) -> Result<Ratings, Vec<CsvProblem>> {
    let problem = |line: u64, column: &str, message: String| CsvProblem {
        path: path.to_path_buf(),
        line,
        column: column.to_string(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| vec![problem(0, "file", format!("cannot read: {e}"))])?;
    let header = reader
        .headers()
        .map_err(|e| vec![problem(1, "header", e.to_string())])?
        .clone();
    if header.len() < 2 {
        return Err(vec![problem(
            1,
            "header",
            "needs a unit column and at least one rater column".to_string(),
        )]);
    }
    let raters: Vec<String> = header.iter().skip(1).map(String::from).collect();
    let mut ratings = Ratings {
        units: Vec::new(),
        raters,
        cells: Vec::new(),
    };
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                problems.push(problem(line, "row", e.to_string()));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(problem(
                line,
                "row",
                format!("has {} cells, the header has {}", record.len(), header.len()),
            ));
            continue;
        }
        let unit = record.get(0).unwrap_or_default().to_string();
        if unit.is_empty() {
            problems.push(problem(
                line,
                header.get(0).unwrap_or("unit"),
                "the unit has no name".to_string(),
            ));
        }
        ratings.units.push(unit);
        ratings.cells.push(
            record
                .iter()
                .skip(1)
                .map(|c| (!c.is_empty()).then(|| c.to_string()))
                .collect(),
        );
    }
    if problems.is_empty() {
        Ok(ratings)
    } else {
        Err(problems)
    }
}
