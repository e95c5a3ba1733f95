//! Agreement between raters, exact to the published reference values:
//! percent agreement, Cohen's kappa (unweighted, linear, quadratic), Fleiss'
//! kappa, Krippendorff's alpha (nominal, ordinal, interval, ratio), Gwet's
//! AC1 and Brennan-Prediger's coefficient (PABAK). Pure functions over a
//! ratings table; `None` where a statistic does not apply.

mod cohen;
mod fleiss;
mod gwet;
mod krippendorff;
mod percent;

pub use cohen::{cohen_kappa, Weighting};
pub use fleiss::fleiss_kappa;
pub use gwet::{brennan_prediger, gwet_ac1};
pub use krippendorff::krippendorff_alpha;
pub use percent::percent_agreement;

use serde::Serialize;
use thiserror::Error;

/// Ratings: one row per unit, one column per rater; `None` is missing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ratings {
    pub units: Vec<String>,
    pub raters: Vec<String>,
    /// `cells[unit][rater]`.
    pub cells: Vec<Vec<Option<String>>>,
}

/// Krippendorff's levels of measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Nominal,
    Ordinal,
    Interval,
    Ratio,
}

impl Level {
    pub fn parse(text: &str) -> Option<Level> {
        match text.to_ascii_lowercase().as_str() {
            "nominal" => Some(Level::Nominal),
            "ordinal" => Some(Level::Ordinal),
            "interval" => Some(Level::Interval),
            "ratio" => Some(Level::Ratio),
            _ => None,
        }
    }
}

/// A declared integer scale, both ends included (`1..7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleRange {
    pub low: i64,
    pub high: i64,
}

impl ScaleRange {
    /// Parses `LO..HI` (or `LO..=HI`).
    pub fn parse(text: &str) -> Option<ScaleRange> {
        let (low, high) = text.split_once("..")?;
        let high = high.strip_prefix('=').unwrap_or(high);
        let (low, high) = (low.trim().parse().ok()?, high.trim().parse().ok()?);
        (low < high).then_some(ScaleRange { low, high })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AgreementError {
    #[error("unit {unit}, rater {rater}: `{value}` is not a number, which the {level} level needs")]
    NotANumber {
        unit: String,
        rater: String,
        value: String,
        level: &'static str,
    },
    #[error("unit {unit}, rater {rater}: `{value}` is not on the scale {low}..{high}")]
    OffScale {
        unit: String,
        rater: String,
        value: String,
        low: i64,
        high: i64,
    },
}

/// A ratings table with each value replaced by its category's index.
/// Categories are ordered: on the declared scale, else by numeric value when
/// every value is a number, else alphabetically.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    /// Number of categories (all points of a declared scale, else those observed).
    pub categories: usize,
    /// The numeric value of each category (`NaN` for non-numeric ones).
    pub values: Vec<f64>,
    /// `cells[unit][rater]`: category index or missing.
    pub cells: Vec<Vec<Option<usize>>>,
}

impl Coded {
    /// Codes `ratings`, checking values against the level and the scale.
    pub fn new(ratings: &Ratings, level: Level, scale: Option<ScaleRange>) -> Result<Coded, AgreementError> {
        let level_name = match level {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
            Level::Ratio => "ratio",
        };
        let mut observed: Vec<&str> = ratings.cells.iter().flatten().flatten().map(String::as_str).collect();
        observed.sort_unstable();
        observed.dedup();
        let numeric = |v: &str| v.trim().parse::<f64>().ok().filter(|x| x.is_finite());
        for (u, row) in ratings.cells.iter().enumerate() {
            for (r, cell) in row.iter().enumerate() {
                let Some(value) = cell else { continue };
                let at = || {
                    (
                        ratings.units[u].clone(),
                        ratings.raters.get(r).cloned().unwrap_or_default(),
                        value.clone(),
                    )
                };
                let number = numeric(value);
                if let Some(scale) = scale {
                    let on_scale =
                        number.is_some_and(|x| x.fract() == 0.0 && x >= scale.low as f64 && x <= scale.high as f64);
                    if !on_scale {
                        let (unit, rater, value) = at();
                        return Err(AgreementError::OffScale {
                            unit,
                            rater,
                            value,
                            low: scale.low,
                            high: scale.high,
                        });
                    }
                } else if level != Level::Nominal && number.is_none() {
                    let (unit, rater, value) = at();
                    return Err(AgreementError::NotANumber {
                        unit,
                        rater,
                        value,
                        level: level_name,
                    });
                }
            }
        }
        let all_numeric = observed.iter().all(|v| numeric(v).is_some());
        let (labels, values): (Vec<String>, Vec<f64>) = match scale {
            Some(scale) => (scale.low..=scale.high).map(|p| (p.to_string(), p as f64)).unzip(),
            None if all_numeric => {
                let mut numbers: Vec<f64> = observed.iter().filter_map(|v| numeric(v)).collect();
                numbers.sort_by(f64::total_cmp);
                numbers.dedup();
                numbers.iter().map(|x| (x.to_string(), *x)).unzip()
            }
            None => observed.iter().map(|v| (v.to_string(), f64::NAN)).unzip(),
        };
        // Numbers are matched by value, so `3` and `3.0` are one category.
        let index_of = |value: &str| -> Option<usize> {
            match numeric(value) {
                Some(x) if all_numeric || scale.is_some() => values.iter().position(|v| *v == x),
                _ => labels.iter().position(|l| l == value),
            }
        };
        let cells = ratings
            .cells
            .iter()
            .map(|row| row.iter().map(|cell| cell.as_deref().and_then(index_of)).collect())
            .collect();
        Ok(Coded {
            categories: labels.len(),
            values,
            cells,
        })
    }

