//! Snowball recruitment: waves (and cycles reported, not followed forever),
//! snowball cases, the private store kept out of every shared file and every
//! output, the privacy checks, the deletion date, status history on disk.

mod common;

use casebook::analysis::waves::waves;
use casebook::domain::*;
use casebook::generate::demo;
use casebook::store::{load, Layout};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::astrid_at_home as casebook;

fn out(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn referred(id: &str, by: Option<&str>, case: &str) -> Informant {
    Informant {
        id: InformantId::new(id),
        case: CaseId::new(case),
        kind: InformantKind::Case,
        role: "coordinator".into(),
        organisation: "municipality".into(),
        responsible: vec![],
        referred_by: by.map(|b| Referral::Informant {
            id: InformantId::new(b),
            interview: None,
        }),
        consent: None,
        consent_by: None,
        status_history: vec![],
    }
}

fn with_informants(list: Vec<Informant>) -> StudyData {
    let mut data = demo();
    for case in data.cases.values_mut() {
        case.informants.clear();
        case.interviews.clear();
    }
    let case = data.cases.keys().next().unwrap().clone();
    for mut informant in list {
        informant.case = case.clone();
        data.cases
            .get_mut(&case)
            .unwrap()
            .informants
            .insert(informant.id.clone(), informant);
    }
    data
}

#[test]
fn waves_grow_by_one_along_each_referral() {
    let data = with_informants(vec![
        referred("A", None, ""),
        referred("B", Some("A"), ""),
        referred("C", Some("B"), ""),
        referred("D", Some("A"), ""),
        referred("E", None, ""),
    ]);
    let w = waves(&data);
    let wave = |id: &str| w.wave[&InformantId::new(id)];
    assert_eq!((wave("A"), wave("B"), wave("C"), wave("D"), wave("E")), (0, 1, 2, 1, 0));
    assert!(w.cycles.is_empty());
}

#[test]
fn a_referral_cycle_is_reported_not_followed_forever() {
    let data = with_informants(vec![
        referred("X", Some("Y"), ""),
        referred("Y", Some("Z"), ""),
        referred("Z", Some("X"), ""),
        referred("W", Some("X"), ""),
    ]);
    let w = waves(&data);
    assert_eq!(w.cycles.len(), 1, "{:?}", w.cycles);
    assert_eq!(w.cycles[0].len(), 4, "three informants and the first again");
    assert!(w.wave.is_empty(), "no informant of or under a cycle has a wave");
    let tree = casebook::analysis::waves::tree(&data);
    assert!(tree.is_empty(), "a cycle has no seed");
    // Written to disk, the cycle is a load problem at an informant file.
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    casebook::store::save_all(&layout, &mut casebook::store::Stamps::default(), &data).unwrap();
    let problems = load(&layout).problems;
    assert!(
        problems
            .iter()
            .any(|p| p.message.starts_with("referral cycle: ") && p.path.to_string_lossy().contains("informants/")),
        "{problems:?}"
    );
}

#[test]
fn the_demo_reaches_sixteen_municipalities_and_seventeen_informants_in_waves() {
    let summary = casebook::analysis::recruitment::recruitment(&demo());
    assert_eq!(
        (summary.interviewed, summary.municipalities, summary.administration),
        (17, 16, 5)
    );
    assert!(summary.by_wave.contains_key("0") && summary.by_wave.contains_key("1"));
}

#[test]
fn a_referral_to_a_new_municipality_creates_a_snowball_case_and_names_what_it_adds() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    let output = casebook(
        study.path(),
        home.path(),
        &[
            "informant",
            "add",
            "--case",
            "snowball-loppa",
            "--role",
            "adviser",
            "--referred-by",
            "INF-03",
            "--municipality",
            "Loppa",
            "--county",
            "Troms og Finnmark",
            "--population",
            "900",
        ],
    );
    let text = out(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("created case snowball-loppa (Loppa) in stage snowball; it adds size band <1000"),
        "{text}"
    );
    let data = load(&Layout::new(study.path())).data;
    let case = &data.cases[&CaseId::new("snowball-loppa")];
    assert_eq!(case.case.stage, Stage::Snowball);
    assert_eq!(
        case.case.origin,
        Origin::Snowball {
            referred_by: InformantId::new("INF-03")
        }
    );
    assert_eq!(case.case.region, "Nord-Norge");
    assert_eq!(case.case.stage_log.len(), 1);
    let informant = case.informants.values().next().unwrap();
    assert_eq!(informant.id.as_str(), "INF-astrid-01", "the id carries its author");
    assert_eq!(waves(&data).wave[&informant.id], 1);
}

