//! The pool: funded projects spread over size bands and regions like the
//! report's figures, with applications per year, amounts and documents.

use super::places::{Place, APPLICANTS};
use super::text;
use crate::domain::*;
use crate::rng::Rng;
use std::collections::BTreeMap;

/// Share of granted applications by size band, smallest band first (Table 3.2).
const BAND_SHARE: [f64; 7] = [1.0, 4.0, 3.0, 32.0, 42.0, 85.0, 179.0];
/// Share of applications by region: Nord, Midt, Vest, Øst, Sør.
const REGION_SHARE: [f64; 5] = [6.1, 13.2, 25.3, 48.6, 6.4];
/// Projects starting each year, 2019-2024.
const START_SHARE: [f64; 6] = [18.0, 17.0, 17.0, 16.0, 16.0, 16.0];

pub fn projects(rng: &mut Rng, study: &Study, count: usize) -> Vec<Case> {
    let places: Vec<(&Place, usize, usize)> = APPLICANTS
        .iter()
        .map(|p| {
            let band = study
                .strata
                .size_bands
                .iter()
                .position(|b| p.population >= b.min && b.max.is_none_or(|max| p.population < max));
            let region = study
                .region_of_county(p.county)
                .and_then(|r| study.strata.regions.iter().position(|x| x == r));
            (p, band.unwrap_or(0), region.unwrap_or(0))
        })
        .collect();
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    let mut cases = Vec::with_capacity(count);
    let mut pilots = 0;
    for _ in 0..count {
        let start = 2019 + rng.weighted(&START_SHARE) as i32;
        let place = pick_place(rng, &places);
        let number = per_year.entry(start).or_insert(0);
        *number += 1;
        let id = CaseId::new(format!("p{start}-{:03}", *number));
        let focus = *rng.pick(&focus_areas_in(study, start));
        let years = match rng.weighted(&[50.0, 30.0, 20.0]) {
            0 => 1,
            1 => 2,
            _ => 3,
        }
        .min(2025 - start);
        let pilot = start + years - 1 == 2024 && pilots < 7 && rng.chance(0.3);
        if pilot {
            pilots += 1;
        }
        let pattern = *rng.pick(text::title_patterns(&focus.id));
        let applications = (0..years)
            .map(|k| {
                let year = start + k;
                let applied = rng.between(40, 220) as u64 * 10_000;
                let granted = k == 0 || rng.chance(0.85);
                Application {
                    id: ApplicationId::new(format!("A{year}-{:04}", rng.between(1, 9999))),
                    year,
                    status: if granted {
                        ApplicationStatus::Granted
                    } else {
                        ApplicationStatus::Rejected
                    },
                    focus_area: Some(focus.id.clone()),
                    amount_applied: applied,
                    amount_granted: if granted {
                        applied * rng.between(5, 10) as u64 / 10 / 10_000 * 10_000
                    } else {
                        0
                    },
                }
            })
            .collect::<Vec<_>>();
        cases.push(project_case(rng, study, id, place, focus, pattern, applications, pilot));
    }
    // Projects never granted: part of the sampling frame, not of the review pool.
    for _ in 0..count * 3 / 5 {
        let year = 2019 + rng.weighted(&START_SHARE) as i32;
        let place = pick_place(rng, &places);
        let number = per_year.entry(year).or_insert(0);
        *number += 1;
        let focus = *rng.pick(&focus_areas_in(study, year));
        let pattern = *rng.pick(text::title_patterns(&focus.id));
        let application = Application {
            id: ApplicationId::new(format!("A{year}-{:04}", rng.between(1, 9999))),
            year,
            status: ApplicationStatus::Rejected,
            focus_area: Some(focus.id.clone()),
            amount_applied: rng.between(30, 200) as u64 * 10_000,
            amount_granted: 0,
        };
        let id = CaseId::new(format!("p{year}-{:03}", *number));
        cases.push(project_case(
            rng,
            study,
            id,
            place,
            focus,
            pattern,
            vec![application],
            false,
        ));
    }
    cases
}

/// The focus areas announced in `year`.
fn focus_areas_in(study: &Study, year: i32) -> Vec<&FocusArea> {
    study
        .strata
        .focus_areas
        .iter()
        .filter(|f| f.years.contains(&year))
        .collect()
}

/// A project case in the pool, in `place`, with its applications and documents.
#[allow(clippy::too_many_arguments)]
fn project_case(
    rng: &mut Rng,
    study: &Study,
    id: CaseId,
    place: &Place,
    focus: &FocusArea,
    title_pattern: &str,
    applications: Vec<Application>,
    pilot: bool,
) -> Case {
    let mut case = Case::new(
        id,
        Origin::Project,
        text::fill(title_pattern, place.name, "", "", 0),
        place.name,
    );
    case.county = place.county.to_string();
    case.region = study.region_of_county(place.county).unwrap_or_default().to_string();
    case.population = Some(place.population);
    case.focus_area = Some(focus.id.clone());
    case.kind = Some(if rng.chance(0.4) {
        ProjectKind::New
    } else {
        ProjectKind::Adaptation
    });
    case.pilot = pilot;
    case.documents = documents(&applications);
    case.applications = applications;
    case
}

/// A municipality: first a size band by the report's shares, then a place in
/// that band weighted by its region's share.
fn pick_place<'a>(rng: &mut Rng, places: &[(&'a Place, usize, usize)]) -> &'a Place {
    let band = rng.weighted(&BAND_SHARE);
    let in_band: Vec<&(&Place, usize, usize)> = places.iter().filter(|(_, b, _)| *b == band).collect();
    let weights: Vec<f64> = in_band
        .iter()
        .map(|(_, _, region)| {
            let in_region = in_band.iter().filter(|(_, _, r)| r == region).count() as f64;
            REGION_SHARE[*region] / in_region
        })
        .collect();
    in_band[rng.weighted(&weights)].0
}

fn documents(applications: &[Application]) -> Vec<Document> {
    let mut documents = Vec::new();
    for application in applications {
        documents.push(Document {
            title: format!("Application {}", application.year),
            kind: DocumentKind::Application,
            year: Some(application.year),
            location: Some(format!("archive/{}", application.id)),
        });
        if application.status == ApplicationStatus::Granted && application.year < 2025 {
            let last = applications.last().map(|a| a.year) == Some(application.year);
            let (kind, title) = if last && application.year < 2024 {
                (DocumentKind::FinalReport, "Final report")
            } else {
                (DocumentKind::InterimReport, "Report")
            };
            documents.push(Document {
                title: format!("{title} {}", application.year),
                kind,
                year: Some(application.year),
                location: Some(format!("archive/{}-report", application.id)),
            });
        }
    }
    documents
}
