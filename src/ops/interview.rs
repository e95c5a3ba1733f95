//! Interviews: starting one from an informant or a case (its id carries its
//! author), saving the notes typed during it (to the interview file when I
//! take the notes, else to my own `<id>.notes.<me>.ron`), and finishing it
//! (the informants' status becomes interviewed, the duration is recorded).

use super::informant::set_status;
use super::note_privacy::{details_in, draft_path};
use super::{files, Change, Ctx, OpError, PrivateFile};
use crate::domain::*;
use crate::store::private::Contacts;
use crate::store::ron_io::to_ron;

/// What a new interview is about.
#[derive(Debug, Clone, PartialEq)]
pub struct StartInterview {
    pub case: CaseId,
    pub informants: Vec<InformantId>,
    /// The guide; by default the first whose audience fits the case.
    pub guide: Option<GuideId>,
    pub mode: InterviewMode,
    pub recording: Recording,
}

/// The next interview id of `author`: `INT-<author>-NN`, so two clones never
/// make the same one.
pub fn next_interview_id(data: &StudyData, author: &ResearcherId) -> InterviewId {
    let prefix = format!("INT-{author}-");
    let highest = data
        .interviews()
        .filter_map(|i| i.interview.id.as_str().strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    InterviewId::new(format!("{prefix}{:02}", highest + 1))
}

/// Starts an interview now, with me taking the notes.
pub fn start(ctx: &Ctx, data: &mut StudyData, new: StartInterview) -> Result<(Change, InterviewId), OpError> {
    let me = ctx.author("an interview")?;
    files::check_case(ctx, &new.case)?;
    let case = data
        .cases
        .get(&new.case)
        .ok_or_else(|| OpError::refused(format!("no case `{}`", new.case)))?;
    if new.informants.is_empty() {
        return Err(OpError::refused("an interview needs at least one informant"));
    }
    let mut researchers = vec![me.clone()];
    for id in &new.informants {
        let informant = case
            .informants
            .get(id)
            .ok_or_else(|| OpError::refused(format!("no informant `{id}` in case {}", new.case)))?;
        for r in &informant.responsible {
            if !researchers.contains(r) {
                researchers.push(r.clone());
            }
        }
    }
    let audience = match case.case.origin {
        Origin::Administration => Audience::Administration,
        _ => Audience::Case,
    };
    let guide = match new.guide {
        Some(guide) if data.guides.contains_key(&guide) => guide,
        Some(guide) => return Err(OpError::refused(format!("no guide `{guide}`"))),
        None => data
            .guides
            .values()
            .find(|g| g.audience == audience)
            .map(|g| g.id.clone())
            .ok_or_else(|| OpError::refused("the study has no interview guide for this case"))?,
    };
    let consent_confirmed = new
        .informants
        .iter()
        .all(|i| case.informants.get(i).is_some_and(|i| i.consent.is_some()));
    let id = next_interview_id(data, &me);
    let mut interview = Interview::new(id.clone(), new.case.clone(), guide);
    interview.informants = new.informants;
    interview.interviewer = researchers.get(1).cloned();
    interview.researchers = researchers;
    interview.note_taker = Some(me);
    interview.date = Some(ctx.now.date_naive());
    interview.start = Some(ctx.now.time().with_nanosecond_zero());
    interview.started = Some(ctx.now.with_nanosecond_zero());
    interview.mode = new.mode;
    interview.recording = new.recording;
    interview.consent_confirmed = consent_confirmed;
    let write = files::interview(ctx, &interview)?;
    if let Some(case) = data.cases.get_mut(&new.case) {
        case.interviews.insert(id.clone(), InterviewData::new(interview));
    }
    let change = Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("started interview {id} in {}", new.case));
    Ok((change, id))
}

/// Starts an interview with one informant, in their case.
pub fn start_with(ctx: &Ctx, data: &mut StudyData, informant: &InformantId) -> Result<(Change, InterviewId), OpError> {
    let case = data
        .informant(informant)
        .map(|i| i.case.clone())
        .ok_or_else(|| OpError::refused(format!("no informant `{informant}`")))?;
    start(
        ctx,
        data,
        StartInterview {
            case,
            informants: vec![informant.clone()],
            guide: None,
            mode: InterviewMode::Digital,
            recording: Recording::NotesOnly,
        },
    )
}

