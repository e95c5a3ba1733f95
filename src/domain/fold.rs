//! Folding Norwegian and other accented letters to plain ones, so `bomlo`
//! finds Bømlo and `baerum` finds Bærum, and case ids stay ASCII.

/// Lower-cases `text` and spells æ, ø, å and accented letters plainly.
///
/// ```
/// use casebook::domain::fold::fold;
/// assert_eq!(fold("Bærum"), "baerum");
/// assert!(fold("Tromsø").contains(&fold("tromso")));
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends one character of `fold`'s output (one, two or three letters:
/// lower-casing and `æ` can lengthen it), for callers that must know which
/// character of the original each folded letter came from.
pub fn push_folded(c: char, out: &mut String) {
    for c in c.to_lowercase() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'å' | 'ä' | 'á' | 'à' | 'â' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            other => out.push(other),
        }
    }
}

/// A key that sorts text the Norwegian way: letters compare without case or
/// accents, and Æ, Ø and Å come after Z, in that order (Ä sorts as Æ, Ö as
/// Ø). Case and accents decide only between texts otherwise equal.
///
/// ```
/// use casebook::domain::fold::norwegian_order;
/// let mut names = vec!["Ålesund", "Arendal", "Sør-Varanger", "Sola", "Stad", "Ørland", "Zeta"];
/// names.sort_by_key(|n| norwegian_order(n));
/// assert_eq!(names, ["Arendal", "Sola", "Stad", "Sør-Varanger", "Zeta", "Ørland", "Ålesund"]);
/// ```
pub fn norwegian_order(text: &str) -> String {
    let mut key = String::with_capacity(text.len() * 2 + 1);
    for c in text.chars().flat_map(char::to_lowercase) {
        // After `z` in code points come `{`, `|` and `}`: æ, ø, å.
        match c {
            'æ' | 'ä' => key.push('{'),
            'ø' | 'ö' => key.push('|'),
            'å' => key.push('}'),
            other => {
                let mut buffer = [0u8; 4];
                key.push_str(&fold(other.encode_utf8(&mut buffer)));
            }
        }
    }
    // The text itself breaks ties (`\0` sorts before any letter).
    key.push('\0');
    key.push_str(text);
    key
}

/// A whole number with its thousands apart, as Norwegian text writes them:
/// `1 234 000`.
pub fn thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A file-safe id from a name: folded, with runs of other characters as `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_letters_fold_to_their_plain_spellings() {
        assert_eq!(fold("Bømlo"), "bomlo");
        assert_eq!(fold("Tromsø"), "tromso");
        assert_eq!(fold("Bærum"), "baerum");
        assert_eq!(fold("Ålesund"), "alesund");
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(slug("Sør-Varanger"), "sor-varanger");
        assert_eq!(slug("Nordre Land"), "nordre-land");
    }
}
