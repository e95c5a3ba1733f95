//! A reviewer's blind review of a case: answering a criterion (every answer
//! is saved as a draft at once) and submitting, after which it never changes.

use super::privacy::refuse_details;
use super::{files, Change, Ctx, OpError};
use crate::domain::blind::is_reviewer_of;
use crate::domain::*;
use std::collections::BTreeMap;

/// My review of `case` as it stands, or a fresh draft.
pub fn my_review(data: &StudyData, me: &ResearcherId, case: &CaseId) -> Review {
    data.cases
        .get(case)
        .and_then(|c| c.reviews.get(me))
        .cloned()
        .unwrap_or_else(|| Review {
            case: case.clone(),
            reviewer: me.clone(),
            submitted: None,
            answers: BTreeMap::new(),
        })
}

/// My review of `case` if I may change it.
fn open_review(ctx: &Ctx, data: &StudyData, case: &CaseId) -> Result<Review, OpError> {
    let me = ctx.author("a review")?;
    files::may_write(ctx, &ctx.layout.review_file(case, &me), files::Writer::Only(&me))?;
    let case_data = data
        .cases
        .get(case)
        .ok_or_else(|| OpError::refused(format!("no case `{case}` in this study")))?;
    if !is_reviewer_of(&me, case_data) {
        return Err(OpError::refused(format!("{case} is not in your review queue")));
    }
    let review = my_review(data, &me, case);
    if review.is_submitted() {
        return Err(OpError::refused(format!(
            "your review of {case} is submitted and can no longer change"
        )));
    }
    Ok(review)
}

/// Whether `answer` is on `criterion`'s scale.
fn fits(criterion: &Criterion, answer: &Answer) -> bool {
    match (&criterion.scale, answer) {
        (Scale::Ordinal { min, max }, Answer::Point(p)) => (*min..=*max).contains(p),
        (Scale::Categories(options), Answer::Category(c)) => options.contains(c),
        (Scale::YesNo, Answer::YesNo(_)) | (Scale::FreeText, Answer::Text(_)) => true,
        _ => false,
    }
}

/// Sets (or, with `None` or empty text, clears) my answer on one criterion.
pub fn answer(
    ctx: &Ctx,
    data: &mut StudyData,
    case: &CaseId,
    criterion: &CriterionId,
    answer: Option<Answer>,
) -> Result<Change, OpError> {
    let mut review = open_review(ctx, data, case)?;
    let spec = data
        .study
        .criterion(criterion)
        .ok_or_else(|| OpError::refused(format!("the study has no criterion `{criterion}`")))?;
    let answer = answer.filter(|a| !matches!(a, Answer::Text(t) if t.trim().is_empty()));
    if let Some(Answer::Text(text)) = &answer {
        refuse_details(ctx, &data.study, &[(&format!("your answer to {criterion}"), text)])?;
    }
    match answer {
        Some(answer) if !fits(spec, &answer) => {
            return Err(OpError::refused(format!(
                "`{}` is not an answer to {criterion}: {}",
                answer.label(),
                spec.scale_hint()
            )))
        }
        Some(answer) => {
            review.answers.insert(criterion.clone(), answer);
        }
        None => {
            review.answers.remove(criterion);
        }
    }
    store(ctx, data, review, format!("{case}: {criterion} saved in your draft"))
}

/// Submits my review: every criterion but free text must be answered.
pub fn submit(ctx: &Ctx, data: &mut StudyData, case: &CaseId) -> Result<Change, OpError> {
    let mut review = open_review(ctx, data, case)?;
    let missing = missing_answers(&data.study, &review);
    if !missing.is_empty() {
        return Err(OpError::refused(format!(
            "answer every criterion first; missing: {}",
            missing.join(", ")
        )));
    }
    review.submitted = Some(ctx.now);
    // Say the other review is visible only when it is: the blind rule shows
    // it once both are submitted.
    let me = review.reviewer.clone();
    let other_submitted = data
        .cases
        .get(case)
        .is_some_and(|c| c.reviews.values().any(|r| r.reviewer != me && r.is_submitted()));
    let summary = if other_submitted {
        format!("submitted your review of {case}; the other review is now visible to you")
    } else {
        format!("submitted your review of {case}; the other review shows once it is submitted too")
    };
    store(ctx, data, review, summary)
}

/// The criteria (not free text) `review` has no answer for.
pub fn missing_answers(study: &Study, review: &Review) -> Vec<String> {
    study
        .criteria
        .iter()
        .filter(|c| c.scale != Scale::FreeText && !review.answers.contains_key(&c.id))
        .map(|c| c.id.to_string())
        .collect()
}

fn store(ctx: &Ctx, data: &mut StudyData, review: Review, said: String) -> Result<Change, OpError> {
    let write = files::review(ctx, &review)?;
    if let Some(case) = data.cases.get_mut(&review.case) {
        case.reviews.insert(review.reviewer.clone(), review);
    }
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(said))
}
