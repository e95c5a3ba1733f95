//! Personal data in a pool export: columns such as `contact_person`,
//! `contact_email` or `contact_phone`, and any other column whose values are
//! e-mail addresses or look like personal phone numbers, would put a
//! caseworker's or applicant's contact details into the shared `case.ron`.
//! The import refuses them by name; `--drop-column NAME` leaves them out.

use super::csv_problem::{CsvProblem, CsvTable};
use super::details::{DetailKind, Matcher};
use std::path::Path;

/// Column names (lower-case) that hold a person's contact details.
pub const PERSONAL_COLUMNS: [&str; 15] = [
    "contact_person",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact",
    "email",
    "e-mail",
    "phone",
    "telephone",
    "mobile",
    "kontaktperson",
    "epost",
    "e-post",
    "telefon",
    "mobil",
];

/// The problems with the columns of `table` (its header lower-cased as
/// `names`): columns to drop that it does not have or that are required,
/// and personal columns not dropped. Columns in `required` are the
/// export's known facts (the amounts are numbers, not phone numbers).
pub fn column_problems(
    path: &Path,
    table: &CsvTable,
    names: &[String],
    required: &[&str],
    drop: &[String],
) -> Vec<CsvProblem> {
    let mut problems = Vec::new();
    let dropped: Vec<String> = drop.iter().map(|d| d.trim().to_lowercase()).collect();
    for (given, name) in drop.iter().zip(&dropped) {
        if required.contains(&name.as_str()) {
            problems.push(CsvProblem::new(
                path,
                1,
                given,
                "is a required column and cannot be dropped",
            ));
        } else if !names.contains(name) {
            problems.push(CsvProblem::new(path, 1, given, "no such column to drop"));
        }
    }
    let matcher = Matcher::default();
    for (index, name) in names.iter().enumerate() {
        if required.contains(&name.as_str()) || dropped.contains(name) {
            continue;
        }
        let header = table.header.get(index).unwrap_or_default().trim();
        let hint = format!("nothing was imported; import without it with `--drop-column {header}`");
        if PERSONAL_COLUMNS.contains(&name.as_str()) {
            problems.push(CsvProblem::new(
                path,
                1,
                header,
                format!("a personal column (contact details belong in the private store, never in case.ron); {hint}"),
            ));
            continue;
        }
        let values = table
            .rows
            .iter()
            .filter_map(|(line, record)| Some((*line, record.get(index)?.trim())))
            .filter(|(_, v)| !v.is_empty());
        let (mut filled, mut phones, mut first_phone) = (0, 0, None);
        for (line, value) in values {
            filled += 1;
            if matcher.find(value).iter().any(|d| d.kind == DetailKind::Email) {
                problems.push(CsvProblem::new(
                    path,
                    line,
                    header,
                    format!("holds an e-mail address: a personal column; {hint}"),
                ));
                phones = 0;
                break;
            }
            if looks_like_phone(value) {
                phones += 1;
                first_phone.get_or_insert(line);
            }
        }
        if let Some(line) = first_phone.filter(|_| phones * 2 >= filled && phones > 0) {
            problems.push(CsvProblem::new(
                path,
                line,
                header,
                format!("holds what look like personal phone numbers: a personal column; {hint}"),
            ));
        }
    }
    problems
}

/// A phone number rather than another number: 8 to 15 digits and only what
/// numbers are written with, and a sign of a phone number: a leading `+` or
/// `00`, digits in groups (`934 56 789`), or eight digits starting with 4 or
/// 9 (a Norwegian mobile number). Organisation numbers (nine digits) and
/// amounts written plainly are not.
pub fn looks_like_phone(value: &str) -> bool {
    let value = value.trim();
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let only_phone_chars = value
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -().".contains(c) || (c == '+' && i == 0));
    if !only_phone_chars || !(8..=15).contains(&digits.len()) {
        return false;
    }
    let international = value.starts_with('+') || value.starts_with("00");
    let groups: Vec<&str> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    // `12 000 000` is an amount written in thousands, not a phone number.
    let thousands = groups.len() > 1 && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let grouped = groups.len() > 1 && !thousands;
    let mobile = digits.len() == 8 && digits == value && (digits.starts_with('4') || digits.starts_with('9'));
    international || grouped || mobile
}

#[cfg(test)]
mod tests {
    use super::looks_like_phone;

    #[test]
    fn phone_numbers_look_like_phones_and_other_numbers_do_not() {
        for phone in [
            "+47 934 56 789",
            "93456789",
            "0047 93456789",
            "934 56 789",
            "22-33-44-55",
        ] {
            assert!(looks_like_phone(phone), "{phone}");
        }
        for other in [
            "974760673",
            "800000",
            "12000000",
            "2019",
            "A2019-3031",
            "East",
            "12 000 000",
        ] {
            assert!(!looks_like_phone(other), "{other}");
        }
    }
}
