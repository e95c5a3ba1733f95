//! A newcomer's first hour, in a real terminal on a copy of the demo:
//! `/oslo` lists the Oslo cases first, `/aalesund` finds Ålesund, help
//! scrolls at 80x24, Enter on the Coverage suggestion moves that case (and
//! the stage log gets a local timestamp with its offset), and `q` quits from
//! a submitted review.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::{Case, Stage};
use tmux_common::{binary, Tmux};

/// The first data row of the Cases table.
fn first_row(screen: &str) -> String {
    screen
        .lines()
        .skip_while(|l| !l.contains("Id"))
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn search_help_suggestion_and_quitting_as_a_newcomer_meets_them() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (325 of 325)");

    // `/oslo`: the Oslo cases first, and the header says how they are ordered.
    tmux.keys(&["/"]);
    tmux.wait_for("Search municipality");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "oslo"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_until("Oslo first", |s| {
        s.contains("search \"oslo\"") && !s.contains("updating") && first_row(s).contains("Oslo")
    });
    assert!(screen.contains("ordered by match"), "{screen}");
    tmux.keys(&["x"]);
    tmux.wait_for("Cases (325 of 325)");

    // `/aalesund`: aa is the old spelling of å.
    tmux.keys(&["/"]);
    tmux.wait_for("Search municipality");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "aalesund"]);
    tmux.keys(&["Enter"]);
    tmux.wait_until("Ålesund first", |s| {
        s.contains("search \"aalesund\"") && !s.contains("updating") && first_row(s).contains("Ålesund")
    });
    tmux.keys(&["x"]);
    tmux.wait_for("Cases (325 of 325)");

    // Help scrolls at 80x24.
    tmux.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    tmux.keys(&["?"]);
    tmux.wait_for("more below");
    tmux.keys(&["G"]);
    tmux.wait_for("reload the study from disk");
    tmux.keys(&["Escape"]);
    tmux.wait_until("help closed", |s| !s.contains("Help:"));
    tmux.tmux(&["resize-window", "-t", "main", "-x", "120", "-y", "40"]);

    // The Coverage suggestion, and Enter on it.
    tmux.keys(&["2"]);
    tmux.wait_for("Selected/frame");
    tmux.keys(&["s"]);
    let screen = tmux.wait_for("Suggestions (Enter selects");
    let suggested = screen
        .split("select ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a suggested case")
        .to_string();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Why does");
    tmux.keys(&["Enter"]);
    tmux.wait_for("→ selected by astrid");
    // The status line says so at once; the disk worker writes it just after.
    let path = study.path().join("cases").join(&suggested).join("case.ron");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let (text, case) = loop {
        let text = std::fs::read_to_string(&path).unwrap();
        let case: Case = casebook::store::ron_io::from_ron(&path, &text).unwrap();
        if case.stage == Stage::Selected {
            break (text, case);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the move never reached the disk:\n{text}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let entry = case.stage_log.last().unwrap();
    assert!(entry.reason.starts_with("suggested: "), "{}", entry.reason);
    let written = entry.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert!(
        text.contains(&format!("at: \"{written}\"")),
        "local time to the second: {text}"
    );

    // `q` quits from a submitted review.
    tmux.keys(&["3"]);
    tmux.wait_for("Review");
    let queue = casebook::tui::screens::review::queue(&{
        let layout = casebook::store::Layout::new(study.path());
        casebook::tui::app::App::on_loaded(
            layout.clone(),
            casebook::store::load(&layout),
            Some("astrid".into()),
            Default::default(),
        )
    });
    let data = casebook::store::load(&casebook::store::Layout::new(study.path())).data;
    let me = casebook::domain::ResearcherId::new("astrid");
    let position = queue
        .iter()
        .position(|c| data.cases[c].reviews.get(&me).is_some_and(|r| r.is_submitted()))
        .expect("a submitted review");
    for _ in 0..position {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for("Submitted ");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}
