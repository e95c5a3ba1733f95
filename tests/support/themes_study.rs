//! A small hand-made study whose themes figures are known by hand: three
//! interviews in two cases, two coders on the first, codes with sub-codes.
//!
//! INT-1 (c1, INF-1), coded by astrid and brage:
//!   q1 "Alpha beta gamma delta. Epsilon zeta eta."
//!      astrid: "Alpha beta gamma" → a.one, b.one (quote)
//!      brage:  "gamma delta"      → a.one          (overlaps astrid's: one passage)
//!   q2 "Theta iota kappa."
//!      astrid: "Theta iota" → a.two
//!      brage:  "kappa"      → b.one
//! INT-2 (c2, INF-2, consent forbids quotes), astrid: q1 "Lorem ipsum" → a.one (quote)
//! INT-3 (c1, INF-1 and INF-3 together), astrid: q1 "Group talk" → a.two, b.one (quote)
#![allow(dead_code)]

use casebook::domain::*;
use casebook::generate::demo;
use std::collections::BTreeMap;

pub fn code(id: &str, name: &str, children: Vec<Code>) -> Code {
    let mut code = Code::new(id, name);
    code.description = format!("When {name} comes up.");
    code.children = children;
    code
}

pub fn coding(note: &str, words: &str, codes: &[&str], quote: bool) -> Coding {
    let byte = note.find(words).expect("words in the note");
    let start = note[..byte].chars().count();
    Coding {
        question: QuestionId::new("q1"),
        start,
        end: start + words.chars().count(),
        text: words.to_string(),
        codes: codes.iter().map(|c| CodeId::new(*c)).collect(),
        quote,
        memo: String::new(),
        date: None,
        anchor: Anchor::Exact,
    }
}

pub const Q1: &str = "Alpha beta gamma delta. Epsilon zeta eta.";
pub const Q2: &str = "Theta iota kappa.";

fn on(question: &str, mut coding: Coding) -> Coding {
    coding.question = QuestionId::new(question);
    coding
}

