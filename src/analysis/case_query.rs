//! Finding cases: filters on strata and stage that combine (values of one
//! stratum widen, different strata narrow), fuzzy search over municipality,
//! title and id where plain letters match Norwegian ones (`bomlo` finds
//! Bømlo), and sorting by any column.

use super::strata::value_of;
use crate::domain::fold::{fold, norwegian_order};
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

/// A text folded for searching, with where each folded character came from
/// in the original (æ folds to two characters), so matches can be shown.
/// Besides `fold`, a double `a` folds to one: `aa` is the old spelling of
/// `å` and still common in names, so `aalesund` finds Ålesund; and marks
/// between words are spaces.
#[derive(Debug, Clone, PartialEq)]
struct Folded {
    text: String,
    origin: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (i, c) in text.chars().enumerate() {
            let mut buffer = [0u8; 4];
            for f in fold(c.encode_utf8(&mut buffer)).chars() {
                // Hyphens and other marks are spaces (`mother tongue` finds
                // "Mother-tongue support"), and runs of them one space.
                let f = if f.is_alphanumeric() { f } else { ' ' };
                if (f == 'a' || f == ' ') && folded.ends_with(f) {
                    continue;
                }
                folded.push(f);
                origin.push(i);
            }
        }
        Folded { text: folded, origin }
    }

    fn positions(&self, matcher: &SkimMatcherV2, pattern: &str) -> Vec<usize> {
        let Some((_, indices)) = matcher.fuzzy_indices(&self.text, pattern) else {
            return Vec::new();
        };
        let mut positions: Vec<usize> = indices
            .into_iter()
            .filter_map(|i| self.origin.get(i).copied())
            .collect();
        positions.dedup();
        positions
    }
}

/// A search as typed, folded the way the index is.
fn search_pattern(typed: &str) -> String {
    Folded::new(typed.trim()).text
}

/// How well a search matches one field, best last. Exact, prefix and
/// whole-word matches rank above a match inside a word, and that above a
/// fuzzy one; a fuzzy match counts only when its letters lie close together
/// (a typo, a letter left out), not scattered over a long title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// The letters are all there, in order, but too far apart to show: kept
    /// so a longer query narrows from here (see `hits`).
    Scattered,
    Fuzzy,
    Inside,
    WordPrefix,
    WholeWordOrPrefix,
    Exact,
}

fn tier(matcher: &SkimMatcherV2, field: &str, pattern: &str, fuzzy_allowed: bool) -> Option<(Tier, i64)> {
    if field == pattern {
        return Some((Tier::Exact, 0));
    }
    // Every tier needs the letters in order: most fields fail this at once.
    if !is_subsequence(field, pattern) {
        return None;
    }
    let words = || field.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    if field.starts_with(pattern) || words().any(|w| w == pattern) {
        return Some((Tier::WholeWordOrPrefix, 0));
    }
    if words().any(|w| w.starts_with(pattern)) {
        return Some((Tier::WordPrefix, 0));
    }
    if field.contains(pattern) {
        return Some((Tier::Inside, 0));
    }
    let length = pattern.chars().count();
    if !fuzzy_allowed || length < 3 {
        return Some((Tier::Scattered, 0));
    }
    let (score, indices) = matcher.fuzzy_indices(field, pattern)?;
    let span = match (indices.first(), indices.last()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => usize::MAX,
    };
    // One letter too many for every four typed, and at least one.
    if span <= length + length / 4 + 1 {
        Some((Tier::Fuzzy, score))
    } else {
        Some((Tier::Scattered, score))
    }
}

/// Whether `pattern`'s characters occur in `field` in order (what any fuzzy
/// match needs), without scoring.
fn is_subsequence(field: &str, pattern: &str) -> bool {
    let mut rest = field.chars();
    pattern.chars().all(|p| rest.any(|f| f == p))
}

/// What searching needs of every case, folded once per change of the study
/// instead of once per keystroke.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    entries: Vec<IndexEntry>,
}

#[derive(Debug, Clone, PartialEq)]
struct IndexEntry {
    id: CaseId,
    municipality: Folded,
    id_text: Folded,
    title: Folded,
    focus_area: Folded,
    region: Folded,
}

