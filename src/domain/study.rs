//! `cases/study.ron`: the study itself: the team, the strata cases are chosen
//! by, selection targets, review criteria and the date personal data must go.

use super::ids::{CriterionId, ResearcherId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// The layout version this study is written in (see `FORMAT_VERSION`);
    /// studies from before versions were recorded read as 1.
    #[serde(default = "first_format")]
    pub format_version: u32,
    /// A random id given by `casebook init` (or `casebook migrate`): each
    /// researcher's private contacts store for this study is kept under it,
    /// so moving or renaming the folder does not lose the contacts. Left
    /// out of the file while there is none, so older studies keep their bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub team: Vec<Researcher>,
    /// The study's lead: the one who writes `study.ron`, the guides and the codebook.
    #[serde(default)]
    pub lead: Option<ResearcherId>,
    pub strata: Strata,
    /// Minimum numbers of selected cases per stratum value.
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// From this date personal data (the private contacts file) must be deleted.
    #[serde(default)]
    pub deletion_date: Option<NaiveDate>,
    /// Blind double coding: a coder sees only their own codings of an
    /// interview until both coders have marked it done (`domain::blind`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub blind_coding: bool,
}

/// The study layout this casebook writes: 2 has one resolution file and one
/// status file per researcher, and ids that carry their author.
pub const FORMAT_VERSION: u32 = 2;

