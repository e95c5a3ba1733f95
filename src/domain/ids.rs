//! Identifiers that carry meaning: a `CaseId` cannot be passed where a
//! `ResearcherId` is expected. In files each is a plain string.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_string())
            }
        }
    };
}

id_type!(
    /// A case: a funded project, a municipality added by snowball, or the administration.
    CaseId
);
id_type!(
    /// A member of the research team, e.g. `astrid`.
    ResearcherId
);
id_type!(
    /// An informant's pseudonym, e.g. `INF-07`. Never a name.
    InformantId
);
id_type!(
    /// An interview, e.g. `INT-07`.
    InterviewId
);
id_type!(
    /// A code (theme) in the codebook, e.g. `results.local-change`.
    CodeId
);
id_type!(
    /// An interview guide, e.g. `case-interview`.
    GuideId
);
id_type!(
    /// A question of a guide, unique within the guide, e.g. `project.origin`.
    QuestionId
);
id_type!(
    /// A review criterion of the study, e.g. `transferability`.
    CriterionId
);
id_type!(
    /// One application to the grant scheme, e.g. `A2021-0133`.
    ApplicationId
);

/// True when `id` can be a file or folder name in a study on every platform:
/// letters, digits, `-`, `_` and `.` (not leading), nothing else.
pub fn is_file_safe(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}