#[test]
fn status_history_is_appended_and_round_trips() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    let output = casebook(
        study.path(),
        home.path(),
        &[
            "informant",
            "status",
            "INF-19",
            "agreed",
            "--date",
            "2025-06-02",
            "--note",
            "Answered at last",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", out(&output));
    let layout = Layout::new(study.path());
    let mut loaded = load(&layout);
    let informant = loaded.data.informant(&InformantId::new("INF-19")).unwrap().clone();
    let last = informant.status_history.last().unwrap();
    assert_eq!(
        (last.status, last.date.to_string(), last.by.as_str(), last.note.as_str()),
        (
            RecruitmentStatus::Agreed,
            "2025-06-02".into(),
            "astrid",
            "Answered at last"
        )
    );
    assert_eq!(
        casebook::store::save_all(&layout, &mut loaded.stamps, &loaded.data).unwrap(),
        0,
        "loads and saves byte-identical"
    );
    let bad = casebook(study.path(), home.path(), &["informant", "status", "INF-19", "maybe"]);
    assert_eq!(bad.status.code(), Some(2));
}

const NAME: &str = "Zyxwvut Sentinelsen";

/// Adds an informant to the demo's p2019-036 with a (private) name.
fn add_named_informant(study: &Path, home: &Path) {
    let output = casebook(
        study,
        home,
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--name",
            NAME,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", out(&output));
}
const EMAIL: &str = "zyx.sentinel@example.org";
const PHONE: &str = "+47 91 23 45 67";

#[test]
fn contact_details_never_reach_a_shared_file_or_any_output() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    let add = casebook(
        study.path(),
        home.path(),
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "project economist",
            "--name",
            NAME,
            "--email",
            EMAIL,
            "--phone",
            PHONE,
        ],
    );
    assert_eq!(add.status.code(), Some(0), "{}", out(&add));
    // The private store has them; it lives outside the study.
    let private = contacts_files(home.path());
    assert_eq!(private.len(), 1, "{private:?}");
    let stored = fs::read_to_string(home.path().join("data").join(&private[0])).unwrap();
    assert!(stored.contains(NAME) && stored.contains(EMAIL) && stored.contains(PHONE));
    // No shared file holds them.
    for file in common::files_under(study.path()) {
        let text = fs::read_to_string(study.path().join(&file)).unwrap_or_default();
        for secret in [NAME, EMAIL, PHONE, "Sentinelsen"] {
            assert!(!text.contains(secret), "{} holds {secret}", file.display());
        }
    }
    // No output of any command holds them.
    let ratings = common::repo().join("tests/fixtures/agreement/shared/sklearn_binary.csv");
    let commands: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["check", "--json"],
        vec!["recruitment"],
        vec!["recruitment", "--json"],
        vec!["coverage"],
        vec!["coverage", "--json", "--suggest"],
        vec!["status"],
        vec!["status", "--json"],
        vec!["stats", "--by", "region", "--json"],
        vec!["agreement", "--json"],
        vec!["agreement", "--ratings", ratings.to_str().unwrap(), "--json"],
        vec!["conflicts", "--json"],
        vec!["informant", "status", "INF-27", "contacted"],
        vec!["assign", "--json"],
    ];
    for args in commands {
        let output = casebook(study.path(), home.path(), &args);
        let text = out(&output);
        for secret in [NAME, EMAIL, PHONE, "Sentinelsen"] {
            assert!(!text.contains(secret), "`casebook {}` printed {secret}", args.join(" "));
        }
    }
}

