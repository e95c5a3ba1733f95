//! Greedy maximum variation: pick the case that covers the most stratum
//! values not yet covered, rarest values first. Case selection's suggestion
//! and the demo generator both use it.

use crate::domain::{CaseId, Stratum};
use std::collections::{BTreeMap, BTreeSet};

pub type StratumValue = (Stratum, String);

/// A candidate case with its stratum values.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: CaseId,
    pub values: Vec<StratumValue>,
}

/// The best next pick and the values it would add.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub index: usize,
    pub adds: Vec<StratumValue>,
}

/// How often each value occurs among `candidates` (rarer values weigh more).
pub fn frequencies(candidates: &[Candidate]) -> BTreeMap<StratumValue, usize> {
    let mut counts = BTreeMap::new();
    for c in candidates {
        for v in &c.values {
            *counts.entry(v.clone()).or_insert(0) += 1;
        }
    }
    counts
}

/// The candidate adding the most uncovered values; among equals, the one
/// whose new values are rarest; among those, the earliest in `candidates`.
pub fn next_pick(
    covered: &BTreeSet<StratumValue>,
    candidates: &[Candidate],
    frequency: &BTreeMap<StratumValue, usize>,
) -> Option<Pick> {
    let mut best: Option<(usize, f64, Pick)> = None;
    for (index, candidate) in candidates.iter().enumerate() {
        let adds: Vec<StratumValue> = candidate
            .values
            .iter()
            .filter(|v| !covered.contains(*v))
            .cloned()
            .collect();
        let rarity: f64 = adds
            .iter()
            .map(|v| 1.0 / *frequency.get(v).unwrap_or(&1).max(&1) as f64)
            .sum();
        let better = match &best {
            None => true,
            Some((count, best_rarity, _)) => {
                adds.len() > *count || (adds.len() == *count && rarity > *best_rarity + 1e-12)
            }
        };
        if better {
            best = Some((adds.len(), rarity, Pick { index, adds }));
        }
    }
    best.map(|(_, _, pick)| pick)
}

/// Picks `n` candidates in order by repeated `next_pick`, starting from `covered`.
pub fn pick_many(mut covered: BTreeSet<StratumValue>, candidates: &[Candidate], n: usize) -> Vec<Pick> {
    let frequency = frequencies(candidates);
    let mut remaining: Vec<(usize, Candidate)> = candidates.iter().cloned().enumerate().collect();
    let mut picks = Vec::new();
    while picks.len() < n {
        let pool: Vec<Candidate> = remaining.iter().map(|(_, c)| c.clone()).collect();
        let Some(pick) = next_pick(&covered, &pool, &frequency) else {
            break;
        };
        let (original, candidate) = remaining.remove(pick.index);
        covered.extend(candidate.values.iter().cloned());
        picks.push(Pick {
            index: original,
            adds: pick.adds,
        });
    }
    picks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, values: &[(Stratum, &str)]) -> Candidate {
        Candidate {
            id: CaseId::new(id),
            values: values.iter().map(|(s, v)| (*s, v.to_string())).collect(),
        }
    }

    #[test]
    fn the_case_adding_most_new_values_is_picked_first() {
        let covered: BTreeSet<StratumValue> = [(Stratum::Region, "Østlandet".to_string())].into();
        let candidates = vec![
            candidate("a", &[(Stratum::Region, "Østlandet"), (Stratum::SizeBand, ">50000")]),
            candidate("b", &[(Stratum::Region, "Nord-Norge"), (Stratum::SizeBand, "<1000")]),
        ];
        let pick = next_pick(&covered, &candidates, &frequencies(&candidates)).unwrap();
        assert_eq!(pick.index, 1);
        assert_eq!(pick.adds.len(), 2);
    }

    #[test]
    fn among_equals_the_rarest_value_wins() {
        let candidates = vec![
            candidate("a", &[(Stratum::Region, "Østlandet")]),
            candidate("b", &[(Stratum::Region, "Østlandet")]),
            candidate("c", &[(Stratum::Region, "Nord-Norge")]),
        ];
        let pick = next_pick(&BTreeSet::new(), &candidates, &frequencies(&candidates)).unwrap();
        assert_eq!(candidates[pick.index].id.as_str(), "c");
    }
}
