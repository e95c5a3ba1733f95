//! Checks across files: every reference points at something that exists
//! (researchers, criteria, informants, interviews, guides, questions, codes),
//! and answers fit their scales. Each problem points at the offending text,
//! found by reading again just the files with problems.

use super::layout::Layout;
use super::load::Trust;
use super::problem::Problem;
use super::stamps::{fingerprint, Stamps};
use crate::domain::anchor::NoteIndex;
use crate::domain::*;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A problem not yet placed: the text it is about, to look for in its file.
struct Found {
    path: PathBuf,
    needle: String,
    message: String,
}

/// What exists, so a reference is checked without a walk over all cases.
/// Only asked whether they hold an id (a code for each of 200,000 codings),
/// never listed: hash sets.
struct Known<'a> {
    broken: &'a BTreeSet<String>,
    codebook_ok: bool,
    informants: HashSet<&'a InformantId>,
    interviews: HashSet<&'a InterviewId>,
    codes: HashSet<&'a CodeId>,
}

/// The problems found by one thread of checks, with what exists.
struct Checker<'a> {
    found: Vec<Found>,
    known: &'a Known<'a>,
}

impl Checker<'_> {
    fn report(&mut self, path: &Path, needle: &str, message: String) {
        self.found.push(Found {
            path: path.to_path_buf(),
            needle: needle.to_string(),
            message,
        });
    }

    /// Reports `value` at its quoted occurrence in the file: unknown, or,
    /// when it names a file that failed to load, that it refers to that file
    /// (not "unknown", which would send the user looking for the wrong thing).
    fn dangling(&mut self, path: &Path, what: &str, value: &str) {
        let message = if self.known.broken.contains(value) {
            format!("refers to {what} `{value}`, which failed to load")
        } else {
            format!("unknown {what} `{value}`")
        };
        self.report(path, &format!("\"{value}\""), message);
    }
}

/// Checks `data` as loaded; `stamps` tell which files on disk are still the
/// ones loaded, so a problem is placed only in the text it was found in.
pub(crate) fn validate(layout: &Layout, data: &StudyData, stamps: &Stamps, trust: &Trust) -> Vec<Problem> {
    let known = Known {
        broken: &trust.broken,
        codebook_ok: trust.codebook,
        informants: data.informants().map(|i| &i.id).collect(),
        interviews: data.interviews().map(|i| &i.interview.id).collect(),
        codes: data
            .codebook
            .flatten()
            .into_iter()
            .map(|(_, c)| &c.id)
            .chain(data.own_codes.values().flat_map(|o| o.codes.iter().map(|c| &c.id)))
            .collect(),
    };
    let mut checker = Checker {
        found: Vec::new(),
        known: &known,
    };
    let study_ok = trust.study;
    let team: BTreeSet<&ResearcherId> = data.study.team.iter().map(|r| &r.id).collect();
    let known_researcher = |id: &ResearcherId| !study_ok || team.contains(id);

    check_codebook(&mut checker, layout, data);
    check_guides(&mut checker, layout, data);
    check_ids_are_file_safe(&mut checker, layout, data);

    // The cases are checked on all cores: each thread takes batches and
    // keeps its own findings. Their order does not matter, since the
    // problems are sorted once placed.
    let cases: Vec<(&CaseId, &CaseData)> = data.cases.iter().collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Checker {
            found: Vec::new(),
            known: &known,
        };
        loop {
            let start = next.fetch_add(CASE_BATCH, Ordering::Relaxed);
            if start >= cases.len() {
                break;
            }
            for (case_id, case) in &cases[start..(start + CASE_BATCH).min(cases.len())] {
                check_case(&mut mine, layout, data, study_ok, case_id, case, &known_researcher);
            }
        }
        mine.found
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(cases.len().div_ceil(CASE_BATCH)).max(1);
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        checker.found.extend(work());
        for other in others {
            // A panic in a worker is a bug in casebook, not in a file: pass it on.
            checker
                .found
                .extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
    });
    for cycle in crate::analysis::waves::waves(data).cycles {
        let Some(first) = data.informant(&cycle[0]) else {
            continue;
        };
        let path = layout.informant_file(&first.case, &first.id);
        let names: Vec<&str> = cycle.iter().map(InformantId::as_str).collect();
        checker.report(&path, "referred_by", format!("referral cycle: {}", names.join(" → ")));
    }
    place(checker.found, stamps)
}

