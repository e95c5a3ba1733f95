//! The codebook as REFI-QDA `<Codes>`: the same tree in `codebook.qdc` and
//! inside `project.qde`. Every casebook code can be coded with, so every
//! code is `isCodable="true"`; a colour goes across only when it is one.

use super::guard::Failure;
use super::guid;
use super::xml::Out;
use crate::domain::{Code, Codebook};
use std::io::Write;

pub const CODEBOOK_NAMESPACE: &str = "urn:QDA-XML:codebook:1.0";

/// `codebook.qdc`: a `CodeBook` root holding the codes. The schema wants at
/// least one code, so an empty codebook is not written (the caller says so).
pub fn write_qdc<W: Write>(out: &mut Out<W>, codebook: &Codebook, origin: &str) -> Result<(), Failure> {
    out.open("CodeBook", &[("xmlns", CODEBOOK_NAMESPACE), ("origin", origin)])?;
    write_codes(out, codebook)?;
    out.close("CodeBook")
}

/// `<Codes>` with every code, nested as in the codebook.
pub fn write_codes<W: Write>(out: &mut Out<W>, codebook: &Codebook) -> Result<(), Failure> {
    out.open("Codes", &[])?;
    for code in &codebook.codes {
        write_code(out, code)?;
    }
    out.close("Codes")
}

fn write_code<W: Write>(out: &mut Out<W>, code: &Code) -> Result<(), Failure> {
    // A code merged into another is gone from the tree other programs see
    // (its codings carry the code it was merged into); its sub-codes stay,
    // one level up.
    if code.merged_into.is_some() {
        for child in &code.children {
            write_code(out, child)?;
        }
        return Ok(());
    }
    out.at(format!("code `{}` in the codebook", code.id));
    let guid = guid::code(&code.id);
    let mut attributes = vec![
        ("guid", guid.as_str()),
        ("name", code.name.as_str()),
        ("isCodable", "true"),
    ];
    if let Some(colour) = code.colour.as_deref().filter(|c| is_colour(c)) {
        attributes.push(("color", colour));
    }
    if code.description.is_empty() && code.children.is_empty() {
        return out.empty("Code", &attributes);
    }
    out.open("Code", &attributes)?;
    if !code.description.is_empty() {
        out.text("Description", &code.description)?;
    }
    for child in &code.children {
        write_code(out, child)?;
    }
    out.close("Code")
}

/// `#rgb` or `#rrggbb`, the schema's `RGBType`.
pub fn is_colour(text: &str) -> bool {
    text.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CodeId;
    use crate::export::refi::guard::Guard;

    #[test]
    fn nested_codes_with_descriptions_and_only_valid_colours() {
        let codebook = Codebook {
            codes: vec![Code {
                id: CodeId::new("a"),
                name: "Søknad & rapport".into(),
                description: "Om <søknader>".into(),
                colour: Some("#1f77b4".into()),
                children: vec![Code {
                    id: CodeId::new("a.b"),
                    name: "Barn".into(),
                    description: String::new(),
                    colour: Some("blue".into()),
                    children: vec![],
                    merged_into: None,
                }],
                merged_into: None,
            }],
            rejected: Vec::new(),
        };
        let guard = Guard::default();
        let mut out = Out::document(Vec::new(), &guard).unwrap();
        write_qdc(&mut out, &codebook, "casebook").unwrap();
        let xml = String::from_utf8(out.into_inner()).unwrap();
        assert!(
            xml.contains("name=\"Søknad &amp; rapport\" isCodable=\"true\" color=\"#1f77b4\">"),
            "{xml}"
        );
        assert!(xml.contains("<Description>Om &lt;søknader&gt;</Description>"), "{xml}");
        assert!(xml.contains("name=\"Barn\" isCodable=\"true\"/>"), "{xml}");
    }
}
