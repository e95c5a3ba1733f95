//! The operations layer on its own: every change a user can make, what it
//! writes, and each refusal. Nothing here is committed to disk unless a test
//! says so; the study is the demo, loaded into memory.

mod common;

use casebook::analysis::conflicts::{case_conflicts, resolution_state, ResolutionState};
use casebook::domain::*;
use casebook::ops::informant::{add, set_status, AddInformant, Place};
use casebook::ops::{assign, files, migrate, purge, resolve, review, stage, Change, Ctx, OpError};
use casebook::store::{load, Layout};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-03T10:00:00+02:00").unwrap()
}

struct Study {
    layout: Layout,
    data: StudyData,
    failed: BTreeMap<PathBuf, String>,
}

fn demo() -> Study {
    let layout = Layout::new(common::repo());
    let loaded = load(&layout);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    Study {
        layout,
        data: loaded.data,
        failed: loaded.failed,
    }
}

impl Study {
    /// Runs an operation as `me`.
    fn run<T>(&mut self, me: Option<&str>, op: impl FnOnce(&Ctx, &mut StudyData) -> T) -> T {
        let me = me.map(ResearcherId::new);
        let ctx = Ctx {
            layout: &self.layout,
            me: me.as_ref(),
            failed: &self.failed,
            now: now(),
        };
        op(&ctx, &mut self.data)
    }

    /// The files a change writes, relative to the study.
    fn files(&self, change: &Change) -> Vec<String> {
        change
            .writes
            .iter()
            .map(|w| w.path.strip_prefix(&self.layout.root).unwrap().display().to_string())
            .collect()
    }

    /// Marks a file as having failed to load.
    fn break_file(&mut self, path: PathBuf) {
        self.failed.insert(path, "git conflict markers".into());
    }
}

fn refused<T: std::fmt::Debug>(result: Result<T, OpError>) -> String {
    result.expect_err("refused").to_string()
}

fn pool_case(study: &Study) -> CaseId {
    study
        .data
        .cases
        .values()
        .find(|c| c.case.stage == Stage::Pool && c.case.origin == Origin::Project)
        .unwrap()
        .case
        .id
        .clone()
}

// --- stage moves -----------------------------------------------------------

#[test]
fn a_stage_move_logs_it_and_writes_the_case_file_alone() {
    let mut study = demo();
    let case = pool_case(&study);
    let change = study
        .run(Some("cora"), |ctx, data| {
            stage::move_stage(ctx, data, &case, Stage::Shortlisted, " Adds the north ")
        })
        .unwrap();
    assert_eq!(study.files(&change), [format!("cases/{case}/case.ron")]);
    let moved = &study.data.cases[&case].case;
    assert_eq!(moved.stage, Stage::Shortlisted);
    let entry = moved.stage_log.last().unwrap();
    assert_eq!(
        (entry.by.as_str(), entry.reason.as_str(), entry.at),
        ("cora", "Adds the north", now())
    );
    assert!(change.writes[0].text.contains("Adds the north"));
}

#[test]
fn a_stage_move_is_refused_without_author_reason_change_or_case() {
    let mut study = demo();
    let case = pool_case(&study);
    let before = study.data.clone();
    let nobody = refused(study.run(None, |ctx, d| stage::move_stage(ctx, d, &case, Stage::Dropped, "x")));
    assert!(nobody.contains("nobody said who is at the keyboard"), "{nobody}");
    let no_reason = refused(study.run(Some("cora"), |ctx, d| {
        stage::move_stage(ctx, d, &case, Stage::Dropped, " ")
    }));
    assert_eq!(no_reason, "a stage change needs a reason");
    let same = refused(study.run(Some("cora"), |ctx, d| {
        stage::move_stage(ctx, d, &case, Stage::Pool, "x")
    }));
    assert_eq!(same, format!("{case} is pool already"));
    let missing = CaseId::new("p1900-001");
    let none = refused(study.run(Some("cora"), |ctx, d| {
        stage::move_stage(ctx, d, &missing, Stage::Dropped, "x")
    }));
    assert_eq!(none, "no case `p1900-001` in this study");
    assert_eq!(study.data, before, "a refusal changes nothing");
}

