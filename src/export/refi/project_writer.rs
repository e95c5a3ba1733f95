//! `project.qde`: the whole coded study as one REFI-QDA project, written
//! element by element as it goes (never built in memory), children in the
//! schema's order: Users, CodeBook, Variables, Cases, Sources, Notes,
//! Description. Informants appear by pseudonym, with role and organisation.

use super::codebook_writer::write_codes;
use super::guard::Failure;
use super::selections::{selections, Left};
use super::source_text::SourceText;
use super::variables::{values, Value, VARIABLES};
use super::xml::Out;
use super::{exported_cases, exported_interviews, guid};
use crate::domain::{CaseData, CodeId, InterviewData, ResearcherId, StudyData};
use std::collections::HashMap;
use std::io::Write;

pub const PROJECT_NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// What went into the project, and what could not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub cases: usize,
    pub sources: usize,
    pub selections: usize,
    pub codings: usize,
    pub memos: usize,
    pub left: Left,
}

/// A memo met among the selections, written later under `<Notes>`.
struct Memo<'a> {
    guid: String,
    name: String,
    coder: Option<String>,
    text: &'a str,
}

pub fn write_project<W: Write>(out: &mut Out<W>, data: &StudyData, origin: &str) -> Result<Tally, Failure> {
    let mut tally = Tally::default();
    // GUIDs met on every passage are derived once.
    let users: HashMap<&ResearcherId, String> = data.study.team.iter().map(|r| (&r.id, guid::user(&r.id))).collect();
    let user = |id: &ResearcherId| users.get(id).cloned();
    let lead = data.study.lead.as_ref().and_then(user);
    let mut attributes = vec![
        ("xmlns", PROJECT_NAMESPACE),
        ("name", data.study.title.as_str()),
        ("origin", origin),
    ];
    if let Some(lead) = &lead {
        attributes.push(("creatingUserGUID", lead));
    }
    out.at("the study's title");
    out.open("Project", &attributes)?;

    out.at("the study's team");
    if !data.study.team.is_empty() {
        out.open("Users", &[])?;
        for researcher in &data.study.team {
            let guid = guid::user(&researcher.id);
            out.empty(
                "User",
                &[
                    ("guid", &guid),
                    ("name", &researcher.name),
                    ("id", researcher.id.as_str()),
                ],
            )?;
        }
        out.close("Users")?;
    }

    if !data.codebook.codes.is_empty() {
        out.open("CodeBook", &[])?;
        write_codes(out, &data.codebook)?;
        out.close("CodeBook")?;
    }

    let cases: Vec<&CaseData> = exported_cases(data).collect();
    if !cases.is_empty() {
        write_variables(out)?;
        out.open("Cases", &[])?;
        for case in &cases {
            write_case(out, data, case)?;
            tally.cases += 1;
        }
        out.close("Cases")?;
    }

    // Each code of the codebook with the GUID its codings go to: its own,
    // or, merged, that of the code it was merged into (as at load).
    let index = crate::domain::codes::CodeIndex::new(data);
    let codes: HashMap<&CodeId, String> = data
        .codebook
        .flatten()
        .into_iter()
        .filter_map(|(_, c)| {
            let target = index.effective_id(&c.id)?;
            data.codebook.find(target)?;
            Some((&c.id, guid::code(target)))
        })
        .collect();
    let mut memos = Vec::new();
    let mut interviews = exported_interviews(data).peekable();
    if interviews.peek().is_some() {
        out.open("Sources", &[])?;
        for interview in interviews {
            let source = SourceText::of(&interview.interview, data.guides.get(&interview.interview.guide));
            write_source(out, data, interview, &source, &user, &codes, &mut tally, &mut memos)?;
            tally.sources += 1;
        }
        out.close("Sources")?;
    }

    if !memos.is_empty() {
        out.open("Notes", &[])?;
        for memo in &memos {
            out.at(memo.name.clone());
            let mut attributes = vec![("guid", memo.guid.as_str()), ("name", memo.name.as_str())];
            if let Some(coder) = &memo.coder {
                attributes.push(("creatingUser", coder));
            }
            out.open("Note", &attributes)?;
            out.text("PlainTextContent", memo.text)?;
            out.close("Note")?;
        }
        out.close("Notes")?;
    }
    tally.memos = memos.len();

    if !data.study.description.is_empty() {
        out.at("the study's description");
        out.text("Description", &data.study.description)?;
    }
    out.close("Project")?;
    Ok(tally)
}

fn write_variables<W: Write>(out: &mut Out<W>) -> Result<(), Failure> {
    out.open("Variables", &[])?;
    for variable in &VARIABLES {
        let guid = guid::variable(variable.key);
        out.open(
            "Variable",
            &[
                ("guid", &guid),
                ("name", variable.name),
                ("typeOfVariable", variable.kind),
            ],
        )?;
        out.text("Description", variable.description)?;
        out.close("Variable")?;
    }
    out.close("Variables")
}

