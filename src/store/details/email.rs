//! E-mail addresses in a text, also where `@` and `.` are spelt out
//! (`(at)`, `[dot]`, ` at ` with a spelt dot) or spaced (`kari @ example.no`),
//! with non-ASCII letters in either part.

use super::{Detail, DetailKind};

/// One character of the text as the e-mail search sees it: `(at)` and its
/// kind are one `@`, `[dot]` one `.`.
#[derive(Clone, Copy)]
struct Norm {
    c: char,
    start: usize,
    end: usize,
    /// Spelt as a word or in brackets (`at`, `(dot)`), not as the sign.
    spelt: bool,
    /// Spelt as a bare word between spaces: ` at `, ` dot `.
    bare: bool,
}

/// Finds every e-mail address in `text`; one of `stored` (lower-case) is a
/// stored contact's.
pub(super) fn emails(text: &str, stored: &[String]) -> Vec<Detail> {
    if !might_hold_email(text) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let norm = normalise_for_email(&chars);
    let local = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    let mut found = Vec::new();
    for (at, n) in norm.iter().enumerate() {
        if n.c != '@' {
            continue;
        }
        let mut first = at;
        while first > 0 && local(norm[first - 1].c) && !norm[first - 1].spelt {
            first -= 1;
        }
        while first < at && norm[first].c == '.' {
            first += 1;
        }
        let mut last = at + 1;
        while last < norm.len() && domain(norm[last].c) {
            last += 1;
        }
        while last > at + 1 && matches!(norm[last - 1].c, '.' | '-') {
            last -= 1;
        }
        if first == at || last == at + 1 {
            continue;
        }
        let host = &norm[at + 1..last];
        let labels: Vec<&[Norm]> = host.split(|n| n.c == '.').collect();
        let tld = labels.last().copied().unwrap_or_default();
        let well_formed = labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && tld.len() >= 2
            && tld.iter().all(|n| n.c.is_alphabetic());
        // ` at ` is an ordinary word ("she works at nav.no"): it counts only
        // when a dot is spelt out too ("kari at example dot no").
        let plausible = !n.bare || host.iter().any(|n| n.c == '.' && n.spelt);
        if !well_formed || !plausible {
            continue;
        }
        let address: String = norm[first..last].iter().flat_map(|n| n.c.to_lowercase()).collect();
        let kind = if stored.contains(&address) {
            DetailKind::ContactEmail
        } else {
            DetailKind::Email
        };
        found.push(Detail {
            start: norm[first].start,
            end: norm[last - 1].end,
            kind,
        });
    }
    found
}

/// A quick look at the bytes: is there an `@`, or an `at` in brackets or
/// between spaces? Most shared files have none, and are spared the search.
/// `memchr` jumps between candidate bytes (closing brackets, `d`s, and only
/// then `a`s), so a file without any costs a fraction of looking at every
/// byte pair.
fn might_hold_email(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memchr::memchr(b'@', bytes).is_some() {
        return true;
    }
    let blank = |b: &u8| *b == b' ' || *b == b'\t';
    let is_at = |pair: &[u8]| pair.eq_ignore_ascii_case(b"at");
    // `at` with only blanks between it and a closing bracket: `(at)`, `[ at ]`.
    // Found from the bracket, which is rarer than the letter.
    let closers = memchr::memchr3_iter(b')', b']', b'}', bytes).chain(memchr::memchr_iter(b'>', bytes));
    for close in closers {
        let mut end = close;
        while end > 0 && blank(&bytes[end - 1]) {
            end -= 1;
        }
        if end >= 2 && is_at(&bytes[end - 2..end]) {
            return true;
        }
    }
    // A bare ` at ` counts only with a dot spelt out too (see `emails`): in
    // notes without the word "dot" it is just a word, and the file is spared.
    if !holds_dot(bytes) {
        return false;
    }
    memchr::memchr2_iter(b'a', b'A', bytes).any(|i| {
        bytes.get(i..i + 2).is_some_and(is_at) && i > 0 && blank(&bytes[i - 1]) && bytes.get(i + 2).is_some_and(blank)
    })
}

