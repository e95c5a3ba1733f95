//! Loading a whole study folder. Each file is read on its own: a broken file
//! becomes a `Problem` and is skipped, and everything else still loads. Case
//! folders are loaded on all cores, each worker with its own `Loader`.

use super::layout::{self, Layout};
use super::problem::Problem;
use super::regular_file::read_regular_file;
pub use super::regular_file::MAX_FILE_BYTES;
use super::ron_io::from_ron;
use super::stamps::Stamps;
use super::validate;
use crate::domain::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What loading a study gives: the data, every problem found, and the
/// fingerprints of the files as read (to notice later changes on disk).
pub struct Loaded {
    pub data: StudyData,
    pub problems: Vec<Problem>,
    pub stamps: Stamps,
    /// Files that could not be read or parsed, with why: never to be written
    /// over, since what they hold is not in `data`.
    pub failed: BTreeMap<PathBuf, String>,
}

/// What a file of the format-1 layout gets, so the user knows to migrate.
pub const MIGRATE_MESSAGE: &str =
    "written in casebook's older layout (format 1); run `casebook migrate` to move it to the current one";

/// The text of the files of the folder being read, so a name mismatch can
/// point at its line and column. Kept per folder, not for the whole study:
/// validation reads again only the few files it reports on. A list, not a
/// map: a mismatch is looked for right after its file is read, so from the
/// end, and a list costs nothing to fill.
type Sources = Vec<(PathBuf, String)>;

/// Case folders a worker takes at a time: enough to make taking them cost
/// nothing, few enough that workers finish together.
const BATCH: usize = 32;

struct Loader<'a> {
    layout: &'a Layout,
    problems: Vec<Problem>,
    stamps: Stamps,
    sources: Sources,
    /// File stems (ids) of files that failed to parse, already reported:
    /// references to them are not reported again as dangling.
    broken: BTreeSet<String>,
    /// Paths of files that could not be read or parsed.
    failed: BTreeSet<PathBuf>,
}

/// What validation may rely on: files that could not be read are reported
/// once, not again through every reference to what they would have held.
pub(crate) struct Trust {
    pub study: bool,
    pub codebook: bool,
    pub broken: BTreeSet<String>,
}

pub fn load(layout: &Layout) -> Loaded {
    let mut loader = Loader::new(layout);
    let study_path = layout.study_file();
    let study = loader.read::<Study>(&study_path);
    let study_ok = study.is_some();
    let mut data = StudyData::empty(study.unwrap_or_else(empty_study));
    let codebook = loader.read::<Codebook>(&layout.codebook_file());
    let codebook_ok = codebook.is_some();
    data.codebook = codebook.unwrap_or(Codebook::new(Vec::new()));
    let (guides, own_codes) = loader.load_guides();
    data.guides = guides;
    data.own_codes = own_codes;
    let folders = loader.case_folders();
    let mut cases = Vec::with_capacity(folders.len());
    for (share, worker) in load_case_folders(layout, &folders) {
        cases.extend(share);
        loader.absorb(worker);
    }
    // Folder names are unique, so no case is lost to a duplicate key.
    data.cases = cases.into_iter().collect();
    let Loader {
        mut problems,
        stamps,
        broken,
        failed,
        ..
    } = loader;
    let trust = Trust {
        study: study_ok,
        codebook: codebook_ok,
        broken,
    };
    problems.extend(validate::validate(layout, &data, &stamps, &trust));
    problems.sort();
    problems.dedup();
    let failed = failed
        .into_iter()
        .map(|path| {
            let why = problems
                .iter()
                .find(|p| p.path == path)
                .map(|p| p.message.clone())
                .unwrap_or_else(|| "could not be read".to_string());
            (path, why)
        })
        .collect();
    Loaded {
        data,
        problems,
        stamps,
        failed,
    }
}

/// Loads the given case folders on all cores. Workers take batches from a
/// shared counter, so a few large folders do not leave one core idle; each
/// returns its cases and its `Loader` (problems, stamps, broken ids).
fn load_case_folders<'a>(
    layout: &'a Layout,
    folders: &[(String, PathBuf)],
) -> Vec<(Vec<(CaseId, CaseData)>, Loader<'a>)> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut loader = Loader::new(layout);
        let mut cases = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= folders.len() {
                break;
            }
            for (name, path) in &folders[start..(start + BATCH).min(folders.len())] {
                if let Some(data) = loader.load_case(name, path) {
                    cases.push((CaseId::new(name.as_str()), data));
                }
            }
        }
        (cases, loader)
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(folders.len().div_ceil(BATCH)).max(1);
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut shares = vec![work()];
        for other in others {
            // A panic in a worker is a bug in casebook, not in a file: pass it on.
            shares.push(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        shares
    })
}

