//! Cohen's kappa for exactly two raters, over the units both rated;
//! unweighted, or weighted by linear or quadratic distance. Without a
//! declared scale the distance is the difference in rank among the values
//! observed (as R's `irr::kappa2` and scikit-learn do); on a declared scale
//! it is the distance on the scale itself, unused points included.

use super::Coded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weighting {
    Unweighted,
    Linear,
    Quadratic,
}

/// `None` unless there are exactly two raters, a unit both rated, and the
/// expected agreement is below 1 (otherwise kappa is 0/0).
pub fn cohen_kappa(coded: &Coded, weighting: Weighting, on_declared_scale: bool) -> Option<f64> {
    if coded.cells.first().map(Vec::len) != Some(2) {
        return None;
    }
    let pairs: Vec<(usize, usize)> = coded.cells.iter().filter_map(|row| Some((row[0]?, row[1]?))).collect();
    if pairs.is_empty() {
        return None;
    }
    // The categories the distances are taken over.
    let categories: Vec<usize> = if on_declared_scale {
        (0..coded.categories).collect()
    } else {
        let mut used: Vec<usize> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
        used.sort_unstable();
        used.dedup();
        used
    };
    let k = categories.len();
    let rank = |c: usize| categories.iter().position(|x| *x == c).unwrap_or(0);
    let span = if on_declared_scale {
        coded.values.last().copied().unwrap_or(0.0) - coded.values.first().copied().unwrap_or(0.0)
    } else {
        k.saturating_sub(1) as f64
    };
    let distance = |i: usize, j: usize| -> f64 {
        if on_declared_scale {
            (coded.values[categories[i]] - coded.values[categories[j]]).abs()
        } else {
            (i as f64 - j as f64).abs()
        }
    };
    let agreement_weight = |i: usize, j: usize| -> f64 {
        match weighting {
            Weighting::Unweighted => f64::from(u8::from(i == j)),
            _ if span == 0.0 => f64::from(u8::from(i == j)),
            Weighting::Linear => 1.0 - distance(i, j) / span,
            Weighting::Quadratic => 1.0 - (distance(i, j) / span).powi(2),
        }
    };
    let n = pairs.len() as f64;
    let mut observed = vec![vec![0.0; k]; k];
    let mut first = vec![0.0; k];
    let mut second = vec![0.0; k];
    for (a, b) in &pairs {
        let (i, j) = (rank(*a), rank(*b));
        observed[i][j] += 1.0 / n;
        first[i] += 1.0 / n;
        second[j] += 1.0 / n;
    }
    let mut po = 0.0;
    let mut pe = 0.0;
    for i in 0..k {
        for j in 0..k {
            let w = agreement_weight(i, j);
            po += w * observed[i][j];
            pe += w * first[i] * second[j];
        }
    }
    (pe < 1.0 - 1e-12).then(|| (po - pe) / (1.0 - pe))
}
