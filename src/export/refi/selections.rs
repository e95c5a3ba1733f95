//! An interview's codings, every coder's, as REFI-QDA selections: a passage
//! (positions in the source text), the codes given to it and its memo. A
//! coding whose notes no longer read as coded, or a code the codebook does
//! not hold, cannot point anywhere true, so it is left out and counted.

use super::guid;
use super::source_text::SourceText;
use crate::domain::{CodeId, InterviewData, ResearcherId};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection<'a> {
    pub guid: String,
    pub coder: &'a ResearcherId,
    pub start: usize,
    pub end: usize,
    /// The codes given to the passage that the codebook holds.
    pub codes: Vec<&'a CodeId>,
    pub memo: &'a str,
}

/// What could not go across.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Left {
    /// Codings whose passage no longer reads as it did when coded.
    pub stale: usize,
    /// Codes given to a passage that the codebook does not hold.
    pub unknown_codes: usize,
}

/// The selections of one interview, coder by coder, in each coder's order;
/// `known` holds the codebook's codes (with their GUIDs).
pub fn selections<'a>(
    interview: &'a InterviewData,
    source: &SourceText,
    known: &HashMap<&CodeId, String>,
    left: &mut Left,
) -> Vec<Selection<'a>> {
    let id = &interview.interview.id;
    let mut out = Vec::new();
    for (coder, codings) in &interview.codings {
        // The same passage coded twice by one coder still gets two GUIDs.
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for coding in &codings.codings {
            let Some((start, end)) = source.locate(coding) else {
                left.stale += 1;
                continue;
            };
            // Two codes merged into one give that code once.
            let mut guids = std::collections::BTreeSet::new();
            let mut codes: Vec<&CodeId> = Vec::new();
            for code in &coding.codes {
                match known.get(code) {
                    Some(guid) if guids.insert(guid) => codes.push(code),
                    Some(_) => {}
                    None => left.unknown_codes += 1,
                }
            }
            if codes.is_empty() && coding.memo.is_empty() {
                continue;
            }
            let place = format!("{}:{}-{}", coding.question, coding.start, coding.end);
            let nth = seen.entry(place.clone()).or_default();
            *nth += 1;
            out.push(Selection {
                guid: guid::selection(id, coder, &place, *nth),
                coder,
                start,
                end,
                codes,
                memo: coding.memo.as_str(),
            });
        }
    }
    out
}
