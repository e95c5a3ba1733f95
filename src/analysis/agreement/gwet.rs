//! Gwet's AC1 and Brennan-Prediger's coefficient (PABAK for two categories),
//! for any number of raters with missing ratings, as Gwet (2014) and R's
//! `irrCAC` define them: observed agreement over units with two or more
//! ratings; chance agreement from the category shares (AC1) or uniform over
//! the categories (Brennan-Prediger).

use super::{percent_agreement, Coded};

pub fn gwet_ac1(coded: &Coded) -> Option<f64> {
    let q = coded.categories;
    let pa = percent_agreement(coded)?;
    if q < 2 {
        return None;
    }
    let counts = coded.counts();
    let rated: Vec<(&Vec<usize>, usize)> = counts
        .iter()
        .map(|c| (c, c.iter().sum::<usize>()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let units = rated.len() as f64;
    let pe = (0..q)
        .map(|k| {
            let pi = rated.iter().map(|(c, n)| c[k] as f64 / *n as f64).sum::<f64>() / units;
            pi * (1.0 - pi)
        })
        .sum::<f64>()
        / (q - 1) as f64;
    (pe < 1.0 - 1e-12).then(|| (pa - pe) / (1.0 - pe))
}

pub fn brennan_prediger(coded: &Coded) -> Option<f64> {
    let q = coded.categories;
    let pa = percent_agreement(coded)?;
    (q >= 2).then(|| {
        let pe = 1.0 / q as f64;
        (pa - pe) / (1.0 - pe)
    })
}
