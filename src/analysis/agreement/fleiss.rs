//! Fleiss' kappa: every unit rated by the same number of raters (two or
//! more); the categories are those observed.

use super::Coded;

pub fn fleiss_kappa(coded: &Coded) -> Option<f64> {
    let counts = coded.counts();
    let n = counts.first()?.iter().sum::<usize>();
    if n < 2 || counts.iter().any(|c| c.iter().sum::<usize>() != n) {
        return None;
    }
    let units = counts.len() as f64;
    let n = n as f64;
    let p_bar = counts
        .iter()
        .map(|c| (c.iter().map(|k| (k * k) as f64).sum::<f64>() - n) / (n * (n - 1.0)))
        .sum::<f64>()
        / units;
    let pe: f64 = (0..coded.categories)
        .map(|j| {
            let p = counts.iter().map(|c| c[j] as f64).sum::<f64>() / (units * n);
            p * p
        })
        .sum();
    (pe < 1.0 - 1e-12).then(|| (p_bar - pe) / (1.0 - pe))
}