pub fn study() -> StudyData {
    let mut data = demo();
    data.cases.clear();
    data.study.title = "Hand-made study".to_string();
    data.study.strata.focus_areas = vec![FocusArea {
        id: "work".into(),
        name: "Work practice".into(),
        years: vec![2023],
    }];
    data.study.targets.clear();
    data.codebook = Codebook::new(vec![
        code(
            "a",
            "Theme A",
            vec![code("a.one", "A one", vec![]), code("a.two", "A two", vec![])],
        ),
        code("b", "Theme B", vec![code("b.one", "B one", vec![])]),
        code("c", "Theme C", vec![]),
    ]);
    data.guides.clear();
    let guide = Guide {
        id: GuideId::new("g"),
        title: "Guide".into(),
        title_nb: None,
        audience: Audience::Case,
        language: None,
        intended_minutes: None,
        introduction: String::new(),
        sections: vec![Section {
            title: "All".into(),
            title_nb: None,
            questions: ["q1", "q2", "q3"]
                .iter()
                .map(|q| Question {
                    id: QuestionId::new(*q),
                    text: format!("Question {q}?"),
                    probes: vec![],
                    note_to_self: None,
                    condition: None,
                })
                .collect(),
        }],
    };
    data.guides.insert(guide.id.clone(), guide);
    let place = |id: &str, municipality: &str, county: &str, region: &str, population: u64| {
        let mut case = Case::new(
            CaseId::new(id),
            Origin::Project,
            format!("Project in {municipality}"),
            municipality,
        );
        case.county = county.into();
        case.region = region.into();
        case.population = Some(population);
        case.focus_area = Some("work".into());
        case.kind = Some(ProjectKind::New);
        case.stage = Stage::Selected;
        CaseData::new(case)
    };
    let mut c1 = place("c1", "Bergen", "Vestland", "Vestlandet", 30_000);
    let mut c2 = place("c2", "Båtsfjord", "Finnmark", "Nord-Norge", 3_000);
    let astrid = ResearcherId::new("astrid");
    let informant = |id: &str, case: &str, role: &str, quotes: bool| Informant {
        id: InformantId::new(id),
        case: CaseId::new(case),
        kind: InformantKind::Case,
        role: role.into(),
        organisation: "municipality".into(),
        responsible: vec![astrid.clone()],
        referred_by: None,
        consent: Some(Consent {
            date: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            notes: true,
            recording: false,
            quotes,
        }),
        consent_by: Some(astrid.clone()),
        status_history: vec![],
    };
    for i in [
        informant("INF-1", "c1", "project leader", true),
        informant("INF-3", "c1", "adviser", true),
    ] {
        c1.informants.insert(i.id.clone(), i);
    }
    let i2 = informant("INF-2", "c2", "head of the refugee service", false);
    c2.informants.insert(i2.id.clone(), i2);
    let interview = |id: &str, case: &str, informants: &[&str], researchers: &[&str], notes: &[(&str, &str)]| {
        let mut interview = Interview::new(InterviewId::new(id), CaseId::new(case), GuideId::new("g"));
        interview.informants = informants.iter().map(|i| InformantId::new(*i)).collect();
        interview.researchers = researchers.iter().map(|r| ResearcherId::new(*r)).collect();
        interview.notes = notes
            .iter()
            .map(|(q, text)| QuestionNote {
                covered: true,
                text: text.to_string(),
                ..QuestionNote::new(QuestionId::new(*q))
            })
            .collect();
        interview
    };
    let codings = |id: &str, coder: &str, codings: Vec<Coding>| Codings {
        interview: InterviewId::new(id),
        coder: ResearcherId::new(coder),
        codings,
        done: false,
        notes_of: None,
    };
    let mut int1 = InterviewData::new(interview(
        "INT-1",
        "c1",
        &["INF-1"],
        &["astrid", "brage"],
        &[("q1", Q1), ("q2", Q2)],
    ));
    int1.codings = BTreeMap::from([
        (
            astrid.clone(),
            codings(
                "INT-1",
                "astrid",
                vec![
                    coding(Q1, "Alpha beta gamma", &["a.one", "b.one"], true),
                    on("q2", coding(Q2, "Theta iota", &["a.two"], false)),
                ],
            ),
        ),
        (
            ResearcherId::new("brage"),
            codings(
                "INT-1",
                "brage",
                vec![
                    coding(Q1, "gamma delta", &["a.one"], false),
                    on("q2", coding(Q2, "kappa", &["b.one"], false)),
                ],
            ),
        ),
    ]);
    let lorem = "Lorem ipsum dolor.";
    let mut int2 = InterviewData::new(interview(
        "INT-2",
        "c2",
        &["INF-2"],
        &["astrid", "cora"],
        &[("q1", lorem)],
    ));
    int2.codings.insert(
        astrid.clone(),
        codings("INT-2", "astrid", vec![coding(lorem, "Lorem ipsum", &["a.one"], true)]),
    );
    let group = "Group talk here.";
    let mut int3 = InterviewData::new(interview(
        "INT-3",
        "c1",
        &["INF-1", "INF-3"],
        &["astrid", "cora"],
        &[("q1", group)],
    ));
    int3.codings.insert(
        astrid.clone(),
        codings(
            "INT-3",
            "astrid",
            vec![coding(group, "Group talk", &["a.two", "b.one"], true)],
        ),
    );
    for i in [int1, int3] {
        c1.interviews.insert(i.interview.id.clone(), i);
    }
    c2.interviews.insert(int2.interview.id.clone(), int2);
    data.cases.insert(c1.case.id.clone(), c1);
    data.cases.insert(c2.case.id.clone(), c2);
    data
}

/// The study written to a fresh folder.
pub fn on_disk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    casebook::store::save_all(
        &casebook::store::Layout::new(dir.path()),
        &mut casebook::store::Stamps::default(),
        &study(),
    )
    .expect("save the hand-made study");
    dir
}