impl IndexEntry {
    /// The best tier over the fields searched, and its fuzzy score. Names
    /// and ids may match fuzzily (typos); a title, focus area or region only
    /// by its words, or a long title would match nearly anything.
    fn best(&self, matcher: &SkimMatcherV2, pattern: &str) -> Option<(Tier, i64)> {
        [
            (&self.municipality, true),
            (&self.id_text, true),
            (&self.title, false),
            (&self.focus_area, false),
            (&self.region, false),
        ]
        .into_iter()
        .filter_map(|(field, fuzzy)| tier(matcher, &field.text, pattern, fuzzy))
        .max()
    }
}

impl SearchIndex {
    /// A fingerprint of what the index is built from (each case's id,
    /// municipality, title, focus area and region): most changes (a stage
    /// move, a review) leave it as it was, and the index need not be built
    /// again.
    pub fn source_of(data: &StudyData) -> u64 {
        use std::hash::{Hash, Hasher};
        // FNV-1a: no protection against chosen collisions is needed to tell
        // whether names changed, and SipHash made this a quarter of the
        // work of showing the Cases table after a change.
        let mut hasher = crate::domain::fnv::Fnv::default();
        for case in data.cases.values() {
            let c = &case.case;
            (&c.id, &c.municipality, &c.title, &c.focus_area, &c.region).hash(&mut hasher);
        }
        hasher.finish()
    }

    pub fn build(data: &StudyData) -> Self {
        SearchIndex {
            entries: data
                .cases
                .values()
                .map(|c| IndexEntry {
                    id: c.case.id.clone(),
                    municipality: Folded::new(&c.case.municipality),
                    id_text: Folded::new(c.case.id.as_str()),
                    title: Folded::new(&c.case.title),
                    focus_area: Folded::new(
                        c.case
                            .focus_area
                            .as_deref()
                            .map(|f| data.focus_area_name(f))
                            .unwrap_or(""),
                    ),
                    region: Folded::new(&c.case.region),
                })
                .collect(),
        }
    }

    /// How many characters the longest case id has.
    pub fn id_width(&self) -> usize {
        self.entries
            .iter()
            .map(|e| e.id.as_str().chars().count())
            .max()
            .unwrap_or(0)
    }

    /// The case at `entry`.
    pub fn case_id(&self, entry: usize) -> Option<&CaseId> {
        self.entries.get(entry).map(|e| &e.id)
    }
}

/// A case that passed the query: its place in the search index and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
}

/// The cases that pass a query, in order (`shown`), and every case whose
/// fields hold the search's letters in order at all (`candidates`, in index
/// order): a longer search can only match among those, so narrowing starts
/// there, before the threshold that keeps scattered matches off the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    pub shown: Vec<Hit>,
    pub candidates: Option<Vec<usize>>,
}

/// Where the search matched in one case, for highlighting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matched {
    pub in_municipality: Vec<usize>,
    pub in_id: Vec<usize>,
    pub in_title: Vec<usize>,
}

impl CaseQuery {
    pub fn is_empty(&self) -> bool {
        self.filters.values().all(BTreeSet::is_empty) && self.search.trim().is_empty()
    }

    /// Whether the rows are ordered by how well they match the search
    /// (rather than by the sort column alone).
    pub fn ordered_by_match(&self) -> bool {
        !self.search.trim().is_empty()
    }

    /// The same filters and a search that only narrows `earlier`'s: its
    /// matches are a subset of the earlier ones.
    pub fn narrows(&self, earlier: &CaseQuery) -> bool {
        self.filters == earlier.filters && self.search.trim().starts_with(earlier.search.trim())
    }