fn first_format() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Researcher {
    pub id: ResearcherId,
    /// How the researcher is shown; a first name or initials is plenty.
    pub name: String,
    /// Matched against git's `user.name` to find out who is at the keyboard.
    #[serde(default)]
    pub git_names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strata {
    /// Municipality size bands, smallest first; lower bound inclusive.
    pub size_bands: Vec<SizeBand>,
    /// Regions (landsdel), in the order reports show them.
    pub regions: Vec<String>,
    /// Which region each county (fylke) belongs to.
    #[serde(default)]
    pub counties: Vec<County>,
    /// Focus areas (satsingsområder) with the years they were announced.
    pub focus_areas: Vec<FocusArea>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeBand {
    /// The label, e.g. `5000-10000`.
    pub label: String,
    /// Inclusive lower bound in inhabitants.
    pub min: u64,
    /// Exclusive upper bound; `None` for the top band.
    pub max: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct County {
    pub name: String,
    pub region: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    /// Short stable id used in case files, e.g. `work-qualification`.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub years: Vec<i32>,
}

/// The dimensions along which cases are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stratum {
    SizeBand,
    Region,
    FocusArea,
    Kind,
    Pilot,
    Year,
}

impl Stratum {
    pub const ALL: [Stratum; 6] = [
        Stratum::SizeBand,
        Stratum::Region,
        Stratum::FocusArea,
        Stratum::Kind,
        Stratum::Pilot,
        Stratum::Year,
    ];

    /// The name used on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Stratum::SizeBand => "size_band",
            Stratum::Region => "region",
            Stratum::FocusArea => "focus_area",
            Stratum::Kind => "kind",
            Stratum::Pilot => "pilot",
            Stratum::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Option<Stratum> {
        Stratum::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub stratum: Stratum,
    pub value: String,
    pub min_selected: u32,
}

/// One question every reviewer answers about a project's documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: CriterionId,
    pub question: String,
    pub scale: Scale,
    /// For ordinal scales: answers this many points apart or more are a conflict.
    #[serde(default)]
    pub conflict_threshold: Option<u32>,
}

impl Criterion {
    /// The threshold in force: the criterion's own, else two points.
    pub fn threshold(&self) -> u32 {
        self.conflict_threshold.unwrap_or(2)
    }

    /// What a typed answer must look like, in words.
    pub fn scale_hint(&self) -> String {
        match &self.scale {
            Scale::Ordinal { min, max } => format!("a number from {min} to {max}"),
            Scale::Categories(options) => format!("one of: {}", options.join(", ")),
            Scale::YesNo => "yes or no".to_string(),
            Scale::FreeText => "free text".to_string(),
        }
    }

    /// Reads a typed answer on this criterion's scale.
    pub fn parse_answer(&self, text: &str) -> Result<super::Answer, String> {
        use super::Answer;
        match &self.scale {
            Scale::Ordinal { min, max } => match text.parse::<i32>() {
                Ok(p) if (*min..=*max).contains(&p) => Ok(Answer::Point(p)),
                _ => Err(format!("`{text}` is not a number from {min} to {max}")),
            },
            Scale::Categories(options) => options
                .iter()
                .find(|o| o.eq_ignore_ascii_case(text))
                .map(|o| Answer::Category(o.clone()))
                .ok_or_else(|| format!("`{text}` is not one of: {}", options.join(", "))),
            Scale::YesNo => match text.to_ascii_lowercase().as_str() {
                "yes" | "y" => Ok(Answer::YesNo(true)),
                "no" | "n" => Ok(Answer::YesNo(false)),
                _ => Err(format!("`{text}` is not yes or no")),
            },
            Scale::FreeText => Ok(Answer::Text(text.to_string())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scale {
    /// Ordered integer points, both ends included, e.g. 1..=7.
    Ordinal {
        min: i32,
        max: i32,
    },
    /// Unordered categories, e.g. `["yes", "maybe", "no"]`.
    Categories(Vec<String>),
    YesNo,
    FreeText,
}

impl Study {
    /// The size band a population falls in, by the study's bands.
    pub fn size_band_of(&self, population: u64) -> Option<&SizeBand> {
        self.strata
            .size_bands
            .iter()
            .find(|b| population >= b.min && b.max.is_none_or(|max| population < max))
    }

    pub fn researcher(&self, id: &ResearcherId) -> Option<&Researcher> {
        self.team.iter().find(|r| &r.id == id)
    }

    pub fn region_of_county(&self, county: &str) -> Option<&str> {
        self.strata
            .counties
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(county))
            .map(|c| c.region.as_str())
    }

    pub fn focus_area(&self, id: &str) -> Option<&FocusArea> {
        self.strata.focus_areas.iter().find(|f| f.id == id)
    }

    pub fn criterion(&self, id: &CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| &c.id == id)
    }
}

/// The report's seven size bands (Table 3.2), lower bound inclusive.
pub fn default_size_bands() -> Vec<SizeBand> {
    let bounds: [(u64, Option<u64>, &str); 7] = [
        (0, Some(1000), "<1000"),
        (1000, Some(2000), "1000-2000"),
        (2000, Some(5000), "2000-5000"),
        (5000, Some(10000), "5000-10000"),
        (10000, Some(20000), "10000-20000"),
        (20000, Some(50000), "20000-50000"),
        (50000, None, ">50000"),
    ];
    bounds
        .into_iter()
        .map(|(min, max, label)| SizeBand {
            label: label.to_string(),
            min,
            max,
        })
        .collect()
}

/// The five regions (landsdeler) as the report orders them.
pub fn default_regions() -> Vec<String> {
    ["Nord-Norge", "Midt-Norge", "Vestlandet", "Østlandet", "Sørlandet"]
        .into_iter()
        .map(String::from)
        .collect()
}

/// The 2020 county structure and the region each county belongs to.
pub fn default_counties() -> Vec<County> {
    [
        ("Troms og Finnmark", "Nord-Norge"),
        ("Nordland", "Nord-Norge"),
        ("Trøndelag", "Midt-Norge"),
        ("Møre og Romsdal", "Vestlandet"),
        ("Vestland", "Vestlandet"),
        ("Rogaland", "Vestlandet"),
        ("Agder", "Sørlandet"),
        ("Vestfold og Telemark", "Østlandet"),
        ("Viken", "Østlandet"),
        ("Oslo", "Østlandet"),
        ("Innlandet", "Østlandet"),
    ]
    .into_iter()
    .map(|(name, region)| County {
        name: name.to_string(),
        region: region.to_string(),
    })
    .collect()
}
