//! End to end: in the real binary, add a referral from an informant and
//! record the new informant's next status, then read the files on disk.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::{InformantId, RecruitmentStatus, Referral};
use casebook::store::{load, Layout};
use tmux_common::{binary, Tmux};

#[test]
fn a_referral_is_added_and_its_status_advanced_then_the_files_hold_both() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as cora; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (325 of 325)");
    tmux.keys(&["4"]);
    tmux.wait_for("Snowball tree");
    // The first seed, INF-01, points the team to a colleague in the same case.
    tmux.keys(&["r"]);
    tmux.wait_for("Someone INF-01 pointed you to");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "NAV adviser"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Where: a case id or a municipality");
    tmux.keys(&["Enter"]);
    tmux.wait_for("How to reach INF-cora-01");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Test Person; test.person@example.org"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("└ INF-cora-01 (Test");
    // The new informant is listed under INF-01; record that they were contacted.
    tmux.keys(&["j"]);
    tmux.wait_for("▶ └ INF-cora-01");
    tmux.keys(&["a"]);
    tmux.wait_for("INF-cora-01 is now (identified so far)");
    tmux.keys(&["Enter"]);
    tmux.wait_for("When did INF-cora-01 become contacted?");
    // Today's date is offered; this contact was made on another day (the
    // history is kept in date order, so a day after the referral).
    let contacted = (chrono::Local::now() + chrono::Duration::days(1))
        .date_naive()
        .to_string();
    tmux.tmux(&["send-keys", "-t", "main", "-N", "10", "BSpace"]);
    tmux.tmux(&["send-keys", "-t", "main", "-l", &contacted]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Note on INF-cora-01");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Left a message"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("INF-cora-01: contacted on {contacted}"));
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");

    let data = load(&Layout::new(study.path())).data;
    let informant = data
        .informant(&InformantId::new("INF-cora-01"))
        .expect("the new informant's file")
        .clone();
    assert!(matches!(&informant.referred_by, Some(Referral::Informant { id, .. }) if id.as_str() == "INF-01"));
    assert_eq!(informant.role, "NAV adviser");
    let statuses: Vec<RecruitmentStatus> = informant.status_history.iter().map(|s| s.status).collect();
    assert_eq!(statuses, [RecruitmentStatus::Identified, RecruitmentStatus::Contacted]);
    // How to reach them went to the private store only.
    let private = common::files_under(tmux.config.path());
    let contacts = private
        .iter()
        .find(|p| p.ends_with("contacts.ron"))
        .expect("a private contacts file");
    let text = std::fs::read_to_string(tmux.config.path().join(contacts)).unwrap();
    assert!(
        text.contains("Test Person") && text.contains("test.person@example.org"),
        "{text}"
    );
    for file in common::files_under(study.path()) {
        let shared = std::fs::read_to_string(study.path().join(&file)).unwrap_or_default();
        assert!(
            !shared.contains("Test Person") && !shared.contains("example.org"),
            "{} holds contact details",
            file.display()
        );
    }
    let last = informant.status_history.last().unwrap();
    assert_eq!(
        (last.date.to_string(), last.by.as_str(), last.note.as_str()),
        (contacted, "cora", "Left a message")
    );
}
