//! Who is at the keyboard: `--as ID`, else `CASEBOOK_USER`, else the user's
//! config file, else git's `user.name` matched against the team. Every change
//! that records an author uses the answer.

use super::atomic::write_atomic;
use super::ron_io::{from_ron, to_ron};
use crate::domain::{ResearcherId, Study};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Per-user settings, in `<config dir>/casebook/config.ron`; never in a study.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The researcher id this user is, in every study.
    #[serde(default)]
    pub user: Option<ResearcherId>,
    /// Key overrides: action name → key, e.g. `"quit": "ctrl-q"`.
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

/// Where the answer to "who am I" came from, shown in the status line's help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentitySource {
    Flag,
    Environment,
    ConfigFile,
    Git,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub id: ResearcherId,
    pub source: IdentitySource,
}

/// The path of the user's config file (`$XDG_CONFIG_HOME/casebook/config.ron` on Linux).
pub fn config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("casebook").join("config.ron"))
}

/// Reads the config file; a missing file is the default, a broken one an error.
pub fn load_config(path: &Path) -> Result<Config, super::Problem> {
    match std::fs::read_to_string(path) {
        Ok(text) => from_ron(path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(super::Problem::file(path, format!("cannot read: {e}"))),
    }
}

pub fn save_config(path: &Path, config: &Config) -> std::io::Result<()> {
    let text = to_ron(config).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// git's `user.name` as seen from `dir`, if git is there and it is set.
pub fn git_user_name(dir: &Path) -> Option<String> {
    let output = Command::new("git")
        .args(["config", "user.name"])
        .current_dir(dir)
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}

/// The candidates, in order of precedence; the first that gives an answer wins.
pub struct IdentityClues<'a> {
    pub flag: Option<&'a str>,
    pub environment: Option<&'a str>,
    pub config: Option<&'a ResearcherId>,
    pub git_name: Option<&'a str>,
}

/// Works out who I am. An explicit id (flag, variable, config) must be a
/// member of the team; git's name is matched against names and git names.
pub fn resolve(study: &Study, clues: &IdentityClues) -> Result<Option<Identity>, String> {
    let explicit = [
        (clues.flag, IdentitySource::Flag, "--as"),
        (clues.environment, IdentitySource::Environment, "CASEBOOK_USER"),
        (
            clues.config.map(ResearcherId::as_str),
            IdentitySource::ConfigFile,
            "the config file",
        ),
    ];
    for (value, source, origin) in explicit {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        let id = ResearcherId::new(value);
        if study.researcher(&id).is_none() {
            let team: Vec<&str> = study.team.iter().map(|r| r.id.as_str()).collect();
            return Err(format!(
                "`{value}` (from {origin}) is not in the study's team ({})",
                team.join(", ")
            ));
        }
        return Ok(Some(Identity { id, source }));
    }
    Ok(clues.git_name.and_then(|git| {
        study
            .team
            .iter()
            .find(|r| {
                r.name.eq_ignore_ascii_case(git)
                    || r.id.as_str().eq_ignore_ascii_case(git)
                    || r.git_names.iter().any(|g| g.eq_ignore_ascii_case(git))
            })
            .map(|r| Identity {
                id: r.id.clone(),
                source: IdentitySource::Git,
            })
    }))
}
