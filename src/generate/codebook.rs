//! The demo codebook: ten themes, the headings of the report's chapter 5, each
//! with sub-codes for what the interviews say about it.

use crate::domain::*;

fn code(id: &str, name: &str, description: &str, colour: &str, children: Vec<Code>) -> Code {
    Code {
        id: CodeId::new(id),
        name: name.to_string(),
        description: description.to_string(),
        colour: Some(colour.to_string()),
        children,
        merged_into: None,
    }
}

fn sub(id: &str, name: &str, description: &str, colour: &str) -> Code {
    code(id, name, description, colour, Vec::new())
}

pub fn codebook() -> Codebook {
    Codebook::new(vec![
        code(
            "applying",
            "Culture and experience of applying",
            "How used the municipality is to applying for grants, and what applying is like.",
            "#1f77b4",
            vec![
                sub(
                    "applying.routine",
                    "Applying is routine",
                    "Experienced applicants with a practised way of writing applications.",
                    "#1f77b4",
                ),
                sub(
                    "applying.first-time",
                    "First-time applicants",
                    "Little experience; applying took effort or help.",
                    "#1f77b4",
                ),
                sub(
                    "applying.paperwork",
                    "Paperwork and reporting burden",
                    "The forms, reports and accounts the scheme asks for.",
                    "#1f77b4",
                ),
            ],
        ),
        code(
            "insight",
            "Insight work before applying",
            "What the municipality knew or found out before it applied.",
            "#ff7f0e",
            vec![
                sub(
                    "insight.research",
                    "Research-based knowledge",
                    "Evaluations, research or national guidance used in planning.",
                    "#ff7f0e",
                ),
                sub(
                    "insight.experience",
                    "Others' experience",
                    "Visits to or conversations with municipalities that had tried something similar.",
                    "#ff7f0e",
                ),
                sub(
                    "insight.none",
                    "Little insight work",
                    "The idea was developed without looking at others' experience.",
                    "#ff7f0e",
                ),
            ],
        ),
        code(
            "results",
            "Results and local change",
            "What the project achieved for the target group and the services.",
            "#2ca02c",
            vec![
                sub(
                    "results.target-group",
                    "Effects on the target group",
                    "Participants' progress: work, education, language, health.",
                    "#2ca02c",
                ),
                sub(
                    "results.services",
                    "Change in the services",
                    "New routines, cooperation or competence in the municipality.",
                    "#2ca02c",
                ),
                sub(
                    "results.unclear",
                    "Results hard to show",
                    "Goals not measured or effects not yet visible.",
                    "#2ca02c",
                ),
            ],
        ),
        code(
            "focus-areas",
            "Views on the focus areas",
            "How the yearly focus areas are seen and how they steer.",
            "#d62728",
            vec![
                sub(
                    "focus-areas.steering",
                    "Focus areas steer the content",
                    "Projects shaped to fit the year's focus areas.",
                    "#d62728",
                ),
                sub(
                    "focus-areas.fit",
                    "Focus areas fit local needs",
                    "The focus areas match what the municipality needed anyway.",
                    "#d62728",
                ),
            ],
        ),
        code(
            "timing",
            "Time and timing",
            "Project periods, deadlines and when the money arrives.",
            "#9467bd",
            vec![
                sub(
                    "timing.short-period",
                    "Too short a project period",
                    "One year is too short to build and test something.",
                    "#9467bd",
                ),
                sub(
                    "timing.deadlines",
                    "Deadlines and late answers",
                    "When applications are due and answers come.",
                    "#9467bd",
                ),
            ],
        ),
        code(
            "documentation",
            "Documentation and knowledge sharing",
            "How results are documented and shared.",
            "#8c564b",
            vec![
                sub(
                    "documentation.evaluation",
                    "Evaluating one's own project",
                    "Own evaluations, indicators and their quality.",
                    "#8c564b",
                ),
                sub(
                    "documentation.sharing",
                    "Sharing with others",
                    "Conferences, networks, reports and visits.",
                    "#8c564b",
                ),
            ],
        ),
        code(
            "continuation",
            "Continuation into ordinary operation",
            "Whether the measure lives on after the grant.",
            "#e377c2",
            vec![
                sub(
                    "continuation.funded",
                    "Continued in ordinary budgets",
                    "The measure is part of ordinary operation.",
                    "#e377c2",
                ),
                sub(
                    "continuation.stopped",
                    "Stopped or scaled down",
                    "The measure ended when the grant ended.",
                    "#e377c2",
                ),
            ],
        ),
        code(
            "transferability",
            "Transferability to other municipalities",
            "Whether and how the project could be used elsewhere.",
            "#7f7f7f",
            vec![
                sub(
                    "transferability.conditions",
                    "Conditions for transfer",
                    "Size, competence or partners another municipality would need.",
                    "#7f7f7f",
                ),
                sub(
                    "transferability.interpretation",
                    "What 'national transferability' means",
                    "How applicants read the requirement.",
                    "#7f7f7f",
                ),
            ],
        ),
        code(
            "non-applicants",
            "Why many municipalities never apply",
            "Explanations for municipalities that stay away from the scheme.",
            "#bcbd22",
            vec![
                sub(
                    "non-applicants.capacity",
                    "No capacity to apply",
                    "Small administrations without time or staff to write applications.",
                    "#bcbd22",
                ),
                sub(
                    "non-applicants.awareness",
                    "The scheme is not known",
                    "Municipalities do not know of the scheme or think it is not for them.",
                    "#bcbd22",
                ),
            ],
        ),
        code(
            "support",
            "The directorate's guidance and support",
            "Gatherings, guidance and contact with the directorate.",
            "#17becf",
            vec![
                sub(
                    "support.gatherings",
                    "Gatherings and networks",
                    "Use of the directorate's gatherings.",
                    "#17becf",
                ),
                sub(
                    "support.guidance",
                    "Guidance wanted",
                    "Wishes for clearer expectations or more help.",
                    "#17becf",
                ),
            ],
        ),
    ])
}
