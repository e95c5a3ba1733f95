//! Reading a codebook written by another QDA program: a `.qdc`, or the
//! `CodeBook` inside a `.qdpx`'s `project.qde` (everything else in the
//! project, sources in any format included, is skipped unread). Lenient
//! where programs differ (draft namespaces such as ATLAS.ti's
//! `urn:QDA-XML:codebook:0:4`, a missing `isCodable` or colour, `<Sets>`);
//! strict where the file is not what it says: broken XML or a root that is
//! not REFI's is an error with `path:line:column`, and nothing is merged.

use crate::store::problem::line_column;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use std::io::Read;
use std::path::Path;
use thiserror::Error;

/// One code as another program wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefiCode {
    pub name: String,
    pub description: String,
    /// `#rrggbb`, lower case; `None` when missing or not a colour.
    pub colour: Option<String>,
    /// `false` for a folder that only groups codes (NVivo, MAXQDA).
    pub codable: bool,
    pub children: Vec<RefiCode>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefiCodebook {
    /// The program that wrote it, when it says.
    pub origin: Option<String>,
    pub codes: Vec<RefiCode>,
    /// `<Set>`s (code groups), which casebook has no place for.
    pub sets: usize,
    /// Codes whose colour was given but is not `#rgb` or `#rrggbb`.
    pub odd_colours: Vec<String>,
}

#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{where_}: {message}")]
    File { where_: String, message: String },
    #[error("{where_}:{line}:{column}: {message}")]
    At {
        where_: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Codes nested deeper than this are taken for a broken or hostile file
/// (reading them recursively would otherwise exhaust the stack).
const MAX_DEPTH: usize = 100;

/// The largest `project.qde` read from a `.qdpx` (its sources are not read).
const MAX_PROJECT_BYTES: u64 = 1 << 30;

/// Reads the codebook in `path`: a zip is taken for a `.qdpx`, anything
/// else for a `.qdc`, whatever the file's name says.
pub fn read_codebook(path: &Path) -> Result<RefiCodebook, ReadError> {
    let file_error = |message: String| ReadError::File {
        where_: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| file_error(e.to_string()))?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let project = project_of(&bytes).map_err(file_error)?;
        let where_ = format!("{}:project.qde", path.display());
        let text = utf8(project).map_err(|message| ReadError::File {
            where_: where_.clone(),
            message,
        })?;
        parse(&text, &where_)
    } else {
        let text = utf8(bytes).map_err(file_error)?;
        parse(&text, &path.display().to_string())
    }
}

/// The bytes of `project.qde` in a `.qdpx`.
fn project_of(zip_bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes))
        .map_err(|e| format!("not a readable .qdpx (zip): {e}"))?;
    let name = zip
        .file_names()
        .filter_map(Result::ok)
        .find(|n| n.eq_ignore_ascii_case("project.qde"))
        .map(|n| n.to_string())
        .ok_or("not a REFI-QDA project: the zip holds no project.qde")?;
    let entry = zip.by_name(&name).map_err(|e| format!("{name}: {e}"))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PROJECT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > MAX_PROJECT_BYTES {
        return Err(format!("{name} is larger than 1 GiB; not read"));
    }
    Ok(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (byte {}); REFI-QDA files are UTF-8 XML",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads the codebook out of a `.qdc`'s or a `project.qde`'s text; `where_`
/// names it in messages.
pub fn parse(text: &str, where_: &str) -> Result<RefiCodebook, ReadError> {
    let mut parser = Parser {
        reader: NsReader::from_str(text),
        text,
        where_,
        tag_at: 0,
    };
    parser.document()
}

/// An element's start as the parser needs it: local name and namespace.
struct Tag<'i> {
    start: BytesStart<'i>,
    local: String,
    namespace: Option<String>,
    /// `<X/>`: no children, no end to wait for.
    empty: bool,
}

enum Next<'i> {
    Open(Tag<'i>),
    Text(String),
    End,
    Eof,
}

struct Parser<'i, 'w> {
    reader: NsReader<&'i [u8]>,
    text: &'i str,
    where_: &'w str,
    /// Byte offset where the last element started, for messages about it.
    tag_at: u64,
}

