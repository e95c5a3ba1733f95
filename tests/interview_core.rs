//! The interview core without a terminal: guides checked, conditions read
//! against cases, an interview started from an informant, its notes saved
//! (a contact detail kept privately), finished, and consent recorded once.

mod common;

use casebook::analysis::conditions::{applies, field_value, Applies};
use casebook::domain::*;
use casebook::ops::interview::{finish, my_draft, private_draft, save_notes, start_with, Draft};
use casebook::ops::{commit, consent, Ctx};
use casebook::store::private::{Contact, Contacts};
use casebook::store::{load, Layout, Loaded};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::Path;

fn at(time: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(time).unwrap()
}

fn ctx<'a>(loaded: &'a Loaded, layout: &'a Layout, me: &'a ResearcherId, now: &str) -> Ctx<'a> {
    Ctx {
        layout,
        me: Some(me),
        failed: &loaded.failed,
        now: at(now),
    }
}

/// An informant of a project case with no consent recorded and not interviewed yet.
fn waiting_informant(data: &StudyData) -> Informant {
    data.informants()
        .find(|i| i.consent.is_none() && i.kind == InformantKind::Case && i.status() != RecruitmentStatus::Declined)
        .cloned()
        .expect("the demo has informants still to interview")
}

fn question(text: &str, condition: Option<(&str, &[&str])>) -> Question {
    Question {
        id: QuestionId::new(text),
        text: text.to_string(),
        probes: Vec::new(),
        note_to_self: None,
        condition: condition.map(|(field, values)| Condition {
            field: field.to_string(),
            one_of: values.iter().map(|v| v.to_string()).collect(),
        }),
    }
}

#[test]
fn check_reports_duplicate_question_ids_empty_sections_and_conditions_on_unknown_fields() {
    let dir = common::demo_copy();
    let path = dir.path().join("guides/case-interview.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    // A second `goals.reached`, a condition on a field no case has, an empty section.
    let text = text
        .replacen("id: \"goals.better\"", "id: \"goals.reached\"", 1)
        .replacen("field: \"pilot\"", "field: \"pilott\"", 1)
        .replacen(
            "    sections: [\n",
            "    sections: [\n        Section(\n            title: \"Nothing here\",\n            questions: [],\n        ),\n",
            1,
        );
    std::fs::write(&path, text).unwrap();
    let out = common::casebook_as(dir.path(), Some("astrid"), &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for expected in [
        "question id `goals.reached` is used twice in the guide",
        "section \"Nothing here\" has no questions",
        "the condition of `scheme.pilot` names nothing: unknown field `pilott`",
    ] {
        let line = stdout
            .lines()
            .find(|l| l.contains(expected))
            .unwrap_or_else(|| panic!("no `{expected}` in:\n{stdout}"));
        assert!(line.starts_with("guides/case-interview.ron:"), "{line}");
        let position: Vec<&str> = line.splitn(4, ':').collect();
        assert!(
            position[1].parse::<usize>().unwrap() > 1 && position[2].parse::<usize>().is_ok(),
            "{line}"
        );
    }
}

#[test]
fn the_demo_guide_follows_the_report_with_two_conditional_questions() {
    let loaded = load(&Layout::new(common::repo()));
    let guide = &loaded.data.guides[&GuideId::new("case-interview")];
    let titles: Vec<&str> = guide.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "About the informant and their experience with grant schemes",
            "About the project",
            "Goal attainment",
            "Transferability",
            "The grant scheme",
            "Summing up"
        ]
    );
    assert_eq!(guide.intended_minutes, Some(60));
    let conditional: Vec<&str> = guide
        .questions()
        .filter(|q| q.condition.is_some())
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(conditional, ["goals.continuation-how", "scheme.pilot"]);
    assert!(loaded.data.guides.contains_key(&GuideId::new("administration")));
}

