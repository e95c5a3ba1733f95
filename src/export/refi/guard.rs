//! The last check before anything leaves: no informant's contact details
//! (from the private store) and nothing that looks like an e-mail address
//! goes into an export, whatever the shared files hold. Every text the
//! writers put out passes here; one that fails stops the export whole.

use crate::store::privacy::find_email;
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
    /// Each contact detail, lower-cased.
    details: Vec<String>,
}

impl Guard {
    /// A guard against these contact details (names, e-mail addresses, phone numbers).
    pub fn new<'a>(details: impl IntoIterator<Item = &'a str>) -> Guard {
        Guard {
            details: details
                .into_iter()
                .map(str::trim)
                .filter(|d| d.chars().count() >= 3)
                .map(str::to_lowercase)
                .collect(),
        }
    }

    /// Passes `text`, or names `place` as holding contact details.
    pub fn pass(&self, place: &dyn Fn() -> String, text: &str) -> Result<(), Failure> {
        let leaks = find_email(text).is_some() || {
            !self.details.is_empty() && {
                let lower = text.to_lowercase();
                self.details.iter().any(|d| lower.contains(d.as_str()))
            }
        };
        if leaks {
            Err(Failure::Private(place()))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_and_email_addresses_do_not_pass() {
        let guard = Guard::new(["Kari Nordmann", "+47 912 34 567", "x"]);
        let here = || "INT-1".to_string();
        assert!(guard.pass(&here, "Vi snakket med kari nordmann i går").is_err());
        assert!(guard.pass(&here, "ring +47 912 34 567").is_err());
        assert!(guard.pass(&here, "skriv til kari@kommune.no").is_err());
        assert!(
            guard.pass(&here, "x marks the spot; Bærum").is_ok(),
            "details under 3 characters are ignored"
        );
    }
}