#[test]
fn a_case_file_that_failed_to_load_is_never_written() {
    let mut study = demo();
    let case = pool_case(&study);
    let path = study.layout.case_file(&case);
    study.break_file(path.clone());
    let message = refused(study.run(Some("cora"), |ctx, d| {
        stage::move_stage(ctx, d, &case, Stage::Dropped, "x")
    }));
    assert_eq!(
        message,
        format!(
            "{}: not written: it failed to load (git conflict markers); fix it first (`casebook check` shows where)",
            path.display()
        )
    );
}

// --- reviews ---------------------------------------------------------------

/// A case in `me`'s queue whose review by `me` is taken away (not started).
fn fresh_review(study: &mut Study, me: &str) -> CaseId {
    let me = ResearcherId::new(me);
    let case = study
        .data
        .cases
        .values()
        .find(|c| c.case.reviewers.contains(&me))
        .unwrap()
        .case
        .id
        .clone();
    study.data.cases.get_mut(&case).unwrap().reviews.remove(&me);
    case
}

#[test]
fn an_answer_is_saved_as_my_draft_in_my_file_alone() {
    let mut study = demo();
    let case = fresh_review(&mut study, "astrid");
    let criterion = CriterionId::new("transferability");
    let change = study
        .run(Some("astrid"), |ctx, d| {
            review::answer(ctx, d, &case, &criterion, Some(Answer::Point(6)))
        })
        .unwrap();
    assert_eq!(study.files(&change), [format!("cases/{case}/review.astrid.ron")]);
    let mine = &study.data.cases[&case].reviews[&ResearcherId::new("astrid")];
    assert!(!mine.is_submitted());
    assert_eq!(mine.answers[&criterion], Answer::Point(6));
    // No answer, or an empty text, clears it.
    study
        .run(Some("astrid"), |ctx, d| review::answer(ctx, d, &case, &criterion, None))
        .unwrap();
    assert!(study.data.cases[&case].reviews[&ResearcherId::new("astrid")]
        .answers
        .is_empty());
}

#[test]
fn answers_are_refused_off_the_scale_on_unknown_criteria_outside_my_queue_and_once_submitted() {
    let mut study = demo();
    let case = fresh_review(&mut study, "astrid");
    let criterion = CriterionId::new("transferability");
    let off = refused(study.run(Some("astrid"), |ctx, d| {
        review::answer(ctx, d, &case, &criterion, Some(Answer::Point(9)))
    }));
    assert_eq!(off, "`9` is not an answer to transferability: a number from 1 to 7");
    let unknown = CriterionId::new("charm");
    let none = refused(study.run(Some("astrid"), |ctx, d| {
        review::answer(ctx, d, &case, &unknown, Some(Answer::Point(1)))
    }));
    assert_eq!(none, "the study has no criterion `charm`");
    let other = study.data.cases[&case]
        .case
        .reviewers
        .iter()
        .find(|r| r.as_str() != "astrid")
        .unwrap()
        .clone();
    let stranger = ["astrid", "brage", "cora"]
        .into_iter()
        .find(|r| *r != "astrid" && *r != other.as_str())
        .unwrap();
    let not_mine = refused(study.run(Some(stranger), |ctx, d| {
        review::answer(ctx, d, &case, &criterion, Some(Answer::Point(1)))
    }));
    assert_eq!(not_mine, format!("{case} is not in your review queue"));
    // Submitting needs every criterion; afterwards nothing changes.
    let missing = refused(study.run(Some("astrid"), |ctx, d| review::submit(ctx, d, &case)));
    assert!(
        missing.starts_with("answer every criterion first; missing: transferability"),
        "{missing}"
    );
    for (id, answer) in [
        ("transferability", Answer::Point(5)),
        ("evaluation_quality", Answer::Point(5)),
        ("innovation", Answer::Point(5)),
        ("continuation", Answer::YesNo(true)),
        ("recommend", Answer::Category("yes".into())),
    ] {
        study
            .run(Some("astrid"), |ctx, d| {
                review::answer(ctx, d, &case, &CriterionId::new(id), Some(answer))
            })
            .unwrap();
    }
    study
        .run(Some("astrid"), |ctx, d| review::submit(ctx, d, &case))
        .unwrap();
    assert_eq!(
        study.data.cases[&case].reviews[&ResearcherId::new("astrid")].submitted,
        Some(now())
    );
    let after = refused(study.run(Some("astrid"), |ctx, d| {
        review::answer(ctx, d, &case, &criterion, Some(Answer::Point(1)))
    }));
    assert_eq!(
        after,
        format!("your review of {case} is submitted and can no longer change")
    );
}

