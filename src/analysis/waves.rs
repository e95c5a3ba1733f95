//! Snowball waves: informants not referred by another informant (seeds:
//! those of the selected cases, the administration) are wave 0; a referred
//! informant is one more than the referrer. A referral cycle is reported,
//! never followed round and round.

use crate::domain::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Waves {
    pub wave: BTreeMap<InformantId, u32>,
    /// Each cycle as the informants on it, the first repeated at the end.
    pub cycles: Vec<Vec<InformantId>>,
}

/// Who referred each informant, if another informant did.
fn referrer_of(informant: &Informant) -> Option<&InformantId> {
    match &informant.referred_by {
        Some(Referral::Informant { id, .. }) => Some(id),
        _ => None,
    }
}

pub fn waves(data: &StudyData) -> Waves {
    let referrer: BTreeMap<&InformantId, Option<&InformantId>> =
        data.informants().map(|i| (&i.id, referrer_of(i))).collect();
    let mut result = Waves::default();
    for start in referrer.keys() {
        if result.wave.contains_key(*start) {
            continue;
        }
        // Walk up the referral chain until a known wave, a seed or a cycle.
        let mut chain: Vec<&InformantId> = vec![start];
        let base = loop {
            let current = chain[chain.len() - 1];
            match referrer.get(current).copied().flatten() {
                None => break Some(0),
                Some(up) if !referrer.contains_key(up) => break Some(0), // dangling: validation reports it
                Some(up) => {
                    if let Some(w) = result.wave.get(up) {
                        break Some(w + 1);
                    }
                    if let Some(at) = chain.iter().position(|c| *c == up) {
                        let mut cycle: Vec<InformantId> = chain[at..].iter().map(|c| (*c).clone()).collect();
                        cycle.reverse();
                        cycle.push(cycle[0].clone());
                        if !result.cycles.iter().any(|c| same_cycle(c, &cycle)) {
                            result.cycles.push(cycle);
                        }
                        break None;
                    }
                    chain.push(up);
                }
            }
        };
        let Some(mut wave) = base else { continue };
        // `chain` runs from `start` upwards; the top one got `wave`.
        for id in chain.iter().rev() {
            result.wave.insert((*id).clone(), wave);
            wave += 1;
        }
    }
    result
}

fn same_cycle(a: &[InformantId], b: &[InformantId]) -> bool {
    let mut x: Vec<&InformantId> = a.iter().skip(1).collect();
    let mut y: Vec<&InformantId> = b.iter().skip(1).collect();
    x.sort();
    y.sort();
    x == y
}

/// One informant in the snowball tree, with those they referred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeNode {
    pub id: InformantId,
    pub case: CaseId,
    pub wave: Option<u32>,
    pub status: String,
    pub children: Vec<TreeNode>,
}

/// The snowball tree: seeds at the top, each referral under its referrer.
pub fn tree(data: &StudyData) -> Vec<TreeNode> {
    let waves = waves(data);
    let mut children: BTreeMap<&InformantId, Vec<&Informant>> = BTreeMap::new();
    let mut seeds = Vec::new();
    let known: std::collections::BTreeSet<&InformantId> = data.informants().map(|i| &i.id).collect();
    for informant in data.informants() {
        match referrer_of(informant) {
            Some(up) if known.contains(up) => children.entry(up).or_default().push(informant),
            _ => seeds.push(informant),
        }
    }
    fn build(
        informant: &Informant,
        children: &BTreeMap<&InformantId, Vec<&Informant>>,
        waves: &Waves,
        depth: usize,
    ) -> TreeNode {
        // A cycle has no seed, so depth can only grow along real chains; the
        // bound is a guard all the same.
        let kids = if depth > 64 {
            Vec::new()
        } else {
            children.get(&informant.id).cloned().unwrap_or_default()
        };
        TreeNode {
            id: informant.id.clone(),
            case: informant.case.clone(),
            wave: waves.wave.get(&informant.id).copied(),
            status: informant.status().label().to_string(),
            children: kids.into_iter().map(|k| build(k, children, waves, depth + 1)).collect(),
        }
    }
    // The cases' seeds first, in pseudonym order; the directorate's staff last.
    seeds.sort_by_key(|i| (i.kind == InformantKind::Administration, i.id.clone()));
    seeds.into_iter().map(|s| build(s, &children, &waves, 0)).collect()
}