impl<'i> Parser<'i, '_> {
    fn at(&self, offset: u64, message: impl Into<String>) -> ReadError {
        let (line, column) = line_column(self.text, offset as usize);
        ReadError::At {
            where_: self.where_.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn next(&mut self) -> Result<Next<'i>, ReadError> {
        loop {
            let before = self.reader.buffer_position();
            let (namespace, event) = match self.reader.read_resolved_event() {
                Ok((ResolveResult::Bound(ns), event)) => (Some(ns.into_inner().to_string()), event),
                Ok((_, event)) => (None, event),
                Err(e) => return Err(self.at(self.reader.error_position(), format!("not well-formed XML: {e}"))),
            };
            return Ok(match event {
                Event::Start(start) => {
                    self.tag_at = before;
                    Next::Open(tag(start, namespace, false))
                }
                Event::Empty(start) => {
                    self.tag_at = before;
                    Next::Open(tag(start, namespace, true))
                }
                Event::Text(text) => Next::Text(text.xml10_content().into_owned()),
                Event::CData(data) => Next::Text(data.into_inner().into_owned()),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match resolve_predefined_entity(&reference) {
                            Some(s) => s.to_string(),
                            None => {
                                return Err(self.at(before, format!("unknown entity `&{};`", &*reference)));
                            }
                        },
                        Err(e) => return Err(self.at(before, format!("bad character reference: {e}"))),
                    };
                    Next::Text(resolved)
                }
                Event::End(_) => Next::End,
                Event::Eof => Next::Eof,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => continue,
            });
        }
    }

    /// Skips what is inside `tag` (an element not needed here).
    fn skip(&mut self, tag: &Tag) -> Result<(), ReadError> {
        if tag.empty {
            return Ok(());
        }
        let end = tag.start.to_end().into_owned();
        self.reader
            .read_to_end(end.name())
            .map(|_| ())
            .map_err(|e| self.at(self.reader.error_position(), format!("not well-formed XML: {e}")))
    }

    fn ended_early(&self, inside: &str) -> ReadError {
        self.at(self.text.len() as u64, format!("the file ends inside <{inside}>"))
    }

    fn document(&mut self) -> Result<RefiCodebook, ReadError> {
        let root = loop {
            match self.next()? {
                Next::Open(tag) => break tag,
                Next::Text(t) if t.trim().is_empty() => continue,
                Next::Text(_) | Next::End => {
                    return Err(self.at(0, "not a REFI-QDA file: text before the root element"))
                }
                Next::Eof => return Err(self.at(0, "not a REFI-QDA file: no XML element in it")),
            }
        };
        if let Some(ns) = root.namespace.as_deref().filter(|ns| !ns.starts_with("urn:QDA-XML:")) {
            return Err(self.at(
                self.tag_at,
                format!(
                    "not a REFI-QDA file: <{}> is in namespace `{ns}`, not urn:QDA-XML:…",
                    root.local
                ),
            ));
        }
        let origin = attribute(&root.start, "origin");
        let mut book = match root.local.as_str() {
            "CodeBook" => self.codebook(&root)?,
            "Project" => self.project(&root)?,
            other => {
                return Err(self.at(
                    self.tag_at,
                    format!(
                    "not a REFI-QDA file: the root element is <{other}>, not <CodeBook> (.qdc) or <Project> (.qdpx)"
                ),
                ))
            }
        };
        book.origin = origin;
        Ok(book)
    }

    /// The children of `<Project>`: only its `<CodeBook>` is read.
    fn project(&mut self, project: &Tag) -> Result<RefiCodebook, ReadError> {
        let mut found = None;
        if !project.empty {
            loop {
                match self.next()? {
                    Next::Open(tag) if tag.local == "CodeBook" && found.is_none() => found = Some(self.codebook(&tag)?),
                    Next::Open(tag) => self.skip(&tag)?,
                    Next::Text(_) => {}
                    Next::End => break,
                    Next::Eof => return Err(self.ended_early("Project")),
                }
            }
        }
        found.ok_or_else(|| self.at(0, "the project holds no <CodeBook>: there are no codes to import"))
    }

    fn codebook(&mut self, codebook: &Tag) -> Result<RefiCodebook, ReadError> {
        let mut book = RefiCodebook::default();
        if codebook.empty {
            return Ok(book);
        }
        loop {
            match self.next()? {
                Next::Open(tag) if tag.local == "Codes" => {
                    let codes = self.codes(&tag, &mut book)?;
                    book.codes.extend(codes);
                }
                Next::Open(tag) if tag.local == "Sets" => book.sets += self.count_sets(&tag)?,
                Next::Open(tag) => self.skip(&tag)?,
                Next::Text(_) => {}
                Next::End => return Ok(book),
                Next::Eof => return Err(self.ended_early("CodeBook")),
            }
        }
    }

    /// The `<Code>` children of `<Codes>` or of a `<Code>`.
    fn codes(&mut self, parent: &Tag, book: &mut RefiCodebook) -> Result<Vec<RefiCode>, ReadError> {
        let mut codes = Vec::new();
        if parent.empty {
            return Ok(codes);
        }
        loop {
            match self.next()? {
                Next::Open(tag) if tag.local == "Code" => codes.push(self.code(tag, book, 1)?),
                Next::Open(tag) => self.skip(&tag)?,
                Next::Text(_) => {}
                Next::End => return Ok(codes),
                Next::Eof => return Err(self.ended_early(&parent.local)),
            }
        }
    }

    fn code(&mut self, tag: Tag, book: &mut RefiCodebook, depth: usize) -> Result<RefiCode, ReadError> {
        let at = self.tag_at;
        if depth > MAX_DEPTH {
            return Err(self.at(at, format!("codes nested more than {MAX_DEPTH} deep")));
        }
        let name = attribute(&tag.start, "name")
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| self.at(at, "a <Code> without a name"))?;
        let colour = attribute(&tag.start, "color");
        let normal = colour.as_deref().and_then(normal_colour);
        if colour.is_some() && normal.is_none() {
            book.odd_colours.push(name.clone());
        }
        let codable = !matches!(
            attribute(&tag.start, "isCodable").as_deref().map(str::trim),
            Some("false" | "0")
        );
        let mut code = RefiCode {
            name,
            description: String::new(),
            colour: normal,
            codable,
            children: Vec::new(),
        };
        if tag.empty {
            return Ok(code);
        }
        loop {
            match self.next()? {
                Next::Open(child) if child.local == "Code" => {
                    let child = self.code(child, book, depth + 1)?;
                    code.children.push(child);
                }
                Next::Open(child) if child.local == "Description" => {
                    code.description = self.text_of(&child)?.trim().to_string();
                }
                Next::Open(child) => self.skip(&child)?,
                Next::Text(_) => {}
                Next::End => return Ok(code),
                Next::Eof => return Err(self.ended_early("Code")),
            }
        }
    }

    /// The text inside an element with no children (a `<Description>`).
    fn text_of(&mut self, tag: &Tag) -> Result<String, ReadError> {
        let mut text = String::new();
        if tag.empty {
            return Ok(text);
        }
        loop {
            match self.next()? {
                Next::Text(piece) => text.push_str(&piece),
                Next::Open(inner) => self.skip(&inner)?,
                Next::End => return Ok(text),
                Next::Eof => return Err(self.ended_early(&tag.local)),
            }
        }
    }

    fn count_sets(&mut self, sets: &Tag) -> Result<usize, ReadError> {
        let mut count = 0;
        if sets.empty {
            return Ok(0);
        }
        loop {
            match self.next()? {
                Next::Open(tag) => {
                    count += usize::from(tag.local == "Set");
                    self.skip(&tag)?;
                }
                Next::Text(_) => {}
                Next::End => return Ok(count),
                Next::Eof => return Err(self.ended_early("Sets")),
            }
        }
    }
}