/// Cases a thread of checks takes at a time.
const CASE_BATCH: usize = 16;

/// The references and answers of one case folder's files.
fn check_case(
    checker: &mut Checker,
    layout: &Layout,
    data: &StudyData,
    study_ok: bool,
    case_id: &CaseId,
    case: &CaseData,
    known_researcher: &(dyn Fn(&ResearcherId) -> bool + Sync),
) {
    let case_path = layout.case_file(case_id);
    for reviewer in case.case.reviewers.iter().chain(&case.case.excluded_reviewers) {
        if !known_researcher(reviewer) {
            checker.dangling(&case_path, "researcher", reviewer.as_str());
        }
    }
    for change in &case.case.stage_log {
        if !known_researcher(&change.by) {
            checker.dangling(&case_path, "researcher", change.by.as_str());
        }
    }
    if let Some(focus) = &case.case.focus_area {
        if study_ok && data.study.focus_area(focus).is_none() {
            checker.dangling(&case_path, "focus area", focus);
        }
    }
    if study_ok && !case.case.region.is_empty() && !data.study.strata.regions.contains(&case.case.region) {
        checker.dangling(&case_path, "region", &case.case.region);
    }
    for (reviewer, review) in &case.reviews {
        let path = layout.review_file(case_id, reviewer);
        if !known_researcher(reviewer) {
            checker.dangling(&path, "researcher", reviewer.as_str());
        }
        if &review.case != case_id {
            checker.dangling(&path, "case (not this folder's)", review.case.as_str());
        }
        if study_ok {
            check_answers(checker, &path, &data.study, &review.answers);
        }
    }
    for (resolver, resolution) in &case.resolutions {
        let path = layout.resolution_file(case_id, resolver);
        for (criterion, resolved) in &resolution.resolved {
            if study_ok && data.study.criterion(criterion).is_none() {
                checker.dangling(&path, "criterion", criterion.as_str());
            }
            if !known_researcher(&resolved.by) {
                checker.dangling(&path, "researcher", resolved.by.as_str());
            }
        }
    }
    for (id, informant) in &case.informants {
        let path = layout.informant_file(case_id, id);
        if &informant.case != case_id {
            checker.dangling(&path, "case (not this folder's)", informant.case.as_str());
        }
        for researcher in &informant.responsible {
            if !known_researcher(researcher) {
                checker.dangling(&path, "researcher", researcher.as_str());
            }
        }
        for researcher in informant.status_authors() {
            if !known_researcher(researcher) {
                let status_path = layout.status_file(case_id, id, researcher);
                checker.dangling(&status_path, "researcher", researcher.as_str());
            }
        }
        match &informant.referred_by {
            Some(Referral::Informant {
                id: referrer,
                interview,
            }) => {
                if !checker.known.informants.contains(referrer) {
                    checker.dangling(&path, "informant (referred by)", referrer.as_str());
                }
                if let Some(interview) = interview {
                    if !checker.known.interviews.contains(interview) {
                        checker.dangling(&path, "interview", interview.as_str());
                    }
                }
            }
            Some(Referral::Case(case)) if !data.cases.contains_key(case) => {
                checker.dangling(&path, "case (referred by)", case.as_str());
            }
            _ => {}
        }
    }
    // A stand-in for a file that failed to load has nothing to check:
    // that file's problem is reported already.
    for (id, interview) in case.interviews.iter().filter(|(_, i)| !i.stand_in) {
        check_interview(checker, layout, data, case_id, id, interview, known_researcher);
    }
}

/// Places each problem at the first occurrence of its text, reading each file
/// once. Loading keeps no text, to save memory; problems are few. A file
/// changed since it was loaded is not searched: its problems point at its
/// start, as they do when the text is not found.
fn place(mut found: Vec<Found>, stamps: &Stamps) -> Vec<Problem> {
    found.sort_by(|a, b| a.path.cmp(&b.path));
    let mut problems = Vec::with_capacity(found.len());
    let mut text: Option<(PathBuf, String)> = None;
    for Found { path, needle, message } in found {
        if text.as_ref().is_none_or(|(read, _)| *read != path) {
            text = Some((path.clone(), read_as_loaded(&path, stamps).unwrap_or_default()));
        }
        let source = text.as_ref().map_or("", |(_, source)| source.as_str());
        problems.push(Problem::at_text(&path, source, &needle, message));
    }
    problems
}

