//! The demo's two interview guides. The case guide follows the report's
//! appendix 2 (Intervjuguide) in English, keeping the Norwegian section titles;
//! the administration guide covers the same ground from the directorate's side.

use crate::domain::*;

fn q(id: &str, text: &str, probes: &[&str], note_to_self: Option<&str>) -> Question {
    Question {
        id: QuestionId::new(id),
        text: text.to_string(),
        probes: probes.iter().map(|p| p.to_string()).collect(),
        note_to_self: note_to_self.map(String::from),
        condition: None,
    }
}

/// A question asked only when the case's `field` has one of `values`.
fn when(mut question: Question, field: &str, values: &[&str]) -> Question {
    question.condition = Some(Condition {
        field: field.to_string(),
        one_of: values.iter().map(|v| v.to_string()).collect(),
    });
    question
}

fn section(title: &str, title_nb: &str, questions: Vec<Question>) -> Section {
    Section {
        title: title.to_string(),
        title_nb: Some(title_nb.to_string()),
        questions,
    }
}

pub const CASE_GUIDE: &str = "case-interview";
pub const ADMINISTRATION_GUIDE: &str = "administration";

pub fn case_guide() -> Guide {
    Guide {
        id: GuideId::new(CASE_GUIDE),
        title: "Interview guide: case projects".to_string(),
        title_nb: Some("Intervjuguide".to_string()),
        audience: Audience::Case,
        language: Some("en".to_string()),
        intended_minutes: Some(60),
        introduction: "About one hour, digital, two researchers present. Explain the evaluation, anonymity and the deletion date; ask for consent to notes, recording and anonymous quotes.".to_string(),
        sections: vec![
            section("About the informant and their experience with grant schemes", "Om informanten og erfaringen med tilskuddsordninger", vec![
                q("background.role", "Tell us briefly who you are, your background and your role in the organisation, now and when you applied for the grant.", &[], None),
                q("background.applications", "How many applications to this grant scheme have you been part of? How many were granted, how many rejected?", &[], None),
                q("background.other-schemes", "Do you have experience with other grant schemes?", &[], None),
            ]),
            section("About the project", "Om prosjektet", vec![
                q("project.role", "What was your role in the case project?", &[], None),
                q("project.content", "We have the project documents, but could you briefly describe what you tried out with the grant?", &[], None),
                q("project.difference", "How does this differ from the ways you already work?", &[], None),
                q("project.why-grant", "Why did you apply for a grant instead of covering the cost from ordinary budgets?", &[], None),
                q("project.origin", "Where did the idea, inspiration or model come from?", &[], None),
                q("project.knowledge", "Did you gather knowledge (experience- or research-based) about similar projects before applying?", &[], None),
            ]),
            section("Goal attainment", "Måloppnåelse", vec![
                q("goals.reached", "Did you reach the project's goals?", &[], None),
                q("goals.target-group", "How do you judge the effects on the target group?", &[], None),
                q("goals.quality", "How has the project affected the quality of the municipality's integration and qualification work?", &[], None),
                q("goals.better", "How could the effects have been better?", &[], None),
                q("goals.continuation", "Will you continue, or have you continued, the measure in ordinary operation? Why, or why not?", &[], None),
                when(q("goals.continuation-how", "How was the measure made part of ordinary operation, and who pays for it now?", &[], Some("Only where the documents describe continuation (the review's agreed answer).")), "criteria.continuation", &["yes"]),
                q("goals.sharing", "Have you shared the project and its results with others than the directorate?", &["Have others than the directorate shown interest in the project?"], None),
            ]),
            section("Transferability", "Overførbarhet", vec![
                q("transfer.meaning", "The directorate wants funded projects to have 'national transferability'. How did you interpret that in this project?", &[], None),
                q("transfer.partners", "Does the measure rely on cooperation with others? With whom?", &[], None),
                q("transfer.other-municipalities", "To what extent can this project be transferred to other municipalities?", &["Are there kinds of municipalities it suits better than others?", "Are there conditions or resources that must be in place?"], None),
            ]),
            section("The grant scheme", "Tilskuddsordningen", vec![
                q("scheme.tool", "To what extent is the scheme a good tool for strengthening municipalities' integration work?", &["Mainly because there is more money to do more, or because it creates new knowledge about what works?"], None),
                q("scheme.awareness", "How did you hear about the scheme? Is it well known among municipalities?", &[], None),
                q("scheme.never-apply", "Many applicants come back year after year and many municipalities never applied in 2019-2024. Why do you think that is?", &[], None),
                q("scheme.paperwork", "Is the paperwork demanding?", &["Is it easy to apply?", "Is it easy to document along the way and afterwards?"], None),
                q("scheme.evaluation", "How do you see the directorate's expectations for evaluating the projects' goal attainment?", &[], None),
                q("scheme.sufficient", "Was the grant enough to carry out the project?", &[], None),
                q("scheme.guidance", "What guidance, if any, should there be for measures the scheme funds?", &[], Some("For example on transferability, or how goal attainment is assessed, if we have not touched on these already.")),
                q("scheme.focus-areas", "What do you think of the directorate's use of focus areas to classify projects? Do they cover what municipalities may want to apply for?", &[], Some("Do the focus areas decide the projects' content, or the municipalities' needs and knowledge gaps?")),
                q("scheme.gatherings", "What use have you had of the gatherings the directorate organised during the application and project period?", &["Other initiatives and support from the directorate?"], None),
                when(q("scheme.pilot", "As a pilot project, how has the directorate's closer follow-up worked for you?", &[], None), "pilot", &["yes"]),
            ]),
            section("Summing up", "Oppsummering", vec![
                q("scheme.summary-good", "In sum: what works well in the scheme today?", &[], None),
                q("scheme.summary-change", "In sum: what would you wish were different?", &[], None),
            ]),
        ],
    }
}

