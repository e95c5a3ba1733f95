//! Recruitment: adding an informant (a referral to a municipality that is
//! not yet a case creates a snowball case for it), recording a status in the
//! researcher's own status file, and keeping how to reach someone in the
//! private store only.

use super::privacy::{refuse_details, refuse_details_of};
use super::{files, Change, Ctx, OpError, PrivateWrite};
use crate::analysis::recruitment::strata_added;
use crate::domain::recruit::{new_informant, new_snowball_case, next_informant_id, snowball_case_id};
use crate::domain::recruit::{NewInformant, NewSnowballCase};
use crate::domain::*;
use crate::store::private::{Contact, Contacts};
use chrono::NaiveDate;
use std::path::Path;

/// Where a new informant belongs.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// A case the study has.
    Case(CaseId),
    /// A municipality reached by snowball: a new case in stage `snowball`
    /// (its id made from the author and the municipality unless given).
    NewCase {
        id: Option<CaseId>,
        municipality: String,
        county: String,
        population: Option<u64>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddInformant {
    pub place: Place,
    pub role: String,
    pub organisation: String,
    /// The informant who pointed the team here (snowball).
    pub referred_by: Option<InformantId>,
    /// The interview where the referral was made; by default the referrer's
    /// first interview.
    pub interview: Option<InterviewId>,
}

/// Adds an informant at status `identified`; gives the change and the new pseudonym.
pub fn add(ctx: &Ctx, data: &mut StudyData, new: AddInformant) -> Result<(Change, InformantId), OpError> {
    let me = ctx.author("recruitment")?;
    if new.role.trim().is_empty() {
        return Err(OpError::refused("a new informant needs a role (never a name)"));
    }
    let (municipality, county) = match &new.place {
        Place::NewCase {
            municipality, county, ..
        } => (municipality.as_str(), county.as_str()),
        Place::Case(_) => ("", ""),
    };
    refuse_details(
        ctx,
        &data.study,
        &[
            ("the role", &new.role),
            ("the organisation", &new.organisation),
            ("the municipality", municipality),
            ("the county", county),
        ],
    )?;
    if let Some(referrer) = &new.referred_by {
        if data.informant(referrer).is_none() {
            return Err(OpError::refused(format!("no informant `{referrer}` to be referred by")));
        }
    }
    let mut change = Change::default();
    let (case_id, created) = match new.place {
        Place::Case(id) => {
            files::check_case(ctx, &id)?;
            if !data.cases.contains_key(&id) {
                return Err(OpError::refused(format!(
                    "no case `{id}`; to add a municipality reached by snowball give the informant who referred you and the municipality"
                )));
            }
            (id, None)
        }
        Place::NewCase {
            id,
            municipality,
            county,
            population,
        } => {
            let Some(referrer) = new.referred_by.clone() else {
                return Err(OpError::refused(
                    "a new snowball case needs the informant who referred you to it",
                ));
            };
            let municipality = municipality.trim().to_string();
            if municipality.is_empty() {
                return Err(OpError::refused("a snowball case needs the municipality's name"));
            }
            let id = id.unwrap_or_else(|| snowball_case_id(&me, &municipality));
            if !is_file_safe(id.as_str()) {
                return Err(OpError::refused(format!(
                    "`{id}` cannot be a case id: use letters, digits, - and _"
                )));
            }
            files::check_case(ctx, &id)?;
            if data.cases.contains_key(&id) {
                return Err(OpError::refused(format!("case `{id}` exists already")));
            }
            let case = new_snowball_case(
                &data.study,
                NewSnowballCase {
                    id: id.clone(),
                    municipality,
                    county,
                    population,
                    referred_by: referrer,
                    by: me.clone(),
                    at: ctx.now,
                },
            );
            change.writes.push(files::case(ctx, &case)?);
            (id, Some(case))
        }
    };
    let kind = match created.as_ref().or(data.cases.get(&case_id).map(|c| &c.case)) {
        Some(case) if case.origin == Origin::Administration => InformantKind::Administration,
        _ => InformantKind::Case,
    };
    let referral = match &new.referred_by {
        Some(referrer) => Some(Referral::Informant {
            id: referrer.clone(),
            interview: new.interview.clone().or_else(|| {
                data.interviews()
                    .find(|i| i.interview.informants.contains(referrer))
                    .map(|i| i.interview.id.clone())
            }),
        }),
        None => Some(Referral::Case(case_id.clone())),
    };
    let id = next_informant_id(data, &me);
    let informant = new_informant(NewInformant {
        id: id.clone(),
        case: case_id.clone(),
        kind,
        role: new.role.trim().to_string(),
        organisation: new.organisation.trim().to_string(),
        referred_by: referral,
        by: me.clone(),
        at: ctx.now,
    });
    change.writes.push(files::informant(ctx, &informant)?);
    change.writes.push(files::status(ctx, &informant, &me)?);
    // Every check has passed: now the study changes.
    if let Some(case) = created {
        let adds = strata_added(data, &case);
        change.summary.push(format!(
            "created case {case_id} ({}) in stage snowball{}",
            case.municipality,
            if adds.is_empty() {
                String::new()
            } else {
                format!("; it adds {}", adds.join(" and "))
            }
        ));
        data.cases.insert(case_id.clone(), CaseData::new(case));
    }
    if let Some(case) = data.cases.get_mut(&case_id) {
        case.informants.insert(id.clone(), informant);
    }
    change.summary.push(format!("added {id} to {case_id}"));
    Ok((change, id))
}

/// Records a new status for an informant, in my own status file. A status
/// history is in time order: a date before the last entry is refused unless
/// `backdate` confirms it, and a date outside the study's span (its first
/// application year to its deletion date) always is.
pub fn set_status(
    ctx: &Ctx,
    data: &mut StudyData,
    id: &InformantId,
    status: RecruitmentStatus,
    date: NaiveDate,
    note: &str,
    backdate: bool,
) -> Result<Change, OpError> {
    let me = ctx.author("recruitment")?;
    let mut informant = data
        .informant(id)
        .cloned()
        .ok_or_else(|| OpError::refused(format!("no informant `{id}`")))?;
    let (first, last) = study_span(data, ctx.now.date_naive());
    if date < first || date > last {
        return Err(OpError::refused(format!(
            "{date} is outside the study, {first} to {last}"
        )));
    }
    refuse_details(ctx, &data.study, &[("the note", note)])?;
    if let Some(latest) = informant.status_history.iter().map(|s| s.date).max() {
        if date < latest && !backdate {
            return Err(OpError::refused(format!(
                "{date} is before {id}'s last status ({latest}); the history is in time order: give --backdate to record it anyway"
            )));
        }
    }
    informant.status_history.push(StatusChange {
        status,
        date,
        by: me.clone(),
        note: note.trim().to_string(),
        recorded: Some(ctx.now),
    });
    informant.sort_history();
    let write = files::status(ctx, &informant, &me)?;
    let case = informant.case.clone();
    if let Some(slot) = data.cases.get_mut(&case).and_then(|c| c.informants.get_mut(id)) {
        *slot = informant;
    }
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("{id}: {} on {date}", status.label())))
}