/// The text of `path` if it still holds the bytes that were loaded.
fn read_as_loaded(path: &Path, stamps: &Stamps) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if stamps.get(path) != Some(fingerprint(&bytes)) {
        return None;
    }
    String::from_utf8(bytes).ok()
}

fn check_answers(
    checker: &mut Checker,
    path: &Path,
    study: &Study,
    answers: &std::collections::BTreeMap<CriterionId, Answer>,
) {
    for (criterion_id, answer) in answers {
        let Some(criterion) = study.criterion(criterion_id) else {
            checker.dangling(path, "criterion", criterion_id.as_str());
            continue;
        };
        let fits = match (&criterion.scale, answer) {
            (Scale::Ordinal { min, max }, Answer::Point(p)) => (min..=max).contains(&p),
            (Scale::Categories(options), Answer::Category(c)) => options.contains(c),
            (Scale::YesNo, Answer::YesNo(_)) | (Scale::FreeText, Answer::Text(_)) => true,
            _ => false,
        };
        if !fits {
            checker.report(
                path,
                &format!("\"{criterion_id}\""),
                format!(
                    "answer `{}` does not fit the scale of criterion `{criterion_id}`",
                    answer.label()
                ),
            );
        }
    }
}

fn check_interview(
    checker: &mut Checker,
    layout: &Layout,
    data: &StudyData,
    case_id: &CaseId,
    id: &InterviewId,
    interview: &InterviewData,
    known_researcher: &(dyn Fn(&ResearcherId) -> bool + Sync),
) {
    let path = layout.interview_file(case_id, id);
    let record = &interview.interview;
    let guide = data.guides.get(&record.guide);
    if guide.is_none() {
        checker.dangling(&path, "guide", record.guide.as_str());
    }
    for informant in &record.informants {
        if !checker.known.informants.contains(informant) {
            checker.dangling(&path, "informant", informant.as_str());
        }
    }
    for researcher in &record.researchers {
        if !known_researcher(researcher) {
            checker.dangling(&path, "researcher", researcher.as_str());
        }
    }
    if let Some(guide) = guide {
        for note in &record.notes {
            if guide.question(&note.question).is_none() {
                checker.dangling(&path, "question", note.question.as_str());
            }
        }
        // Notes outside the guide are coded by their id: it must be theirs alone.
        let mut seen = BTreeSet::new();
        for note in &record.outside {
            if guide.question(&note.question).is_some() || !seen.insert(&note.question) {
                checker.report(
                    &path,
                    &format!("\"{}\"", note.question),
                    format!("note outside the guide `{}`: its id is used twice", note.question),
                );
            }
        }
    }
    for (researcher, notes) in &interview.notes_by {
        let notes_path = layout.notes_file(case_id, id, researcher);
        if !known_researcher(researcher) {
            checker.dangling(&notes_path, "researcher", researcher.as_str());
        }
        if let Some(guide) = guide {
            for note in &notes.notes {
                if guide.question(&note.question).is_none() {
                    checker.dangling(&notes_path, "question", note.question.as_str());
                }
            }
        }
    }
    // Each note indexed once by character for all the codings in it.
    let mut index = NoteIndex::default();
    for (coder, codings) in &interview.codings {
        let path: PathBuf = layout.codings_file(case_id, id, coder);
        if !known_researcher(coder) {
            checker.dangling(&path, "researcher", coder.as_str());
        }
        for coding in &codings.codings {
            for code in &coding.codes {
                if checker.known.codebook_ok && !checker.known.codes.contains(code) {
                    checker.dangling(&path, "code", code.as_str());
                }
            }
            let notes_of = codings.notes_of.as_ref().filter(|r| Some(*r) != record.writer());
            let note = match notes_of {
                None => record.note(&coding.question),
                Some(r) => interview
                    .notes_by
                    .get(r)
                    .and_then(|n| n.notes.iter().chain(&n.outside).find(|q| q.question == coding.question)),
            };
            match note {
                None => checker.dangling(&path, "question (no notes for it)", coding.question.as_str()),
                // Its text gone from the notes is a warning for the coder
                // (`coding_warnings`), not an error in the file.
                Some(_) if coding.anchor == Anchor::Lost => {}
                Some(note) if index.chars_of(&note.text).passage(coding.start, coding.end).is_none() => checker.report(
                    &path,
                    &format!("\"{}\"", coding.question),
                    format!(
                        "passage {}..{} lies outside the notes on `{}`",
                        coding.start, coding.end, coding.question
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}

fn check_codebook(checker: &mut Checker, layout: &Layout, data: &StudyData) {
    let mut seen = BTreeSet::new();
    let path = layout.codebook_file();
    for (_, code) in data.codebook.flatten() {
        if !seen.insert(&code.id) {
            checker.report(
                &path,
                &format!("\"{}\"", code.id),
                format!("code `{}` is defined twice", code.id),
            );
        }
    }
    for (_, code) in data.codebook.flatten() {
        let Some(target) = &code.merged_into else { continue };
        if !checker.known.codes.contains(target) {
            checker.dangling(&path, "code (merged_into)", target.as_str());
        } else if crate::domain::codes::CodeIndex::new(data)
            .effective_id(&code.id)
            .is_none()
        {
            checker.report(
                &path,
                &format!("\"{target}\""),
                format!(
                    "code `{}` is merged in a circle (merged_into leads back to it)",
                    code.id
                ),
            );
        }
        if !code.children.is_empty() {
            checker.report(
                &path,
                &format!("\"{}\"", code.id),
                format!(
                    "code `{}` is merged into `{target}` but still has sub-codes; move them first",
                    code.id
                ),
            );
        }
    }
    // Each coder's own codes: new ids, under parents that exist. An id the
    // lead's codebook also has is one the lead adopted, not a clash.
    let mut own_seen: BTreeSet<&CodeId> = BTreeSet::new();
    for (coder, own) in &data.own_codes {
        let path = layout.own_codes_file(coder);
        if checker.known.codebook_ok && !data.study.team.iter().any(|r| &r.id == coder) {
            checker.dangling(&path, "researcher", coder.as_str());
        }
        for code in &own.codes {
            if !seen.contains(&code.id) && !own_seen.insert(&code.id) {
                checker.report(
                    &path,
                    &format!("\"{}\"", code.id),
                    format!(
                        "code `{}` is also another coder's own code; give it an id of its own",
                        code.id
                    ),
                );
            }
            if let Some(parent) = &code.parent {
                if !checker.known.codes.contains(parent) {
                    checker.dangling(&path, "code (parent)", parent.as_str());
                }
            }
        }
    }
}

/// Guides: question ids used once, no empty section, and conditions that
/// name a field the study has.
fn check_guides(checker: &mut Checker, layout: &Layout, data: &StudyData) {
    for (id, guide) in &data.guides {
        let path = layout.guide_file(id);
        if guide.sections.is_empty() {
            checker.report(&path, "sections", format!("guide `{id}` has no sections"));
        }
        let mut seen = BTreeSet::new();
        for section in &guide.sections {
            if section.questions.is_empty() {
                checker.report(
                    &path,
                    &format!("\"{}\"", section.title),
                    format!("section \"{}\" has no questions", section.title),
                );
            }
            for question in &section.questions {
                if !seen.insert(&question.id) {
                    checker.report(
                        &path,
                        &format!("\"{}\"", question.id),
                        format!("question id `{}` is used twice in the guide", question.id),
                    );
                }
                if let Some(condition) = &question.condition {
                    if let Some(why) = crate::analysis::conditions::unknown_field(data, &condition.field) {
                        checker.report(
                            &path,
                            &format!("\"{}\"", condition.field),
                            format!("the condition of `{}` names nothing: {why}", question.id),
                        );
                    }
                }
            }
        }
    }
}

/// Ids become file names, so they must be safe ones.
fn check_ids_are_file_safe(checker: &mut Checker, layout: &Layout, data: &StudyData) {
    for researcher in &data.study.team {
        if !is_file_safe(researcher.id.as_str()) {
            checker.report(
                &layout.study_file(),
                &format!("\"{}\"", researcher.id),
                format!(
                    "researcher id `{}` must use only letters, digits, `-`, `_` and `.`",
                    researcher.id
                ),
            );
        }
    }
}