/// Everything one researcher typed on an interview.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub notes: Vec<QuestionNote>,
    pub outside: Vec<QuestionNote>,
    pub at_question: Option<QuestionId>,
}

impl Draft {
    fn all(&self) -> impl Iterator<Item = &QuestionNote> {
        self.notes.iter().chain(&self.outside)
    }
}

/// My notes on an interview as they stand: the note-taker's in the
/// interview file, a second researcher's in their own file.
pub fn my_draft(data: &InterviewData, me: &ResearcherId) -> Draft {
    if data.interview.writer() == Some(me) {
        Draft {
            notes: data.interview.notes.clone(),
            outside: data.interview.outside.clone(),
            at_question: data.interview.at_question.clone(),
        }
    } else {
        data.notes_by
            .get(me)
            .map(|n| Draft {
                notes: n.notes.clone(),
                outside: n.outside.clone(),
                at_question: n.at_question.clone(),
            })
            .unwrap_or_default()
    }
}

/// Saves my notes on an interview. A note holding an informant's contact
/// detail is not written to the shared file, which keeps that note's last
/// clean version; the whole draft goes to my private drafts folder instead,
/// until no note holds a detail (then the private draft is removed).
/// Returns the change and how many notes are kept privately.
pub fn save_notes(
    ctx: &Ctx,
    data: &mut StudyData,
    case: &CaseId,
    id: &InterviewId,
    draft: Draft,
    contacts: &Contacts,
) -> Result<(Change, usize), OpError> {
    let me = ctx.author("interview notes")?;
    let record = data
        .cases
        .get(case)
        .and_then(|c| c.interviews.get(id))
        .ok_or_else(|| OpError::refused(format!("no interview `{id}` in case {case}")))?;
    if record.stand_in {
        let path = ctx.layout.interview_file(case, id);
        let why = ctx.failed.get(&path).cloned().unwrap_or_default();
        return Err(OpError::FailedToLoad { path, why });
    }
    let before = my_draft(record, &me);
    let dirty: Vec<&QuestionId> = draft
        .all()
        .filter(|n| !details_in(&n.text, contacts).is_empty())
        .map(|n| &n.question)
        .collect();
    let private_count = dirty.len();
    // The shared version: each dirty note as it was last saved clean (or
    // without its text when it never was).
    let clean = |notes: &[QuestionNote], before: &[QuestionNote]| -> Vec<QuestionNote> {
        notes
            .iter()
            .map(|n| {
                if !dirty.contains(&&n.question) {
                    return n.clone();
                }
                let mut kept = n.clone();
                kept.text = before
                    .iter()
                    .find(|b| b.question == n.question)
                    .map(|b| b.text.clone())
                    .unwrap_or_default();
                kept
            })
            .collect()
    };
    let shared = Draft {
        notes: clean(&draft.notes, &before.notes),
        outside: clean(&draft.outside, &before.outside),
        at_question: draft.at_question.clone(),
    };
    let mut change = Change::default();
    let mut interview = record.interview.clone();
    let mut mine = record.notes_by.get(&me).cloned();
    if interview.writer() == Some(&me) {
        interview.notes = shared.notes;
        interview.outside = shared.outside;
        interview.at_question = shared.at_question;
        change.writes.push(files::interview(ctx, &interview)?);
    } else {
        if !interview.researchers.contains(&me) {
            return Err(OpError::refused(format!(
                "{me} was not present at {id}: only the researchers present write notes on it"
            )));
        }
        let notes = ResearcherNotes {
            interview: id.clone(),
            researcher: me.clone(),
            notes: shared.notes,
            outside: shared.outside,
            at_question: shared.at_question,
        };
        change.writes.push(files::researcher_notes(ctx, case, &notes)?);
        mine = Some(notes);
    }
    if let Some(path) = draft_path(ctx.layout, &data.study, case, id, &me) {
        let text = if private_count > 0 {
            let whole = ResearcherNotes {
                interview: id.clone(),
                researcher: me.clone(),
                notes: draft.notes.clone(),
                outside: draft.outside.clone(),
                at_question: draft.at_question.clone(),
            };
            Some(to_ron(&whole).map_err(|e| OpError::refused(format!("cannot serialise the draft: {e}")))?)
        } else {
            None
        };
        change.private_files.push(PrivateFile { path, text });
    } else if private_count > 0 {
        return Err(OpError::refused(
            "a note holds an informant's contact detail and this system has no private folder to keep it in",
        ));
    }
    if let Some(slot) = data.cases.get_mut(case).and_then(|c| c.interviews.get_mut(id)) {
        slot.interview = interview;
        if let Some(mine) = mine {
            slot.notes_by.insert(me.clone(), mine);
        }
        // Codings follow their words as the notes change; my own moved ones
        // are written back now (only I write my codings file).
        crate::domain::anchor::reanchor_interview(slot);
        if let Some(write) = super::coding::write_back_moved(ctx, case, slot, &me)? {
            change.writes.push(write);
        }
    }
    let said = match private_count {
        0 => format!("notes on {id} saved"),
        n => format!("notes on {id} saved; {n} note(s) hold a contact detail and are kept privately until it is gone"),
    };
    Ok((change.said(said), private_count))
}