#[test]
fn a_review_file_that_failed_to_load_is_not_replaced_by_a_fresh_draft() {
    let mut study = demo();
    let case = fresh_review(&mut study, "astrid");
    let path = study.layout.review_file(&case, &ResearcherId::new("astrid"));
    study.break_file(path.clone());
    let message = refused(study.run(Some("astrid"), |ctx, d| {
        review::answer(
            ctx,
            d,
            &case,
            &CriterionId::new("transferability"),
            Some(Answer::Point(3)),
        )
    }));
    assert!(message.starts_with(&format!("{}: not written: it failed to load", path.display())));
}

// --- resolutions -----------------------------------------------------------

/// A case with an open conflict between two submitted reviews, and the conflict.
fn open_conflict(study: &Study) -> (CaseId, CriterionId, Answer, Answer) {
    study
        .data
        .cases
        .values()
        .find_map(|c| {
            let (conflict, _) = case_conflicts(&study.data.study, c, None)
                .into_iter()
                .find(|(_, resolved)| !resolved)?;
            Some((
                c.case.id.clone(),
                conflict.criterion,
                conflict.first.1,
                conflict.second.1,
            ))
        })
        .expect("the demo has an open conflict")
}

#[test]
fn a_resolution_goes_to_the_resolvers_own_file_and_two_different_ones_reopen_the_conflict() {
    let mut study = demo();
    let (case, criterion, first, second) = open_conflict(&study);
    let reviewers = study.data.cases[&case].case.reviewers.clone();
    let (a, b) = (reviewers[0].as_str().to_string(), reviewers[1].as_str().to_string());
    let change = study
        .run(Some(&a), |ctx, d| {
            resolve::resolve(ctx, d, &case, &criterion, first.clone(), "met")
        })
        .unwrap();
    assert_eq!(study.files(&change), [format!("cases/{case}/resolution.{a}.ron")]);
    assert_eq!(
        resolution_state(&study.data.cases[&case], &criterion),
        ResolutionState::Agreed(first.clone())
    );
    let again = refused(study.run(Some(&b), |ctx, d| {
        resolve::resolve(ctx, d, &case, &criterion, second.clone(), "")
    }));
    assert_eq!(again, format!("{case} has no open conflict on `{criterion}`"));
    // In another clone, b resolved the same conflict differently: the merge reopens it.
    let mut theirs = study.data.cases[&case].resolutions[&ResearcherId::new(&a)].clone();
    theirs.resolved.get_mut(&criterion).unwrap().value = second.clone();
    theirs.resolved.get_mut(&criterion).unwrap().by = ResearcherId::new(&b);
    study
        .data
        .cases
        .get_mut(&case)
        .unwrap()
        .resolutions
        .insert(ResearcherId::new(&b), theirs);
    assert!(matches!(
        resolution_state(&study.data.cases[&case], &criterion),
        ResolutionState::Disputed(_)
    ));
    assert!(case_conflicts(&study.data.study, &study.data.cases[&case], None)
        .iter()
        .any(|(c, resolved)| c.criterion == criterion && !resolved));
    // a agrees with b after all: resolved again, in a's file only.
    let change = study
        .run(Some(&a), |ctx, d| {
            resolve::resolve(ctx, d, &case, &criterion, second.clone(), "ok")
        })
        .unwrap();
    assert_eq!(study.files(&change), [format!("cases/{case}/resolution.{a}.ron")]);
    assert_eq!(
        resolution_state(&study.data.cases[&case], &criterion),
        ResolutionState::Agreed(second)
    );
}

