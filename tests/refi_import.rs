//! `casebook import refi-codebook`: codebooks from other QDA programs, in
//! their own conventions (hand-written fixtures in tests/fixtures/refi/),
//! merged into the demo's codebook; broken and foreign files refused with
//! nothing changed; casebook's own export giving back the same codebook.

mod common;

use casebook::domain::{Code, Codebook};
use casebook::export::refi::reader::{parse, read_codebook};
use common::{casebook_as, demo_copy, repo};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/refi").join(name)
}

/// The MAXQDA project zipped as a `.qdpx`, its source a `.docx` with no
/// plain-text copy (a stand-in: only the codebook is read).
fn maxqda_qdpx(dir: &Path) -> PathBuf {
    let path = dir.join("maxqda.qdpx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", options).unwrap();
    zip.write_all(&std::fs::read(fixture("maxqda-project/project.qde")).unwrap())
        .unwrap();
    zip.start_file("sources/E1E1E1E1-1111-4222-8333-444455556666.docx", options)
        .unwrap();
    zip.write_all(b"PK\x03\x04 a Word document stands here; never read")
        .unwrap();
    zip.finish().unwrap();
    path
}

fn import_as(study: &Path, user: &str, file: &Path, yes: bool) -> Output {
    let mut args = vec!["import", "refi-codebook", file.to_str().unwrap()];
    if yes {
        args.push("--yes");
    }
    casebook_as(study, Some(user), &args)
}

/// The lead (astrid) imports, answering yes.
fn import(study: &Path, file: &Path) -> Output {
    import_as(study, "astrid", file, true)
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn codebook(study: &Path) -> Codebook {
    casebook::store::load(&casebook::store::Layout::new(study))
        .data
        .codebook
}

fn codebook_bytes(study: &Path) -> Vec<u8> {
    std::fs::read(study.join("guides/codebook.ron")).unwrap()
}

fn top<'a>(codebook: &'a Codebook, name: &str) -> &'a Code {
    codebook
        .codes
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no top-level code `{name}`"))
}

fn child<'a>(code: &'a Code, name: &str) -> &'a Code {
    code.children
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no `{name}` under `{}`", code.name))
}

#[test]
fn a_qdpx_from_another_program_adds_its_codes_under_their_parents() {
    let study = demo_copy();
    let before = codebook(study.path());
    let output = import(study.path(), &maxqda_qdpx(study.path()));
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("MAXQDA 2022"),
        "the preview names the program: {stdout}"
    );
    let after = codebook(study.path());
    let results = top(&after, "Results and local change");
    assert_eq!(results.id.as_str(), "results", "an existing code is kept");
    let spread = child(results, "Spread to neighbours");
    assert_eq!(spread.id.as_str(), "results.spread-to-neighbours");
    assert_eq!(spread.colour.as_deref(), Some("#8c564b"));
    assert_eq!(spread.description, "Other municipalities took the method up.");
    let partnerships = top(&after, "Partnerships");
    let ids: Vec<&str> = partnerships.children.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["partnerships.nav", "partnerships.voluntary-organisations"]);
    assert_eq!(after.flatten().len(), before.flatten().len() + 4);
}

#[test]
fn nested_codes_keep_their_hierarchy_and_present_codes_are_not_duplicated() {
    let study = demo_copy();
    let before = codebook(study.path());
    let output = import(study.path(), &fixture("nvivo-nested.qdc"));
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    let after = codebook(study.path());
    let applying = top(&after, "Culture and experience of applying");
    assert_eq!(
        applying,
        &Code {
            children: applying.children.clone(),
            ..top(&before, "Culture and experience of applying").clone()
        },
        "a present code keeps its own description and colour"
    );
    let names: Vec<&str> = applying.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Applying is routine",
            "First-time applicants",
            "Paperwork and reporting burden",
            "Help from the county"
        ]
    );
    let help = child(applying, "Help from the county");
    assert_eq!(help.id.as_str(), "applying.help-from-the-county");
    assert_eq!(
        help.description,
        "The county's adviser read the draft & suggested changes."
    );
    let quality = top(&after, "Kvalitet og læring");
    assert_eq!(quality.id.as_str(), "kvalitet-og-laering");
    assert_eq!(quality.colour, None, "a missing colour stays missing");
    assert_eq!(
        quality.description,
        "Markup stays text: <b>bold</b> & \"quotes\" 'too' > 5 % — Sámediggi, ποιότητα, качество, 质量."
    );
    let evaluation = child(quality, "Evaluering");
    let external = child(evaluation, "Ekstern evaluering");
    assert_eq!(
        external.id.as_str(),
        "kvalitet-og-laering.evaluering.ekstern-evaluering"
    );
    assert_eq!(external.colour.as_deref(), Some("#d62728"));
    assert_eq!(after.flatten().len(), before.flatten().len() + 5);
    // The file on disk reads back as what was merged: nothing lost in the RON.
    assert_eq!(
        casebook::store::load(&casebook::store::Layout::new(study.path())).problems,
        []
    );
}

