//! The privacy rule in the operations layer on its own: free text holding a
//! contact detail is refused as a typed error that names the field and the
//! kind, and the study in memory does not change.

mod common;

use casebook::analysis::conflicts::case_conflicts;
use casebook::domain::*;
use casebook::ops::{resolve, stage, Ctx, OpError};
use casebook::store::details::DetailKind;
use casebook::store::{load, Layout};
use chrono::DateTime;

/// Runs `op` on a copy of the demo as `me`; gives its error, and whether the
/// study in memory is unchanged.
fn refused_as(
    me: &str,
    op: impl FnOnce(&Ctx, &mut StudyData) -> Result<casebook::ops::Change, OpError>,
) -> (OpError, bool) {
    let study = common::demo_copy();
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    let mut data = loaded.data.clone();
    let me = ResearcherId::new(me);
    let ctx = Ctx {
        layout: &layout,
        me: Some(&me),
        failed: &loaded.failed,
        now: DateTime::parse_from_rfc3339("2025-06-03T10:00:00+02:00").unwrap(),
    };
    let error = op(&ctx, &mut data).expect_err("refused");
    (error, data == loaded.data)
}

#[test]
fn a_resolution_note_holding_an_e_mail_address_is_refused_with_the_field_and_kind() {
    let demo = load(&Layout::new(common::repo())).data;
    let (case, criterion, value, resolver) = demo
        .cases
        .values()
        .find_map(|c| {
            let (conflict, _) = case_conflicts(&demo.study, c, None)
                .into_iter()
                .find(|(_, resolved)| !resolved)?;
            Some((
                c.case.id.clone(),
                conflict.criterion,
                conflict.first.1,
                c.case.reviewers[0].clone(),
            ))
        })
        .expect("the demo has an open conflict");
    let (error, unchanged) = refused_as(resolver.as_str(), |ctx, d| {
        resolve::resolve(ctx, d, &case, &criterion, value, "mail per (at) nav.no")
    });
    assert_eq!(
        error,
        OpError::ContactDetail {
            field: "the note".to_string(),
            kind: DetailKind::Email,
            at: 6,
        }
    );
    assert!(!error.to_string().contains("nav"), "never quoted: {error}");
    assert!(unchanged, "the study is unchanged");
}

#[test]
fn a_stored_contacts_phone_in_a_stage_reason_is_refused_in_any_grouping() {
    let study = common::demo_copy();
    std::fs::create_dir(study.path().join("private")).unwrap();
    std::fs::write(
        study.path().join("private/contacts.ron"),
        "Contacts(contacts: {\"INF-03\": Contact(name: \"Kari Nordmann\", email: None, phone: Some(\"+47 934 56 789\"))})\n",
    )
    .unwrap();
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    let mut data = loaded.data.clone();
    let me = ResearcherId::new("astrid");
    let ctx = Ctx::now(&layout, Some(&me), &loaded.failed);
    let case = CaseId::new("p2019-037");
    let error =
        stage::move_stage(&ctx, &mut data, &case, Stage::Reserve, "call her: 93 45 67 89").expect_err("refused");
    assert_eq!(
        error,
        OpError::ContactDetail {
            field: "the reason".to_string(),
            kind: DetailKind::ContactPhone,
            at: 11,
        }
    );
    assert_eq!(data, loaded.data, "the study is unchanged");
}