/// What stands in for a study file that could not be read, so the rest loads.
fn empty_study() -> Study {
    Study {
        id: None,
        title: String::new(),
        description: String::new(),
        team: Vec::new(),
        strata: Strata {
            size_bands: default_size_bands(),
            regions: default_regions(),
            counties: default_counties(),
            focus_areas: Vec::new(),
        },
        targets: Vec::new(),
        criteria: Vec::new(),
        deletion_date: None,
        blind_coding: false,
        format_version: FORMAT_VERSION,
        lead: None,
    }
}

impl<'a> Loader<'a> {
    fn new(layout: &'a Layout) -> Self {
        Loader {
            layout,
            problems: Vec::new(),
            stamps: Stamps::default(),
            sources: Sources::new(),
            broken: BTreeSet::new(),
            failed: BTreeSet::new(),
        }
    }

    /// Takes in what another worker found.
    fn absorb(&mut self, other: Loader) {
        self.problems.extend(other.problems);
        self.stamps.absorb(other.stamps);
        self.broken.extend(other.broken);
        self.failed.extend(other.failed);
    }

    /// Reads and parses one file; on failure records the problem and gives `None`.
    fn read<T: DeserializeOwned>(&mut self, path: &Path) -> Option<T> {
        let bytes = match read_regular_file(path) {
            Ok(bytes) => bytes,
            Err(what) => {
                self.problems.push(Problem::file(path, what));
                self.note_broken(path);
                return None;
            }
        };
        self.stamps.record(path, &bytes);
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let (line, column) = {
                    let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let valid = std::str::from_utf8(valid).unwrap_or_default();
                    super::problem::line_column(valid, valid.len())
                };
                self.problems
                    .push(Problem::new(path, line, column, "file is not valid UTF-8 text"));
                self.note_broken(path);
                return None;
            }
        };
        let parsed = from_ron::<T>(path, &text);
        self.sources.push((path.to_path_buf(), text));
        if parsed.is_err() {
            self.note_broken(path);
        }
        parsed.map_err(|p| self.problems.push(p)).ok()
    }

    /// Remembers the id a broken file stands for: its stem, or its folder's
    /// name for a `case.ron`.
    fn note_broken(&mut self, path: &Path) {
        self.failed.insert(path.to_path_buf());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let id = if name == layout::CASE_FILE {
            path.parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        } else {
            name.strip_suffix(".ron").unwrap_or(name)
        };
        self.broken.insert(id.to_string());
    }

    /// Entries of a folder, sorted by name; hidden and temporary files left out.
    fn entries(&mut self, dir: &Path) -> Vec<(String, PathBuf)> {
        let typed = self.typed_entries(dir);
        typed.into_iter().map(|(name, path, _)| (name, path)).collect()
    }

    /// Entries of a folder as `entries` gives them, each with whether it is
    /// a folder: known from the listing itself, without a `stat` per entry.
    fn typed_entries(&mut self, dir: &Path) -> Vec<(String, PathBuf, bool)> {
        let read = match fs::read_dir(dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(e) => {
                self.problems
                    .push(Problem::file(dir, format!("cannot read folder: {e}")));
                return Vec::new();
            }
        };
        let mut entries: Vec<(String, PathBuf, bool)> = read
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                // A link (or a file system that does not say) is followed, as `is_dir` would.
                let is_dir = match e.file_type() {
                    Ok(kind) if !kind.is_symlink() => kind.is_dir(),
                    _ => path.is_dir(),
                };
                Some((e.file_name().into_string().ok()?, path, is_dir))
            })
            .collect();
        entries.retain(|(name, path, _)| {
            if super::atomic::is_leftover(name) {
                self.problems.push(Problem::file(
                    path,
                    "left by an interrupted save; the next save here or `casebook repair` removes it",
                ));
            }
            !name.starts_with('.')
        });
        entries.sort();
        entries
    }

    /// The guides, and each coder's own codes.
    fn load_guides(&mut self) -> (BTreeMap<GuideId, Guide>, BTreeMap<ResearcherId, OwnCodes>) {
        let mut guides = BTreeMap::new();
        let mut own_codes = BTreeMap::new();
        for (name, path) in self.entries(&self.layout.guides_dir()) {
            if name == layout::CODEBOOK_FILE {
                continue;
            }
            if let Some(coder) = layout::own_codes_of_file_name(&name) {
                if let Some(own) = self.read::<OwnCodes>(&path) {
                    if own.coder.as_str() != coder {
                        self.mismatch(&path, "coder", own.coder.as_str(), &name);
                    }
                    own_codes.insert(ResearcherId::new(coder), own);
                }
                continue;
            }
            if !name.ends_with(".ron") || path.is_dir() {
                self.unexpected(&path);
                continue;
            }
            let Some(guide) = self.read::<Guide>(&path) else {
                continue;
            };
            if format!("{}.ron", guide.id) != name {
                self.mismatch(&path, "id", guide.id.as_str(), &name);
            }
            guides.insert(guide.id.clone(), guide);
        }
        (guides, own_codes)
    }

    /// The case folders under `cases/`, sorted by name; anything else there
    /// but the study file is reported.
    fn case_folders(&mut self) -> Vec<(String, PathBuf)> {
        let mut folders = Vec::new();
        for (name, path, is_dir) in self.typed_entries(&self.layout.cases_dir()) {
            if is_dir {
                folders.push((name, path));
            } else if name != layout::STUDY_FILE {
                self.unexpected(&path);
            }
        }
        folders
    }

    /// One case folder. When its `case.ron` cannot be read, a stand-in case
    /// holds the rest of the folder, so nothing else in it is lost (and
    /// `case.ron`, being failed, is never written over).
    fn load_case(&mut self, name: &str, path: &Path) -> Option<CaseData> {
        let case = self.read::<Case>(&path.join(layout::CASE_FILE));
        let data = match case {
            Some(case) => {
                if case.id.as_str() != name {
                    self.mismatch(&path.join(layout::CASE_FILE), "id", case.id.as_str(), name);
                }
                self.load_case_folder(path, case)
            }
            None => {
                let stand_in = Case::new(CaseId::new(name), Origin::Project, "(case.ron failed to load)", "");
                let mut data = self.load_case_folder(path, stand_in);
                data.stand_in = true;
                data
            }
        };
        self.sources.clear();
        Some(data)
    }

    fn load_case_folder(&mut self, dir: &Path, case: Case) -> CaseData {
        let mut data = CaseData::new(case);
        for (name, path) in self.entries(dir) {
            if name == layout::CASE_FILE || name == layout::INFORMANTS_DIR || name == layout::INTERVIEWS_DIR {
                continue;
            }
            if name == layout::LEGACY_RESOLUTION_FILE {
                self.legacy_resolution(&path, &mut data);
            } else if let Some(resolver) = layout::resolver_of_file_name(&name) {
                let Some(resolution) = self.read::<Resolution>(&path) else {
                    continue;
                };
                data.resolutions.insert(ResearcherId::new(resolver), resolution);
            } else if let Some(reviewer) = layout::reviewer_of_file_name(&name) {
                let Some(review) = self.read::<Review>(&path) else {
                    continue;
                };
                if review.reviewer.as_str() != reviewer {
                    self.mismatch(&path, "reviewer", review.reviewer.as_str(), &name);
                }
                data.reviews.insert(ResearcherId::new(reviewer), review);
            } else {
                self.unexpected(&path);
            }
        }
        let informant_entries = self.entries(&dir.join(layout::INFORMANTS_DIR));
        for (name, path) in &informant_entries {
            if !name.ends_with(".ron") {
                self.unexpected(path);
                continue;
            }
            if layout::status_of_file_name(name).is_some() {
                continue;
            }
            let Some(informant) = self.read::<Informant>(path) else {
                continue;
            };
            if format!("{}.ron", informant.id) != *name {
                self.mismatch(path, "id", informant.id.as_str(), name);
            }
            let mut informant = informant;
            if !informant.status_history.is_empty() || informant.consent.is_some() {
                self.problems.push(Problem::file(path, MIGRATE_MESSAGE));
                // Format 1 kept consent in the informant's own file.
                informant.consent_by = informant.consent.as_ref().and(informant.added_by().cloned());
            }
            data.informants.insert(informant.id.clone(), informant);
        }
        // Each researcher's statuses, merged into the informant's history.
        for (name, path) in &informant_entries {
            let Some((informant_id, researcher)) = layout::status_of_file_name(name) else {
                continue;
            };
            let Some(file) = self.read::<StatusFile>(path) else {
                continue;
            };
            if file.researcher.as_str() != researcher {
                self.mismatch(path, "researcher", file.researcher.as_str(), name);
            }
            if file.informant.as_str() != informant_id {
                self.mismatch(path, "informant", file.informant.as_str(), name);
            }
            match data.informants.get_mut(&InformantId::new(informant_id)) {
                Some(informant) => {
                    if let Some(consent) = file.consent {
                        informant.consent = Some(consent);
                        informant.consent_by = Some(file.researcher.clone());
                    }
                    informant.status_history.extend(file.history);
                }
                None => self.problems.push(Problem::file(
                    path,
                    format!("statuses of informant `{informant_id}`, whom this case does not have"),
                )),
            }
        }
        for informant in data.informants.values_mut() {
            informant.sort_history();
        }
        self.load_interviews(&dir.join(layout::INTERVIEWS_DIR), &mut data);
        data
    }

    fn load_interviews(&mut self, dir: &Path, data: &mut CaseData) {
        let entries = self.entries(dir);
        // Interviews first, so codings can be attached to them.
        for (name, path) in &entries {
            if !name.ends_with(".ron")
                || layout::codings_of_file_name(name).is_some()
                || layout::notes_of_file_name(name).is_some()
            {
                continue;
            }
            let Some(interview) = self.read::<Interview>(path) else {
                // Its codings are kept, under a stand-in.
                let id = InterviewId::new(name.strip_suffix(".ron").unwrap_or(name));
                let stand_in = Interview::new(id.clone(), data.case.id.clone(), GuideId::default());
                let mut interview = InterviewData::new(stand_in);
                interview.stand_in = true;
                data.interviews.insert(id, interview);
                continue;
            };
            if format!("{}.ron", interview.id) != *name {
                self.mismatch(path, "id", interview.id.as_str(), name);
            }
            data.interviews
                .insert(interview.id.clone(), InterviewData::new(interview));
        }
        for (name, path) in &entries {
            let Some((interview_id, researcher)) = layout::notes_of_file_name(name) else {
                continue;
            };
            let Some(notes) = self.read::<ResearcherNotes>(path) else {
                continue;
            };
            if notes.researcher.as_str() != researcher {
                self.mismatch(path, "researcher", notes.researcher.as_str(), name);
            }
            if notes.interview.as_str() != interview_id {
                self.mismatch(path, "interview", notes.interview.as_str(), name);
            }
            match data.interviews.get_mut(&InterviewId::new(interview_id)) {
                Some(interview) => {
                    interview.notes_by.insert(ResearcherId::new(researcher), notes);
                }
                None => self.problems.push(Problem::file(
                    path,
                    format!("notes on interview `{interview_id}`, which this case does not have"),
                )),
            }
        }
        for (name, path) in &entries {
            if layout::notes_of_file_name(name).is_some() {
                continue;
            }
            let Some((interview_id, coder)) = layout::codings_of_file_name(name) else {
                if !name.ends_with(".ron") {
                    self.unexpected(path);
                }
                continue;
            };
            let Some(codings) = self.read::<Codings>(path) else {
                continue;
            };
            if codings.coder.as_str() != coder {
                self.mismatch(path, "coder", codings.coder.as_str(), name);
            }
            if codings.interview.as_str() != interview_id {
                self.mismatch(path, "interview", codings.interview.as_str(), name);
            }
            match data.interviews.get_mut(&InterviewId::new(interview_id)) {
                Some(interview) => {
                    interview.codings.insert(ResearcherId::new(coder), codings);
                }
                None => self.problems.push(Problem::file(
                    path,
                    format!("codings of interview `{interview_id}`, which this case does not have"),
                )),
            }
        }
        // Codings follow their words when the notes were edited since.
        for interview in data.interviews.values_mut() {
            crate::domain::anchor::reanchor_interview(interview);
        }
    }

    /// A format-1 `resolution.ron`: its entries are kept (under each entry's
    /// author) so nothing is lost, and the user is told to migrate.
    fn legacy_resolution(&mut self, path: &Path, data: &mut CaseData) {
        let Some(legacy) = self.read::<Resolution>(path) else {
            return;
        };
        self.problems.push(Problem::file(path, MIGRATE_MESSAGE));
        for (criterion, resolved) in legacy.resolved {
            data.resolutions
                .entry(resolved.by.clone())
                .or_insert_with(|| Resolution {
                    case: legacy.case.clone(),
                    resolved: BTreeMap::new(),
                })
                .resolved
                .entry(criterion)
                .or_insert(resolved);
        }
    }

    fn mismatch(&mut self, path: &Path, field: &str, value: &str, file_name: &str) {
        let source = self
            .sources
            .iter()
            .rev()
            .find(|(read, _)| read == path)
            .map_or("", |(_, text)| text.as_str());
        self.problems.push(Problem::at_text(
            path,
            source,
            &format!("\"{value}\""),
            format!("{field} `{value}` does not match the file or folder name `{file_name}`"),
        ));
    }

    fn unexpected(&mut self, path: &Path) {
        self.problems.push(Problem::file(
            path,
            "not a casebook file (unexpected name in the study folder)",
        ));
    }
}