fn write_case<W: Write>(out: &mut Out<W>, data: &StudyData, case: &CaseData) -> Result<(), Failure> {
    let id = &case.case.id;
    out.at(format!("case {id}"));
    let guid = guid::case(id);
    out.open("Case", &[("guid", &guid), ("name", id.as_str())])?;
    if !case.case.title.is_empty() {
        out.text("Description", &case.case.title)?;
    }
    for (variable, value) in values(data, &case.case) {
        out.open("VariableValue", &[])?;
        out.empty("VariableRef", &[("targetGUID", &guid::variable(variable.key))])?;
        match value {
            Value::Text(text) => out.text("TextValue", &text)?,
            Value::Boolean(yes) => out.text("BooleanValue", if yes { "true" } else { "false" })?,
        }
        out.close("VariableValue")?;
    }
    for interview in case.interviews.values().filter(|i| !i.stand_in) {
        out.empty("SourceRef", &[("targetGUID", &guid::source(&interview.interview.id))])?;
    }
    out.close("Case")
}

#[allow(clippy::too_many_arguments)]
fn write_source<'a, W: Write>(
    out: &mut Out<W>,
    data: &StudyData,
    interview: &'a InterviewData,
    source: &SourceText,
    user: &dyn Fn(&ResearcherId) -> Option<String>,
    codes: &HashMap<&CodeId, String>,
    tally: &mut Tally,
    memos: &mut Vec<Memo<'a>>,
) -> Result<(), Failure> {
    let id = &interview.interview.id;
    out.at(format!("interview {id}"));
    let guid = guid::source(id);
    let path = format!("internal://{guid}.txt");
    let mut attributes = vec![
        ("guid", guid.as_str()),
        ("name", id.as_str()),
        ("plainTextPath", path.as_str()),
    ];
    let writer = interview.interview.writer().and_then(user);
    if let Some(writer) = &writer {
        attributes.push(("creatingUser", writer));
    }
    out.open("TextSource", &attributes)?;
    out.text("Description", &describe(data, interview))?;
    for selection in selections(interview, source, codes, &mut tally.left) {
        let start = selection.start.to_string();
        let end = selection.end.to_string();
        let coder = user(selection.coder);
        let mut attributes = vec![
            ("guid", selection.guid.as_str()),
            ("startPosition", start.as_str()),
            ("endPosition", end.as_str()),
        ];
        if let Some(coder) = &coder {
            attributes.push(("creatingUser", coder));
        }
        out.open("PlainTextSelection", &attributes)?;
        for code in &selection.codes {
            let coding = guid::coding(&selection.guid, code);
            let mut attributes = vec![("guid", coding.as_str())];
            if let Some(coder) = &coder {
                attributes.push(("creatingUser", coder));
            }
            out.open("Coding", &attributes)?;
            out.empty("CodeRef", &[("targetGUID", &codes[code])])?;
            out.close("Coding")?;
            tally.codings += 1;
        }
        if !selection.memo.is_empty() {
            let memo = guid::memo(&selection.guid);
            out.empty("NoteRef", &[("targetGUID", &memo)])?;
            memos.push(Memo {
                guid: memo,
                name: format!("Memo on {id} by {}", selection.coder),
                coder,
                text: selection.memo,
            });
        }
        out.close("PlainTextSelection")?;
        tally.selections += 1;
    }
    out.close("TextSource")
}

/// A line on the interview for the source's description: case, informants by
/// pseudonym with role and organisation, date, researchers, guide.
fn describe(data: &StudyData, interview: &InterviewData) -> String {
    let interview = &interview.interview;
    let case = data.cases.get(&interview.case);
    let informants: Vec<String> = interview
        .informants
        .iter()
        .map(
            |id| match case.and_then(|c| c.informants.get(id)).or_else(|| data.informant(id)) {
                Some(i) => format!("{id} ({}, {})", i.role, i.organisation),
                None => id.to_string(),
            },
        )
        .collect();
    let mut line = format!("Interview {}", interview.id);
    if !informants.is_empty() {
        line.push_str(&format!(" with {}", informants.join(", ")));
    }
    line.push_str(&format!(" in case {}", interview.case));
    if let Some(case) = case.filter(|c| !c.case.municipality.is_empty()) {
        let place = case.case.municipality.trim_matches(|c| c == '(' || c == ')');
        line.push_str(&format!(" ({place})"));
    }
    if let Some(date) = interview.date {
        line.push_str(&format!(", {date}"));
    }
    if !interview.researchers.is_empty() {
        let names: Vec<&str> = interview.researchers.iter().map(|r| r.as_str()).collect();
        line.push_str(&format!(", researchers {}", names.join(", ")));
    }
    line.push_str(&format!("; guide {}.", interview.guide));
    line
}