#[test]
fn a_resolution_is_refused_without_author_criterion_or_open_conflict() {
    let mut study = demo();
    let (case, criterion, first, _) = open_conflict(&study);
    let nobody = refused(study.run(None, |ctx, d| {
        resolve::resolve(ctx, d, &case, &criterion, first.clone(), "")
    }));
    assert!(nobody.starts_with("a resolution records who made it"), "{nobody}");
    let unknown = CriterionId::new("charm");
    let none = refused(study.run(Some("astrid"), |ctx, d| {
        resolve::resolve(ctx, d, &case, &unknown, first.clone(), "")
    }));
    assert_eq!(none, "the study has no criterion `charm`");
    let calm = study
        .data
        .cases
        .values()
        .find(|c| c.case.is_funded() && case_conflicts(&study.data.study, c, None).is_empty())
        .unwrap()
        .case
        .id
        .clone();
    let no_conflict = refused(study.run(Some("astrid"), |ctx, d| {
        resolve::resolve(ctx, d, &calm, &criterion, first.clone(), "")
    }));
    assert_eq!(no_conflict, format!("{calm} has no open conflict on `{criterion}`"));
}

// --- assignment --------------------------------------------------------------

#[test]
fn assignment_writes_case_files_only_and_refuses_an_unknown_leaver() {
    let mut study = demo();
    // Three cases nobody has started on lose their reviewers.
    for case in study.data.cases.values_mut().filter(|c| c.case.is_funded()).take(3) {
        case.reviews.clear();
        case.resolutions.clear();
        case.case.reviewers.clear();
    }
    let (change, report) = study
        .run(Some("astrid"), |ctx, d| assign::assign(ctx, d, 1, None))
        .unwrap();
    assert!(report.assigned > 0);
    assert!(study.files(&change).iter().all(|f| f.ends_with("/case.ron")));
    let leaver = ResearcherId::new("dora");
    let unknown = refused(study.run(Some("astrid"), |ctx, d| assign::assign(ctx, d, 1, Some(&leaver))));
    assert_eq!(unknown, "`dora` is not in the study's team");
}

// --- recruitment -------------------------------------------------------------

#[test]
fn an_added_informant_has_an_id_that_carries_its_author_and_writes_its_file_and_my_status_file() {
    let mut study = demo();
    let case = CaseId::new("p2019-036");
    let new = |role: &str| AddInformant {
        place: Place::Case(case.clone()),
        role: role.into(),
        organisation: "municipality".into(),
        referred_by: None,
        interview: None,
    };
    let (change, id) = study.run(Some("cora"), |ctx, d| add(ctx, d, new("adviser"))).unwrap();
    assert_eq!(id.as_str(), "INF-cora-01");
    assert_eq!(
        study.files(&change),
        [
            "cases/p2019-036/informants/INF-cora-01.ron",
            "cases/p2019-036/informants/INF-cora-01.status.cora.ron"
        ]
    );
    assert!(
        !change.writes[0].text.contains("status_history"),
        "statuses live in status files"
    );
    let (_, second) = study.run(Some("cora"), |ctx, d| add(ctx, d, new("teacher"))).unwrap();
    let (_, other) = study.run(Some("brage"), |ctx, d| add(ctx, d, new("teacher"))).unwrap();
    assert_eq!((second.as_str(), other.as_str()), ("INF-cora-02", "INF-brage-01"));
}

#[test]
fn a_referral_to_a_new_municipality_creates_a_snowball_case_named_by_its_author() {
    let mut study = demo();
    let new = AddInformant {
        place: Place::NewCase {
            id: None,
            municipality: "Loppa".into(),
            county: "Troms og Finnmark".into(),
            population: Some(900),
        },
        role: "adviser".into(),
        organisation: "municipality".into(),
        referred_by: Some(InformantId::new("INF-03")),
        interview: None,
    };
    let (change, id) = study.run(Some("cora"), |ctx, d| add(ctx, d, new)).unwrap();
    assert_eq!(
        study.files(&change),
        [
            "cases/snowball-cora-loppa/case.ron",
            "cases/snowball-cora-loppa/informants/INF-cora-01.ron",
            "cases/snowball-cora-loppa/informants/INF-cora-01.status.cora.ron"
        ]
    );
    let informant = study.data.informant(&id).unwrap();
    // The referral points at the interview where the referrer spoke.
    assert!(matches!(&informant.referred_by,
        Some(Referral::Informant { id, interview: Some(_) }) if id.as_str() == "INF-03"));
    assert!(
        change.summary_line().contains("adds size band <1000"),
        "{}",
        change.summary_line()
    );
}

