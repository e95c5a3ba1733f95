//! The one place that turns an interview's notes into the plain text of its
//! REFI-QDA source, and a coding's offsets (characters into one question's
//! notes) into positions in that text. Notes outside the guide or a second
//! researcher's notes, when the model has them, go here and nowhere else.
//!
//! The text: for each question with notes, in the order the interview holds
//! them, the question's text as a heading line, the notes, and a blank line;
//! then the notes outside the guide under "Other notes". Line ends are `\n`;
//! positions count Unicode characters, as casebook's offsets do.

use crate::domain::{Coding, Guide, Interview, QuestionId};

/// The heading of the older free notes taken outside the guide's questions.
pub const OTHER_NOTES: &str = "Other notes";

/// The heading of a note outside the guide (new interviews give each one an id).
pub const OUTSIDE_THE_GUIDE: &str = "Outside the guide";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub text: String,
    notes: Vec<NotePlace>,
}

/// Where one question's notes lie in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NotePlace {
    question: QuestionId,
    /// In characters, for positions.
    char_start: usize,
    /// In bytes, to read the notes back.
    byte_start: usize,
    byte_end: usize,
}

impl SourceText {
    pub fn of(interview: &Interview, guide: Option<&Guide>) -> SourceText {
        let mut text = String::new();
        let mut chars = 0;
        let mut notes = Vec::new();
        let push = |text: &mut String, chars: &mut usize, piece: &str| {
            text.push_str(piece);
            *chars += piece.chars().count();
        };
        // The guide's questions, then the notes outside the guide (each
        // with its own id, so it can be coded like an answer).
        let outside = interview.outside.iter().map(|n| (n, true));
        let answers = interview.notes.iter().map(|n| (n, false));
        for (note, is_outside) in answers.chain(outside).filter(|(n, _)| !n.text.is_empty()) {
            let heading = if is_outside {
                format!("{OUTSIDE_THE_GUIDE} ({})", note.question)
            } else {
                guide
                    .and_then(|g| g.question(&note.question))
                    .map_or(note.question.as_str(), |q| q.text.as_str())
                    .to_string()
            };
            push(&mut text, &mut chars, &one_line(&heading));
            push(&mut text, &mut chars, "\n");
            notes.push(NotePlace {
                question: note.question.clone(),
                char_start: chars,
                byte_start: text.len(),
                byte_end: text.len() + note.text.len(),
            });
            push(&mut text, &mut chars, &note.text);
            push(&mut text, &mut chars, "\n\n");
        }
        if !interview.other_notes.is_empty() {
            push(&mut text, &mut chars, OTHER_NOTES);
            push(&mut text, &mut chars, "\n");
            push(&mut text, &mut chars, &interview.other_notes);
            push(&mut text, &mut chars, "\n");
        }
        SourceText { text, notes }
    }

    /// The passage `coding` selects, as start and end positions (characters,
    /// end exclusive) in the text; `None` when its notes no longer read as
    /// they did when it was coded (edited since, or gone).
    pub fn locate(&self, coding: &Coding) -> Option<(usize, usize)> {
        let place = self.notes.iter().find(|p| p.question == coding.question)?;
        let notes = &self.text[place.byte_start..place.byte_end];
        (coding.passage_in(notes)? == coding.text)
            .then(|| (place.char_start + coding.start, place.char_start + coding.end))
    }
}

/// A heading stays one line whatever the guide's text holds.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    fn interview(notes: &[(&str, &str)]) -> Interview {
        let mut interview = Interview::new(InterviewId::new("INT-1"), CaseId::new("c"), GuideId::new("g"));
        interview.notes = notes
            .iter()
            .map(|(q, t)| QuestionNote {
                covered: true,
                text: t.to_string(),
                ..QuestionNote::new(QuestionId::new(*q))
            })
            .collect();
        interview.other_notes = "Ære være Åse.".to_string();
        interview
    }

    fn coding(question: &str, start: usize, end: usize, text: &str) -> Coding {
        Coding {
            question: QuestionId::new(question),
            start,
            end,
            text: text.to_string(),
            codes: vec![],
            quote: false,
            memo: String::new(),
            date: None,
            anchor: Default::default(),
        }
    }

    #[test]
    fn headings_notes_and_other_notes_in_order() {
        let source = SourceText::of(&interview(&[("a", "første\nandre"), ("b", ""), ("c", "tre")]), None);
        assert_eq!(
            source.text,
            "a\nførste\nandre\n\nc\ntre\n\nOther notes\nÆre være Åse.\n"
        );
    }

    #[test]
    fn positions_count_characters_across_lines_and_norwegian_letters() {
        let source = SourceText::of(
            &interview(&[("a", "Bømlo og Bærum\nmøttes på Røros"), ("c", "Tromsø")]),
            None,
        );
        let chars: Vec<char> = source.text.chars().collect();
        for (c, expected) in [
            (coding("a", 9, 24, "Bærum\nmøttes på"), "Bærum\nmøttes på"),
            (coding("c", 0, 6, "Tromsø"), "Tromsø"),
        ] {
            let (start, end) = source.locate(&c).expect("located");
            assert_eq!(chars[start..end].iter().collect::<String>(), expected);
        }
    }

    #[test]
    fn a_passage_that_no_longer_reads_as_coded_is_not_located() {
        let source = SourceText::of(&interview(&[("a", "Bømlo og Bærum")]), None);
        assert_eq!(source.locate(&coding("a", 0, 5, "Bamle")), None);
        assert_eq!(source.locate(&coding("a", 10, 99, "x")), None);
        assert_eq!(source.locate(&coding("zz", 0, 1, "B")), None);
    }
}