/// The days a status can have: from the 1st of January of the study's first
/// application year (when it has applications) to its deletion date (else a
/// year from today). Today itself is never outside: what happened today can
/// always be recorded.
fn study_span(data: &StudyData, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_year = data
        .cases
        .values()
        .flat_map(|c| c.case.applications.iter().map(|a| a.year))
        .min();
    let first = first_year
        .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .unwrap_or(NaiveDate::MIN);
    let last = data
        .study
        .deletion_date
        .unwrap_or_else(|| today + chrono::Duration::days(366))
        .max(today);
    (first, last)
}

/// Refuses a new informant whose role or organisation holds the very contact
/// details given for them (`--role "Kari Nordmann" --name "Kari Nordmann"`),
/// before anything is written.
pub fn refuse_own_contact(new: &AddInformant, contact: &Contact) -> Result<(), OpError> {
    let mut own = Contacts::default();
    own.contacts.insert(InformantId::new("new"), contact.clone());
    refuse_details_of(
        &own,
        &[("the role", &new.role), ("the organisation", &new.organisation)],
    )
}

/// Says what is wrong with an e-mail address or a phone number, if anything.
fn check_contact(contact: &Contact) -> Result<(), OpError> {
    if let Some(email) = contact.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        let looks_right = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.starts_with('.')
                && domain.contains('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
                && !domain.contains('@')
        });
        if !looks_right {
            return Err(OpError::refused(format!(
                "`{email}` is not an e-mail address (like name@example.org)"
            )));
        }
    }
    if let Some(phone) = contact.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
        if !allowed || !(5..=15).contains(&digits) {
            return Err(OpError::refused(format!(
                "`{phone}` is not a phone number (5 to 15 digits; spaces, - ( ) and a leading + allowed)"
            )));
        }
    }
    Ok(())
}

/// Keeps how to reach an informant in the private store, never in the study.
pub fn record_contact(
    contacts_path: Option<&Path>,
    contacts: &mut Contacts,
    id: &InformantId,
    contact: Contact,
) -> Result<Change, OpError> {
    let Some(path) = contacts_path else {
        return Err(OpError::refused(
            "no place for private contacts on this system (no data folder); nothing saved",
        ));
    };
    check_contact(&contact)?;
    contacts.contacts.insert(id.clone(), contact.clone());
    Ok(Change {
        private: Some(PrivateWrite {
            path: path.to_path_buf(),
            entries: vec![(id.clone(), contact)],
        }),
        ..Change::default()
    }
    .said(format!("how to reach {id} is kept privately in {}", path.display())))
}
