//! Recruiting: adding informants by pseudonym, and the case a snowball
//! referral to a new municipality creates.

use super::fold::slug;
use super::*;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The next free pseudonym: `INF-` and one more than the highest number in use.
pub fn next_informant_id(data: &StudyData) -> InformantId {
    let highest = data
        .informants()
        .filter_map(|i| i.id.as_str().strip_prefix("INF-")?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    InformantId::new(format!("INF-{:02}", highest + 1))
}

pub struct NewInformant {
    pub case: CaseId,
    pub role: String,
    pub organisation: String,
    pub referred_by: Option<Referral>,
    pub by: ResearcherId,
    pub date: NaiveDate,
}

/// Adds an informant at status `identified`; the case must exist and a
/// referring informant must be known.
pub fn add_informant(data: &mut StudyData, new: NewInformant) -> Result<InformantId, String> {
    if let Some(Referral::Informant { id, .. }) = &new.referred_by {
        if data.informant(id).is_none() {
            return Err(format!("no informant `{id}` to be referred by"));
        }
    }
    let id = next_informant_id(data);
    let case = data
        .cases
        .get_mut(&new.case)
        .ok_or_else(|| format!("no case `{}`", new.case))?;
    let kind = if case.case.origin == Origin::Administration {
        InformantKind::Administration
    } else {
        InformantKind::Case
    };
    case.informants.insert(
        id.clone(),
        Informant {
            id: id.clone(),
            case: new.case.clone(),
            kind,
            role: new.role,
            organisation: new.organisation,
            responsible: vec![new.by.clone()],
            referred_by: new.referred_by,
            consent: None,
            status_history: vec![StatusChange {
                status: RecruitmentStatus::Identified,
                date: new.date,
                by: new.by,
                note: String::new(),
            }],
        },
    );
    Ok(id)
}

pub struct NewSnowballCase {
    pub id: Option<CaseId>,
    pub municipality: String,
    pub county: String,
    pub population: Option<u64>,
    pub referred_by: InformantId,
    pub by: ResearcherId,
    pub at: DateTime<FixedOffset>,
}

/// Creates the case a referral to a new municipality needs, in stage
/// `snowball`, linked to the referring informant.
pub fn add_snowball_case(data: &mut StudyData, new: NewSnowballCase) -> Result<CaseId, String> {
    if new.municipality.trim().is_empty() {
        return Err("a snowball case needs the municipality's name".to_string());
    }
    let id = new
        .id
        .unwrap_or_else(|| CaseId::new(format!("snowball-{}", slug(&new.municipality))));
    if !is_file_safe(id.as_str()) {
        return Err(format!("`{id}` cannot be a case id: use letters, digits, - and _"));
    }
    if data.cases.contains_key(&id) {
        return Err(format!("case `{id}` exists already"));
    }
    let region = data.study.region_of_county(&new.county).unwrap_or_default().to_string();
    let mut case = Case::new(
        id.clone(),
        Origin::Snowball {
            referred_by: new.referred_by.clone(),
        },
        format!("Partner municipality {}", new.municipality),
        new.municipality,
    );
    case.county = new.county;
    case.region = region;
    case.population = new.population;
    case.move_to(
        Stage::Snowball,
        new.by,
        new.at,
        format!("Referred by {}", new.referred_by),
    );
    data.cases.insert(id.clone(), CaseData::new(case));
    Ok(id)
}

/// Records a new status for an informant.
pub fn set_status(
    data: &mut StudyData,
    id: &InformantId,
    status: RecruitmentStatus,
    date: NaiveDate,
    by: ResearcherId,
    note: String,
) -> Result<CaseId, String> {
    let case = data
        .informant(id)
        .map(|i| i.case.clone())
        .ok_or_else(|| format!("no informant `{id}`"))?;
    let informant = data
        .cases
        .get_mut(&case)
        .and_then(|c| c.informants.get_mut(id))
        .ok_or_else(|| format!("no informant `{id}`"))?;
    informant.status_history.push(StatusChange { status, date, by, note });
    Ok(case)
}
