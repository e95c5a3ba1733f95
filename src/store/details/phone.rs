//! Phone numbers in a text: runs of digit groups, compared with a stored
//! number by their digits alone, with or without a country code.

/// Whether two digit strings are one phone number: equal, or one is the
/// other with a country code (at most four digits, `0047` included) in
/// front, as long as what is left has seven digits or more.
pub(super) fn same_phone(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 7 && long.len() - short.len() <= 4 && long.ends_with(short))
}

/// A group of digits in a text, at characters `start..end`.
pub(super) struct Group {
    pub digits: String,
    pub start: usize,
    pub end: usize,
}

/// What may stand between the groups of one phone number.
fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '+' | '\u{a0}')
}

/// Runs of digit groups that could be one phone number: groups apart by
/// at most three separators. A `+` right before a run belongs to it.
pub(super) fn digit_runs(text: &str) -> Vec<Vec<Group>> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs: Vec<Vec<Group>> = Vec::new();
    let mut current: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = if i > 0 && chars[i - 1] == '+' { i - 1 } else { i };
            let mut end = i;
            while end < chars.len() && chars[end].is_ascii_digit() {
                end += 1;
            }
            let touches_letters =
                (i > 0 && chars[i - 1].is_alphabetic()) || (end < chars.len() && chars[end].is_alphabetic());
            if touches_letters {
                // `A2019` or `3rd` is no phone number, nor part of one.
                runs.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            } else {
                current.push(Group {
                    digits: chars[i..end].iter().collect(),
                    start,
                    end,
                });
            }
            let mut next = end;
            while next < chars.len() && next - end < 3 && is_phone_separator(chars[next]) {
                next += 1;
            }
            if next >= chars.len() || !chars[next].is_ascii_digit() || next - end > 3 {
                runs.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            }
            i = end.max(next);
        } else {
            i += 1;
        }
    }
    runs.extend((!current.is_empty()).then_some(current));
    runs
}
