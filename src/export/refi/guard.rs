//! The last check before anything leaves: no informant's contact details
//! (from the private store) and nothing that looks like an e-mail address
//! goes into an export, whatever the shared files hold. Every text the
//! writers put out passes here; one that fails stops the export whole.

use crate::store::details::Matcher;
use crate::store::private::Contacts;
use std::io;

/// What went wrong while writing, before the file it happened in is known.
#[derive(Debug)]
pub enum Failure {
    Io(io::Error),
    /// The place (an interview's notes, a memo, a code) that holds contact details.
    Private(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<zip::result::ZipError> for Failure {
    fn from(e: zip::result::ZipError) -> Self {
        Failure::Io(io::Error::other(e))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Guard {
    /// The private store's details, and any e-mail address: the same
    /// matcher `check` and every write use (`store::details`).
    matcher: Matcher,
}

impl Guard {
    /// A guard against the contact details in `contacts`.
    pub fn new(contacts: &Contacts) -> Guard {
        Guard {
            matcher: Matcher::new(contacts),
        }
    }

    /// Passes `text`, or names `place` as holding contact details.
    pub fn pass(&self, place: &dyn Fn() -> String, text: &str) -> Result<(), Failure> {
        if self.matcher.find(text).is_empty() {
            Ok(())
        } else {
            Err(Failure::Private(place()))
        }
    }
}

/// Contacts for tests: one informant with these details.
#[cfg(test)]
pub fn contacts_for_test(name: &str, phone: Option<&str>) -> Contacts {
    let mut contacts = Contacts::default();
    contacts.contacts.insert(
        "INF-1".into(),
        crate::store::private::Contact {
            name: name.to_string(),
            email: None,
            phone: phone.map(str::to_string),
        },
    );
    contacts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_and_email_addresses_do_not_pass() {
        let guard = Guard::new(&contacts_for_test("Kari Nordmann", Some("+47 912 34 567")));
        let here = || "INT-1".to_string();
        assert!(guard.pass(&here, "Vi snakket med kari nordmann i går").is_err());
        assert!(guard.pass(&here, "ring +47 912 34 567").is_err());
        assert!(guard.pass(&here, "skriv til kari@kommune.no").is_err());
        assert!(
            guard.pass(&here, "ring 91234567").is_err(),
            "the digits, however grouped"
        );
        assert!(guard.pass(&here, "x marks the spot; Bærum").is_ok());
    }
}
