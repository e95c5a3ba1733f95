//! A deterministic generator of synthetic studies modelled on the evaluation
//! in `DOMAIN.md`. `demo()` is the study committed in `cases/` and `guides/`;
//! larger sizes feed benchmarks. Only places are real; no person is.

mod codebook;
mod codings;
mod fieldwork;
mod guides;
mod places;
mod projects;
mod reviews;

mod selection;
mod text;

pub use codings::scale_codings;

use crate::domain::*;
use crate::rng::Rng;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub seed: u64,
    /// Funded projects in the pool.
    pub projects: usize,
}

impl Options {
    /// The committed demo study: about 200 funded projects.
    pub const DEMO: Options = Options {
        seed: 2025,
        projects: 200,
    };
}

/// The demo study.
pub fn demo() -> StudyData {
    generate(Options::DEMO)
}

/// A synthetic study: projects, double reviews, a selection of 29/13/7,
/// snowball recruitment, the directorate's interviews, notes and codings.
pub fn generate(options: Options) -> StudyData {
    let mut rng = Rng::new(options.seed);
    let mut data = StudyData::empty(study());
    data.codebook = codebook::codebook();
    for guide in [guides::case_guide(), guides::administration_guide()] {
        data.guides.insert(guide.id.clone(), guide);
    }
    for case in projects::projects(&mut rng, &data.study, options.projects) {
        data.cases.insert(case.id.clone(), CaseData::new(case));
    }
    reviews::review_all(&mut rng, &mut data);
    let selected = selection::select(&mut data);
    fieldwork::recruit_and_interview(&mut rng, &mut data, &selected);
    data
}

/// A synthetic study with `interviews` interviews in all (more than the
/// demo's are held with new informants of the project cases).
pub fn generate_with_interviews(options: Options, interviews: usize) -> StudyData {
    let mut data = generate(options);
    let mut rng = Rng::new(options.seed ^ 0x1e7e_5e55);
    fieldwork::more_interviews(&mut rng, &mut data, interviews);
    data
}

pub(crate) const TEAM: [&str; 3] = ["astrid", "brage", "cora"];

pub(crate) fn study() -> Study {
    let focus = |id: &str, name: &str, years: &[i32]| FocusArea {
        id: id.to_string(),
        name: name.to_string(),
        years: years.to_vec(),
    };
    let ordinal = |id: &str, question: &str| Criterion {
        id: CriterionId::new(id),
        question: question.to_string(),
        scale: Scale::Ordinal { min: 1, max: 7 },
        conflict_threshold: Some(2),
    };
    Study {
        format_version: FORMAT_VERSION,
        // A generated study is a demo or a benchmark: no private store of its own.
        id: None,
        lead: Some(ResearcherId::new(TEAM[0])),
        title: "Evaluation of the municipal integration grant scheme 2019-2024 (synthetic demo)".to_string(),
        description: "A synthetic study modelled on a real evaluation: double document review of every funded project, 29 candidate cases, 13 selected and 7 reserve, snowball recruitment and interviews with the directorate's staff. Places are real; every person, project and note is made up.".to_string(),
        team: TEAM
            .iter()
            .map(|id| Researcher {
                id: ResearcherId::new(*id),
                name: capitalised(id),
                git_names: Vec::new(),
            })
            .collect(),
        strata: Strata {
            size_bands: default_size_bands(),
            regions: default_regions(),
            counties: default_counties(),
            focus_areas: vec![
                focus("longer-qualification", "Longer qualification paths after the introduction programme", &[2019, 2020, 2021]),
                focus("social-entrepreneurs", "Work-oriented qualification with social entrepreneurs", &[2019, 2020, 2021, 2022]),
                focus("norwegian-training", "Methods in Norwegian language training", &[2019, 2020, 2021, 2022, 2023]),
                focus("standardised-elements", "Standardised elements of the introduction programme", &[2019, 2020]),
                focus("innovative-introduction", "Innovative solutions in the introduction programme", &[2019, 2020, 2021, 2022]),
                focus("work-practice", "Work practice and cooperation with employers", &[2021, 2022, 2023, 2024]),
                focus("mother-tongue", "Mother-tongue support in kindergarten and school", &[2021, 2022, 2023]),
                focus("psychological-support", "Psychological support", &[2023, 2024]),
                focus("vocational-training", "A national model for vocational training", &[2023, 2024]),
                focus("welcome-services", "Welcome services", &[2024]),
                focus("anti-racism", "Diversity and anti-racism", &[2024]),
            ],
        },
        // What the team aimed for; the demo's selection leaves some unmet, as real ones do.
        targets: [
            ("Nord-Norge", Stratum::Region, 2),
            ("Midt-Norge", Stratum::Region, 2),
            ("Vestlandet", Stratum::Region, 2),
            ("Østlandet", Stratum::Region, 3),
            ("Sørlandet", Stratum::Region, 1),
            ("1000-2000", Stratum::SizeBand, 1),
            ("2000-5000", Stratum::SizeBand, 1),
            ("5000-10000", Stratum::SizeBand, 1),
            ("new", Stratum::Kind, 4),
            ("adaptation", Stratum::Kind, 4),
            ("yes", Stratum::Pilot, 2),
        ]
        .into_iter()
        .map(|(value, stratum, min_selected)| Target { stratum, value: value.to_string(), min_selected })
        .collect(),
        criteria: vec![
            ordinal("transferability", "How transferable is the project to other municipalities (nasjonal overføringsverdi)?"),
            ordinal("evaluation_quality", "How well do the documents show what the project achieved?"),
            ordinal("innovation", "How new is the approach compared with the municipality's ordinary practice?"),
            Criterion {
                id: CriterionId::new("continuation"),
                question: "Do the documents describe continuation into ordinary operation?".to_string(),
                scale: Scale::YesNo,
                conflict_threshold: None,
            },
            Criterion {
                id: CriterionId::new("recommend"),
                question: "Recommend the project as a case?".to_string(),
                scale: Scale::Categories(vec!["yes".into(), "maybe".into(), "no".into()]),
                conflict_threshold: None,
            },
            Criterion {
                id: CriterionId::new("remarks"),
                question: "What stands out in the documents?".to_string(),
                scale: Scale::FreeText,
                conflict_threshold: None,
            },
        ],
        deletion_date: NaiveDate::from_ymd_opt(2026, 12, 31),
        blind_coding: false,
    }
}

fn capitalised(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A Norwegian local time: +02:00 in summer months, +01:00 otherwise.
pub(crate) fn local(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    let offset = if (4..=10).contains(&month) { 2 } else { 1 };
    FixedOffset::east_opt(offset * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(year, month, day, hour, minute, 0).single())
        .expect("generator dates are valid")
}

pub(crate) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("generator dates are valid")
}
