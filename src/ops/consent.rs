//! Consent: recorded once per informant, in the recording researcher's
//! status file (`informants/<id>.status.<me>.ron`), before or at the start
//! of the interview.

use super::{files, Change, Ctx, OpError};
use crate::domain::*;

/// Records `consent` for an informant; refused when it is recorded already.
pub fn record(ctx: &Ctx, data: &mut StudyData, id: &InformantId, consent: Consent) -> Result<Change, OpError> {
    let me = ctx.author("consent")?;
    let mut informant = data
        .informant(id)
        .cloned()
        .ok_or_else(|| OpError::refused(format!("no informant `{id}`")))?;
    if let Some(existing) = &informant.consent {
        return Err(OpError::refused(format!(
            "{id}'s consent is recorded already ({} on {}); it is recorded once",
            informant.consent_by.as_ref().map(|r| r.as_str()).unwrap_or("format 1"),
            existing.date
        )));
    }
    if !consent.notes {
        return Err(OpError::refused(format!(
            "without consent to notes there is nothing to record for {id}: no interview notes may be kept"
        )));
    }
    informant.consent = Some(consent.clone());
    informant.consent_by = Some(me.clone());
    let write = files::status(ctx, &informant, &me)?;
    let case = informant.case.clone();
    if let Some(slot) = data.cases.get_mut(&case).and_then(|c| c.informants.get_mut(id)) {
        *slot = informant;
    }
    let what: Vec<&str> = [
        (consent.notes, "notes"),
        (consent.recording, "recording"),
        (consent.quotes, "anonymous quotes"),
    ]
    .into_iter()
    .filter_map(|(yes, what)| yes.then_some(what))
    .collect();
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("{id} consents to {} ({})", what.join(", "), consent.date)))
}

/// Interviews held with an informant whose consent is not recorded:
/// `check` warns about each (a warning, never an error).
pub fn interviews_without_consent(data: &StudyData) -> Vec<(CaseId, InterviewId, InformantId)> {
    let mut out = Vec::new();
    for (case_id, case) in &data.cases {
        for (id, interview) in case.interviews.iter().filter(|(_, i)| !i.stand_in) {
            for informant in &interview.interview.informants {
                if data.informant(informant).is_some_and(|i| i.consent.is_none()) {
                    out.push((case_id.clone(), id.clone(), informant.clone()));
                }
            }
        }
    }
    out
}
