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

mod email;
mod phone;

use super::private::Contacts;
use crate::domain::fold::push_folded;
use email::emails;
use phone::{digit_runs, same_phone};
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
