//! Who may see what: the blind rule of double review, in one place. Every
//! reader of reviews (the queue, the form, the conflicts list, `casebook
//! conflicts`, agreement) asks here, so the rule cannot drift between views.

use super::{CaseData, ResearcherId, Review};

/// Whether `viewer` may see `review` of `case`.
///
/// - My own review, draft or submitted, is always mine to see.
/// - Someone else's draft is never shown to anyone.
/// - A reviewer of the case sees the other submitted review only once their
///   own is submitted (the review is blind until then).
/// - Anyone else (the lead, a colleague, a script with no identity) sees
///   submitted reviews only.
pub fn visible_to(viewer: Option<&ResearcherId>, case: &CaseData, review: &Review) -> bool {
    if viewer == Some(&review.reviewer) {
        return true;
    }
    if !review.is_submitted() {
        return false;
    }
    match viewer {
        Some(me) if is_reviewer_of(me, case) => case.reviews.get(me).is_some_and(Review::is_submitted),
        _ => true,
    }
}

/// A researcher assigned to the case, or who has started a review of it.
pub fn is_reviewer_of(researcher: &ResearcherId, case: &CaseData) -> bool {
    case.case.reviewers.contains(researcher) || case.reviews.contains_key(researcher)
}

/// The reviews of `case` that `viewer` may see, in reviewer order.
pub fn visible_reviews<'a>(viewer: Option<&'a ResearcherId>, case: &'a CaseData) -> impl Iterator<Item = &'a Review> {
    case.reviews.values().filter(move |r| visible_to(viewer, case, r))
}

/// The submitted reviews of `case` that `viewer` may see: what comparisons
/// (conflicts, agreement) are computed over.
pub fn visible_submitted<'a>(viewer: Option<&'a ResearcherId>, case: &'a CaseData) -> impl Iterator<Item = &'a Review> {
    visible_reviews(viewer, case).filter(|r| r.is_submitted())
}
