//! `casebook informant add`, `casebook informant status` and `casebook
//! informant consent`. Contact details
//! go to the private store only; the shared files hold the pseudonym.

use super::session::{commit_and_report, me, open_or_exit, refused, USAGE};
use super::{Cli, InformantWhat};
use crate::domain::*;
use crate::ops::informant::{add, record_contact, refuse_own_contact, set_status, AddInformant, Place};
use crate::ops::Ctx;
use crate::store::private::Contact;
use chrono::NaiveDate;

pub fn run(cli: &Cli, what: &InformantWhat) -> u8 {
    let mut opened = match open_or_exit(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = me(&opened);
    let ctx = Ctx::now(&opened.layout, me.as_ref(), &opened.failed);
    let change = match what {
        InformantWhat::Add {
            case,
            role,
            organisation,
            referred_by,
            interview,
            municipality,
            county,
            population,
            name,
            email,
            phone,
        } => {
            let case_id = CaseId::new(case);
            let place = match municipality {
                Some(municipality) if !opened.data.cases.contains_key(&case_id) => Place::NewCase {
                    id: Some(case_id),
                    municipality: municipality.clone(),
                    county: county.clone().unwrap_or_default(),
                    population: *population,
                },
                _ => Place::Case(case_id),
            };
            let new = AddInformant {
                place,
                role: role.clone(),
                organisation: organisation.clone(),
                referred_by: referred_by.as_ref().map(InformantId::new),
                interview: interview.as_ref().map(InterviewId::new),
            };
            let contact = (name.is_some() || email.is_some() || phone.is_some()).then(|| Contact {
                name: name.clone().unwrap_or_default(),
                email: email.clone(),
                phone: phone.clone(),
            });
            if let Some(Err(e)) = contact.as_ref().map(|c| refuse_own_contact(&new, c)) {
                return refused(&opened, &e);
            }
            let (change, id) = match add(&ctx, &mut opened.data, new) {
                Ok(added) => added,
                Err(e) => return refused(&opened, &e),
            };
            if let Some(contact) = contact {
                let path = opened.contacts_path.clone();
                match record_contact(path.as_deref(), &mut opened.contacts, &id, contact) {
                    Ok(private) => change.and(private),
                    Err(e) => return refused(&opened, &e),
                }
            } else {
                change
            }
        }
        InformantWhat::Status {
            id,
            status,
            date,
            note,
            backdate,
        } => {
            let Some(status) = RecruitmentStatus::from_label(status) else {
                let all: Vec<&str> = RecruitmentStatus::ALL.iter().map(|s| s.label()).collect();
                eprintln!("casebook: unknown status `{status}`; one of {}", all.join(", "));
                return USAGE;
            };
            let date = match date {
                None => ctx.now.date_naive(),
                Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(date) => date,
                    Err(_) => {
                        eprintln!("casebook: --date must be YYYY-MM-DD, not `{text}`");
                        return USAGE;
                    }
                },
            };
            match set_status(
                &ctx,
                &mut opened.data,
                &InformantId::new(id),
                status,
                date,
                note,
                *backdate,
            ) {
                Ok(change) => change,
                Err(e) => return refused(&opened, &e),
            }
        }
        InformantWhat::Consent {
            id,
            date,
            recording,
            quotes,
        } => {
            let date = match date {
                None => ctx.now.date_naive(),
                Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(date) => date,
                    Err(_) => {
                        eprintln!("casebook: --date must be YYYY-MM-DD, not `{text}`");
                        return USAGE;
                    }
                },
            };
            let consent = Consent {
                date,
                notes: true,
                recording: *recording,
                quotes: *quotes,
            };
            match crate::ops::consent::record(&ctx, &mut opened.data, &InformantId::new(id), consent) {
                Ok(change) => change,
                Err(e) => return refused(&opened, &e),
            }
        }
    };
    commit_and_report(&mut opened, &change)
}