#[test]
fn conditions_hold_fail_or_may_not_apply_by_the_cases_fields_attributes_and_agreed_answers() {
    let loaded = load(&Layout::new(common::repo()));
    let data = &loaded.data;
    let mut case = data
        .cases
        .values()
        .find(|c| c.submitted_reviews() == 2)
        .cloned()
        .unwrap();
    case.case.pilot = true;
    case.case.kind = Some(ProjectKind::Adaptation);
    case.case.attributes.insert("partner".into(), "county".into());
    assert_eq!(
        applies(data, &case, &question("a", Some(("pilot", &["yes"])))),
        Applies::Yes
    );
    assert_eq!(
        applies(data, &case, &question("b", Some(("kind", &["New"])))),
        Applies::No
    );
    assert_eq!(
        applies(data, &case, &question("c", Some(("attributes.partner", &["County"])))),
        Applies::Yes
    );
    assert_eq!(
        applies(data, &case, &question("d", Some(("attributes.other", &["x"])))),
        Applies::MayNot
    );
    assert_eq!(applies(data, &case, &question("e", None)), Applies::Yes);

    // The agreed answer: both submitted reviews say the same...
    let continuation = CriterionId::new("continuation");
    case.resolutions.clear();
    for review in case.reviews.values_mut() {
        review.answers.insert(continuation.clone(), Answer::YesNo(true));
    }
    let asked_if_continued = question("f", Some(("criteria.continuation", &["yes"])));
    assert_eq!(
        field_value(data, &case, "criteria.continuation").as_deref(),
        Some("yes")
    );
    assert_eq!(applies(data, &case, &asked_if_continued), Applies::Yes);
    // ...they differ and nobody resolved it: not known yet...
    let first = case.reviews.keys().next().cloned().unwrap();
    case.reviews
        .get_mut(&first)
        .unwrap()
        .answers
        .insert(continuation.clone(), Answer::YesNo(false));
    case.resolutions.clear();
    assert_eq!(applies(data, &case, &asked_if_continued), Applies::MayNot);
    // ...and resolved to "no", the question does not apply.
    case.resolutions.insert(
        first.clone(),
        Resolution {
            case: case.case.id.clone(),
            resolved: [(
                continuation.clone(),
                Resolved {
                    value: Answer::YesNo(false),
                    by: first.clone(),
                    note: String::new(),
                    at: at("2025-05-01T10:00:00+02:00"),
                },
            )]
            .into(),
        },
    );
    assert_eq!(applies(data, &case, &asked_if_continued), Applies::No);
}

#[test]
fn an_interview_started_from_an_informant_saves_notes_and_finishes_with_the_status_and_duration() {
    let dir = common::demo_copy();
    let layout = Layout::new(dir.path());
    let mut loaded = load(&layout);
    let informant = waiting_informant(&loaded.data);
    let me = informant.responsible.first().cloned().unwrap();
    let mut data = loaded.data.clone();
    let (change, id) = start_with(
        &ctx(&loaded, &layout, &me, "2025-06-10T10:00:00+02:00"),
        &mut data,
        &informant.id,
    )
    .unwrap();
    assert_eq!(
        id.as_str(),
        format!("INT-{me}-01"),
        "an interview id carries its author"
    );
    commit(&mut loaded.stamps, &change).unwrap();
    let file = layout.interview_file(&informant.case, &id);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("started: Some(\"2025-06-10T10:00:00+02:00\")"),
        "{written}"
    );
    assert!(!written.contains("consent_confirmed"), "no consent recorded yet");

    let mut draft = my_draft(&data.cases[&informant.case].interviews[&id], &me);
    let mut note = QuestionNote::new(QuestionId::new("project.origin"));
    note.text = "From a visit to Lebesby.".into();
    note.covered = true;
    note.minute = Some(12);
    draft.notes.push(note);
    draft.at_question = Some(QuestionId::new("project.origin"));
    let (change, private) = save_notes(
        &ctx(&loaded, &layout, &me, "2025-06-10T10:12:00+02:00"),
        &mut data,
        &informant.case,
        &id,
        draft,
        &Contacts::default(),
    )
    .unwrap();
    assert_eq!(private, 0);
    commit(&mut loaded.stamps, &change).unwrap();

    let change = finish(
        &ctx(&loaded, &layout, &me, "2025-06-10T10:57:30+02:00"),
        &mut data,
        &informant.case,
        &id,
    )
    .unwrap();
    commit(&mut loaded.stamps, &change).unwrap();
    let reread = load(&layout);
    let held = &reread.data.cases[&informant.case].interviews[&id].interview;
    assert_eq!(held.duration_minutes, Some(58));
    assert_eq!(held.note(&QuestionId::new("project.origin")).unwrap().minute, Some(12));
    assert_eq!(
        held.at_question.as_ref().map(QuestionId::as_str),
        Some("project.origin")
    );
    let status = reread.data.informant(&informant.id).unwrap();
    assert_eq!(status.status(), RecruitmentStatus::Interviewed);
    assert_eq!(
        status.status_history.last().unwrap().date,
        NaiveDate::from_ymd_opt(2025, 6, 10).unwrap()
    );
}

