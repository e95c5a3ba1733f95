//! Every agreement statistic against published reference values: the shared
//! test vectors (a copy in tests/fixtures/agreement/shared, sources named there) and
//! tables rebuilt from irrCAC's published examples (tests/fixtures/agreement).

use casebook::analysis::agreement::{report, Level, Ratings, Report, ScaleRange};
use casebook::store::ratings_csv::read_ratings;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement/shared")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/agreement")
        .join(name)
}

fn ratings(path: &Path) -> Ratings {
    read_ratings(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

fn stats(path: &Path, level: Level) -> Report {
    report(&ratings(path), level, None).unwrap()
}

fn close(name: &str, actual: Option<f64>, expected: f64, tolerance: f64) {
    let actual = actual.unwrap_or_else(|| panic!("{name}: no value"));
    assert!(
        (actual - expected).abs() <= tolerance,
        "{name}: {actual} differs from {expected} by more than {tolerance}"
    );
}

#[test]
fn the_shared_vectors_match_their_published_values() {
    let text =
        std::fs::read_to_string(shared().join("expected.json")).expect("tests/fixtures/agreement/shared/expected.json");
    let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut checked = 0;
    for (file, values) in expected.as_object().unwrap() {
        let tolerance = values["tolerance"].as_f64().unwrap_or(1e-4);
        let path = shared().join(format!("{file}.csv"));
        for (statistic, value) in values.as_object().unwrap() {
            if statistic == "source" || statistic == "tolerance" {
                continue;
            }
            let levels: Vec<(Level, f64)> = match value {
                serde_json::Value::Object(by_level) => by_level
                    .iter()
                    .map(|(level, v)| (Level::parse(level).unwrap(), v.as_f64().unwrap()))
                    .collect(),
                v => vec![(Level::Nominal, v.as_f64().unwrap())],
            };
            for (level, expected) in levels {
                let r = stats(&path, level);
                let actual = match statistic.as_str() {
                    "krippendorff_alpha" => r.krippendorff_alpha,
                    "cohen_kappa" => r.cohen_kappa,
                    "cohen_kappa_linear" => r.cohen_kappa_linear,
                    "cohen_kappa_quadratic" => r.cohen_kappa_quadratic,
                    "fleiss_kappa" => r.fleiss_kappa,
                    "percent_agreement" => r.percent_agreement,
                    "gwet_ac1" => r.gwet_ac1,
                    "pabak" => r.pabak,
                    other => panic!("expected.json names a statistic casebook does not know: {other}"),
                };
                close(&format!("{file} {statistic} {level:?}"), actual, expected, tolerance);
                checked += 1;
            }
        }
    }
    assert!(checked >= 7, "only {checked} values checked");
}

#[test]
fn krippendorff_2011_at_every_level_and_gwet_and_brennan_prediger_from_irrcac() {
    let path = shared().join("krippendorff2011.csv");
    // Krippendorff (2011): 113/152 nominal, 951/1120 interval; .815 ordinal, .797 ratio.
    close(
        "alpha nominal",
        stats(&path, Level::Nominal).krippendorff_alpha,
        113.0 / 152.0,
        1e-12,
    );
    close(
        "alpha interval",
        stats(&path, Level::Interval).krippendorff_alpha,
        951.0 / 1120.0,
        1e-12,
    );
    close(
        "alpha ordinal",
        stats(&path, Level::Ordinal).krippendorff_alpha,
        0.815,
        5e-4,
    );
    close(
        "alpha ratio",
        stats(&path, Level::Ratio).krippendorff_alpha,
        0.797,
        5e-4,
    );
    // irrCAC README, cac.raw4raters (the same table).
    let r = stats(&path, Level::Nominal);
    close("percent agreement", r.percent_agreement, 0.8181818, 1e-7);
    close("Gwet's AC1", r.gwet_ac1, 0.77544, 1e-5);
    close("Brennan-Prediger", r.pabak, 0.77273, 1e-5);
    assert_eq!(r.fleiss_kappa, None, "units have different numbers of ratings");
    assert_eq!(r.cohen_kappa, None, "four raters, not two");
}

#[test]
fn irrcac_two_raters_contingency_table() {
    let r = stats(&fixture("irrcac_cont3x3abstractors.csv"), Level::Nominal);
    close("Cohen's kappa", r.cohen_kappa, 0.7964094, 1e-7);
    close("Gwet's AC1", r.gwet_ac1, 0.8493305, 1e-7);
    close("Brennan-Prediger", r.pabak, 0.835, 1e-9);
    close("Krippendorff's alpha", r.krippendorff_alpha, 0.7972585, 1e-7);
    close("percent agreement", r.percent_agreement, 0.89, 1e-12);
    assert!(r.fleiss_kappa.is_some());
}

#[test]
fn irrcac_six_raters_distribution() {
    let r = stats(&fixture("irrcac_distrib_6raters.csv"), Level::Nominal);
    close("Gwet's AC1", r.gwet_ac1, 0.4448007, 1e-7);
    close("Fleiss' kappa", r.fleiss_kappa, 0.4139265, 1e-7);
    close("Krippendorff's alpha", r.krippendorff_alpha, 0.4204384, 1e-7);
    close("Brennan-Prediger", r.pabak, 0.4388889, 1e-7);
    close("percent agreement", r.percent_agreement, 0.5511111, 1e-7);
}

#[test]
fn weighted_kappa_on_a_declared_scale_counts_unused_points() {
    // Ratings 1, 2 and 4 on a 1..7 scale: rank weights see three categories,
    // the scale sees seven points.
    let table = Ratings {
        units: (1..=6).map(|i| format!("u{i}")).collect(),
        raters: vec!["a".into(), "b".into()],
        cells: [(1, 1), (2, 2), (4, 4), (1, 2), (2, 4), (4, 4)]
            .iter()
            .map(|(a, b)| vec![Some(a.to_string()), Some(b.to_string())])
            .collect(),
    };
    let by_rank = report(&table, Level::Ordinal, None).unwrap();
    let on_scale = report(&table, Level::Ordinal, ScaleRange::parse("1..7")).unwrap();
    assert_eq!(
        by_rank.cohen_kappa, on_scale.cohen_kappa,
        "unweighted kappa does not depend on the scale"
    );
    assert!(on_scale.cohen_kappa_linear.unwrap() > by_rank.cohen_kappa_linear.unwrap());
    // By hand on the 1..7 scale: linear weights 1 - |i-j|/6.
    // po = (4 + 5/6 + 4/6)/6; marginals a: 1:2/6, 2:2/6, 4:2/6; b: 1:1/6, 2:2/6, 4:3/6.
    let w = |i: f64, j: f64| 1.0 - (i - j).abs() / 6.0;
    let po = (4.0 + w(1.0, 2.0) + w(2.0, 4.0)) / 6.0;
    let a = [(1.0, 2.0 / 6.0), (2.0, 2.0 / 6.0), (4.0, 2.0 / 6.0)];
    let b = [(1.0, 1.0 / 6.0), (2.0, 2.0 / 6.0), (4.0, 3.0 / 6.0)];
    let pe: f64 = a
        .iter()
        .flat_map(|(i, pa)| b.iter().map(move |(j, pb)| w(*i, *j) * pa * pb))
        .sum();
    close(
        "linear kappa on 1..7",
        on_scale.cohen_kappa_linear,
        (po - pe) / (1.0 - pe),
        1e-12,
    );
}

#[test]
fn values_off_the_declared_scale_or_not_numbers_are_errors() {
    let table = Ratings {
        units: vec!["u1".into()],
        raters: vec!["a".into(), "b".into()],
        cells: vec![vec![Some("9".into()), Some("x".into())]],
    };
    let error = report(&table, Level::Nominal, ScaleRange::parse("1..7")).unwrap_err();
    assert_eq!(error.to_string(), "unit u1, rater a: `9` is not on the scale 1..7");
    let error = report(&table, Level::Interval, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unit u1, rater b: `x` is not a number, which the interval level needs"
    );
}
