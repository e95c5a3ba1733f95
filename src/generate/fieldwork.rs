//! Fieldwork: an informant in each selected case, snowball referrals to
//! partner municipalities that never applied, the directorate's staff, and an
//! interview with notes per guide question for everyone who said yes, coded
//! by one researcher and, for every third interview, by a second one blind.

use super::guides::{ADMINISTRATION_GUIDE, CASE_GUIDE};
use super::places::SNOWBALL_ONLY;
use super::{date, local, text, TEAM};
use crate::analysis::conditions::{applies, Applies};
use crate::domain::fold::slug;
use crate::domain::*;
use crate::rng::Rng;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use std::collections::BTreeMap;

struct Fieldwork<'a> {
    rng: &'a mut Rng,
    data: &'a mut StudyData,
    next_informant: usize,
    next_interview: usize,
    /// Working days from the first interview day, one interview each.
    next_day: i64,
}

const CASE_ROLES: [(&str, &str); 4] = [
    ("project leader", "municipality"),
    ("head of the refugee service", "municipality"),
    ("adult education centre principal", "adult education centre"),
    ("introduction programme adviser", "municipality"),
];

pub fn recruit_and_interview(rng: &mut Rng, data: &mut StudyData, selected: &[CaseId]) {
    let mut work = Fieldwork {
        rng,
        data,
        next_informant: 1,
        next_interview: 1,
        next_day: 0,
    };
    let mut seeds = Vec::new();
    for (index, case) in selected.iter().enumerate() {
        let (role, organisation) = CASE_ROLES[index % CASE_ROLES.len()];
        let informant = work.add_informant(
            case,
            InformantKind::Case,
            role,
            organisation,
            Some(Referral::Case(case.clone())),
        );
        let interview = work.interview(case, std::slice::from_ref(&informant), CASE_GUIDE);
        seeds.push((case.clone(), informant, interview));
    }
    // A second voice in the first case, and someone who said no in the second.
    if let Some((case, _, _)) = seeds.first().cloned() {
        let second = work.add_informant(
            &case,
            InformantKind::Case,
            "NAV adviser",
            "NAV office",
            Some(Referral::Case(case.clone())),
        );
        work.interview(&case, &[second], CASE_GUIDE);
    }
    if let Some((case, _, _)) = seeds.get(1).cloned() {
        let id = work.add_informant(
            &case,
            InformantKind::Case,
            "employer contact",
            "private company",
            Some(Referral::Case(case.clone())),
        );
        work.set_status(
            &case,
            &id,
            &[RecruitmentStatus::Contacted, RecruitmentStatus::Declined],
            "Too busy this spring.",
        );
    }
    // Snowball: three partner municipalities, each pointed to in an interview.
    let mut snowball_informants = Vec::new();
    for (k, place) in SNOWBALL_ONLY.iter().take(3).enumerate() {
        let Some((_, referrer, interview)) = seeds.get(k * 4 % seeds.len().max(1)).cloned() else {
            break;
        };
        let case = work.snowball_case(place.name, place.county, place.population, &referrer);
        let referral = Referral::Informant {
            id: referrer.clone(),
            interview: Some(interview),
        };
        let informant = work.add_informant(
            &case,
            InformantKind::Case,
            "partner coordinator",
            "municipality",
            Some(referral),
        );
        let interview = work.interview(&case, std::slice::from_ref(&informant), CASE_GUIDE);
        snowball_informants.push((informant, interview));
    }
    // A second-wave referral that has not answered yet: a dead end for now.
    if let (Some((referrer, interview)), Some(place)) = (snowball_informants.first().cloned(), SNOWBALL_ONLY.get(3)) {
        let case = work.snowball_case(place.name, place.county, place.population, &referrer);
        let referral = Referral::Informant {
            id: referrer,
            interview: Some(interview),
        };
        let id = work.add_informant(
            &case,
            InformantKind::Case,
            "refugee service adviser",
            "municipality",
            Some(referral),
        );
        work.set_status(
            &case,
            &id,
            &[RecruitmentStatus::Contacted, RecruitmentStatus::NoAnswer],
            "Two e-mails, no answer.",
        );
    }
    work.administration();
    // Someone still to be interviewed: scheduled, consent not yet recorded.
    if let Some((case, _, _)) = seeds.get(2).cloned() {
        let id = work.add_informant(
            &case,
            InformantKind::Case,
            "introduction programme adviser",
            "municipality",
            Some(Referral::Case(case.clone())),
        );
        work.set_status(
            &case,
            &id,
            &[
                RecruitmentStatus::Contacted,
                RecruitmentStatus::Agreed,
                RecruitmentStatus::Scheduled,
            ],
            "Digital, one hour.",
        );
    }
}

