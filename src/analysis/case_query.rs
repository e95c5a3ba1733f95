//! Finding cases: filters on strata and stage that combine (values of one
//! stratum widen, different strata narrow), fuzzy search over municipality,
//! title and id where plain letters match Norwegian ones (`bomlo` finds
//! Bømlo), and sorting by any column.

use super::strata::value_of;
use crate::domain::fold::fold;
use crate::domain::*;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::collections::{BTreeMap, BTreeSet};

/// What a filter is on: a stratum, or the selection stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FilterOn {
    Stratum(Stratum),
    Stage,
}

impl FilterOn {
    pub const ALL: [FilterOn; 7] = [
        FilterOn::Stratum(Stratum::SizeBand),
        FilterOn::Stratum(Stratum::Region),
        FilterOn::Stratum(Stratum::FocusArea),
        FilterOn::Stratum(Stratum::Year),
        FilterOn::Stage,
        FilterOn::Stratum(Stratum::Kind),
        FilterOn::Stratum(Stratum::Pilot),
    ];

    pub fn label(self) -> &'static str {
        match self {
            FilterOn::Stratum(Stratum::SizeBand) => "size band",
            FilterOn::Stratum(Stratum::Region) => "region",
            FilterOn::Stratum(Stratum::FocusArea) => "focus area",
            FilterOn::Stratum(Stratum::Year) => "year",
            FilterOn::Stratum(Stratum::Kind) => "kind",
            FilterOn::Stratum(Stratum::Pilot) => "pilot",
            FilterOn::Stage => "stage",
        }
    }

    /// The case's values on this dimension (a project spans several years).
    pub fn values_of(self, data: &StudyData, case: &Case) -> Vec<String> {
        match self {
            FilterOn::Stage => vec![case.stage.label().to_string()],
            FilterOn::Stratum(Stratum::Year) => case.years().iter().map(i32::to_string).collect(),
            FilterOn::Stratum(s) => value_of(data, case, s).into_iter().collect(),
        }
    }

    /// Every value the dimension takes in the study, in the study's order.
    pub fn choices(self, data: &StudyData) -> Vec<String> {
        match self {
            FilterOn::Stage => Stage::ALL.iter().map(|s| s.label().to_string()).collect(),
            FilterOn::Stratum(Stratum::Year) => {
                let years: BTreeSet<i32> = data.cases.values().flat_map(|c| c.case.years()).collect();
                years.iter().map(i32::to_string).collect()
            }
            FilterOn::Stratum(s) => super::coverage::values(data, s),
        }
    }
}

/// The table's columns, each sortable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Id,
    Municipality,
    SizeBand,
    Region,
    FocusArea,
    Years,
    Kind,
    Pilot,
    Stage,
    Reviews,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Id,
        Column::Municipality,
        Column::SizeBand,
        Column::Region,
        Column::FocusArea,
        Column::Years,
        Column::Kind,
        Column::Pilot,
        Column::Stage,
        Column::Reviews,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Id => "Id",
            Column::Municipality => "Municipality",
            Column::SizeBand => "Size band",
            Column::Region => "Region",
            Column::FocusArea => "Focus area",
            Column::Years => "Years",
            Column::Kind => "Kind",
            Column::Pilot => "Pilot",
            Column::Stage => "Stage",
            Column::Reviews => "Reviews",
        }
    }

    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseQuery {
    pub filters: BTreeMap<FilterOn, BTreeSet<String>>,
    pub search: String,
    pub sort: Column,
    pub descending: bool,
}

/// A case that passed the query, with where the search matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<'a> {
    pub case: &'a CaseData,
    pub score: i64,
    /// Character positions matched in the municipality, the id and the title.
    pub in_municipality: Vec<usize>,
    pub in_id: Vec<usize>,
    pub in_title: Vec<usize>,
}

