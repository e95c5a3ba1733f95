//! `guides/<guide-id>.ron` and `guides/codebook.ron`: the interview guides the
//! team walks, and the codes (themes) notes are coded with.

use super::ids::{CodeId, GuideId, QuestionId, ResearcherId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: GuideId,
    pub title: String,
    /// The title in the report's language, where useful.
    #[serde(default)]
    pub title_nb: Option<String>,
    pub audience: Audience,
    /// The language the questions are asked in (`en`, `nb`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How long the interview is planned to take; the screen's clock counts
    /// against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended_minutes: Option<u32>,
    #[serde(default)]
    pub introduction: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    Case,
    Administration,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    #[serde(default)]
    pub title_nb: Option<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: QuestionId,
    pub text: String,
    /// Follow-up prompts to use if the answer does not cover them.
    #[serde(default)]
    pub probes: Vec<String>,
    /// The interviewer's reminder to self; never read out.
    #[serde(default)]
    pub note_to_self: Option<String>,
    /// Asked only when this holds for the case (see `analysis::conditions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
}

/// When a question applies: a field of the case has one of the values.
/// `field` is a case field (`kind`, `pilot`, `region`, `county`,
/// `municipality`, `focus_area`, `stage`, `size_band`, `origin`), an
/// attribute of the pool export (`attributes.X`) or the agreed answer to a
/// review criterion (`criteria.X`); values are written as the CLI shows them
/// (`yes`, `adaptation`, `Vestlandet`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    pub one_of: Vec<String>,
}

/// The case fields a condition may name besides `attributes.X` and `criteria.X`.
pub const CONDITION_FIELDS: [&str; 9] = [
    "kind",
    "pilot",
    "region",
    "county",
    "municipality",
    "focus_area",
    "stage",
    "size_band",
    "origin",
];

impl Guide {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions().find(|q| &q.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    pub codes: Vec<Code>,
    /// Codes of coders' own codebooks that the lead turned down: no longer
    /// offered or counted (only an unused code can be rejected).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<CodeId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub id: CodeId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `#rrggbb`, used on screen and in REFI-QDA exports.
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub children: Vec<Code>,
    /// The code this one was merged into. Codings keep naming this code (no
    /// coder's file is rewritten); loading counts them under the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<CodeId>,
}

impl Codebook {
    pub fn new(codes: Vec<Code>) -> Self {
        Codebook {
            codes,
            rejected: Vec::new(),
        }
    }

    /// Every code, depth first, with its depth (0 for top-level themes).
    pub fn flatten(&self) -> Vec<(usize, &Code)> {
        fn walk<'a>(code: &'a Code, depth: usize, out: &mut Vec<(usize, &'a Code)>) {
            out.push((depth, code));
            for child in &code.children {
                walk(child, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for code in &self.codes {
            walk(code, 0, &mut out);
        }
        out
    }

    pub fn find(&self, id: &CodeId) -> Option<&Code> {
        self.flatten().into_iter().map(|(_, c)| c).find(|c| &c.id == id)
    }

    pub fn find_mut(&mut self, id: &CodeId) -> Option<&mut Code> {
        fn walk<'a>(codes: &'a mut [Code], id: &CodeId) -> Option<&'a mut Code> {
            for code in codes {
                if &code.id == id {
                    return Some(code);
                }
                if let Some(found) = walk(&mut code.children, id) {
                    return Some(found);
                }
            }
            None
        }
        walk(&mut self.codes, id)
    }

    /// Takes a code (with its sub-codes) out of the tree.
    pub fn remove(&mut self, id: &CodeId) -> Option<Code> {
        fn walk(codes: &mut Vec<Code>, id: &CodeId) -> Option<Code> {
            if let Some(at) = codes.iter().position(|c| &c.id == id) {
                return Some(codes.remove(at));
            }
            codes.iter_mut().find_map(|c| walk(&mut c.children, id))
        }
        walk(&mut self.codes, id)
    }

    /// The code `id` is nested in, if any.
    pub fn parent_of(&self, id: &CodeId) -> Option<&Code> {
        self.flatten()
            .into_iter()
            .map(|(_, c)| c)
            .find(|c| c.children.iter().any(|child| &child.id == id))
    }
}

impl Code {
    pub fn new(id: impl Into<CodeId>, name: impl Into<String>) -> Self {
        Code {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            colour: None,
            children: Vec::new(),
            merged_into: None,
        }
    }
}

/// `guides/codebook.<researcher>.ron`: the codes one coder added while
/// coding, usable at once in their codings; the lead adopts, merges or
/// rejects them in `codebook.ron` (the coder's file is theirs alone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnCodes {
    pub coder: ResearcherId,
    pub codes: Vec<OwnCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnCode {
    pub id: CodeId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub colour: Option<String>,
    /// The code this one is a sub-code of (in `codebook.ron` or this file).
    #[serde(default)]
    pub parent: Option<CodeId>,
}