    /// The cases that pass, best search matches first, then by the sort
    /// column. With `within`, only those cases are tried (the previous
    /// keystroke's candidates, when this query narrows it).
    pub fn hits(&self, data: &StudyData, index: &SearchIndex, within: Option<&[usize]>) -> Hits {
        let matcher = SkimMatcherV2::default();
        let pattern = search_pattern(&self.search);
        let candidates: Box<dyn Iterator<Item = usize>> = match within {
            Some(entries) => Box::new(entries.iter().copied()),
            None => Box::new(0..index.entries.len()),
        };
        // The study keeps its cases in id order, and so does the index: with
        // nothing to rank by, sorting by id ascending is the order as it is.
        let keep_order = pattern.is_empty() && self.sort == Column::Id && !self.descending;
        let mut matching = Vec::new();
        let mut hits: Vec<(Hit, SortKey)> = Vec::new();
        // The case itself is looked up only for filters and sort keys: the
        // index's order is the id order, which the id column sorts by.
        let filtering = self.filters.values().any(|wanted| !wanted.is_empty());
        let needs_case = filtering || self.sort != Column::Id;
        for entry in candidates {
            let e = &index.entries[entry];
            let case = if needs_case {
                let Some(case) = data.cases.get(&e.id).map(|c| &c.case) else {
                    continue;
                };
                Some(case)
            } else {
                None
            };
            let passes = case.is_none_or(|case| {
                self.filters.iter().all(|(on, wanted)| {
                    wanted.is_empty() || on.values_of(data, case).iter().any(|v| wanted.contains(v))
                })
            });
            if !passes {
                continue;
            }
            let score = if pattern.is_empty() {
                0
            } else {
                let Some((tier, fuzzy)) = e.best(&matcher, &pattern) else {
                    continue;
                };
                matching.push(entry);
                if tier == Tier::Scattered {
                    continue;
                }
                // The tier first; the fuzzy score orders within the fuzzy tier.
                (tier as i64) * 1_000_000 + fuzzy
            };
            let key = match case {
                _ if keep_order => SortKey::Number(0),
                Some(case) if self.sort != Column::Id => sort_key(data, case, self.sort),
                _ => SortKey::Number(entry as i64),
            };
            hits.push((Hit { entry, score }, key));
        }
        let candidates = (!pattern.is_empty()).then_some(matching);
        if !keep_order {
            hits.sort_by(|(a, ka), (b, kb)| {
                b.score.cmp(&a.score).then_with(|| {
                    let order = if self.descending { kb.cmp(ka) } else { ka.cmp(kb) };
                    // Entries are in id order: ties go by id.
                    order.then_with(|| a.entry.cmp(&b.entry))
                })
            });
        }
        Hits {
            shown: hits.into_iter().map(|(hit, _)| hit).collect(),
            candidates,
        }
    }

    /// Where the search matches the case at `entry` (for the rows on screen).
    pub fn matched(&self, index: &SearchIndex, entry: usize) -> Matched {
        let pattern = search_pattern(&self.search);
        let Some(e) = index.entries.get(entry).filter(|_| !pattern.is_empty()) else {
            return Matched::default();
        };
        let matcher = SkimMatcherV2::default();
        Matched {
            in_municipality: e.municipality.positions(&matcher, &pattern),
            in_id: e.id_text.positions(&matcher, &pattern),
            in_title: e.title.positions(&matcher, &pattern),
        }
    }

    /// The cases that pass, in order, with where the search matched: for the
    /// command line and tests, which ask once.
    pub fn apply<'a>(&self, data: &'a StudyData) -> Vec<Found<'a>> {
        let index = SearchIndex::build(data);
        self.hits(data, &index, None)
            .shown
            .into_iter()
            .filter_map(|hit| {
                let case = data.cases.get(index.case_id(hit.entry)?)?;
                let matched = self.matched(&index, hit.entry);
                Some(Found {
                    case,
                    score: hit.score,
                    in_municipality: matched.in_municipality,
                    in_id: matched.in_id,
                    in_title: matched.in_title,
                })
            })
            .collect()
    }
}

/// A sortable key: numbers sort as numbers, size bands by their order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(i64),
    Text(String),
}

fn sort_key(data: &StudyData, case: &Case, column: Column) -> SortKey {
    let position = |values: &[String], value: &str| {
        SortKey::Number(
            values
                .iter()
                .position(|x| x == value)
                .map(|p| p as i64)
                .unwrap_or(i64::MAX),
        )
    };
    match column {
        Column::Id => SortKey::Text(case.id.to_string()),
        Column::Municipality => SortKey::Text(norwegian_order(&case.municipality)),
        Column::SizeBand => SortKey::Number(case.population.map(|p| p as i64).unwrap_or(-1)),
        Column::Region => position(&data.study.strata.regions, &case.region),
        Column::FocusArea => SortKey::Text(
            case.focus_area
                .as_deref()
                .map(|f| norwegian_order(data.focus_area_name(f)))
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
