//! Who may see what: the blind rule of double review, in one place. Every
//! reader of reviews (the queue, the form, the conflicts list, `casebook
//! conflicts`, agreement) asks here, so the rule cannot drift between views.
//! Blind double coding of interviews follows the same rule (`coding_visible_to`).

use super::{CaseData, Codings, InterviewData, ResearcherId, Review, Study};

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

/// Whether `viewer` may see `coder`'s codings of `interview`. The same rule
/// as for reviews, with "done" in place of "submitted", and only when the
/// study asks for blind double coding (`blind_coding` in `study.ron`):
///
/// - My own codings are always mine to see.
/// - A coder of the interview (a researcher present, or anyone who has
///   started coding it) sees another coder's codings once both have marked
///   the interview done.
/// - Anyone else sees codings their coder has marked done.
pub fn coding_visible_to(
    viewer: Option<&ResearcherId>,
    study: &Study,
    interview: &InterviewData,
    coder: &ResearcherId,
) -> bool {
    if !study.blind_coding || viewer == Some(coder) {
        return true;
    }
    let done = |who: &ResearcherId| interview.codings.get(who).is_some_and(|c| c.done);
    if !done(coder) {
        return false;
    }
    match viewer {
        Some(me) if is_coder_of(me, interview) => done(me),
        _ => true,
    }
}

/// A researcher present at the interview, or who has started coding it.
pub fn is_coder_of(researcher: &ResearcherId, interview: &InterviewData) -> bool {
    interview.interview.researchers.contains(researcher) || interview.codings.contains_key(researcher)
}

/// The codings files of `interview` that `viewer` may see, in coder order.
pub fn visible_codings<'a>(
    viewer: Option<&'a ResearcherId>,
    study: &'a Study,
    interview: &'a InterviewData,
) -> impl Iterator<Item = &'a Codings> {
    interview
        .codings
        .iter()
        .filter(move |(coder, _)| coding_visible_to(viewer, study, interview, coder))
        .map(|(_, codings)| codings)
}
