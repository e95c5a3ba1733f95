//! Finding informants' contact details in a text: a stored contact's name,
//! e-mail address or phone number, and anything shaped like an e-mail
//! address. One matcher for `check`, for every operation that writes free
//! text into a shared file, and for the interview notes' editor.
//!
//! Text is normalised before matching, since people and editors change how a
//! detail looks: letters are compared case- and accent-blind (`Oyvind` is
//! `Øyvind`), any run of white space (a double space, a line break) counts
//! as one space, a phone number is its digits whatever the grouping and with
//! or without its country code (`93456789` is `+47 934 56 789`), and e-mail
//! addresses are also found written `kari(at)example.no`, `kari [at] example
//! [dot] no`, `kari @ example.no` or `kari at example dot no`, with non-ASCII
//! letters in either part. `docs/format.md` lists what is not caught.

use super::private::Contacts;
use crate::domain::fold::push_folded;
use std::fmt;

/// What a found detail is. Messages name the kind, never the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DetailKind {
    ContactName,
    ContactEmail,
    ContactPhone,
    /// Shaped like an e-mail address, whoever's it is.
    Email,
}

impl DetailKind {
    /// "a stored contact's phone number", for messages.
    pub fn describe(self) -> &'static str {
        match self {
            DetailKind::ContactName => "a stored contact's name",
            DetailKind::ContactEmail => "a stored contact's e-mail address",
            DetailKind::ContactPhone => "a stored contact's phone number",
            DetailKind::Email => "an e-mail address",
        }
    }
}

impl fmt::Display for DetailKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A contact detail in a text: `start..end` in characters (not bytes) of the
/// text as given, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Detail {
    pub start: usize,
    pub end: usize,
    pub kind: DetailKind,
}

/// Every contact detail in `text`, first first; none inside another.
///
/// ```
/// use casebook::store::details::{find_details, DetailKind};
/// use casebook::store::private::{Contact, Contacts};
/// let mut contacts = Contacts::default();
/// contacts.contacts.insert(
///     "INF-07".into(),
///     Contact { name: "Kari Nordmann".into(), email: None, phone: Some("+47 934 56 789".into()) },
/// );
/// let found = find_details("ring kari  nordmann på 93456789", &contacts);
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].start, found[0].end, found[0].kind), (5, 19, DetailKind::ContactName));
/// assert_eq!(found[1].kind, DetailKind::ContactPhone);
/// ```
pub fn find_details(text: &str, contacts: &Contacts) -> Vec<Detail> {
    Matcher::new(contacts).find(text)
}

/// The contacts prepared once for searching many texts.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    names: Vec<String>,
    emails: Vec<String>,
    phones: Vec<String>,
}

/// Names and phone numbers shorter than this are not searched for: they
/// would be found in ordinary words and numbers.
const SHORTEST_NAME: usize = 3;

impl Matcher {
    pub fn new(contacts: &Contacts) -> Self {
        let mut matcher = Matcher::default();
        for contact in contacts.contacts.values() {
            let name = normalise_words(&contact.name).0;
            if name.chars().count() >= SHORTEST_NAME {
                matcher.names.push(name);
            }
            if let Some(email) = contact.email.as_deref().map(|e| e.trim().to_lowercase()) {
                if !email.is_empty() {
                    matcher.emails.push(email);
                }
            }
            if let Some(phone) = contact.phone.as_deref() {
                let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
                if digits.len() >= 5 {
                    matcher.phones.push(digits);
                }
            }
        }
        matcher.names.sort();
        matcher.names.dedup();
        matcher
    }

    /// Every contact detail in `text`, first first; none inside another.
    pub fn find(&self, text: &str) -> Vec<Detail> {
        let mut found = emails(text, &self.emails);
        if !self.names.is_empty() {
            found.extend(self.names_in(text));
        }
        if !self.phones.is_empty() {
            found.extend(self.phones_in(text));
        }
        outermost(found)
    }

    fn names_in(&self, text: &str) -> Vec<Detail> {
        let (words, origin) = normalise_words(text);
        let mut found = Vec::new();
        for name in &self.names {
            for (at, _) in words.match_indices(name.as_str()) {
                let end = at + name.len();
                let before = words[..at].chars().next_back();
                let after = words[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                found.push(Detail {
                    start: origin[at],
                    end: origin[end - 1] + 1,
                    kind: DetailKind::ContactName,
                });
            }
        }
        found
    }

    fn phones_in(&self, text: &str) -> Vec<Detail> {
        let mut found = Vec::new();
        for run in digit_runs(text) {
            // Every stretch of whole groups: `2024 934 56 789` holds `934 56 789`.
            for first in 0..run.len() {
                for last in first..run.len() {
                    let digits: String = run[first..=last].iter().map(|g| g.digits.as_str()).collect();
                    if self.phones.iter().any(|p| same_phone(&digits, p)) {
                        found.push(Detail {
                            start: run[first].start,
                            end: run[last].end,
                            kind: DetailKind::ContactPhone,
                        });
                    }
                }
            }
        }
        found
    }
}

/// Whether two digit strings are one phone number: equal, or one is the
/// other with a country code (at most four digits, `0047` included) in
/// front, as long as what is left has seven digits or more.
fn same_phone(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 7 && long.len() - short.len() <= 4 && long.ends_with(short))
}

/// Keeps the details not inside another (a name inside an e-mail address is
/// that address), in text order.
fn outermost(mut found: Vec<Detail>) -> Vec<Detail> {
    // Longest first among those starting together, so the outer one is met first.
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
    let mut kept: Vec<Detail> = Vec::new();
    for detail in found {
        if kept.iter().any(|k| k.start <= detail.start && detail.end <= k.end) {
            continue;
        }
        kept.push(detail);
    }
    kept
}

