//! Keeping codings on their words when notes change. A coding stores the
//! text it was given to; at load that text is looked for again, nearest its
//! old place. When it is gone the coding is marked lost and kept for its
//! coder: it is never taken to mean whatever words now sit at its offsets.

use super::{Anchor, Coding, InterviewData};

/// Re-anchors every coding of every coder of `interview` in memory.
pub fn reanchor_interview(interview: &mut InterviewData) {
    let record = &interview.interview;
    // Each note is indexed once for the hundred-odd codings that point into it.
    let mut index = NoteIndex::default();
    for codings in interview.codings.values_mut() {
        // Codings point into the note-taker's notes, or into the notes of
        // the researcher their file names.
        let notes_of = codings
            .notes_of
            .as_ref()
            .filter(|r| Some(*r) != record.writer())
            .map(|r| interview.notes_by.get(r));
        for coding in &mut codings.codings {
            let note = match notes_of {
                None => record.note(&coding.question),
                Some(notes) => {
                    notes.and_then(|n| n.notes.iter().chain(&n.outside).find(|q| q.question == coding.question))
                }
            };
            reanchor_in(coding, note.map(|n| index.chars_of(&n.text)));
        }
    }
}

/// Finds `coding`'s stored text in `note` (the notes on its question, if
/// the interview still has them) and sets its offsets and `anchor`.
pub fn reanchor(coding: &mut Coding, note: Option<&str>) {
    reanchor_in(coding, note.map(NoteChars::new).as_ref());
}

fn reanchor_in(coding: &mut Coding, note: Option<&NoteChars>) {
    // Where the file on disk has it: a coding moved before stays "moved"
    // until its coder writes the new offsets back.
    let on_disk = match coding.anchor {
        Anchor::Moved { from_start, from_end } => (from_start, from_end),
        Anchor::Exact | Anchor::Lost => (coding.start, coding.end),
    };
    let Some(note) = note else {
        coding.anchor = Anchor::Lost;
        return;
    };
    if note.passage(coding.start, coding.end) == Some(coding.text.as_str()) {
        if coding.anchor == Anchor::Lost {
            coding.anchor = Anchor::Exact;
        }
        return;
    }
    match nearest(note.text, &coding.text, coding.start) {
        Some(found) => {
            let length = coding.text.chars().count();
            coding.start = found;
            coding.end = found + length;
            coding.anchor = if (found, found + length) == on_disk {
                Anchor::Exact
            } else {
                Anchor::Moved {
                    from_start: on_disk.0,
                    from_end: on_disk.1,
                }
            };
        }
        None => coding.anchor = Anchor::Lost,
    }
}

/// A note's text with where each of its characters starts, so a passage
/// given in characters is cut out without walking the note from its start
/// (`Coding::passage_in` does that walk, once per coding).
pub struct NoteChars<'a> {
    text: &'a str,
    /// The byte offset of every character and of the end; `None` for an
    /// ASCII note, where characters are bytes.
    bytes_of: Option<Vec<usize>>,
}

impl<'a> NoteChars<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes_of = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(byte, _)| byte)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        NoteChars { text, bytes_of }
    }

    /// Characters `start..end` of the note, or `None` if the range does not
    /// fit: what `Coding::passage_in` gives for those offsets.
    pub fn passage(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        match &self.bytes_of {
            None => self.text.get(start..end),
            Some(bytes_of) => Some(&self.text[*bytes_of.get(start)?..*bytes_of.get(end)?]),
        }
    }
}

/// The notes of one interview, each made into `NoteChars` the first time a
/// coding asks for it. An interview has a few dozen notes at most, so they
/// are told apart by their address in a short list.
#[derive(Default)]
pub struct NoteIndex<'a> {
    notes: Vec<NoteChars<'a>>,
}

impl<'a> NoteIndex<'a> {
    pub fn chars_of(&mut self, text: &'a str) -> &NoteChars<'a> {
        let at = match self.notes.iter().position(|n| std::ptr::eq(n.text, text)) {
            Some(at) => at,
            None => {
                self.notes.push(NoteChars::new(text));
                self.notes.len() - 1
            }
        };
        &self.notes[at]
    }
}

/// The character offset of the occurrence of `needle` in `haystack` nearest
/// to `near` (the earlier one on a tie), if there is one. An empty needle
/// matches nowhere: an empty passage cannot be told apart from any other.
pub fn nearest(haystack: &str, needle: &str, near: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut best: Option<usize> = None;
    // Byte offsets of matches, turned into character offsets as we go.
    let (mut bytes_seen, mut chars_seen) = (0usize, 0usize);
    for (byte, _) in haystack.match_indices(needle) {
        chars_seen += haystack[bytes_seen..byte].chars().count();
        bytes_seen = byte;
        let distance = chars_seen.abs_diff(near);
        if best.is_none_or(|b| distance < b.abs_diff(near)) {
            best = Some(chars_seen);
        }
        if chars_seen > near {
            break; // later matches are only further away
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_of_two_occurrences_is_chosen() {
        let text = "ab ab ab";
        assert_eq!(nearest(text, "ab", 0), Some(0));
        assert_eq!(nearest(text, "ab", 4), Some(3));
        assert_eq!(nearest(text, "ab", 7), Some(6));
        assert_eq!(nearest(text, "zz", 0), None);
        assert_eq!(nearest("ø ab", "ab", 0), Some(2));
    }

    /// The same answers as `Coding::passage_in`, ASCII or not, in range or out.
    #[test]
    fn a_passage_by_characters_is_the_one_coding_passage_in_gives() {
        for text in ["", "abc def", "ø æ å: Øyvind", "İbrahim ser 🙂 her"] {
            let chars = NoteChars::new(text);
            let length = text.chars().count();
            for start in 0..length + 3 {
                for end in 0..length + 3 {
                    let coding = Coding {
                        question: "q".into(),
                        start,
                        end,
                        text: String::new(),
                        codes: Vec::new(),
                        quote: false,
                        memo: String::new(),
                        date: None,
                        anchor: Anchor::Exact,
                    };
                    assert_eq!(
                        chars.passage(start, end),
                        coding.passage_in(text),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }
}
