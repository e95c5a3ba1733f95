//! Reading a ratings table: a header row, the first column names the unit,
//! then one column per rater; an empty cell is a missing rating.

use super::csv_problem::{read_table, CsvProblem};
use crate::analysis::agreement::Ratings;
use std::path::Path;

pub fn read_ratings(path: &Path) -> Result<Ratings, Vec<CsvProblem>> {
    let problem = |line: u64, column: &str, message: String| CsvProblem::new(path, line, column, message);
    let table = read_table(path)?;
    let header = &table.header;
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
    let mut problems = table.problems.clone();
    for (line, record) in &table.rows {
        let line = *line;
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