#[test]
fn folders_that_cannot_be_coded_come_across_as_parent_codes() {
    let study = demo_copy();
    let output = import(study.path(), &fixture("qualcoder-categories.qdc"));
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("+ Barriers  (barriers)  [a folder there]"), "{stdout}");
    let after = codebook(study.path());
    let barriers = top(&after, "Barriers");
    assert_eq!(barriers.description, "Category: what stood in the way.");
    assert_eq!(child(barriers, "Time").colour.as_deref(), Some("#ff0000"));
    assert_eq!(child(barriers, "Money").colour, None);
    let enablers = top(&after, "Enablers");
    assert_eq!(child(enablers, "Leadership support").colour.as_deref(), Some("#00aa00"));
}

#[test]
fn atlas_ti_code_groups_are_named_in_the_preview_and_its_codes_imported() {
    let study = demo_copy();
    let output = import(study.path(), &fixture("atlasti-groups.qdc"));
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("2 sets (code groups)"), "{stdout}");
    let after = codebook(study.path());
    let motivation = top(&after, "Motivation: local need");
    assert_eq!(motivation.id.as_str(), "motivation-local-need");
    assert_eq!(motivation.colour.as_deref(), Some("#46aa00"));
    assert!(
        after.codes.iter().all(|c| c.name != "Motivation"),
        "a set is not a code"
    );
}

#[test]
fn a_draft_namespace_as_the_default_one_is_read_too() {
    let book = parse(
        r#"<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti Win 26.1.1"><Codes><Code guid="p" name="Parent" isCodable="true"><Description>Comment</Description><Code guid="c" name="Child" isCodable="true"/></Code></Codes></CodeBook>"#,
        "inline.qdc",
    )
    .expect("read");
    assert_eq!(book.codes[0].children[0].name, "Child");
}

#[test]
fn importing_casebooks_own_export_gives_back_an_unchanged_codebook() {
    let study = demo_copy();
    let out = study.path().join("export");
    let exported = casebook_as(study.path(), None, &["export", "refi", "--out", out.to_str().unwrap()]);
    assert_eq!(exported.status.code(), Some(0), "{:?}", text(&exported));
    let before = codebook_bytes(study.path());
    for file in ["codebook.qdc", "study.qdpx"] {
        let output = import(study.path(), &out.join(file));
        let (stdout, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
        assert!(stdout.contains("nothing to add"), "{stdout}");
        assert_eq!(codebook_bytes(study.path()), before, "{file} changed the codebook");
    }
}

#[test]
fn a_broken_file_is_an_error_at_its_line_and_nothing_changes() {
    let study = demo_copy();
    let before = codebook_bytes(study.path());
    let output = import(study.path(), &fixture("broken.qdc"));
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("broken.qdc:6:"),
        "the mismatched end tag's line: {stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(codebook_bytes(study.path()), before);
}

#[test]
fn files_that_are_not_refi_are_refused_and_nothing_changes() {
    let study = demo_copy();
    let before = codebook_bytes(study.path());
    let no_project = study.path().join("no-project.qdpx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&no_project).unwrap());
    zip.start_file("sources/a.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"text").unwrap();
    zip.finish().unwrap();
    let empty = study.path().join("empty.qdc");
    std::fs::write(&empty, "").unwrap();
    let latin1 = study.path().join("latin1.qdc");
    std::fs::write(
        &latin1,
        b"<CodeBook><Codes><Code name=\"B\xe6rum\"/></Codes></CodeBook>",
    )
    .unwrap();
    for (file, says) in [
        (fixture("not-refi.xml"), "not a REFI-QDA file"),
        (no_project, "holds no project.qde"),
        (empty, "no XML element"),
        (latin1, "not UTF-8"),
        (study.path().join("missing.qdc"), "missing.qdc"),
    ] {
        let output = import(study.path(), &file);
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{}: {stderr}", file.display());
        assert!(stderr.contains(says), "{}: {stderr}", file.display());
        assert_eq!(codebook_bytes(study.path()), before);
    }
}

#[test]
fn with_no_terminal_to_ask_it_refuses_instead_of_waiting() {
    let study = demo_copy();
    let before = codebook_bytes(study.path());
    let output = import_as(study.path(), "astrid", &fixture("nvivo-nested.qdc"), false);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stdout.contains("+ Kvalitet og læring"),
        "the preview is shown: {stdout}"
    );
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(codebook_bytes(study.path()), before);
}

#[test]
fn only_the_lead_imports_into_the_codebook() {
    let study = demo_copy();
    let before = codebook_bytes(study.path());
    let output = import_as(study.path(), "brage", &fixture("nvivo-nested.qdc"), true);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("only the study's lead, astrid"), "{stderr}");
    assert_eq!(codebook_bytes(study.path()), before);
}

#[test]
fn the_fixtures_read_as_their_programs_wrote_them() {
    let atlas = read_codebook(&fixture("atlasti-groups.qdc")).unwrap();
    assert_eq!(atlas.origin.as_deref(), Some("ATLAS.ti Win 23.4.0"));
    assert_eq!((atlas.codes.len(), atlas.sets), (3, 2));
    let qualcoder = read_codebook(&fixture("qualcoder-categories.qdc")).unwrap();
    assert!(!qualcoder.codes[0].codable && qualcoder.codes[0].children[0].codable);
    let nvivo = read_codebook(&fixture("nvivo-nested.qdc")).unwrap();
    assert_eq!(nvivo.codes[1].children[0].children.len(), 2);
}