pub fn administration_guide() -> Guide {
    Guide {
        id: GuideId::new(ADMINISTRATION_GUIDE),
        title: "Interview guide: the directorate's staff".to_string(),
        title_nb: Some("Intervjuguide forvaltningen".to_string()),
        audience: Audience::Administration,
        language: Some("en".to_string()),
        intended_minutes: Some(45),
        introduction: "For the staff who run the scheme. Same promises of anonymity as for the case informants."
            .to_string(),
        sections: vec![
            section(
                "Role and the scheme",
                "Rolle og ordningen",
                vec![
                    q(
                        "admin.role",
                        "What is your role in running the scheme, and for how long?",
                        &[],
                        None,
                    ),
                    q(
                        "admin.purpose",
                        "What is the scheme meant to achieve, as you see it?",
                        &[],
                        None,
                    ),
                ],
            ),
            section(
                "Assessing applications",
                "Behandling av søknader",
                vec![
                    q(
                        "admin.assessment",
                        "How are applications assessed and ranked?",
                        &["What makes an application stand out?"],
                        None,
                    ),
                    q(
                        "admin.focus-areas",
                        "How are the focus areas chosen each year, and how do they steer the applications?",
                        &[],
                        None,
                    ),
                    q(
                        "admin.transferability",
                        "How do you judge 'national transferability' in an application?",
                        &[],
                        None,
                    ),
                ],
            ),
            section(
                "Follow-up and reporting",
                "Oppfølging og rapportering",
                vec![
                    q(
                        "admin.reporting",
                        "What do the projects report, and what do you do with the reports?",
                        &[],
                        None,
                    ),
                    q(
                        "admin.evaluation",
                        "What do you expect of the projects' own evaluations?",
                        &[],
                        None,
                    ),
                    q(
                        "admin.pilots",
                        "Why were the pilot projects picked, and how are they followed up?",
                        &[],
                        None,
                    ),
                ],
            ),
            section(
                "Knowledge sharing",
                "Kunnskapsdeling",
                vec![
                    q(
                        "admin.sharing",
                        "How is what the projects learn shared with other municipalities?",
                        &["Gatherings, web pages, networks?"],
                        None,
                    ),
                    q(
                        "admin.never-apply",
                        "Why do you think many municipalities never apply?",
                        &[],
                        None,
                    ),
                ],
            ),
            section(
                "Summary",
                "Oppsummering",
                vec![
                    q("admin.summary-good", "What works well in the scheme today?", &[], None),
                    q("admin.summary-change", "What would you change?", &[], None),
                ],
            ),
        ],
    }
}