#[test]
fn adding_an_informant_is_refused_for_unknown_referrers_cases_and_empty_roles() {
    let mut study = demo();
    let base = AddInformant {
        place: Place::Case(CaseId::new("p2019-036")),
        role: "adviser".into(),
        organisation: "municipality".into(),
        referred_by: None,
        interview: None,
    };
    let before = study.data.clone();
    let mut unknown = base.clone();
    unknown.referred_by = Some(InformantId::new("INF-99"));
    assert_eq!(
        refused(study.run(Some("cora"), |ctx, d| add(ctx, d, unknown))),
        "no informant `INF-99` to be referred by"
    );
    let mut nowhere = base.clone();
    nowhere.place = Place::Case(CaseId::new("p1900-001"));
    assert!(refused(study.run(Some("cora"), |ctx, d| add(ctx, d, nowhere))).starts_with("no case `p1900-001`"));
    let mut empty = base.clone();
    empty.role = "  ".into();
    assert_eq!(
        refused(study.run(Some("cora"), |ctx, d| add(ctx, d, empty))),
        "a new informant needs a role (never a name)"
    );
    let mut orphan = base.clone();
    orphan.place = Place::NewCase {
        id: None,
        municipality: "Loppa".into(),
        county: String::new(),
        population: None,
    };
    assert_eq!(
        refused(study.run(Some("cora"), |ctx, d| add(ctx, d, orphan))),
        "a new snowball case needs the informant who referred you to it"
    );
    let mut existing = base;
    existing.referred_by = Some(InformantId::new("INF-03"));
    existing.place = Place::NewCase {
        id: Some(CaseId::new("p2019-036")),
        municipality: "Lillesand".into(),
        county: String::new(),
        population: None,
    };
    assert_eq!(
        refused(study.run(Some("cora"), |ctx, d| add(ctx, d, existing))),
        "case `p2019-036` exists already"
    );
    assert_eq!(study.data, before);
}

