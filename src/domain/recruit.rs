//! Recruiting: the pseudonym a new informant gets, the informant itself, and
//! the case a snowball referral to a new municipality creates. Pure values;
//! `ops::informant` puts them into the study and decides what is written.

use super::fold::slug;
use super::*;
use chrono::{DateTime, FixedOffset};

/// The next pseudonym `author` gives: `INF-<author>-NN`, one more than the
/// highest number they have used. Ids carry their author, so two clones
/// adding informants at the same time never make the same id.
pub fn next_informant_id(data: &StudyData, author: &ResearcherId) -> InformantId {
    let prefix = format!("INF-{author}-");
    let highest = data
        .informants()
        .filter_map(|i| i.id.as_str().strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    InformantId::new(format!("{prefix}{:02}", highest + 1))
}

/// The id of a snowball case `author` creates for `municipality`.
pub fn snowball_case_id(author: &ResearcherId, municipality: &str) -> CaseId {
    CaseId::new(format!("snowball-{author}-{}", slug(municipality)))
}

pub struct NewInformant {
    pub id: InformantId,
    pub case: CaseId,
    pub kind: InformantKind,
    pub role: String,
    pub organisation: String,
    pub referred_by: Option<Referral>,
    pub by: ResearcherId,
    pub at: DateTime<FixedOffset>,
}

/// An informant at status `identified`, recorded by whoever added them.
pub fn new_informant(new: NewInformant) -> Informant {
    Informant {
        id: new.id,
        case: new.case,
        kind: new.kind,
        role: new.role,
        organisation: new.organisation,
        responsible: vec![new.by.clone()],
        referred_by: new.referred_by,
        consent: None,
        consent_by: None,
        status_history: vec![StatusChange {
            status: RecruitmentStatus::Identified,
            date: new.at.date_naive(),
            by: new.by,
            note: String::new(),
            recorded: Some(new.at),
        }],
    }
}

pub struct NewSnowballCase {
    pub id: CaseId,
    pub municipality: String,
    pub county: String,
    pub population: Option<u64>,
    pub referred_by: InformantId,
    pub by: ResearcherId,
    pub at: DateTime<FixedOffset>,
}

/// The case a referral to a new municipality needs, in stage `snowball`,
/// linked to the referring informant.
pub fn new_snowball_case(study: &Study, new: NewSnowballCase) -> Case {
    let region = study.region_of_county(&new.county).unwrap_or_default().to_string();
    let mut case = Case::new(
        new.id,
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
    case
}
