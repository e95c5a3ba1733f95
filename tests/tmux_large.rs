//! End to end on a generated study of a few thousand cases: the first
//! screen comes up and answers keys (the cursor moves, a search lists its
//! results) while the study is read in the background.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::generate::{generate, Options};
use casebook::store::{save_all, Layout, Stamps};
use tmux_common::{binary, Tmux};

/// The id on the selected row of the Cases table.
fn selected(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains('▶'))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_study_of_thousands_of_cases_opens_and_answers_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = generate(Options {
        seed: 11,
        projects: 2000,
    });
    let cases = data.cases.len();
    let municipality = data
        .cases
        .values()
        .map(|c| c.case.municipality.clone())
        .find(|m| m.chars().all(|c| c.is_ascii_alphabetic()) && m.len() > 4)
        .expect("a plain municipality name");
    save_all(&Layout::new(dir.path()), &mut Stamps::default(), &data).unwrap();
    let Some(tmux) = Tmux::start(dir.path()) else { return };
    let who = data.study.team[0].id.to_string();
    tmux.type_line(&format!("{} --as {who}; echo \"casebook exited with $?\"", binary()));
    let screen = tmux.wait_until("the table with its selected row", |screen| {
        screen.contains(&format!("Cases ({cases} of {cases})")) && screen.lines().any(|l| l.contains("▶"))
    });
    let first = selected(&screen);
    tmux.keys(&["j"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while selected(&tmux.screen()) == first {
        assert!(
            std::time::Instant::now() < deadline,
            "j did not move the cursor:\n{}",
            tmux.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    tmux.keys(&["/"]);
    tmux.wait_for("Search municipality, title, focus area, region or id");
    tmux.tmux(&["send-keys", "-t", "main", "-l", &municipality]);
    tmux.keys(&["Enter"]);
    // The search narrows the list, and the list shows it.
    tmux.wait_until("the narrowed list", |screen| {
        screen.contains(&format!("search \"{municipality}\""))
            && !screen.contains(&format!("Cases ({cases} of"))
            && screen
                .lines()
                .any(|l| l.contains("▶") && l.contains(municipality.as_str()))
    });
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}