#[test]
fn a_status_goes_to_my_own_status_file_and_the_history_is_the_union_in_time_order() {
    let mut study = demo();
    let id = InformantId::new("INF-15");
    let date = NaiveDate::from_ymd_opt(2025, 5, 12).unwrap();
    let change = study
        .run(Some("cora"), |ctx, d| {
            set_status(ctx, d, &id, RecruitmentStatus::Contacted, date, "Tried again", false)
        })
        .unwrap();
    assert_eq!(
        study.files(&change),
        ["cases/p2019-036/informants/INF-15.status.cora.ron"]
    );
    let text = &change.writes[0].text;
    assert!(
        text.contains("Tried again") && !text.contains("Too busy"),
        "only my entries:\n{text}"
    );
    let informant = study.data.informant(&id).unwrap();
    let dates: Vec<NaiveDate> = informant.status_history.iter().map(|s| s.date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let unknown = InformantId::new("INF-99");
    assert_eq!(
        refused(study.run(Some("cora"), |ctx, d| {
            set_status(ctx, d, &unknown, RecruitmentStatus::Contacted, date, "", false)
        })),
        "no informant `INF-99`"
    );
}

// --- who writes which file ---------------------------------------------------

#[test]
fn files_of_someone_else_or_of_the_lead_are_refused_with_the_writer_named() {
    let study = demo();
    let me = ResearcherId::new("cora");
    let ctx = Ctx {
        layout: &study.layout,
        me: Some(&me),
        failed: &study.failed,
        now: now(),
    };
    let path = study.layout.study_file();
    let lead = ResearcherId::new("astrid");
    assert_eq!(
        files::may_write(&ctx, &path, files::Writer::Lead(Some(&lead)))
            .unwrap_err()
            .to_string(),
        format!(
            "{}: not written: only the study's lead, astrid, changes it",
            path.display()
        )
    );
    let informant = study.data.informant(&InformantId::new("INF-15")).unwrap();
    let theirs = files::informant(&ctx, informant).unwrap_err().to_string();
    assert!(
        theirs.ends_with("not written: it is astrid's file, and you are cora (one writer per file)"),
        "{theirs}"
    );
    assert!(files::may_write(&ctx, &path, files::Writer::Lead(Some(&me))).is_ok());
    assert!(
        files::may_write(&ctx, &path, files::Writer::Lead(None)).is_ok(),
        "no lead yet: anyone"
    );
}

// --- purging and migrating ---------------------------------------------------

#[test]
fn purging_waits_for_the_deletion_date_unless_forced_and_says_where_it_looked() {
    let study = demo();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.ron");
    let date = study.data.study.deletion_date.unwrap();
    let before = date.pred_opt().unwrap();
    assert_eq!(
        purge::plan(&study.data, Some(&path), 0, before, false).unwrap(),
        purge::Purge::Nothing {
            looked_in: path.clone()
        }
    );
    std::fs::write(&path, "Contacts(contacts: {})").unwrap();
    assert!(refused(purge::plan(&study.data, Some(&path), 1, before, false)).contains("refusing to delete"));
    let plan = purge::plan(&study.data, Some(&path), 1, date, false).unwrap();
    assert!(purge::carry_out(&plan).unwrap().starts_with("deleted"));
    assert!(!path.exists());
}

#[test]
fn migrating_a_format_1_study_keeps_every_resolution_and_status() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::repo().join("tests/fixtures/format1"), dir.path());
    let layout = Layout::new(dir.path());
    let before = load(&layout);
    assert_eq!(before.problems.len(), 3, "{:?}", before.problems);
    let lead = ResearcherId::new("astrid");
    let mut data = before.data.clone();
    let ctx = Ctx {
        layout: &layout,
        me: Some(&lead),
        failed: &before.failed,
        now: now(),
    };
    let change = migrate::migrate(&ctx, &mut data, &before.problems).unwrap();
    let mut stamps = before.stamps.clone();
    casebook::ops::commit(&mut stamps, &change).unwrap();
    let after = load(&layout);
    assert!(after.problems.is_empty(), "{:?}", after.problems);
    assert!(!layout.legacy_resolution_file(&CaseId::new("p2019-003")).exists());
    let mut expected = before.data;
    expected.study.format_version = FORMAT_VERSION;
    assert!(
        after.data.study.id.is_some(),
        "the study gets an id for the private stores"
    );
    expected.study.id = after.data.study.id.clone();
    assert_eq!(
        after.data, expected,
        "nothing lost or changed but the layout and the id"
    );
}

#[test]
fn a_contact_goes_to_the_private_store_only_and_is_refused_with_nowhere_to_keep_it() {
    use casebook::ops::informant::record_contact;
    use casebook::store::private::{Contact, Contacts};
    let id = InformantId::new("INF-cora-01");
    let contact = Contact {
        name: "A. Person".into(),
        email: None,
        phone: None,
    };
    let mut contacts = Contacts::default();
    let nowhere = record_contact(None, &mut contacts, &id, contact.clone());
    assert!(refused(nowhere).starts_with("no place for private contacts"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.ron");
    let change = record_contact(Some(&path), &mut contacts, &id, contact).unwrap();
    assert!(change.writes.is_empty(), "nothing shared is written");
    assert_eq!(change.private.as_ref().map(|p| p.path.clone()), Some(path));
}

#[test]
fn migrating_is_the_leads_and_refused_for_anyone_else() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::repo().join("tests/fixtures/format1"), dir.path());
    let layout = Layout::new(dir.path());
    // The study names its lead before migrating.
    let study = layout.study_file();
    let text = std::fs::read_to_string(&study).unwrap();
    std::fs::write(
        &study,
        text.replacen("    strata:", "    lead: Some(\"astrid\"),\n    strata:", 1),
    )
    .unwrap();
    let loaded = load(&layout);
    let cora = ResearcherId::new("cora");
    let ctx = Ctx {
        layout: &layout,
        me: Some(&cora),
        failed: &loaded.failed,
        now: now(),
    };
    let mut data = loaded.data.clone();
    let message = refused(migrate::migrate(&ctx, &mut data, &loaded.problems));
    assert!(
        message.ends_with("not written: only the study's lead, astrid, changes it"),
        "{message}"
    );
    assert_eq!(data, loaded.data, "nothing changed");
}

