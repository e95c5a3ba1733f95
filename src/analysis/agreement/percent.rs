//! Percent agreement: per unit with two or more ratings, the share of pairs
//! of ratings that agree; averaged over those units. For two raters this is
//! the share of units both rated alike (Gwet's `pa`).

use super::{pairable, Coded};

pub fn percent_agreement(coded: &Coded) -> Option<f64> {
    let counts = coded.counts();
    let per_unit: Vec<f64> = pairable(&counts)
        .map(|(c, n)| c.iter().map(|k| (k * k.saturating_sub(1)) as f64).sum::<f64>() / (n * (n - 1)) as f64)
        .collect();
    (!per_unit.is_empty()).then(|| per_unit.iter().sum::<f64>() / per_unit.len() as f64)
}
