//! The case attributes that go across as REFI-QDA variables, so a QDA
//! program can compare codings by size band, region, focus area and the
//! rest. Add a variable here and it is declared and filled everywhere.

use crate::domain::{Case, StudyData};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variable {
    /// Stable key: the GUID is derived from it.
    pub key: &'static str,
    pub name: &'static str,
    /// The schema's `typeOfVariable`: `Text` or `Boolean` here.
    pub kind: &'static str,
    pub description: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Boolean(bool),
}

pub const VARIABLES: [Variable; 7] = [
    Variable {
        key: "size_band",
        name: "Size band",
        kind: "Text",
        description: "The municipality's size band, in inhabitants, by the study's bands.",
    },
    Variable {
        key: "region",
        name: "Region",
        kind: "Text",
        description: "The region (landsdel).",
    },
    Variable {
        key: "focus_area",
        name: "Focus area",
        kind: "Text",
        description: "The focus area of the project's first application.",
    },
    Variable {
        key: "stage",
        name: "Stage",
        kind: "Text",
        description:
            "Where the case stands in the selection: pool, shortlisted, selected, reserve, dropped or snowball.",
    },
    Variable {
        key: "kind",
        name: "Kind",
        kind: "Text",
        description: "new (develops new knowledge) or adaptation (adapts an established method).",
    },
    Variable {
        key: "pilot",
        name: "Pilot",
        kind: "Boolean",
        description: "Whether the project is a pilot.",
    },
    Variable {
        key: "municipality",
        name: "Municipality",
        kind: "Text",
        description: "The municipality the case is in.",
    },
];

/// A case's value of each variable it has one for, in `VARIABLES` order.
pub fn values(data: &StudyData, case: &Case) -> Vec<(&'static Variable, Value)> {
    let text = |s: &str| (!s.is_empty()).then(|| Value::Text(s.to_string()));
    VARIABLES
        .iter()
        .filter_map(|variable| {
            let value = match variable.key {
                "size_band" => data.size_band_of(case).and_then(text),
                "region" => text(&case.region),
                "focus_area" => case
                    .focus_area
                    .as_deref()
                    .map(|f| data.focus_area_name(f))
                    .and_then(text),
                "stage" => text(case.stage.label()),
                "kind" => case.kind.map(|k| k.label()).and_then(text),
                "pilot" => Some(Value::Boolean(case.pilot)),
                "municipality" => text(&case.municipality),
                _ => None,
            };
            value.map(|v| (variable, v))
        })
        .collect()
}
