//! Coding a passage: giving codes to a span of one question's notes, in the
//! coder's own codings file (`interviews/<id>.codes.<me>.ron`, one writer).
//! The passage's words are taken from the notes as the study holds them, so
//! a note kept privately (it holds a contact detail) can never leak into a
//! codings file through its coded text.

use super::files::{self, Writer};
use super::privacy::refuse_details;
use super::{Change, Ctx, OpError};
use crate::domain::codes::CodeIndex;
use crate::domain::*;

/// What to code: a span in characters of the notes on `question`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCoding {
    pub question: QuestionId,
    /// Whose notes: a researcher's own notes file, or the note-taker's
    /// (the interview file) when `None`.
    pub notes_of: Option<ResearcherId>,
    pub start: usize,
    pub end: usize,
    pub codes: Vec<CodeId>,
    pub quote: bool,
    pub memo: String,
}

/// Codes a passage of an interview's notes with one or more codes.
pub fn code_passage(
    ctx: &Ctx,
    data: &mut StudyData,
    case: &CaseId,
    id: &InterviewId,
    new: NewCoding,
) -> Result<Change, OpError> {
    let me = ctx.author("coding a passage")?;
    if new.codes.is_empty() {
        return Err(OpError::refused("choose at least one code"));
    }
    let index = CodeIndex::new(data);
    let codes = usable_codes(&index, &me, &new.codes)?;
    refuse_details(ctx, &data.study, &[("the memo", &new.memo)])?;
    let interview = data
        .cases
        .get(case)
        .and_then(|c| c.interviews.get(id))
        .ok_or_else(|| OpError::refused(format!("no interview `{id}` in case {case}")))?;
    let notes_of = new.notes_of.clone().filter(|r| Some(r) != interview.interview.writer());
    let note = interview
        .coded_note(notes_of.as_ref(), &new.question)
        .map(|n| n.text.as_str())
        .unwrap_or_default();
    let text: String = note
        .chars()
        .skip(new.start)
        .take(new.end.saturating_sub(new.start))
        .collect();
    if new.start >= new.end || new.end > note.chars().count() || text.trim().is_empty() {
        return Err(OpError::refused(format!(
            "nothing to code on `{}`: select some words of its saved notes",
            new.question
        )));
    }
    let mut codings = interview.codings.get(&me).cloned().unwrap_or_else(|| Codings {
        interview: id.clone(),
        coder: me.clone(),
        notes_of: notes_of.clone(),
        codings: Vec::new(),
        done: false,
    });
    if codings.notes_of != notes_of {
        let whose = |r: &Option<ResearcherId>| match r {
            Some(r) => format!("{r}'s notes"),
            None => "the note-taker's notes".to_string(),
        };
        return Err(OpError::refused(format!(
            "your codings of {id} are on {}; one codings file codes one researcher's notes, not {}",
            whose(&codings.notes_of),
            whose(&notes_of)
        )));
    }
    let path = ctx.layout.codings_file(case, id, &me);
    files::may_write(ctx, &path, Writer::Only(&me))?;
    let coding = Coding {
        question: new.question.clone(),
        start: new.start,
        end: new.end,
        text: text.clone(),
        codes: codes.clone(),
        quote: new.quote,
        memo: new.memo.trim().to_string(),
        date: Some(ctx.now.date_naive()),
        anchor: Anchor::Exact,
    };
    // One coding per span: coding the same words again adds to its codes.
    let same = codings
        .codings
        .iter_mut()
        .find(|c| c.question == coding.question && (c.start, c.end) == (coding.start, coding.end));
    match same {
        Some(existing) => {
            for code in &coding.codes {
                if !existing.codes.contains(code) {
                    existing.codes.push(code.clone());
                }
            }
            existing.quote |= coding.quote;
            if !coding.memo.is_empty() {
                existing.memo = coding.memo.clone();
            }
        }
        None => {
            let at = codings
                .codings
                .iter()
                .position(|c| (&c.question, c.start) > (&coding.question, coding.start))
                .unwrap_or(codings.codings.len());
            codings.codings.insert(at, coding);
        }
    }
    let write = files::write(ctx, path, &codings, Writer::Only(&me))?;
    let names: Vec<String> = codes
        .iter()
        .filter_map(|c| index.get(c).map(|i| index.codes[i].name.clone()))
        .collect();
    let count = codings.codings.len();
    if let Some(slot) = data.cases.get_mut(case).and_then(|c| c.interviews.get_mut(id)) {
        slot.codings.insert(me.clone(), codings);
    }
    let shown: String = text.chars().take(30).collect();
    let more = if text.chars().count() > 30 { "…" } else { "" };
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!(
        "coded “{shown}{more}” on {} with {}; {count} passage(s) of yours in {id}",
        new.question,
        names.join(", ")
    )))
}