/// Fuzzy-matches `pattern` against `text` with both folded, and gives the
/// positions in `text`'s own characters.
pub fn fuzzy(matcher: &SkimMatcherV2, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    // Where each folded character comes from (æ folds to two).
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in text.chars().enumerate() {
        for f in fold(&c.to_string()).chars() {
            folded.push(f);
            origin.push(i);
        }
    }
    let (score, indices) = matcher.fuzzy_indices(&folded, &fold(pattern))?;
    let mut positions: Vec<usize> = indices.into_iter().filter_map(|i| origin.get(i).copied()).collect();
    positions.dedup();
    Some((score, positions))
}

impl CaseQuery {
    pub fn is_empty(&self) -> bool {
        self.filters.values().all(BTreeSet::is_empty) && self.search.trim().is_empty()
    }

    /// The cases that pass, best search matches first, then by the sort column.
    pub fn apply<'a>(&self, data: &'a StudyData) -> Vec<Found<'a>> {
        let matcher = SkimMatcherV2::default();
        let pattern = self.search.trim();
        let mut found: Vec<Found> = data
            .cases
            .values()
            .filter(|c| {
                self.filters.iter().all(|(on, wanted)| {
                    wanted.is_empty() || on.values_of(data, &c.case).iter().any(|v| wanted.contains(v))
                })
            })
            .filter_map(|c| {
                if pattern.is_empty() {
                    return Some(Found {
                        case: c,
                        score: 0,
                        in_municipality: vec![],
                        in_id: vec![],
                        in_title: vec![],
                    });
                }
                let m = fuzzy(&matcher, &c.case.municipality, pattern);
                let i = fuzzy(&matcher, c.case.id.as_str(), pattern);
                let t = fuzzy(&matcher, &c.case.title, pattern);
                let score = [&m, &i, &t].iter().filter_map(|x| x.as_ref().map(|(s, _)| *s)).max()?;
                let positions = |x: Option<(i64, Vec<usize>)>| x.map(|(_, p)| p).unwrap_or_default();
                Some(Found {
                    case: c,
                    score,
                    in_municipality: positions(m),
                    in_id: positions(i),
                    in_title: positions(t),
                })
            })
            .collect();
        found.sort_by(|a, b| {
            b.score.cmp(&a.score).then_with(|| {
                let order = sort_key(data, &a.case.case, self.sort).cmp(&sort_key(data, &b.case.case, self.sort));
                let order = if self.descending { order.reverse() } else { order };
                order.then_with(|| a.case.case.id.cmp(&b.case.case.id))
            })
        });
        found
    }
}

/// A sortable key: numbers sort as numbers, size bands by their order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(i64),
    Text(String),
}

fn sort_key(data: &StudyData, case: &Case, column: Column) -> SortKey {
    let position = |values: Vec<String>, value: Option<String>| {
        SortKey::Number(
            value
                .and_then(|v| values.iter().position(|x| *x == v))
                .map(|p| p as i64)
                .unwrap_or(i64::MAX),
        )
    };
    match column {
        Column::Id => SortKey::Text(case.id.to_string()),
        Column::Municipality => SortKey::Text(fold(&case.municipality)),
        Column::SizeBand => SortKey::Number(case.population.map(|p| p as i64).unwrap_or(-1)),
        Column::Region => position(data.study.strata.regions.clone(), Some(case.region.clone())),
        Column::FocusArea => SortKey::Text(
            case.focus_area
                .as_deref()
                .map(|f| fold(data.focus_area_name(f)))
                .unwrap_or_default(),
        ),
        Column::Years => SortKey::Number(case.years().first().copied().unwrap_or(0) as i64),
        Column::Kind => SortKey::Text(case.kind.map(|k| k.label().to_string()).unwrap_or_default()),
        Column::Pilot => SortKey::Number(i64::from(case.pilot)),
        Column::Stage => SortKey::Number(Stage::ALL.iter().position(|s| *s == case.stage).unwrap_or(0) as i64),
        Column::Reviews => SortKey::Number(
            data.cases
                .get(&case.id)
                .map(|c| c.submitted_reviews() as i64)
                .unwrap_or(0),
        ),
    }
}
