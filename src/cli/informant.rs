//! `casebook informant add` and `casebook informant status`. Contact details
//! go to the private store only; the shared files hold the pseudonym.

use super::import::open_for_writing;
use super::open::author;
use super::{Cli, InformantWhat};
use crate::analysis::recruitment::strata_added;
use crate::domain::recruit::{add_informant, add_snowball_case, set_status, NewInformant, NewSnowballCase};
use crate::domain::*;
use crate::store::private::{save_contacts, Contact};
use crate::store::save_value;
use chrono::NaiveDate;

pub fn run(cli: &Cli, what: &InformantWhat) -> u8 {
    let mut opened = match open_for_writing(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let me = match author(&opened, "recruitment") {
        Ok(me) => me,
        Err(code) => return code,
    };
    let now = chrono::Local::now().fixed_offset();
    let mut changed_cases: Vec<CaseId> = Vec::new();
    let saved_informant: InformantId = match what {
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
            let referral = match referred_by {
                Some(id) => Some(Referral::Informant {
                    id: InformantId::new(id),
                    interview: interview.as_ref().map(InterviewId::new),
                }),
                None => Some(Referral::Case(case_id.clone())),
            };
            if !opened.data.cases.contains_key(&case_id) {
                let (Some(municipality), Some(referrer)) = (municipality, referred_by) else {
                    eprintln!("casebook: no case `{case}`; to add a municipality reached by snowball give --referred-by and --municipality (with --county and --population)");
                    return 1;
                };
                let created = add_snowball_case(
                    &mut opened.data,
                    NewSnowballCase {
                        id: Some(case_id.clone()),
                        municipality: municipality.clone(),
                        county: county.clone().unwrap_or_default(),
                        population: *population,
                        referred_by: InformantId::new(referrer),
                        by: me.clone(),
                        at: now,
                    },
                );
                if let Err(e) = created {
                    eprintln!("casebook: {e}");
                    return 1;
                }
                let added = strata_added(&opened.data, &opened.data.cases[&case_id].case);
                println!(
                    "created case {case_id} ({municipality}) in stage snowball{}",
                    if added.is_empty() {
                        String::new()
                    } else {
                        format!("; it adds {}", added.join(" and "))
                    }
                );
                changed_cases.push(case_id.clone());
            }
            let added = add_informant(
                &mut opened.data,
                NewInformant {
                    case: case_id.clone(),
                    role: role.clone(),
                    organisation: organisation.clone(),
                    referred_by: referral,
                    by: me.clone(),
                    date: now.date_naive(),
                },
            );
            let id = match added {
                Ok(id) => id,
                Err(e) => {
                    eprintln!("casebook: {e}");
                    return 1;
                }
            };
            if name.is_some() || email.is_some() || phone.is_some() {
                let Some(path) = opened.contacts_path.clone() else {
                    eprintln!("casebook: no place for private contacts on this system (no data folder); nothing saved");
                    return 1;
                };
                opened.contacts.contacts.insert(
                    id.clone(),
                    Contact {
                        name: name.clone().unwrap_or_default(),
                        email: email.clone(),
                        phone: phone.clone(),
                    },
                );
                if let Err(e) = save_contacts(&path, &opened.contacts) {
                    eprintln!("casebook: {}: {e}; nothing saved", path.display());
                    return 1;
                }
                println!("contact details saved privately in {}", path.display());
            }
            println!("added {id} to {case_id}");
            id
        }
        InformantWhat::Status { id, status, date, note } => {
            let Some(status) = RecruitmentStatus::from_label(status) else {
                let all: Vec<&str> = RecruitmentStatus::ALL.iter().map(|s| s.label()).collect();
                eprintln!("casebook: unknown status `{status}`; one of {}", all.join(", "));
                return 2;
            };
            let date = match date {
                None => now.date_naive(),
                Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(date) => date,
                    Err(_) => {
                        eprintln!("casebook: --date must be YYYY-MM-DD, not `{text}`");
                        return 2;
                    }
                },
            };
            let id = InformantId::new(id);
            if let Err(e) = set_status(&mut opened.data, &id, status, date, me.clone(), note.clone()) {
                eprintln!("casebook: {e}");
                return 1;
            }
            println!("{id}: {} on {date}", status.label());
            id
        }
    };
    for case in &changed_cases {
        let path = opened.layout.case_file(case);
        if let Err(e) = save_value(&mut opened.stamps, &path, &opened.data.cases[case].case) {
            eprintln!("casebook: {e}");
            return 1;
        }
    }
    let Some(informant) = opened.data.informant(&saved_informant).cloned() else {
        return 1;
    };
    let path = opened.layout.informant_file(&informant.case, &saved_informant);
    if let Err(e) = save_value(&mut opened.stamps, &path, &informant) {
        eprintln!("casebook: {e}");
        return 1;
    }
    0
}
