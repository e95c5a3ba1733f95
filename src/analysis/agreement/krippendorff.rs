//! Krippendorff's alpha from the coincidence matrix, with missing values,
//! at the nominal, ordinal, interval and ratio levels (Krippendorff 2011,
//! "Computing Krippendorff's Alpha-Reliability").

use super::{pairable, Coded, Level};

pub fn krippendorff_alpha(coded: &Coded, level: Level) -> Option<f64> {
    let q = coded.categories;
    let counts = coded.counts();
    // Coincidences: each unit with m values adds c(k)c(k')/(m-1) for k != k'
    // and c(k)(c(k)-1)/(m-1) on the diagonal.
    let mut o = vec![vec![0.0; q]; q];
    for (c, m) in pairable(&counts) {
        let m = m as f64;
        for i in 0..q {
            for j in 0..q {
                let pairs = if i == j {
                    c[i] * c[i].saturating_sub(1)
                } else {
                    c[i] * c[j]
                };
                o[i][j] += pairs as f64 / (m - 1.0);
            }
        }
    }
    let marginals: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = marginals.iter().sum();
    if n <= 1.0 {
        return None;
    }
    let delta = |i: usize, j: usize| -> f64 {
        let (a, b) = (coded.values[i], coded.values[j]);
        match level {
            Level::Nominal => f64::from(u8::from(i != j)),
            Level::Interval => (a - b).powi(2),
            Level::Ratio if a + b == 0.0 => 0.0,
            Level::Ratio => ((a - b) / (a + b)).powi(2),
            Level::Ordinal => {
                let (lo, hi) = (i.min(j), i.max(j));
                let between: f64 = marginals[lo..=hi].iter().sum();
                (between - (marginals[i] + marginals[j]) / 2.0).powi(2)
            }
        }
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for i in 0..q {
        for j in 0..q {
            let d = delta(i, j);
            observed += o[i][j] * d;
            expected += marginals[i] * marginals[j] * d;
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}
