//! Stable GUIDs: every element of an export gets a UUID v5 derived from the
//! casebook ids it stands for, under one fixed namespace, so exporting an
//! unchanged study twice gives identical files, and the same code has the
//! same GUID in the codebook and in the project.

use crate::domain::{CaseId, CodeId, InterviewId, ResearcherId};
use uuid::Uuid;

/// casebook's own namespace for REFI-QDA GUIDs. Never change it: every
/// GUID a team has already exported would change with it.
const NAMESPACE: Uuid = Uuid::from_u128(0x5c1f_0b2e_7a44_4d1e_9a53_2f6c_8e0d_4b17);

/// The GUID of a thing of `kind` named `name` (upper case, as REFI's examples).
fn derive(kind: &str, name: &str) -> String {
    let key = format!("{kind}:{name}");
    let mut buf = Uuid::encode_buffer();
    Uuid::new_v5(&NAMESPACE, key.as_bytes())
        .hyphenated()
        .encode_upper(&mut buf)
        .to_string()
}

pub fn code(id: &CodeId) -> String {
    derive("code", id.as_str())
}

pub fn user(id: &ResearcherId) -> String {
    derive("user", id.as_str())
}

pub fn case(id: &CaseId) -> String {
    derive("case", id.as_str())
}

/// The plain-text source made of one interview's notes (also its file name).
pub fn source(interview: &InterviewId) -> String {
    derive("source", interview.as_str())
}

pub fn variable(key: &str) -> String {
    derive("variable", key)
}

/// A coded passage: codings carry no id of their own, so the passage is named
/// by its interview, coder, question and range (and, for the rare passage
/// coded twice by the same coder, which of those it is).
pub fn selection(interview: &InterviewId, coder: &ResearcherId, place: &str, nth: usize) -> String {
    derive("selection", &format!("{interview}/{coder}/{place}/{nth}"))
}

/// One code applied to a passage.
pub fn coding(selection: &str, code: &CodeId) -> String {
    derive("coding", &format!("{selection}/{code}"))
}

/// The memo written on a passage.
pub fn memo(selection: &str) -> String {
    derive("memo", selection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_follow_the_schema_pattern() {
        let a = code(&CodeId::new("applying.routine"));
        assert_eq!(a, code(&CodeId::new("applying.routine")));
        assert_ne!(a, code(&CodeId::new("applying.first-time")));
        assert_ne!(a, case(&CaseId::new("applying.routine")), "kinds never collide");
        let parts: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    }
}
