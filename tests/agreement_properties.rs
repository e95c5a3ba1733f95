//! Properties every agreement statistic must have: identical raters agree
//! perfectly; the order of units and raters does not matter; missing cells
//! are ignored.

use casebook::analysis::agreement::{report, Level, Ratings, Report};
use proptest::prelude::*;

fn table(rows: &[Vec<Option<u8>>]) -> Ratings {
    let raters = rows.first().map(Vec::len).unwrap_or(0);
    Ratings {
        units: (0..rows.len()).map(|i| format!("u{i}")).collect(),
        raters: (0..raters).map(|r| format!("r{r}")).collect(),
        cells: rows
            .iter()
            .map(|row| row.iter().map(|c| c.map(|v| v.to_string())).collect())
            .collect(),
    }
}

fn all_levels(ratings: &Ratings) -> Vec<Report> {
    [Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio]
        .into_iter()
        .map(|level| report(ratings, level, None).unwrap())
        .collect()
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

fn same_report(a: &Report, b: &Report) -> bool {
    same(a.percent_agreement, b.percent_agreement)
        && same(a.cohen_kappa, b.cohen_kappa)
        && same(a.cohen_kappa_linear, b.cohen_kappa_linear)
        && same(a.cohen_kappa_quadratic, b.cohen_kappa_quadratic)
        && same(a.fleiss_kappa, b.fleiss_kappa)
        && same(a.krippendorff_alpha, b.krippendorff_alpha)
        && same(a.gwet_ac1, b.gwet_ac1)
        && same(a.pabak, b.pabak)
}

/// A table of `units` x `raters` with ratings 1..=5 and some cells missing.
fn tables() -> impl Strategy<Value = Vec<Vec<Option<u8>>>> {
    (3usize..25, 2usize..6).prop_flat_map(|(units, raters)| {
        prop::collection::vec(
            prop::collection::vec(prop::option::weighted(0.85, 1u8..=5), raters),
            units,
        )
    })
}

proptest! {
    #[test]
    fn identical_raters_give_one(values in prop::collection::vec(1u8..=5, 3..30), raters in 2usize..6) {
        prop_assume!(values.iter().any(|v| *v != values[0]));
        let rows: Vec<Vec<Option<u8>>> = values.iter().map(|v| vec![Some(*v); raters]).collect();
        for r in all_levels(&table(&rows)) {
            prop_assert!(same(r.percent_agreement, Some(1.0)));
            prop_assert!(same(r.fleiss_kappa, Some(1.0)));
            prop_assert!(same(r.krippendorff_alpha, Some(1.0)));
            prop_assert!(same(r.gwet_ac1, Some(1.0)));
            prop_assert!(same(r.pabak, Some(1.0)));
            if raters == 2 {
                prop_assert!(same(r.cohen_kappa, Some(1.0)));
                prop_assert!(same(r.cohen_kappa_linear, Some(1.0)));
                prop_assert!(same(r.cohen_kappa_quadratic, Some(1.0)));
            }
        }
    }

    #[test]
    fn permuting_units_changes_nothing(rows in tables(), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (seed.wrapping_mul(i as u64 + 7) % (i as u64 + 1)) as usize);
        }
        for (a, b) in all_levels(&table(&rows)).iter().zip(all_levels(&table(&shuffled)).iter()) {
            prop_assert!(same_report(a, b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn permuting_raters_changes_nothing(rows in tables()) {
        let reversed: Vec<Vec<Option<u8>>> = rows.iter().map(|r| r.iter().rev().copied().collect()).collect();
        for (a, b) in all_levels(&table(&rows)).iter().zip(all_levels(&table(&reversed)).iter()) {
            prop_assert!(same_report(a, b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn a_unit_nobody_rated_changes_nothing(rows in tables()) {
        let mut more = rows.clone();
        more.push(vec![None; rows[0].len()]);
        for (a, b) in all_levels(&table(&rows)).iter().zip(all_levels(&table(&more)).iter()) {
            // Fleiss needs every unit equally rated, so an empty unit makes it not apply.
            prop_assert!(same(a.percent_agreement, b.percent_agreement));
            prop_assert!(same(a.cohen_kappa, b.cohen_kappa));
            prop_assert!(same(a.cohen_kappa_quadratic, b.cohen_kappa_quadratic));
            prop_assert!(same(a.krippendorff_alpha, b.krippendorff_alpha));
            prop_assert!(same(a.gwet_ac1, b.gwet_ac1));
            prop_assert!(same(a.pabak, b.pabak));
            prop_assert_eq!(b.fleiss_kappa, None);
        }
    }

    #[test]
    fn a_rater_who_rated_nothing_changes_nothing_but_who_can_be_compared(rows in tables()) {
        let more: Vec<Vec<Option<u8>>> = rows.iter().map(|r| { let mut r = r.clone(); r.push(None); r }).collect();
        for (a, b) in all_levels(&table(&rows)).iter().zip(all_levels(&table(&more)).iter()) {
            prop_assert!(same(a.percent_agreement, b.percent_agreement));
            prop_assert!(same(a.krippendorff_alpha, b.krippendorff_alpha));
            prop_assert!(same(a.gwet_ac1, b.gwet_ac1));
            prop_assert!(same(a.pabak, b.pabak));
            prop_assert!(same(a.fleiss_kappa, b.fleiss_kappa));
        }
    }
}