#[test]
fn check_fails_when_contact_details_are_in_a_shared_file() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    add_named_informant(study.path(), home.path());
    assert_eq!(casebook(study.path(), home.path(), &["check"]).status.code(), Some(0));
    // Someone types the name into a shared note.
    let file = study.path().join("cases/p2019-036/informants/INF-02.ron");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("role: \"", &format!("role: \"{NAME}, "), 1)).unwrap();
    let output = casebook(study.path(), home.path(), &["check"]);
    let text = out(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("cases/p2019-036/informants/INF-02.ron:5:12: a stored contact's name in a shared file"),
        "{text}"
    );
    assert!(!text.contains(NAME), "the report does not repeat the name");
    // An e-mail address anywhere in a shared file is caught too.
    fs::write(&file, text_with_email(&fs::read_to_string(&file).unwrap())).unwrap();
    let output = casebook(study.path(), home.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
}

/// The contacts files under the user's data folder (beside them a store
/// keeps its `.gitignore` and the folder it was used from).
fn contacts_files(home: &Path) -> Vec<std::path::PathBuf> {
    common::files_under(&home.join("data"))
        .into_iter()
        .filter(|f| f.ends_with("contacts.ron"))
        .collect()
}

fn text_with_email(text: &str) -> String {
    text.replacen(NAME, "write to someone@kommune.no", 1)
}

#[test]
fn check_fails_when_git_would_commit_the_private_folder() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(study.path())
            .output()
            .unwrap()
    };
    git(&["init", "-q"]);
    let output = casebook(study.path(), home.path(), &["check"]);
    let text = out(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(".gitignore: private/ is not ignored by git"), "{text}");
    fs::write(study.path().join(".gitignore"), casebook::store::init::GITIGNORE).unwrap();
    let output = casebook(study.path(), home.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", out(&output));
}

#[test]
fn contacts_are_purged_only_from_the_deletion_date_unless_forced() {
    let study = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    add_named_informant(study.path(), home.path());
    let set_date = |date: &str| {
        let path = study.path().join("cases/study.ron");
        let text = fs::read_to_string(&path).unwrap();
        let start = text.find("deletion_date: ").unwrap();
        let end = start + text[start..].find('\n').unwrap();
        fs::write(
            &path,
            format!("{}deletion_date: Some(\"{date}\"),{}", &text[..start], &text[end..]),
        )
        .unwrap();
    };
    set_date("2099-12-31");
    let early = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    assert_eq!(early.status.code(), Some(1));
    assert!(out(&early).contains("refusing to delete personal data before it"));
    assert_eq!(contacts_files(home.path()).len(), 1, "nothing deleted");

    set_date("2020-01-01");
    let warned = casebook(study.path(), home.path(), &["status"]);
    assert!(
        out(&warned).contains("personal data was to be deleted by 2020-01-01"),
        "{}",
        out(&warned)
    );
    let unsure = casebook(study.path(), home.path(), &["purge-contacts"]);
    assert_eq!(unsure.status.code(), Some(2), "--yes is required");
    let purged = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    assert_eq!(purged.status.code(), Some(0), "{}", out(&purged));
    assert!(out(&purged).contains("(1 contacts)"));
    assert!(contacts_files(home.path()).is_empty());
    assert!(
        !out(&casebook(study.path(), home.path(), &["status"])).contains("to be deleted"),
        "no warning once purged"
    );

    // Forced before the date.
    set_date("2099-12-31");
    add_named_informant(study.path(), home.path());
    let forced = casebook(study.path(), home.path(), &["purge-contacts", "--yes", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", out(&forced));
}

#[test]
fn a_study_with_a_private_folder_keeps_contacts_there() {
    let study = common::demo_copy();
    fs::create_dir(study.path().join("private")).unwrap();
    let home = tempfile::tempdir().unwrap();
    casebook(
        study.path(),
        home.path(),
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--email",
            EMAIL,
        ],
    );
    assert!(fs::read_to_string(study.path().join("private/contacts.ron"))
        .unwrap()
        .contains(EMAIL));
    let output = casebook(study.path(), home.path(), &["check"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "private/ is not a shared folder: {}",
        out(&output)
    );
}
