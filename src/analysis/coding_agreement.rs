//! Agreement of two coders on one interview's notes, per code. The unit is a
//! guide question the interview has notes for; the value is whether the
//! coder gave the code anywhere in those notes (after merges). Krippendorff's
//! alpha (nominal) and percent agreement come from `analysis::agreement`,
//! checked against published vectors. Only codings the viewer may see count
//! (`domain::blind`), so blind coding stays blind here too.

use super::agreement::{krippendorff_alpha, percent_agreement, Coded, Level, Ratings};
use crate::domain::blind::visible_codings;
use crate::domain::codes::CodeIndex;
use crate::domain::*;
use std::collections::{BTreeMap, BTreeSet};

/// Where two coders differ on a code: a question one gave it to and the
/// other did not, with the passages of the one who did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Difference {
    pub interview: InterviewId,
    pub question: QuestionId,
    pub with: Vec<ResearcherId>,
    pub without: Vec<ResearcherId>,
    /// The coded words, as each coder who gave the code stored them.
    pub passages: Vec<(ResearcherId, String)>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CodeAgreement {
    pub code: CodeId,
    pub name: String,
    /// Questions rated by two or more coders.
    pub units: usize,
    pub percent_agreement: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    pub differences: Vec<Difference>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CodingAgreement {
    /// The interviews compared: coded by two or more coders the viewer may see.
    pub interviews: Vec<InterviewId>,
    pub coders: Vec<ResearcherId>,
    /// Codes someone gave in those interviews, in codebook order.
    pub codes: Vec<CodeAgreement>,
}

/// Agreement over `only` (one interview) or every interview with two or
/// more visible coders.
pub fn coding_agreement(
    data: &StudyData,
    viewer: Option<&ResearcherId>,
    only: Option<&InterviewId>,
) -> CodingAgreement {
    let index = CodeIndex::new(data);
    // Per (interview, question): each coder's codes there, and their words per code.
    struct Unit<'a> {
        interview: &'a InterviewId,
        question: &'a QuestionId,
        by_coder: BTreeMap<&'a ResearcherId, BTreeMap<usize, Vec<&'a str>>>,
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut interviews = Vec::new();
    let mut coders: BTreeSet<&ResearcherId> = BTreeSet::new();
    let mut used: BTreeSet<usize> = BTreeSet::new();
    for interview in data.interviews() {
        if only.is_some_and(|o| o != &interview.interview.id) {
            continue;
        }
        let visible: Vec<&Codings> = visible_codings(viewer, &data.study, interview).collect();
        if visible.len() < 2 {
            continue;
        }
        interviews.push(interview.interview.id.clone());
        for note in &interview.interview.notes {
            let mut unit = Unit {
                interview: &interview.interview.id,
                question: &note.question,
                by_coder: BTreeMap::new(),
            };
            for codings in &visible {
                coders.insert(&codings.coder);
                let mine = unit.by_coder.entry(&codings.coder).or_default();
                for coding in codings.codings.iter().filter(|c| c.question == note.question) {
                    for code in &coding.codes {
                        if let Some(c) = index.effective(code) {
                            mine.entry(c).or_default().push(coding.text.as_str());
                            used.insert(c);
                        }
                    }
                }
            }
            units.push(unit);
        }
    }
    let coders: Vec<&ResearcherId> = coders.into_iter().collect();
    let order: BTreeMap<usize, usize> = index.tree().iter().enumerate().map(|(k, (i, _))| (*i, k)).collect();
    let mut used: Vec<usize> = used.into_iter().collect();
    used.sort_by_key(|c| order.get(c).copied().unwrap_or(usize::MAX));
    let codes = used
        .into_iter()
        .map(|code| {
            let ratings = Ratings {
                units: units
                    .iter()
                    .map(|u| format!("{} {}", u.interview, u.question))
                    .collect(),
                raters: coders.iter().map(|c| c.to_string()).collect(),
                cells: units
                    .iter()
                    .map(|u| {
                        coders
                            .iter()
                            .map(|c| {
                                u.by_coder
                                    .get(c)
                                    .map(|codes| if codes.contains_key(&code) { "1" } else { "0" }.to_string())
                            })
                            .collect()
                    })
                    .collect(),
            };
            let (percent, alpha) = match Coded::new(&ratings, Level::Nominal, None) {
                Ok(coded) => (percent_agreement(&coded), krippendorff_alpha(&coded, Level::Nominal)),
                Err(_) => (None, None),
            };
            let differences = units
                .iter()
                .filter_map(|u| {
                    let (with, without): (Vec<_>, Vec<_>) =
                        u.by_coder.iter().partition(|(_, codes)| codes.contains_key(&code));
                    if with.is_empty() || without.is_empty() {
                        return None;
                    }
                    Some(Difference {
                        interview: u.interview.clone(),
                        question: u.question.clone(),
                        passages: with
                            .iter()
                            .flat_map(|(c, codes)| codes[&code].iter().map(|t| ((**c).clone(), t.to_string())))
                            .collect(),
                        with: with.into_iter().map(|(c, _)| (*c).clone()).collect(),
                        without: without.into_iter().map(|(c, _)| (*c).clone()).collect(),
                    })
                })
                .collect();
            CodeAgreement {
                code: index.codes[code].id.clone(),
                name: index.codes[code].name.clone(),
                units: units.len(),
                percent_agreement: percent,
                krippendorff_alpha: alpha,
                differences,
            }
        })
        .collect();
    CodingAgreement {
        interviews,
        coders: coders.into_iter().cloned().collect(),
        codes,
    }
}
