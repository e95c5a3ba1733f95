//! `casebook export refi`: both files valid against the official REFI-QDA
//! schemas, every selection selecting exactly its coded text, identical
//! bytes on re-export, and no contact details anywhere in the zip.

mod common;

use casebook::domain::*;
use casebook::export::refi::{export, PROJECT_FILE};
use common::{casebook_as, demo_copy, repo};
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every entry of a zip, by name.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).expect("open zip");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut entries = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read entry");
        entries.insert(entry.name().expect("a UTF-8 name").to_string(), bytes);
    }
    entries
}

fn export_demo(out: &Path) {
    let output = casebook_as(&repo(), None, &["export", "refi", "--out", out.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The official schemas beside the repository, and xmllint; `None` (said
/// on stderr) when either is missing, except under CI, where that fails.
fn schemas() -> Option<PathBuf> {
    let dir = repo().join("../shared/refi");
    let xmllint = Command::new("xmllint").arg("--version").output().is_ok();
    let why = if !dir.join("Project.xsd").is_file() {
        format!("{} holds no Project.xsd", dir.display())
    } else if !xmllint {
        "xmllint is not installed (Debian package libxml2-utils)".to_string()
    } else {
        return Some(dir);
    };
    if std::env::var_os("CI").is_some() {
        panic!("REFI-QDA schema validation cannot run under CI: {why}");
    }
    eprintln!("skipped: REFI-QDA schema validation: {why}");
    None
}

fn xmllint(schema: &Path, file: &Path) {
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(file)
        .output()
        .expect("run xmllint");
    assert!(
        output.status.success(),
        "{} is not valid against {}:\n{}",
        file.display(),
        schema.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn both_exports_of_the_demo_study_validate_against_the_official_schemas() {
    let Some(schemas) = schemas() else { return };
    let out = tempfile::tempdir().unwrap();
    export_demo(out.path());
    xmllint(&schemas.join("Codebook.xsd"), &out.path().join("codebook.qdc"));
    let project = out.path().join("project.qde");
    std::fs::write(&project, &unzip(&out.path().join(PROJECT_FILE))["project.qde"]).unwrap();
    xmllint(&schemas.join("Project.xsd"), &project);
}

#[test]
fn a_re_export_of_the_unchanged_study_is_identical() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    export_demo(first.path());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    export_demo(second.path());
    export_demo(first.path());
    for name in ["codebook.qdc", PROJECT_FILE] {
        let a = std::fs::read(first.path().join(name)).unwrap();
        let b = std::fs::read(second.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between two exports of the same study");
    }
    assert_eq!(
        common::files_under(first.path()).len(),
        2,
        "no temporary files left behind"
    );
}

/// Each source's selections: (start, end) in characters.
fn selections(project: &str) -> BTreeMap<String, Vec<(usize, usize)>> {
    let mut reader = quick_xml::Reader::from_str(project);
    let mut out: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut source = String::new();
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.value.to_string())
                };
                match e.name().as_ref() {
                    "TextSource" => source = attr("guid").unwrap(),
                    "PlainTextSelection" => out.entry(source.clone()).or_default().push((
                        attr("startPosition").unwrap().parse().unwrap(),
                        attr("endPosition").unwrap().parse().unwrap(),
                    )),
                    _ => {}
                }
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// The coded texts of each interview, sorted, by the interview's source GUID.
fn coded_texts(data: &StudyData) -> BTreeMap<String, Vec<String>> {
    data.interviews()
        .map(|i| {
            let mut texts: Vec<String> = i
                .codings
                .values()
                .flat_map(|c| c.codings.iter().map(|c| c.text.clone()))
                .collect();
            texts.sort();
            (casebook::export::refi::guid::source(&i.interview.id), texts)
        })
        .filter(|(_, texts)| !texts.is_empty())
        .collect()
}

/// The text each selection selects in its source, sorted, by source GUID.
fn selected_texts(zip: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<String>> {
    let project = String::from_utf8(zip["project.qde"].clone()).unwrap();
    selections(&project)
        .into_iter()
        .map(|(guid, ranges)| {
            let text = String::from_utf8(zip[&format!("sources/{guid}.txt")].clone()).unwrap();
            let chars: Vec<char> = text.chars().collect();
            let mut texts: Vec<String> = ranges
                .into_iter()
                .map(|(start, end)| chars[start..end].iter().collect())
                .collect();
            texts.sort();
            (guid, texts)
        })
        .collect()
}

#[test]
fn every_selection_of_the_demo_selects_exactly_its_coded_text() {
    let out = tempfile::tempdir().unwrap();
    export_demo(out.path());
    let data = casebook::store::load(&casebook::store::Layout::new(repo())).data;
    let zip = unzip(&out.path().join(PROJECT_FILE));
    assert_eq!(selected_texts(&zip), coded_texts(&data));
}

fn coding(question: &str, note: &str, passage: &str, code: &str) -> Coding {
    let byte = note.find(passage).expect("passage in the note");
    let start = note[..byte].chars().count();
    Coding {
        question: QuestionId::new(question),
        start,
        end: start + passage.chars().count(),
        text: passage.to_string(),
        codes: vec![CodeId::new(code)],
        quote: false,
        memo: "Sjå òg Ålesund".to_string(),
        date: None,
        anchor: Default::default(),
    }
}

#[test]
fn positions_count_characters_with_norwegian_letters_and_multi_line_notes() {
    let mut data = casebook::generate::generate(casebook::generate::Options { seed: 3, projects: 40 });
    let code = data.codebook.flatten()[1].1.id.clone();
    let interview = data
        .cases
        .values_mut()
        .flat_map(|c| c.interviews.values_mut())
        .next()
        .expect("an interview");
    let first =
        "Første møte på Røros: «Bærum gjorde det annerledes».\nDeretter Bømlo, Tromsø og Ørsta –\nalle med æ, ø og å.";
    let second = "Ingen endring.\n\nMen i Ås: 😀 én gang til, på Nesøya.";
    interview.interview.notes[0].text = first.to_string();
    interview.interview.notes[1].text = second.to_string();
    interview.interview.other_notes = "Ærlig talt:\nØvrig.".to_string();
    let (q0, q1) = (
        interview.interview.notes[0].question.to_string(),
        interview.interview.notes[1].question.to_string(),
    );
    let coder = data.study.team[0].id.clone();
    interview.codings.clear();
    interview.codings.insert(
        coder.clone(),
        Codings {
            interview: interview.interview.id.clone(),
            coder,
            notes_of: None,
            done: false,
            codings: vec![
                coding(&q0, first, "Bærum gjorde det annerledes", code.as_str()),
                coding(
                    &q0,
                    first,
                    "Røros: «Bærum gjorde det annerledes».\nDeretter Bømlo",
                    code.as_str(),
                ),
                coding(&q0, first, "Ørsta –\nalle med æ, ø og å.", code.as_str()),
                coding(&q1, second, "😀 én gang til, på Nesøya", code.as_str()),
                coding(&q1, second, "Ingen endring.\n\nMen i Ås", code.as_str()),
            ],
        },
    );
    let guid = casebook::export::refi::guid::source(&interview.interview.id);
    let out = tempfile::tempdir().unwrap();
    export(&data, out.path(), &Default::default()).expect("export");
    let zip = unzip(&out.path().join(PROJECT_FILE));
    let selected = selected_texts(&zip);
    let expected = coded_texts(&data);
    assert_eq!(selected[&guid].len(), 5);
    assert_eq!(selected[&guid], expected[&guid]);
    assert_eq!(selected, expected);
}

const NAME: &str = "Kari Nordmann";
const EMAIL: &str = "kari.nordmann@lindesnes.kommune.no";
const PHONE: &str = "+47 912 34 567";

/// A copy of the demo whose private store holds INF-12's contact details.
fn demo_with_a_contact() -> tempfile::TempDir {
    use casebook::store::private::{save_contacts, Contact, Contacts};
    let study = demo_copy();
    std::fs::create_dir(study.path().join("private")).unwrap();
    let contacts = Contacts {
        contacts: [(
            InformantId::new("INF-12"),
            Contact {
                name: NAME.to_string(),
                email: Some(EMAIL.to_string()),
                phone: Some(PHONE.to_string()),
            },
        )]
        .into(),
    };
    save_contacts(&study.path().join("private/contacts.ron"), &contacts).unwrap();
    study
}

#[test]
fn no_contact_details_anywhere_in_the_zip() {
    let study = demo_with_a_contact();
    let out = tempfile::tempdir().unwrap();
    let output = casebook_as(
        study.path(),
        None,
        &["export", "refi", "--out", out.path().to_str().unwrap()],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut everything = unzip(&out.path().join(PROJECT_FILE));
    everything.insert(
        "codebook.qdc".into(),
        std::fs::read(out.path().join("codebook.qdc")).unwrap(),
    );
    let mut pseudonym_seen = false;
    for (name, bytes) in &everything {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for detail in [NAME, EMAIL, PHONE, "Nordmann"] {
            assert!(!text.contains(&detail.to_lowercase()), "{name} holds `{detail}`");
        }
        assert!(!text.contains('@'), "{name} holds something like an e-mail address");
        pseudonym_seen |= text.contains("inf-12");
    }
    assert!(pseudonym_seen, "the informant appears by pseudonym");
}

#[test]
fn an_export_that_would_carry_contact_details_is_refused_whole() {
    let study = demo_with_a_contact();
    let notes = study.path().join("cases/p2021-010/interviews/INT-12.ron");
    let text = std::fs::read_to_string(&notes).unwrap();
    // The first note of the interview now names a stored contact.
    let named = text.replacen("text: \"", "text: \"Kari Nordmann said: ", 1);
    assert_ne!(named, text, "the interview has a note to change");
    std::fs::write(&notes, named).unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = casebook_as(
        study.path(),
        None,
        &["export", "refi", "--out", out.path().to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("INT-12") && stderr.contains("nothing exported"),
        "{stderr}"
    );
    assert!(
        common::files_under(out.path()).is_empty(),
        "nothing written, not even a temporary file"
    );
}

#[test]
fn over_a_study_with_load_problems_the_export_is_withheld_unless_asked_for() {
    let study = demo_copy();
    let broken = study.path().join("cases/p2021-010/interviews/INT-12.codes.astrid.ron");
    std::fs::write(&broken, "Codings(interview: \"INT-12\",").unwrap();
    let out = study.path().join("out");
    let args = ["export", "refi", "--out", out.to_str().unwrap()];
    let withheld = casebook_as(study.path(), None, &args);
    assert_eq!(
        withheld.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&withheld.stderr)
    );
    assert!(!out.exists(), "nothing written");
    let mut allowed = args.to_vec();
    allowed.push("--allow-problems");
    let output = casebook_as(study.path(), None, &allowed);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(out.join(PROJECT_FILE).is_file());
}

/// The values of `attribute` on every `<element>` of an XML text.
fn attribute_values(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == attribute {
                        out.push(a.value.to_string());
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn a_merged_code_is_exported_as_the_code_it_was_merged_into() {
    let study = demo_copy();
    let merge = casebook_as(
        study.path(),
        Some("astrid"),
        &["code", "merge", "results.unclear", "results.services"],
    );
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let out = tempfile::tempdir().unwrap();
    let export = casebook_as(
        study.path(),
        None,
        &["export", "refi", "--out", out.path().to_str().unwrap()],
    );
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let qdc = std::fs::read_to_string(out.path().join("codebook.qdc")).unwrap();
    assert!(
        !qdc.contains("Results hard to show"),
        "the merged code is not in the codebook"
    );
    assert!(qdc.contains("Change in the services"));
    let zip = unzip(&out.path().join("study.qdpx"));
    let project = String::from_utf8(zip["project.qde"].clone()).unwrap();
    assert!(!project.contains("Results hard to show"));
    // Every CodeRef points at a code of the exported codebook.
    let codes: std::collections::BTreeSet<String> = attribute_values(&project, "Code", "guid").into_iter().collect();
    let refs = attribute_values(&project, "CodeRef", "targetGUID");
    assert!(!refs.is_empty());
    for r in &refs {
        assert!(codes.contains(r), "CodeRef {r} points at no exported code");
    }
    if let Some(dir) = schemas() {
        xmllint(&dir.join("Codebook.xsd"), &out.path().join("codebook.qdc"));
    }
}