/// Holds further interviews, one new informant each, over the study's
/// project cases in turn, until the study has `total` interviews: a study
/// for benchmarks, with notes of several hundred words per interview.
pub fn more_interviews(rng: &mut Rng, data: &mut StudyData, total: usize) {
    let held = data.counts().interviews;
    let informants = data.counts().informants;
    let cases: Vec<CaseId> = data
        .cases
        .values()
        .filter(|c| c.case.origin == Origin::Project && !c.case.applications.is_empty())
        .map(|c| c.case.id.clone())
        .collect();
    if cases.is_empty() {
        return;
    }
    let mut work = Fieldwork {
        rng,
        data,
        next_informant: informants + 1,
        next_interview: held + 1,
        next_day: 0,
    };
    for k in 0..total.saturating_sub(held) {
        let case = &cases[k % cases.len()];
        let (role, organisation) = CASE_ROLES[k % CASE_ROLES.len()];
        let informant = work.add_informant(
            case,
            InformantKind::Case,
            role,
            organisation,
            Some(Referral::Case(case.clone())),
        );
        work.interview(case, std::slice::from_ref(&informant), CASE_GUIDE);
        // Interviews spread over the spring, a few a day.
        work.next_day = (k / 4 % 60) as i64;
    }
}

impl Fieldwork<'_> {
    fn researchers_for(&self, n: usize) -> [ResearcherId; 2] {
        [ResearcherId::new(TEAM[n % 3]), ResearcherId::new(TEAM[(n + 1) % 3])]
    }

    /// Adds an informant at status `identified`; returns the pseudonym.
    fn add_informant(
        &mut self,
        case: &CaseId,
        kind: InformantKind,
        role: &str,
        organisation: &str,
        referred_by: Option<Referral>,
    ) -> InformantId {
        let id = InformantId::new(format!("INF-{:02}", self.next_informant));
        let responsible = self.researchers_for(self.next_informant).to_vec();
        self.next_informant += 1;
        let identified = self.day(-10);
        let informant = Informant {
            id: id.clone(),
            case: case.clone(),
            kind,
            role: role.to_string(),
            organisation: organisation.to_string(),
            responsible: responsible.clone(),
            referred_by,
            consent: None,
            consent_by: None,
            status_history: vec![StatusChange {
                status: RecruitmentStatus::Identified,
                date: identified,
                by: responsible[0].clone(),
                note: String::new(),
                recorded: None,
            }],
        };
        self.case_mut(case).informants.insert(id.clone(), informant);
        id
    }

    fn set_status(&mut self, case: &CaseId, id: &InformantId, statuses: &[RecruitmentStatus], note: &str) {
        let start = self.day(-8);
        let informant = self
            .case_mut(case)
            .informants
            .get_mut(id)
            .expect("informant was just added");
        let by = informant.responsible[0].clone();
        for (k, status) in statuses.iter().enumerate() {
            let last = k + 1 == statuses.len();
            informant.status_history.push(StatusChange {
                status: *status,
                date: start + Duration::days(k as i64 * 3),
                by: by.clone(),
                note: if last { note.to_string() } else { String::new() },
                recorded: None,
            });
        }
    }

    /// The `n`th working day of the interview period (from 7 April 2025), shifted.
    fn day(&self, shift: i64) -> NaiveDate {
        let mut day = date(2025, 4, 7);
        let mut left = self.next_day;
        while left > 0 {
            day += Duration::days(1);
            if day.weekday().number_from_monday() <= 5 {
                left -= 1;
            }
        }
        day + Duration::days(shift)
    }

    fn case_mut(&mut self, case: &CaseId) -> &mut CaseData {
        self.data
            .cases
            .get_mut(case)
            .expect("fieldwork only touches cases it knows")
    }

    fn snowball_case(&mut self, municipality: &str, county: &str, population: u64, referrer: &InformantId) -> CaseId {
        let id = CaseId::new(format!("snowball-{}", slug(municipality)));
        let region = self.data.study.region_of_county(county).unwrap_or_default().to_string();
        let at = local(2025, 4, 28, 15, 0);
        let mut case = Case::new(
            id.clone(),
            Origin::Snowball {
                referred_by: referrer.clone(),
            },
            format!("Partner municipality {municipality}"),
            municipality,
        );
        case.county = county.to_string();
        case.region = region;
        case.population = Some(population);
        case.stage = Stage::Snowball;
        case.stage_log.push(StageChange {
            at,
            by: ResearcherId::new("astrid"),
            from: Stage::Pool,
            to: Stage::Snowball,
            reason: format!("Referred by {referrer}: an important partner of the case"),
        });
        self.data.cases.insert(id.clone(), CaseData::new(case));
        id
    }

    fn administration(&mut self) {
        let id = CaseId::new("administration");
        let mut case = Case::new(
            id.clone(),
            Origin::Administration,
            "The directorate's staff (forvaltningen)",
            "(directorate)",
        );
        case.move_to(
            Stage::Selected,
            ResearcherId::new("astrid"),
            local(2025, 3, 24, 10, 5),
            "Interviews with the directorate's staff are part of the design".to_string(),
        );
        self.data.cases.insert(id.clone(), CaseData::new(case));
        let roles = [
            "senior adviser",
            "adviser",
            "section head",
            "adviser",
            "senior adviser",
            "adviser",
            "adviser",
        ];
        let mut staff = Vec::new();
        for role in roles {
            staff.push(self.add_informant(&id, InformantKind::Administration, role, "directorate", None));
        }
        // Five interviews, two of them with two people present.
        for group in [&staff[0..2], &staff[2..3], &staff[3..5], &staff[5..6], &staff[6..7]] {
            self.interview(&id, group, ADMINISTRATION_GUIDE);
        }
    }

    /// Holds an interview: consent, status history up to `interviewed`, notes, codings.
    fn interview(&mut self, case: &CaseId, informants: &[InformantId], guide: &str) -> InterviewId {
        let id = InterviewId::new(format!("INT-{:02}", self.next_interview));
        let n = self.next_interview;
        self.next_interview += 1;
        let held = self.day(0);
        self.next_day += 2;
        // The researchers responsible for the (first) informant hold the interview.
        let researchers = informants
            .first()
            .and_then(|i| self.data.cases[case].informants.get(i))
            .map(|i| i.responsible.clone())
            .filter(|r| r.len() == 2)
            .unwrap_or_else(|| self.researchers_for(n).to_vec());
        let recorded = self.rng.chance(0.5);
        for informant_id in informants {
            let informant = self
                .case_mut(case)
                .informants
                .get_mut(informant_id)
                .expect("interviewee exists");
            informant.consent = Some(Consent {
                date: held,
                notes: true,
                recording: recorded,
                quotes: true,
            });
            informant.consent_by = Some(researchers[0].clone());
            for (status, days_before) in [
                (RecruitmentStatus::Contacted, 7),
                (RecruitmentStatus::Agreed, 5),
                (RecruitmentStatus::Scheduled, 4),
                (RecruitmentStatus::Interviewed, 0),
            ] {
                informant.status_history.push(StatusChange {
                    status,
                    date: held - Duration::days(days_before),
                    by: researchers[0].clone(),
                    note: String::new(),
                    recorded: None,
                });
            }
        }
        let case_data = &self.data.cases[case].case;
        let municipality = case_data.municipality.clone();
        let focus = case_data
            .focus_area
            .as_deref()
            .map(|f| self.data.focus_area_name(f).to_string())
            .unwrap_or_else(|| "integration work".to_string());
        let guide_data = self.data.guides[&GuideId::new(guide)].clone();
        let partner = SNOWBALL_ONLY[n % SNOWBALL_ONLY.len()].name;
        let mut notes = Vec::new();
        let mut passages = Vec::new();
        let case_data = &self.data.cases[case];
        let asked: Vec<Question> = guide_data
            .questions()
            .filter(|q| applies(self.data, case_data, q) == Applies::Yes)
            .cloned()
            .collect();
        for question in &asked {
            if notes.len() > 2 && self.rng.chance(0.08) {
                continue; // not reached in this interview
            }
            let pool = text::sentences_for(question.id.as_str());
            let take = 1 + self.rng.below(pool.len().min(3));
            let mut sentences = Vec::new();
            for index in self.rng.sample(pool.len(), take) {
                let (template, codes) = pool[index];
                let number = self.rng.between(2, 12) as u32;
                sentences.push((text::fill(template, &municipality, partner, &focus, number), codes));
            }
            let mut note = String::new();
            for (sentence, codes) in sentences {
                if !note.is_empty() {
                    note.push(' ');
                }
                let start = note.chars().count();
                note.push_str(&sentence);
                if !codes.is_empty() {
                    passages.push((question.id.clone(), start, note.chars().count(), sentence, codes));
                }
            }
            let mut entry = QuestionNote::new(question.id.clone());
            entry.covered = true;
            entry.text = note;
            notes.push(entry);
        }
        let start = NaiveTime::from_hms_opt(if n.is_multiple_of(2) { 9 } else { 13 }, 0, 0);
        let duration = 50 + self.rng.below(21) as u32;
        let mut interview = Interview::new(id.clone(), case.clone(), GuideId::new(guide));
        interview.informants = informants.to_vec();
        interview.researchers = researchers.to_vec();
        interview.interviewer = Some(researchers[1].clone());
        interview.date = Some(held);
        interview.start = start;
        interview.duration_minutes = Some(duration);
        interview.recording = if recorded {
            Recording::Recorded
        } else {
            Recording::NotesOnly
        };
        interview.consent_confirmed = true;
        // The minute each question's first note was typed: spread over the hour.
        let count = notes.len().max(1) as u32;
        for (i, note) in notes.iter_mut().enumerate() {
            note.minute = Some(2 + i as u32 * (duration - 5) / count);
        }
        interview.notes = notes;
        if self.rng.chance(0.4) {
            let mut outside = QuestionNote::new(QuestionId::new("outside-1"));
            outside.covered = true;
            outside.text = "Brought up the difficulty of recruiting interpreters, outside the guide.".to_string();
            outside.minute = Some(duration - 3);
            interview.outside.push(outside);
        }
        let mut codings = BTreeMap::new();
        let first: Vec<Coding> = passages
            .iter()
            .map(|(question, start, end, sentence, codes)| Coding {
                question: question.clone(),
                start: *start,
                end: *end,
                text: sentence.clone(),
                codes: codes.iter().map(|c| CodeId::new(*c)).collect(),
                quote: sentence.starts_with('"'),
                memo: String::new(),
                date: None,
                anchor: Anchor::Exact,
            })
            .collect();
        if n.is_multiple_of(3) {
            let mut second = first.clone();
            for coding in &mut second {
                if coding.codes.len() > 1 && self.rng.chance(0.3) {
                    coding.codes.pop();
                }
                coding.quote = coding.quote && self.rng.chance(0.8);
            }
            if let Some(coding) = second.first_mut() {
                coding.memo = "Compare with the other cases on this point.".to_string();
            }
            codings.insert(
                researchers[1].clone(),
                Codings {
                    interview: id.clone(),
                    coder: researchers[1].clone(),
                    notes_of: None,
                    codings: second,
                    done: false,
                },
            );
        }
        codings.insert(
            researchers[0].clone(),
            Codings {
                interview: id.clone(),
                coder: researchers[0].clone(),
                notes_of: None,
                codings: first,
                done: false,
            },
        );
        self.case_mut(case).interviews.insert(
            id.clone(),
            InterviewData {
                interview,
                notes_by: BTreeMap::new(),
                codings,
                stand_in: false,
            },
        );
        id
    }
}
