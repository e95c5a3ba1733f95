//! End to end: in the real binary, a researcher fills in and submits a
//! review, then the review file on disk holds the answers and the time.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::{Answer, CriterionId, ResearcherId};
use casebook::store::{load, Layout};
use tmux_common::{binary, Tmux};

#[test]
fn a_review_is_filled_in_and_submitted_and_lands_on_disk() {
    let study = common::small_study();
    let layout = Layout::new(study.path());
    let me = ResearcherId::new("astrid");
    let case = common::first_assigned_case(study.path(), "astrid");
    let review_file = layout.review_file(&case, &me);
    std::fs::remove_file(&review_file).unwrap();

    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (");
    tmux.keys(&["3"]);
    tmux.wait_for("My review queue (astrid)");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("My review of {case}"));
    for key in ["6", "3", "5", "y", "m"] {
        tmux.keys(&[key]);
    }
    tmux.wait_for("mine: maybe");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ctrl-S or Esc keeps the text");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Clear plan, thin evidence."]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("mine: Clear plan, thin evidence.");
    tmux.keys(&["S"]);
    tmux.wait_for("Submit your review of");
    tmux.keys(&["y"]);
    tmux.wait_for("Submitted 20");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Enter opens");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");

    let review = load(&layout).data.cases[&case].reviews[&me].clone();
    assert!(review.is_submitted(), "the review on disk is submitted");
    let answer = |id: &str| review.answers.get(&CriterionId::new(id)).cloned();
    assert_eq!(answer("transferability"), Some(Answer::Point(6)));
    assert_eq!(answer("evaluation_quality"), Some(Answer::Point(3)));
    assert_eq!(answer("innovation"), Some(Answer::Point(5)));
    assert_eq!(answer("continuation"), Some(Answer::YesNo(true)));
    assert_eq!(answer("recommend"), Some(Answer::Category("maybe".into())));
    assert_eq!(
        answer("remarks"),
        Some(Answer::Text("Clear plan, thin evidence.".into()))
    );
}

/// The text inside the refusal box, its wrapped lines joined again.
fn refusal_on(screen: &str) -> String {
    screen
        .lines()
        .skip_while(|l| !l.contains("Not done (any key closes)"))
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('└'))
        .map(|l| l.trim().trim_matches('│').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_review_file_with_conflict_markers_is_refused_with_the_command_lines_words() {
    let study = common::demo_copy();
    let layout = Layout::new(study.path());
    let me = ResearcherId::new("astrid");
    let case = common::first_assigned_case(study.path(), "astrid");
    let path = layout.review_file(&case, &me);
    let conflicted = common::put_conflict_markers(&path);
    let cli = common::casebook_as(
        study.path(),
        Some("astrid"),
        &["review", case.as_str(), "transferability=5"],
    );
    assert_eq!(cli.status.code(), Some(1));
    let cli = String::from_utf8_lossy(&cli.stderr)
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("casebook: "))
        .unwrap()
        .to_string();

    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (");
    tmux.keys(&["3"]);
    tmux.wait_for("My review queue (astrid)");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("My review of {case}"));
    tmux.keys(&["5"]);
    tmux.wait_until("the whole refusal", |screen| refusal_on(screen) == cli);
    tmux.keys(&["Escape"]);
    tmux.wait_for("Enter opens");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        conflicted,
        "the file is untouched"
    );
}
