//! Free text is checked before it reaches a shared file: a contact detail in
//! it (a stored contact's name, e-mail address or phone number, or any
//! e-mail address) refuses the change, naming the field and the kind of
//! detail, never the text. Interview notes are the exception (refusing
//! would lose what was typed); they are not checked here.

use super::{Ctx, OpError};
use crate::domain::Study;
use crate::store::details::Matcher;
use crate::store::private::{load_contacts, Contacts};
use crate::store::private_location::store_place;

/// Refuses when any of `fields` (what the user calls the field, its text)
/// holds a contact detail known to this user or shaped like one.
pub fn refuse_details(ctx: &Ctx, study: &Study, fields: &[(&str, &str)]) -> Result<(), OpError> {
    refuse_details_of(&contacts_now(ctx, study), fields)
}

/// As `refuse_details`, against the given contacts (a contact not stored yet).
pub fn refuse_details_of(contacts: &Contacts, fields: &[(&str, &str)]) -> Result<(), OpError> {
    let matcher = Matcher::new(contacts);
    for (field, text) in fields {
        if let Some(detail) = matcher.find(text).first() {
            return Err(OpError::ContactDetail {
                field: field.to_string(),
                kind: detail.kind,
                at: detail.start + 1,
            });
        }
    }
    Ok(())
}

/// The matcher for this user's stored contacts, to check many texts at once
/// (the rows of an import).
pub fn matcher_now(ctx: &Ctx, study: &Study) -> Matcher {
    Matcher::new(&contacts_now(ctx, study))
}

/// This user's contacts for the study as the store holds them now: read at
/// each change, since another casebook may have added one meanwhile. A store
/// that cannot be read leaves the search for e-mail addresses to do the
/// checking (opening the study reports the broken store).
fn contacts_now(ctx: &Ctx, study: &Study) -> Contacts {
    store_place(ctx.layout, study)
        .and_then(|place| load_contacts(&place.path).ok())
        .unwrap_or_default()
}
