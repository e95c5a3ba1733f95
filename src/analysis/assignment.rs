//! Spreading double reviews over the team: every case in the review pool
//! gets two distinct reviewers; loads differ by at most one; every pair of
//! researchers shares about as many cases as every other; exclusions
//! (conflicts of interest) are honoured; existing assignments are kept; the
//! same seed gives the same result.

use crate::domain::{CaseId, ResearcherId};
use crate::rng::Rng;
use std::collections::BTreeMap;

/// What assignment needs to know of one case in the review pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub case: CaseId,
    /// Reviewers already assigned (kept).
    pub reviewers: Vec<ResearcherId>,
    /// Researchers who must not review this case.
    pub excluded: Vec<ResearcherId>,
}

/// Loads and pair counts of an assignment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Balance {
    pub loads: BTreeMap<ResearcherId, usize>,
    pub pairs: BTreeMap<(ResearcherId, ResearcherId), usize>,
}

impl Balance {
    pub fn of(team: &[ResearcherId], assignments: impl IntoIterator<Item = Vec<ResearcherId>>) -> Balance {
        let mut balance = Balance {
            loads: team.iter().map(|r| (r.clone(), 0)).collect(),
            pairs: BTreeMap::new(),
        };
        for (i, a) in team.iter().enumerate() {
            for b in &team[i + 1..] {
                balance.pairs.insert(pair_key(a, b), 0);
            }
        }
        for reviewers in assignments {
            balance.add(&reviewers);
        }
        balance
    }

    fn add(&mut self, reviewers: &[ResearcherId]) {
        for r in reviewers {
            *self.loads.entry(r.clone()).or_insert(0) += 1;
        }
        if let [a, b] = reviewers {
            *self.pairs.entry(pair_key(a, b)).or_insert(0) += 1;
        }
    }

    /// Largest minus smallest load.
    pub fn load_spread(&self) -> usize {
        spread(self.loads.values().copied())
    }

    /// Largest minus smallest pair count.
    pub fn pair_spread(&self) -> usize {
        spread(self.pairs.values().copied())
    }
}

fn spread(values: impl Iterator<Item = usize> + Clone) -> usize {
    let max = values.clone().max().unwrap_or(0);
    let min = values.min().unwrap_or(0);
    max - min
}

fn pair_key(a: &ResearcherId, b: &ResearcherId) -> (ResearcherId, ResearcherId) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

/// Assigns reviewers to every slot that lacks two; returns the new reviewer
/// lists of the slots that changed, in slot order. A slot that cannot get two
/// reviewers (everyone excluded) is left as it is and reported in `Err`.
pub fn assign(team: &[ResearcherId], slots: &[Slot], seed: u64) -> (Vec<(CaseId, Vec<ResearcherId>)>, Vec<CaseId>) {
    let mut rng = Rng::new(seed);
    let mut balance = Balance::of(team, slots.iter().map(|s| s.reviewers.clone()));
    // Cases in a seeded order, so no researcher is favoured by the case ids.
    let mut order: Vec<usize> = (0..slots.len()).filter(|i| slots[*i].reviewers.len() < 2).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    // The most constrained cases first, so the free ones can even out the loads.
    let allowed_count = |slot: &Slot| team.iter().filter(|r| !slot.excluded.contains(r)).count();
    order.sort_by_key(|i| (std::cmp::Reverse(slots[*i].reviewers.len()), allowed_count(&slots[*i])));
    let mut changed = Vec::new();
    let mut impossible = Vec::new();
    for index in order {
        let slot = &slots[index];
        let allowed: Vec<&ResearcherId> = team.iter().filter(|r| !slot.excluded.contains(r)).collect();
        let candidates: Vec<[&ResearcherId; 2]> = match slot.reviewers.as_slice() {
            [] => allowed
                .iter()
                .enumerate()
                .flat_map(|(i, a)| allowed[i + 1..].iter().map(move |b| [*a, *b]))
                .collect(),
            [only] => allowed.iter().filter(|r| **r != only).map(|r| [only, *r]).collect(),
            _ => continue,
        };
        let best = candidates
            .iter()
            .map(|pair| {
                let mut trial = balance.clone();
                let new: Vec<ResearcherId> = pair
                    .iter()
                    .filter(|r| !slot.reviewers.contains(r))
                    .map(|r| (*r).clone())
                    .collect();
                for r in &new {
                    *trial.loads.entry(r.clone()).or_insert(0) += 1;
                }
                let pair_count = balance.pairs.get(&pair_key(pair[0], pair[1])).copied().unwrap_or(0);
                let load_sum: usize = pair.iter().map(|r| balance.loads.get(*r).copied().unwrap_or(0)).sum();
                ((trial.load_spread(), pair_count, load_sum, rng.next_u64()), pair)
            })
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, pair)| [pair[0].clone(), pair[1].clone()]);
        match best {
            Some(pair) => {
                for r in pair.iter().filter(|r| !slot.reviewers.contains(r)) {
                    *balance.loads.entry(r.clone()).or_insert(0) += 1;
                }
                *balance.pairs.entry(pair_key(&pair[0], &pair[1])).or_insert(0) += 1;
                changed.push((index, pair.to_vec()));
            }
            None => impossible.push(slot.case.clone()),
        }
    }
    changed.sort_by_key(|(index, _)| *index);
    (
        changed
            .into_iter()
            .map(|(i, pair)| (slots[i].case.clone(), pair))
            .collect(),
        impossible,
    )
}

/// Takes a leaving researcher off every slot where they have not started.
/// `started` says whether a researcher has a review file for a case.
pub fn without(
    slots: &mut [Slot],
    leaving: &ResearcherId,
    started: impl Fn(&CaseId, &ResearcherId) -> bool,
) -> Vec<CaseId> {
    let mut freed = Vec::new();
    for slot in slots.iter_mut() {
        if slot.reviewers.contains(leaving) && !started(&slot.case, leaving) {
            slot.reviewers.retain(|r| r != leaving);
            freed.push(slot.case.clone());
        }
        if !slot.excluded.contains(leaving) {
            slot.excluded.push(leaving.clone());
        }
    }
    freed
}
