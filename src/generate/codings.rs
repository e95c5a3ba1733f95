//! Codings at any scale, for benchmarks: `casebook generate --codings K`
//! spreads K codings evenly over the interviews the study has, each a
//! sentence of a question's notes with one or two of the codebook's
//! sub-codes; every third interview is coded by a second researcher too,
//! mostly alike, as blind double coding would give.

use crate::domain::*;
use crate::rng::Rng;

/// Replaces every interview's codings with `total` codings in all (fewer
/// only when no interview has notes to code).
pub fn scale_codings(seed: u64, data: &mut StudyData, total: usize) {
    let mut rng = Rng::new(seed ^ 0x636f_6469_6e67);
    let leaves: Vec<CodeId> = data
        .codebook
        .flatten()
        .into_iter()
        .filter(|(_, c)| c.children.is_empty() && c.merged_into.is_none())
        .map(|(_, c)| c.id.clone())
        .collect();
    let mut interviews: Vec<&mut InterviewData> = data
        .cases
        .values_mut()
        .flat_map(|c| c.interviews.values_mut())
        .filter(|i| i.interview.notes.iter().any(|n| !n.text.is_empty()) && !i.interview.researchers.is_empty())
        .collect();
    if interviews.is_empty() || leaves.is_empty() {
        return;
    }
    let n = interviews.len();
    for (k, interview) in interviews.iter_mut().enumerate() {
        let quota = total / n + usize::from(k < total % n);
        let spans = sentences(&interview.interview);
        let researchers = interview.interview.researchers.clone();
        let second = researchers.get(1).filter(|_| k % 3 == 0);
        let theirs = if second.is_some() { quota / 3 } else { 0 };
        let mut first = Vec::with_capacity(quota - theirs);
        for j in 0..quota - theirs {
            let (question, start, end, text) = &spans[j % spans.len()];
            let mut codes = vec![rng.pick(&leaves).clone()];
            if rng.chance(0.3) {
                let other = rng.pick(&leaves).clone();
                if other != codes[0] {
                    codes.push(other);
                }
            }
            first.push(Coding {
                question: question.clone(),
                start: *start,
                end: *end,
                text: text.clone(),
                codes,
                quote: rng.chance(0.05),
                memo: String::new(),
                date: None,
                anchor: Anchor::Exact,
            });
        }
        interview.codings.clear();
        if let Some(second) = second {
            let mut copy: Vec<Coding> = first.iter().take(theirs).cloned().collect();
            for coding in &mut copy {
                if rng.chance(0.2) {
                    coding.codes = vec![rng.pick(&leaves).clone()];
                }
            }
            interview.codings.insert(
                second.clone(),
                Codings {
                    interview: interview.interview.id.clone(),
                    coder: second.clone(),
                    codings: copy,
                    done: false,
                    notes_of: None,
                },
            );
        }
        interview.codings.insert(
            researchers[0].clone(),
            Codings {
                interview: interview.interview.id.clone(),
                coder: researchers[0].clone(),
                codings: first,
                done: false,
                notes_of: None,
            },
        );
    }
}

/// Each sentence of each note: (question, start, end, words), in characters.
fn sentences(interview: &Interview) -> Vec<(QuestionId, usize, usize, String)> {
    let mut out = Vec::new();
    for note in &interview.notes {
        let chars: Vec<char> = note.text.chars().collect();
        let mut start = 0;
        for (i, c) in chars.iter().enumerate() {
            let last = i + 1 == chars.len();
            if last || matches!(c, '.' | '?' | '!') && chars[i + 1] == ' ' {
                let end = i + 1;
                if end > start {
                    out.push((note.question.clone(), start, end, chars[start..end].iter().collect()));
                }
                start = end + 1;
            }
        }
    }
    out
}