fn tag(start: BytesStart<'_>, namespace: Option<String>, empty: bool) -> Tag<'_> {
    let local = start.local_name().as_ref().to_string();
    Tag {
        start,
        local,
        namespace,
        empty,
    }
}

/// An attribute's value by local name, unescaped; `None` when missing or broken.
fn attribute(start: &BytesStart, name: &str) -> Option<String> {
    start
        .attributes()
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// `#rgb` or `#rrggbb` as `#rrggbb` in lower case.
fn normal_colour(text: &str) -> Option<String> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        6 => hex.to_string(),
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_normalised_or_dropped() {
        assert_eq!(normal_colour("#ABC").as_deref(), Some("#aabbcc"));
        assert_eq!(normal_colour("#1F77B4").as_deref(), Some("#1f77b4"));
        assert_eq!(normal_colour("red"), None);
        assert_eq!(normal_colour("#12345"), None);
    }

    #[test]
    fn entities_and_character_references_are_resolved() {
        let book = parse(
            r#"<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="A &amp; B" isCodable="true"><Description>&lt;i&gt; &#xE6;&#248;</Description></Code></Codes></CodeBook>"#,
            "t.qdc",
        )
        .unwrap();
        assert_eq!(book.codes[0].name, "A & B");
        assert_eq!(book.codes[0].description, "<i> æø");
    }

    #[test]
    fn codes_nested_absurdly_deep_are_an_error_not_a_crash() {
        let deep = format!(
            "<CodeBook><Codes>{}{}</Codes></CodeBook>",
            "<Code name=\"a\" isCodable=\"true\">".repeat(100_000),
            "</Code>".repeat(100_000)
        );
        let err = parse(&deep, "deep.qdc").unwrap_err().to_string();
        assert!(err.contains("nested more than 100 deep"), "{err}");
    }

    #[test]
    fn broken_xml_is_placed_by_line_and_column() {
        let err = parse(
            "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes>\n<Code name=\"a\" isCodable=\"true\">\n</Codes>",
            "t.qdc",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.qdc:4:"), "{err}");
    }
}
