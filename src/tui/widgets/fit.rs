//! Text cut to a width the way a reader can tell: the end marked with `…`,
//! never a number cut short into another number (`5000-1000` for
//! `5000-10000`).

/// `text` in at most `width` characters; if cut, its last one is `…`.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn cut_text_ends_in_an_ellipsis() {
        assert_eq!(fit("5000-10000", 9), "5000-100…");
        assert_eq!(fit("5000-10000", 10), "5000-10000");
        assert_eq!(fit("Work-oriented", 5), "Work…");
        assert_eq!(fit("abc", 0), "");
    }
}