/// Whether `bytes` hold "dot" in any case.
fn holds_dot(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'd', b'D', bytes)
        .any(|i| bytes.get(i + 1..i + 3).is_some_and(|ot| ot.eq_ignore_ascii_case(b"ot")))
}

/// The characters with the usual spellings of `@` and `.` made into the sign.
fn normalise_for_email(chars: &[char]) -> Vec<Norm> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, len, spelt, bare)) = spelt_sign(chars, i) {
            out.push(Norm {
                c,
                start: i,
                end: i + len,
                spelt,
                bare,
            });
            i += len;
        } else {
            out.push(Norm {
                c: chars[i],
                start: i,
                end: i + 1,
                spelt: false,
                bare: false,
            });
            i += 1;
        }
    }
    out
}

/// An `@` or `.` written out at `i`, with the spaces around it: `@`,
/// ` @ `, `(at)`, `[ at ]`, `{dot}`, ` at `, ` dot `. Gives the sign, how
/// many characters it takes, whether it was spelt out, and whether as a
/// bare word.
fn spelt_sign(chars: &[char], i: usize) -> Option<(char, usize, bool, bool)> {
    let spaces = |from: usize| {
        chars[from..]
            .iter()
            .take(3)
            .take_while(|c| **c == ' ' || **c == '\t')
            .count()
    };
    let word_at = |from: usize, word: &str| {
        let n = word.chars().count();
        from + n <= chars.len()
            && chars[from..from + n]
                .iter()
                .zip(word.chars())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    };
    let lead = spaces(i);
    let j = i + lead;
    let c = *chars.get(j)?;
    if c == '@' {
        // ` @ `: the spaces go with the sign.
        let k = j + 1;
        return Some(('@', lead + 1 + spaces(k), false, false));
    }
    if let Some(close) = match c {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '<' => Some('>'),
        _ => None,
    } {
        let inner = j + 1 + spaces(j + 1);
        for (word, sign) in [("at", '@'), ("dot", '.')] {
            if word_at(inner, word) {
                let after = inner + word.len();
                let end = after + spaces(after);
                if chars.get(end) == Some(&close) {
                    let k = end + 1;
                    return Some((sign, k + spaces(k) - i, true, false));
                }
            }
        }
        return None;
    }
    if lead == 0 {
        return None;
    }
    for (word, sign) in [("at", '@'), ("dot", '.')] {
        let after = j + word.len();
        if word_at(j, word) && after < chars.len() {
            let trail = spaces(after);
            if trail > 0 {
                return Some((sign, lead + word.len() + trail, true, true));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::might_hold_email;

    /// The definition `might_hold_email` answers faster: every byte pair looked at.
    fn by_every_pair(text: &str) -> bool {
        let bytes = text.as_bytes();
        if bytes.contains(&b'@') {
            return true;
        }
        let blank = |b: &u8| *b == b' ' || *b == b'\t';
        let spelt_dot = bytes.windows(3).any(|w| w.eq_ignore_ascii_case(b"dot"));
        bytes.windows(2).enumerate().any(|(i, pair)| {
            if !pair.eq_ignore_ascii_case(b"at") {
                return false;
            }
            let after = &bytes[i + 2..];
            let next = after.iter().find(|b| !blank(b));
            let bracketed = next.is_some_and(|b| b")]}>".contains(b));
            let bare = spelt_dot && i > 0 && blank(&bytes[i - 1]) && after.first().is_some_and(blank);
            bracketed || bare
        })
    }

    #[test]
    fn the_quick_look_agrees_with_looking_at_every_byte_pair() {
        let pieces = [
            "at", "AT", "aT", " ", "\t", ")", "]", "}", ">", "(", "dot", "DoT", "x", "@", "ø", "a", "t", "d",
        ];
        // Every text of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        for text in &texts {
            assert_eq!(might_hold_email(text), by_every_pair(text), "{text:?}");
        }
        for text in [
            "she works at nav.no",
            "kari (at) example",
            "kari at example dot no",
            "that)",
            "at\t\t]",
        ] {
            assert_eq!(might_hold_email(text), by_every_pair(text), "{text:?}");
        }
    }
}
