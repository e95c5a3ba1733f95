//! Whether a guide question applies to a case: its condition read against
//! the case's fields, its pool attributes and the agreed answers of its
//! document review. A value nobody knows yet (no agreed answer, an empty
//! field) leaves the question shown, marked "may not apply".

use super::conflicts::{resolution_state, ResolutionState};
use crate::domain::*;

/// Whether a question applies to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    Yes,
    No,
    /// The value the condition reads is not known yet.
    MayNot,
}

/// Whether `question` applies to `case`.
pub fn applies(data: &StudyData, case: &CaseData, question: &Question) -> Applies {
    let Some(condition) = &question.condition else {
        return Applies::Yes;
    };
    match field_value(data, case, &condition.field) {
        None => Applies::MayNot,
        Some(value) if condition.one_of.iter().any(|v| v.eq_ignore_ascii_case(&value)) => Applies::Yes,
        Some(_) => Applies::No,
    }
}

/// The value `field` has for `case`, as the CLI writes it; `None` when it is
/// not known (or names nothing: `check` reports those).
pub fn field_value(data: &StudyData, case: &CaseData, field: &str) -> Option<String> {
    let c = &case.case;
    if let Some(name) = field.strip_prefix("attributes.") {
        return c.attributes.get(name).filter(|v| !v.trim().is_empty()).cloned();
    }
    if let Some(criterion) = field.strip_prefix("criteria.") {
        return agreed_answer(case, &CriterionId::new(criterion)).map(|a| a.label());
    }
    let known = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
    match field {
        "kind" => c.kind.map(|k| k.label().to_string()),
        "pilot" => Some(if c.pilot { "yes" } else { "no" }.to_string()),
        "region" => known(&c.region),
        "county" => known(&c.county),
        "municipality" => known(&c.municipality),
        "focus_area" => c.focus_area.clone(),
        "stage" => Some(c.stage.label().to_string()),
        "size_band" => data.size_band_of(c).map(String::from),
        "origin" => Some(
            match c.origin {
                Origin::Project => "project",
                Origin::Snowball { .. } => "snowball",
                Origin::Administration => "administration",
            }
            .to_string(),
        ),
        _ => None,
    }
}

/// The answer the two reviewers agree on for `criterion`: the resolved
/// value where they differed, else the same answer in both submitted
/// reviews. `None` while reviews are missing or the conflict is open.
pub fn agreed_answer(case: &CaseData, criterion: &CriterionId) -> Option<Answer> {
    if let ResolutionState::Agreed(value) = resolution_state(case, criterion) {
        return Some(value);
    }
    let answers: Vec<&Answer> = case
        .reviews
        .values()
        .filter(|r| r.is_submitted())
        .filter_map(|r| r.answers.get(criterion))
        .collect();
    match answers.as_slice() {
        [first, rest @ ..] if !rest.is_empty() && rest.iter().all(|a| a == first) => Some((*first).clone()),
        _ => None,
    }
}

/// Why a condition's field names nothing in this study, if it does not.
pub fn unknown_field(data: &StudyData, field: &str) -> Option<String> {
    if let Some(name) = field.strip_prefix("attributes.") {
        let somewhere = data.cases.values().any(|c| c.case.attributes.contains_key(name));
        return (!somewhere).then(|| format!("no case has the attribute `{name}`"));
    }
    if let Some(criterion) = field.strip_prefix("criteria.") {
        let known = data.study.criterion(&CriterionId::new(criterion)).is_some();
        return (!known).then(|| format!("the study has no review criterion `{criterion}`"));
    }
    (!CONDITION_FIELDS.contains(&field)).then(|| {
        format!(
            "unknown field `{field}`: use one of {}, attributes.NAME or criteria.ID",
            CONDITION_FIELDS.join(", ")
        )
    })
}

/// The questions of `guide` that apply to `case` (or may), in guide order.
pub fn asked<'a>(data: &StudyData, case: &CaseData, guide: &'a Guide) -> Vec<(&'a Question, Applies)> {
    guide
        .questions()
        .map(|q| (q, applies(data, case, q)))
        .filter(|(_, a)| *a != Applies::No)
        .collect()
}