    /// `counts[unit][category]`: how many raters put the unit in the category.
    pub fn counts(&self) -> Vec<Vec<usize>> {
        self.cells
            .iter()
            .map(|row| {
                let mut counts = vec![0; self.categories];
                for c in row.iter().flatten() {
                    counts[*c] += 1;
                }
                counts
            })
            .collect()
    }
}

/// Every statistic for one table, as `casebook agreement --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub units: usize,
    pub raters: usize,
    pub percent_agreement: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub cohen_kappa_linear: Option<f64>,
    pub cohen_kappa_quadratic: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    pub gwet_ac1: Option<f64>,
    pub pabak: Option<f64>,
}

/// All statistics on `ratings`. Krippendorff's alpha is computed at `level`;
/// the others treat the values as categories (weighted kappa by their order).
pub fn report(ratings: &Ratings, level: Level, scale: Option<ScaleRange>) -> Result<Report, AgreementError> {
    let coded = Coded::new(ratings, level, scale)?;
    let kappa = |weighting| cohen_kappa(&coded, weighting, scale.is_some());
    Ok(Report {
        units: ratings.units.len(),
        raters: ratings.raters.len(),
        percent_agreement: percent_agreement(&coded),
        cohen_kappa: kappa(Weighting::Unweighted),
        cohen_kappa_linear: kappa(Weighting::Linear),
        cohen_kappa_quadratic: kappa(Weighting::Quadratic),
        fleiss_kappa: fleiss_kappa(&coded),
        krippendorff_alpha: krippendorff_alpha(&coded, level),
        gwet_ac1: gwet_ac1(&coded),
        pabak: brennan_prediger(&coded),
    })
}

/// The units a chance-corrected statistic can use: those with two or more ratings.
pub(crate) fn pairable(counts: &[Vec<usize>]) -> impl Iterator<Item = (&Vec<usize>, usize)> {
    counts
        .iter()
        .map(|c| (c, c.iter().sum::<usize>()))
        .filter(|(_, n)| *n >= 2)
}
