//! The few shapes of XML the writers use, over quick-xml (which escapes
//! every text and attribute value: nothing here escapes by hand). Every
//! value passes the privacy guard first, and is cleaned of the control
//! characters XML 1.0 cannot carry at all.

use super::guard::{Failure, Guard};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::io::Write;

/// An XML document being written, indented by two spaces.
pub struct Out<'g, W: Write> {
    xml: Writer<W>,
    guard: &'g Guard,
    /// What is being written, for the message when the guard stops it.
    place: String,
}

impl<'g, W: Write> Out<'g, W> {
    /// A document on `out`, its XML declaration written.
    pub fn document(out: W, guard: &'g Guard) -> Result<Self, Failure> {
        let mut xml = Writer::new_with_indent(out, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        Ok(Out {
            xml,
            guard,
            place: String::new(),
        })
    }

    /// Says what is written next (`interview INT-07`), for the guard's message.
    pub fn at(&mut self, place: impl Into<String>) {
        self.place = place.into();
    }

    pub fn into_inner(self) -> W {
        self.xml.into_inner()
    }

    fn pass(&self, text: &str) -> Result<(), Failure> {
        self.guard.pass(&|| self.place.clone(), text)
    }

    fn tag<'a>(&self, name: &'a str, attributes: &[(&str, &str)]) -> Result<BytesStart<'a>, Failure> {
        let mut start = BytesStart::new(name);
        for (key, value) in attributes {
            self.pass(value)?;
            start.push_attribute((*key, clean(value).as_ref()));
        }
        Ok(start)
    }

    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> Result<(), Failure> {
        let tag = self.tag(name, attributes)?;
        Ok(self.xml.write_event(Event::Start(tag))?)
    }

    pub fn close(&mut self, name: &str) -> Result<(), Failure> {
        Ok(self.xml.write_event(Event::End(BytesEnd::new(name)))?)
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> Result<(), Failure> {
        let tag = self.tag(name, attributes)?;
        Ok(self.xml.write_event(Event::Empty(tag))?)
    }

    /// `<name>text</name>`.
    pub fn text(&mut self, name: &str, text: &str) -> Result<(), Failure> {
        self.pass(text)?;
        self.xml
            .create_element(name)
            .write_text_content(BytesText::new(&clean(text)))?;
        Ok(())
    }
}

/// `text` without the characters XML 1.0 forbids (most C0 controls), which
/// become U+FFFD; tabs and line ends stay.
pub fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'));
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_by_quick_xml_and_controls_replaced() {
        let guard = Guard::default();
        let mut out = Out::document(Vec::new(), &guard).unwrap();
        out.text("Description", "<b>Bærum & \"co\"</b>\u{7}").unwrap();
        out.empty("Code", &[("name", "a<b & \"c\"")]).unwrap();
        let out = String::from_utf8(out.into_inner()).unwrap();
        assert!(
            out.contains("<Description>&lt;b&gt;Bærum &amp; &quot;co&quot;&lt;/b&gt;\u{FFFD}</Description>"),
            "{out}"
        );
        assert!(out.contains("<Code name=\"a&lt;b &amp; &quot;c&quot;\"/>"), "{out}");
    }

    #[test]
    fn the_guard_stops_a_value_and_names_the_place() {
        let guard = Guard::new(&super::super::guard::contacts_for_test("Kari Nordmann", None));
        let mut out = Out::document(Vec::new(), &guard).unwrap();
        out.at("memo on INT-1");
        match out.text("PlainTextContent", "ring Kari Nordmann") {
            Err(Failure::Private(place)) => assert_eq!(place, "memo on INT-1"),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