/// `text` folded (case and accents) with white-space runs as one space, and
/// for each byte of it the character of `text` it came from.
fn normalise_words(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            push_folded(c, &mut out);
        }
        origin.resize(out.len(), index);
    }
    if out.ends_with(' ') {
        out.pop();
        origin.truncate(out.len());
    }
    (out, origin)
}

/// A group of digits in a text, at characters `start..end`.
struct Group {
    digits: String,
    start: usize,
    end: usize,
}

/// What may stand between the groups of one phone number.
fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '+' | '\u{a0}')
}

/// Runs of digit groups that could be one phone number: groups apart by
/// at most three separators. A `+` right before a run belongs to it.
fn digit_runs(text: &str) -> Vec<Vec<Group>> {
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
fn emails(text: &str, stored: &[String]) -> Vec<Detail> {
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
fn might_hold_email(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.contains(&b'@') {
        return true;
    }
    let blank = |b: &u8| *b == b' ' || *b == b'\t';
    bytes.windows(2).enumerate().any(|(i, pair)| {
        if !pair.eq_ignore_ascii_case(b"at") {
            return false;
        }
        let after = &bytes[i + 2..];
        let next = after.iter().find(|b| !blank(b));
        let bracketed = next.is_some_and(|b| b")]}>".contains(b));
        let bare = i > 0 && blank(&bytes[i - 1]) && after.first().is_some_and(blank);
        bracketed || bare
    })
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
    use super::*;
    use crate::store::private::Contact;

    fn contacts(name: &str, email: Option<&str>, phone: Option<&str>) -> Contacts {
        let mut contacts = Contacts::default();
        contacts.contacts.insert(
            "INF-a-01".into(),
            Contact {
                name: name.into(),
                email: email.map(Into::into),
                phone: phone.map(Into::into),
            },
        );
        contacts
    }

    /// The kinds and matched texts found in `text`.
    fn found(text: &str, contacts: &Contacts) -> Vec<(DetailKind, String)> {
        let chars: Vec<char> = text.chars().collect();
        find_details(text, contacts)
            .into_iter()
            .map(|d| (d.kind, chars[d.start..d.end].iter().collect()))
            .collect()
    }

    fn none() -> Contacts {
        Contacts::default()
    }

    #[test]
    fn a_phone_number_is_found_in_any_grouping_with_or_without_its_country_code() {
        let stored = contacts("Kari Nordmann", None, Some("+47 934 56 789"));
        for text in [
            "ring 93456789 i morgen",
            "ring 934 56 789",
            "ring +4793456789",
            "ring 0047 934-56-789",
            "ring (+47) 93 45 67 89",
            "i 2024: 934 56 789",
        ] {
            let hits = found(text, &stored);
            assert_eq!(hits.len(), 1, "{text}: {hits:?}");
            assert_eq!(hits[0].0, DetailKind::ContactPhone);
        }
        assert_eq!(found("ring +47 934 56 789", &stored)[0].1, "+47 934 56 789");
        assert_eq!(found("i 2024: 934 56 789", &stored)[0].1, "934 56 789");
    }

    #[test]
    fn other_numbers_are_not_a_stored_phone() {
        let stored = contacts("Kari Nordmann", None, Some("+47 934 56 789"));
        for text in ["konto 1209345678901", "A93456789", "beløp 934567", "2019 2020 2021"] {
            assert!(found(text, &stored).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_name_is_found_whatever_its_case_accents_and_spacing() {
        let stored = contacts("Øyvind  Berg", None, None);
        for text in [
            "ask Øyvind Berg",
            "ask øyvind berg",
            "ask Oyvind\n        Berg",
            "ask ØYVIND   BERG.",
        ] {
            assert_eq!(found(text, &stored).len(), 1, "{text}");
        }
        assert!(
            found("Øyvind Bergersen", &stored).is_empty(),
            "a longer word is another name"
        );
    }

    #[test]
    fn offsets_are_characters_of_the_text_as_written() {
        let stored = contacts("Øyvind Berg", None, None);
        let text = "İbrahim: ask Øyvind Berg";
        let details = find_details(text, &stored);
        assert_eq!((details[0].start, details[0].end), (13, 24));
    }

    #[test]
    fn spelt_out_e_mail_addresses_are_found() {
        for text in [
            "kari@example.no",
            "kari(at)example.no",
            "kari (at) example (dot) no",
            "kari @ example.no",
            "kari [at] example [dot] no",
            "kari at example dot no",
            "KARI{AT}EXAMPLE.NO",
            "kari@bærum.kommune.no",
            "åse.ørn@eksempel.no",
        ] {
            let hits = found(&format!("skriv til {text}, takk"), &none());
            assert_eq!(hits.len(), 1, "{text}: {hits:?}");
            assert_eq!(hits[0], (DetailKind::Email, text.to_string()), "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_an_e_mail_address() {
        for text in [
            "she works at nav.no now",
            "meet at 10. Then lunch",
            "hello @everyone",
            "a dot matrix at home",
            "we met at the office. Later",
            "insight.experience",
            "A2019-3031",
        ] {
            assert!(found(text, &none()).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_stored_address_is_named_as_the_contacts_and_its_name_part_is_not_found_apart() {
        let stored = contacts("kari", Some("Kari@Example.no"), None);
        assert_eq!(
            found("kari(at)example.no and kari@other.no", &stored),
            vec![
                (DetailKind::ContactEmail, "kari(at)example.no".to_string()),
                (DetailKind::Email, "kari@other.no".to_string()),
            ]
        );
    }
}
