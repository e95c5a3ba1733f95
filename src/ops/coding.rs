//! A coder's own codings file: marking an interview done (under blind
//! double coding the other coder's work shows once both have), and writing
//! back the offsets of codings that followed their words when notes were
//! edited. Only the coder's own casebook does either (one writer per file).

use super::files::{self, Writer};
use super::{Change, Ctx, OpError};
use crate::domain::*;
use crate::store::Layout;

/// Marks my codings of `interview` done (or not done).
pub fn mark_done(ctx: &Ctx, data: &mut StudyData, interview: &InterviewId, done: bool) -> Result<Change, OpError> {
    let me = ctx.author("marking an interview coded")?;
    let (case, found) = data
        .cases
        .iter_mut()
        .find_map(|(case, c)| c.interviews.get_mut(interview).map(|i| (case.clone(), i)))
        .ok_or_else(|| OpError::refused(format!("no interview `{interview}` in this study")))?;
    let path = ctx.layout.codings_file(&case, interview, &me);
    files::may_write(ctx, &path, Writer::Only(&me))?;
    let mut codings = found.codings.get(&me).cloned().unwrap_or_else(|| Codings {
        interview: interview.clone(),
        coder: me.clone(),
        codings: Vec::new(),
        done: false,
        notes_of: None,
    });
    codings.done = done;
    let write = files::write(ctx, path, &codings, Writer::Only(&me))?;
    let count = codings.codings.len();
    found.codings.insert(me.clone(), codings);
    let what = if done { "done" } else { "not done" };
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("{interview}: your coding ({count} passages) marked {what}")))
}

/// Writes my codings whose text moved in the notes back with their new
/// offsets. Codings whose text is gone are left as they are, for me to place
/// again, and counted.
pub fn write_back_anchors(ctx: &Ctx, data: &mut StudyData) -> Result<Change, OpError> {
    let me = ctx.author("writing back moved codings")?;
    let mut change = Change::default();
    let (mut moved, mut lost) = (0, 0);
    for (case, case_data) in data.cases.iter_mut() {
        for (id, interview) in case_data.interviews.iter_mut() {
            let Some(codings) = interview.codings.get_mut(&me) else {
                continue;
            };
            lost += codings.codings.iter().filter(|c| c.anchor == Anchor::Lost).count();
            let here = codings
                .codings
                .iter()
                .filter(|c| matches!(c.anchor, Anchor::Moved { .. }))
                .count();
            if here == 0 {
                continue;
            }
            let path = ctx.layout.codings_file(case, id, &me);
            change
                .writes
                .push(files::write(ctx, path, &*codings, Writer::Only(&me))?);
            for coding in &mut codings.codings {
                if matches!(coding.anchor, Anchor::Moved { .. }) {
                    coding.anchor = Anchor::Exact;
                }
            }
            moved += here;
        }
    }
    let files = change.writes.len();
    let mut line = format!("{moved} of your codings moved with their words; written back in {files} file(s)");
    if lost > 0 {
        line.push_str(&format!(
            "; {lost} no longer match their notes and wait for you to place them again"
        ));
    }
    Ok(change.said(line))
}

/// Writes my codings of one interview back if any moved with their words
/// (after I edited the notes), marking them in place again.
pub fn write_back_moved(
    ctx: &Ctx,
    case: &CaseId,
    interview: &mut InterviewData,
    me: &ResearcherId,
) -> Result<Option<super::change::FileWrite>, OpError> {
    let Some(codings) = interview.codings.get_mut(me) else {
        return Ok(None);
    };
    if !codings.codings.iter().any(|c| matches!(c.anchor, Anchor::Moved { .. })) {
        return Ok(None);
    }
    let path = ctx.layout.codings_file(case, &interview.interview.id, me);
    let write = files::write(ctx, path, &*codings, Writer::Only(me))?;
    for coding in &mut codings.codings {
        if matches!(coding.anchor, Anchor::Moved { .. }) {
            coding.anchor = Anchor::Exact;
        }
    }
    Ok(Some(write))
}

/// The codings whose text is gone from their notes, as warnings (they never
/// change an exit code): `path: coding no longer matches its notes …`.
pub fn lost_codings(layout: &Layout, data: &StudyData) -> Vec<String> {
    let mut out = Vec::new();
    for (case, case_data) in &data.cases {
        for (id, interview) in &case_data.interviews {
            for (coder, codings) in &interview.codings {
                for coding in codings.codings.iter().filter(|c| c.anchor == Anchor::Lost) {
                    let text: String = coding.text.chars().take(40).collect();
                    out.push(format!(
                        "{}: coding no longer matches its notes: on `{}`, \"{text}{}\" (kept for {coder} to place again)",
                        layout.codings_file(case, id, coder).display(),
                        coding.question,
                        if coding.text.chars().count() > 40 { "…" } else { "" },
                    ));
                }
            }
        }
    }
    out
}
