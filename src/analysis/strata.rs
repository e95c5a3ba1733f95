//! The value a case has on each stratum (size band, region, focus area,
//! kind, pilot, first year), as the strings reports and JSON use.

use crate::domain::*;

/// The case's value on `stratum`, or `None` when the case does not say.
pub fn value_of(data: &StudyData, case: &Case, stratum: Stratum) -> Option<String> {
    match stratum {
        Stratum::SizeBand => data.size_band_of(case).map(String::from),
        Stratum::Region => Some(case.region.clone()).filter(|r| !r.is_empty()),
        Stratum::FocusArea => case.focus_area.clone(),
        Stratum::Kind => case.kind.map(|k| k.label().to_string()),
        Stratum::Pilot => Some(if case.pilot { "yes" } else { "no" }.to_string()),
        Stratum::Year => case.years().first().map(i32::to_string),
    }
}

/// Every stratum value of a case, for the strata given.
pub fn values_of(data: &StudyData, case: &Case, strata: &[Stratum]) -> Vec<(Stratum, String)> {
    strata
        .iter()
        .filter_map(|&s| value_of(data, case, s).map(|v| (s, v)))
        .collect()
}