/// Removes my coding of a span (all its codes).
pub fn uncode_passage(
    ctx: &Ctx,
    data: &mut StudyData,
    case: &CaseId,
    id: &InterviewId,
    question: &QuestionId,
    span: (usize, usize),
) -> Result<Change, OpError> {
    let me = ctx.author("removing a coding")?;
    let interview = data
        .cases
        .get(case)
        .and_then(|c| c.interviews.get(id))
        .ok_or_else(|| OpError::refused(format!("no interview `{id}` in case {case}")))?;
    let mut codings = interview
        .codings
        .get(&me)
        .cloned()
        .ok_or_else(|| OpError::refused(format!("you have no codings of {id}")))?;
    let before = codings.codings.len();
    codings
        .codings
        .retain(|c| !(&c.question == question && (c.start, c.end) == span));
    if codings.codings.len() == before {
        return Err(OpError::refused("no coding of yours on those words"));
    }
    let path = ctx.layout.codings_file(case, id, &me);
    files::may_write(ctx, &path, Writer::Only(&me))?;
    let write = files::write(ctx, path, &codings, Writer::Only(&me))?;
    let left = codings.codings.len();
    if let Some(slot) = data.cases.get_mut(case).and_then(|c| c.interviews.get_mut(id)) {
        slot.codings.insert(me.clone(), codings);
    }
    Ok(Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!("coding removed; {left} passage(s) of yours left in {id}")))
}

/// The codes as given, checked: each in the codebook or my own codes, and
/// neither merged away nor rejected.
fn usable_codes(index: &CodeIndex, me: &ResearcherId, asked: &[CodeId]) -> Result<Vec<CodeId>, OpError> {
    let mut out: Vec<CodeId> = Vec::new();
    for id in asked {
        let Some(i) = index.get(id) else {
            return Err(OpError::refused(format!("the codebook has no code `{id}`")));
        };
        let code = &index.codes[i];
        if let Some(into) = &code.merged_into {
            return Err(OpError::refused(format!(
                "code `{id}` was merged into `{into}`; use that"
            )));
        }
        if code.rejected {
            return Err(OpError::refused(format!("code `{id}` was rejected by the lead")));
        }
        if code.proposed_by.as_ref().is_some_and(|by| by != me) {
            return Err(OpError::refused(format!(
                "code `{id}` is {}'s own code, not adopted yet",
                code.proposed_by.as_ref().map(ToString::to_string).unwrap_or_default()
            )));
        }
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    Ok(out)
}

/// Codes I may give now, in tree order, for a picker: the codebook's live
/// codes and my own, as indices into the returned index.
pub fn codes_for(data: &StudyData, me: Option<&ResearcherId>) -> (CodeIndex, Vec<usize>) {
    let index = CodeIndex::new(data);
    let usable = index
        .tree()
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| index.codes[i].proposed_by.as_ref().is_none_or(|by| Some(by) == me))
        .collect();
    (index, usable)
}
