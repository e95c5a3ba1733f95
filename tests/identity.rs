//! Who am I: `--as`, then `CASEBOOK_USER`, then the config file, then git's
//! `user.name` matched against the team.

use casebook::domain::ResearcherId;
use casebook::generate::demo;
use casebook::store::identity::{resolve, IdentityClues, IdentitySource};

fn clues<'a>(
    flag: Option<&'a str>,
    env: Option<&'a str>,
    config: Option<&'a ResearcherId>,
    git: Option<&'a str>,
) -> IdentityClues<'a> {
    IdentityClues {
        flag,
        environment: env,
        config,
        git_name: git,
    }
}

#[test]
fn the_flag_wins_over_everything_else() {
    let study = demo().study;
    let config = ResearcherId::new("cora");
    let who = resolve(
        &study,
        &clues(Some("astrid"), Some("brage"), Some(&config), Some("Cora")),
    )
    .unwrap()
    .unwrap();
    assert_eq!((who.id.as_str(), who.source), ("astrid", IdentitySource::Flag));
}

#[test]
fn then_the_environment_then_the_config_file() {
    let study = demo().study;
    let config = ResearcherId::new("cora");
    let who = resolve(&study, &clues(None, Some("brage"), Some(&config), None))
        .unwrap()
        .unwrap();
    assert_eq!((who.id.as_str(), who.source), ("brage", IdentitySource::Environment));
    let who = resolve(&study, &clues(None, None, Some(&config), None))
        .unwrap()
        .unwrap();
    assert_eq!((who.id.as_str(), who.source), ("cora", IdentitySource::ConfigFile));
}

#[test]
fn git_user_name_is_matched_against_the_team() {
    let study = demo().study;
    let who = resolve(&study, &clues(None, None, None, Some("Brage")))
        .unwrap()
        .unwrap();
    assert_eq!((who.id.as_str(), who.source), ("brage", IdentitySource::Git));
    assert_eq!(
        resolve(&study, &clues(None, None, None, Some("A Stranger"))).unwrap(),
        None
    );
}

#[test]
fn an_id_outside_the_team_is_an_error_naming_the_team() {
    let study = demo().study;
    let error = resolve(&study, &clues(Some("zed"), None, None, None)).unwrap_err();
    assert_eq!(
        error,
        "`zed` (from --as) is not in the study's team (astrid, brage, cora)"
    );
}