/// My private draft of an interview's notes, if a contact detail kept one.
pub fn private_draft(ctx: &Ctx, study: &Study, case: &CaseId, id: &InterviewId) -> Option<Draft> {
    let me = ctx.me?;
    let path = draft_path(ctx.layout, study, case, id, me)?;
    let text = std::fs::read_to_string(&path).ok()?;
    let notes: ResearcherNotes = crate::store::ron_io::from_ron(&path, &text).ok()?;
    Some(Draft {
        notes: notes.notes,
        outside: notes.outside,
        at_question: notes.at_question,
    })
}

/// Finishes an interview now: its end and duration are recorded, and each
/// informant's status becomes interviewed (in my status file).
pub fn finish(ctx: &Ctx, data: &mut StudyData, case: &CaseId, id: &InterviewId) -> Result<Change, OpError> {
    let me = ctx.author("an interview")?;
    let record = data
        .cases
        .get(case)
        .and_then(|c| c.interviews.get(id))
        .ok_or_else(|| OpError::refused(format!("no interview `{id}` in case {case}")))?;
    let mut interview = record.interview.clone();
    if interview.writer() != Some(&me) {
        return Err(OpError::refused(format!(
            "only the note-taker ({}) finishes {id}",
            interview.writer().map(|r| r.as_str()).unwrap_or("nobody")
        )));
    }
    let ended = ctx.now.with_nanosecond_zero();
    interview.ended = Some(ended);
    let began = interview.started.or_else(|| {
        let date = interview.date?;
        let time = interview.start?;
        date.and_time(time).and_local_timezone(*ended.offset()).single()
    });
    if let Some(began) = began {
        interview.duration_minutes = Some(((ended - began).num_seconds().max(0) as u32).div_ceil(60));
    }
    let mut change = Change {
        writes: vec![files::interview(ctx, &interview)?],
        ..Change::default()
    };
    let informants = interview.informants.clone();
    let minutes = interview.duration_minutes;
    if let Some(slot) = data.cases.get_mut(case).and_then(|c| c.interviews.get_mut(id)) {
        slot.interview = interview;
    }
    for informant in &informants {
        let already = data
            .informant(informant)
            .is_some_and(|i| i.status() == RecruitmentStatus::Interviewed);
        if !already {
            let status = set_status(
                ctx,
                data,
                informant,
                RecruitmentStatus::Interviewed,
                ctx.now.date_naive(),
                &format!("interview {id}"),
                // The interview was held now, whatever was recorded ahead of it.
                true,
            )?;
            change = change.and(status);
        }
    }
    Ok(change.said(match minutes {
        Some(m) => format!("{id} finished after {m} minutes"),
        None => format!("{id} finished"),
    }))
}

/// Drops the fraction of a second, so times are written to the second.
trait ToTheSecond {
    fn with_nanosecond_zero(self) -> Self;
}

impl<T: chrono::Timelike> ToTheSecond for T {
    fn with_nanosecond_zero(self) -> Self {
        self.with_nanosecond(0).unwrap_or(self)
    }
}