#[test]
fn a_second_researcher_writes_their_own_notes_file_and_nobody_else_may() {
    let dir = common::demo_copy();
    let layout = Layout::new(dir.path());
    let loaded = load(&layout);
    let mut data = loaded.data.clone();
    let (case, record) = data
        .cases
        .iter()
        .flat_map(|(c, d)| d.interviews.values().map(move |i| (c.clone(), i.interview.clone())))
        .find(|(_, i)| i.researchers.len() == 2)
        .unwrap();
    let second = record.researchers[1].clone();
    let mut draft = Draft::default();
    let mut note = QuestionNote::new(record.notes[0].question.clone());
    note.text = "My own reading of it.".into();
    draft.notes.push(note);
    let (change, _) = save_notes(
        &ctx(&loaded, &layout, &second, "2025-06-10T10:00:00+02:00"),
        &mut data,
        &case,
        &record.id,
        draft.clone(),
        &Contacts::default(),
    )
    .unwrap();
    assert_eq!(change.writes.len(), 1);
    assert_eq!(change.writes[0].path, layout.notes_file(&case, &record.id, &second));
    assert!(change.writes[0].text.starts_with("ResearcherNotes("));
    let outsider = data
        .study
        .team
        .iter()
        .map(|r| r.id.clone())
        .find(|r| !record.researchers.contains(r))
        .unwrap();
    let refused = save_notes(
        &ctx(&loaded, &layout, &outsider, "2025-06-10T10:00:00+02:00"),
        &mut data,
        &case,
        &record.id,
        draft,
        &Contacts::default(),
    );
    assert!(refused.unwrap_err().to_string().contains("was not present"));
}

#[test]
fn a_note_naming_an_informants_contact_is_kept_privately_until_the_detail_is_gone() {
    let dir = common::demo_copy();
    std::fs::create_dir_all(dir.path().join("private")).unwrap();
    let layout = Layout::new(dir.path());
    let mut loaded = load(&layout);
    let informant = waiting_informant(&loaded.data);
    let me = informant.responsible.first().cloned().unwrap();
    let mut data = loaded.data.clone();
    let (change, id) = start_with(
        &ctx(&loaded, &layout, &me, "2025-06-10T10:00:00+02:00"),
        &mut data,
        &informant.id,
    )
    .unwrap();
    commit(&mut loaded.stamps, &change).unwrap();
    let mut contacts = Contacts::default();
    contacts.contacts.insert(
        informant.id.clone(),
        Contact {
            name: "Kari Nordmann".into(),
            email: Some("kari@example.no".into()),
            phone: None,
        },
    );
    let file = layout.interview_file(&informant.case, &id);
    let save = |data: &mut StudyData, loaded: &mut Loaded, text: &str| {
        let mut draft = my_draft(&data.cases[&informant.case].interviews[&id], &me);
        let mut note = QuestionNote::new(QuestionId::new("project.role"));
        note.text = text.to_string();
        draft.notes = vec![note];
        let c = ctx(loaded, &layout, &me, "2025-06-10T10:05:00+02:00");
        let (change, private) = save_notes(&c, data, &informant.case, &id, draft, &contacts).unwrap();
        let mut stamps = loaded.stamps.clone();
        commit(&mut stamps, &change).unwrap();
        loaded.stamps = stamps;
        private
    };
    assert_eq!(save(&mut data, &mut loaded, "Project leader."), 0);
    assert_eq!(
        save(
            &mut data,
            &mut loaded,
            "Project leader. Ask KARI NORDMANN, kari@example.no"
        ),
        1
    );
    let shared = std::fs::read_to_string(&file).unwrap();
    assert!(
        shared.contains("Project leader.") && !shared.to_lowercase().contains("kari"),
        "{shared}"
    );
    let c = ctx(&loaded, &layout, &me, "2025-06-10T10:05:00+02:00");
    let kept = private_draft(&c, &loaded.data.study, &informant.case, &id).expect("a private draft");
    assert!(kept.notes[0].text.contains("kari@example.no"));
    let draft_file = dir
        .path()
        .join("private/drafts")
        .join(format!("{}.{id}.{me}.ron", informant.case));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&draft_file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert_eq!(
        save(&mut data, &mut loaded, "Project leader, reached through the unit."),
        0
    );
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("reached through the unit"));
    assert!(
        !Path::new(&draft_file).exists(),
        "the private draft goes once the detail is gone"
    );
}

#[test]
fn consent_is_recorded_once_on_the_informant_in_my_status_file() {
    let dir = common::demo_copy();
    let layout = Layout::new(dir.path());
    let loaded = load(&layout);
    let informant = waiting_informant(&loaded.data);
    let me = ResearcherId::new("cora");
    let mut data = loaded.data.clone();
    let given = Consent {
        date: NaiveDate::from_ymd_opt(2025, 6, 3).unwrap(),
        notes: true,
        recording: false,
        quotes: true,
    };
    let c = ctx(&loaded, &layout, &me, "2025-06-10T10:00:00+02:00");
    let change = consent::record(&c, &mut data, &informant.id, given.clone()).unwrap();
    assert_eq!(
        change.writes[0].path,
        layout.status_file(&informant.case, &informant.id, &me)
    );
    assert!(change.writes[0].text.contains("recording: false"));
    let again = consent::record(&c, &mut data, &informant.id, given).unwrap_err();
    assert!(again.to_string().contains("recorded already"), "{again}");
}
