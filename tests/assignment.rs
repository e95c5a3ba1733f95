//! Double-review assignment: two distinct reviewers per case, loads within
//! one, pairs within one, exclusions honoured, existing assignments kept,
//! deterministic by seed, and a leaving researcher's unstarted reviews moved.

use casebook::analysis::assignment::{assign, without, Balance, Slot};
use casebook::domain::{CaseId, ResearcherId};

fn team(n: usize) -> Vec<ResearcherId> {
    (0..n).map(|i| ResearcherId::new(format!("r{i}"))).collect()
}

fn slots(n: usize) -> Vec<Slot> {
    (0..n)
        .map(|i| Slot {
            case: CaseId::new(format!("c{i:04}")),
            reviewers: vec![],
            excluded: vec![],
        })
        .collect()
}

fn apply(slots: &mut [Slot], changed: Vec<(CaseId, Vec<ResearcherId>)>) {
    for (case, reviewers) in changed {
        slots.iter_mut().find(|s| s.case == case).unwrap().reviewers = reviewers;
    }
}

#[test]
fn loads_and_pairs_are_balanced_for_three_four_and_five_researchers() {
    for researchers in [3, 4, 5] {
        for cases in [10, 11, 17, 50, 99, 200, 333, 1000] {
            let team = team(researchers);
            let mut slots = slots(cases);
            let (changed, impossible) = assign(&team, &slots, 42);
            assert!(impossible.is_empty());
            assert_eq!(changed.len(), cases);
            apply(&mut slots, changed);
            for slot in &slots {
                assert_eq!(slot.reviewers.len(), 2);
                assert_ne!(slot.reviewers[0], slot.reviewers[1], "{}", slot.case);
            }
            let balance = Balance::of(&team, slots.iter().map(|s| s.reviewers.clone()));
            assert!(
                balance.load_spread() <= 1,
                "{researchers} researchers, {cases} cases: loads {:?}",
                balance.loads
            );
            assert!(
                balance.pair_spread() <= 1,
                "{researchers} researchers, {cases} cases: pairs {:?}",
                balance.pairs
            );
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_assignment_and_another_seed_may_not() {
    let team = team(3);
    let a = assign(&team, &slots(60), 7);
    assert_eq!(a, assign(&team, &slots(60), 7));
    assert_ne!(a, assign(&team, &slots(60), 8));
}

#[test]
fn existing_assignments_are_kept_and_exclusions_honoured() {
    let team = team(3);
    let mut slots = slots(30);
    slots[0].reviewers = vec![team[0].clone(), team[1].clone()];
    slots[1].reviewers = vec![team[2].clone()];
    for slot in slots.iter_mut().skip(2).take(10) {
        slot.excluded = vec![team[0].clone()];
    }
    let (changed, _) = assign(&team, &slots, 1);
    assert!(
        changed.iter().all(|(case, _)| case != &slots[0].case),
        "a full assignment is not touched"
    );
    let second = &changed.iter().find(|(c, _)| c == &slots[1].case).unwrap().1;
    assert!(second.contains(&team[2]), "an existing reviewer stays");
    apply(&mut slots, changed);
    for slot in slots.iter().skip(2).take(10) {
        assert!(
            !slot.reviewers.contains(&team[0]),
            "{} has an excluded reviewer",
            slot.case
        );
    }
    let balance = Balance::of(&team, slots.iter().map(|s| s.reviewers.clone()));
    assert!(balance.load_spread() <= 1, "{:?}", balance.loads);
}

#[test]
fn a_case_where_everyone_is_excluded_is_reported_not_assigned() {
    let team = team(3);
    let mut slots = slots(1);
    slots[0].excluded = team[..2].to_vec();
    let (changed, impossible) = assign(&team, &slots, 1);
    assert!(changed.is_empty());
    assert_eq!(impossible, vec![slots[0].case.clone()]);
}

#[test]
fn a_researcher_who_leaves_hands_over_unstarted_reviews_and_balance_holds() {
    let everyone = team(4);
    let mut slots = slots(120);
    let (changed, _) = assign(&everyone, &slots, 3);
    apply(&mut slots, changed);
    let leaving = everyone[3].clone();
    // The leaving researcher has started the first five of their cases.
    let theirs: Vec<CaseId> = slots
        .iter()
        .filter(|s| s.reviewers.contains(&leaving))
        .map(|s| s.case.clone())
        .collect();
    let started: Vec<CaseId> = theirs[..5].to_vec();
    let freed = without(&mut slots, &leaving, |case, _| started.contains(case));
    assert_eq!(freed.len(), theirs.len() - 5);
    let remaining = everyone[..3].to_vec();
    let (changed, impossible) = assign(&remaining, &slots, 3);
    assert!(impossible.is_empty());
    apply(&mut slots, changed);
    for slot in &slots {
        assert_eq!(slot.reviewers.len(), 2);
        if slot.reviewers.contains(&leaving) {
            assert!(
                started.contains(&slot.case),
                "only started reviews stay with the leaver"
            );
        }
    }
    let balance = Balance::of(
        &remaining,
        slots
            .iter()
            .map(|s| s.reviewers.iter().filter(|r| **r != leaving).cloned().collect()),
    );
    assert!(balance.load_spread() <= 1, "{:?}", balance.loads);
}
