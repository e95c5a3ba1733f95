//! `guides/<guide-id>.ron` and `guides/codebook.ron`: the interview guides the
//! team walks, and the codes (themes) notes are coded with.

use super::ids::{CodeId, GuideId, QuestionId};
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
}

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
}

impl Codebook {
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
}