#[test]
fn a_status_before_the_last_is_refused_unless_backdated_and_one_outside_the_study_always() {
    let mut study = demo();
    let id = InformantId::new("INF-15");
    let last = study
        .data
        .informant(&id)
        .unwrap()
        .status_history
        .iter()
        .map(|s| s.date)
        .max()
        .unwrap();
    let earlier = last.pred_opt().unwrap();
    let refused_early = refused(study.run(Some("cora"), |ctx, d| {
        set_status(ctx, d, &id, RecruitmentStatus::Contacted, earlier, "", false)
    }));
    assert!(
        refused_early.contains("before INF-15's last status") && refused_early.contains("--backdate"),
        "{refused_early}"
    );
    study
        .run(Some("cora"), |ctx, d| {
            set_status(ctx, d, &id, RecruitmentStatus::Contacted, earlier, "", true)
        })
        .unwrap();
    for far in [
        NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(9999, 1, 1).unwrap(),
    ] {
        let message = refused(study.run(Some("cora"), |ctx, d| {
            set_status(ctx, d, &id, RecruitmentStatus::Contacted, far, "", true)
        }));
        assert!(message.contains("is outside the study"), "{message}");
    }
}

#[test]
fn an_email_or_phone_of_the_wrong_shape_is_refused_with_what_is_wrong() {
    use casebook::ops::informant::record_contact;
    use casebook::store::private::{Contact, Contacts};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.ron");
    let id = InformantId::new("INF-cora-01");
    let with = |email: Option<&str>, phone: Option<&str>| Contact {
        name: "A. Person".into(),
        email: email.map(String::from),
        phone: phone.map(String::from),
    };
    let mut contacts = Contacts::default();
    let email = refused(record_contact(
        Some(&path),
        &mut contacts,
        &id,
        with(Some("not-an-email"), None),
    ));
    assert_eq!(email, "`not-an-email` is not an e-mail address (like name@example.org)");
    let phone = refused(record_contact(Some(&path), &mut contacts, &id, with(None, Some("abc"))));
    assert!(phone.starts_with("`abc` is not a phone number"), "{phone}");
    assert!(record_contact(
        Some(&path),
        &mut contacts,
        &id,
        with(Some("kari@example.no"), Some("+47 934 56 789"))
    )
    .is_ok());
}

#[test]
fn submitting_says_the_other_review_is_visible_only_when_it_is() {
    let mut study = demo();
    let case = fresh_review(&mut study, "astrid");
    // The other reviewer has only a draft.
    for review in study.data.cases.get_mut(&case).unwrap().reviews.values_mut() {
        review.submitted = None;
    }
    for (id, answer) in [
        ("transferability", Answer::Point(5)),
        ("evaluation_quality", Answer::Point(5)),
        ("innovation", Answer::Point(5)),
        ("continuation", Answer::YesNo(true)),
        ("recommend", Answer::Category("yes".into())),
    ] {
        study
            .run(Some("astrid"), |ctx, d| {
                review::answer(ctx, d, &case, &CriterionId::new(id), Some(answer))
            })
            .unwrap();
    }
    let change = study
        .run(Some("astrid"), |ctx, d| review::submit(ctx, d, &case))
        .unwrap();
    let summary = change.summary.join("; ");
    assert!(
        summary.contains("the other review shows once it is submitted too"),
        "{summary}"
    );
    assert!(!summary.contains("now visible"), "{summary}");
}
