//! Themes across cases: for every code, on its own and with its sub-codes,
//! the passages, cases, informants and quotes it has; a code x case matrix;
//! the spread of its cases over size band, region and focus area; which
//! codes meet in one passage; and the passages themselves.
//!
//! A passage is a span of one question's notes. When two coders gave one code
//! to overlapping spans of one question, that is one passage (their union),
//! so double coding does not double the figures. Computed once per change of
//! the study, in one pass over the codings, into plain indices the Themes
//! screen and the report read without touching the codings again.

use crate::domain::blind::coding_visible_to;
use crate::domain::codes::CodeIndex;
use crate::domain::fnv::Fnv;
use crate::domain::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

/// Whose codings count.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThemeOptions<'a> {
    /// Who is looking: under blind coding, others' codings of an interview
    /// not yet done by both are left out (`domain::blind`).
    pub viewer: Option<&'a ResearcherId>,
    /// One coder's work alone (`--coder ID`).
    pub coder: Option<&'a ResearcherId>,
}

/// A case as the figures break it down.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRow {
    pub id: CaseId,
    pub size_band: Option<String>,
    pub region: Option<String>,
    /// The focus area's id (`study.ron`).
    pub focus_area: Option<String>,
}

/// An interview that has passages.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewRow {
    pub case: usize,
    pub id: InterviewId,
    pub informants: Vec<InformantId>,
}

/// One coded passage: a span of the notes on one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub interview: u32,
    /// Index into the interview's `notes`; `u32::MAX` when its note is gone.
    pub note: u32,
    /// Characters of the note, `end` exclusive.
    pub start: usize,
    pub end: usize,
    /// Some coder marked (part of) it as a quote.
    pub quote: bool,
    /// Its text is gone from the notes: shown by its stored text, never
    /// merged with others (its place is not known).
    pub lost: bool,
    /// The coding it came from when lost (coder, index), to read its stored text.
    pub coding: Option<(u32, u32)>,
    /// The first coding in it marked as a quote (coder, index): the words
    /// the coder chose to quote, which may be less than the whole union.
    pub quote_coding: Option<(u32, u32)>,
}

/// What one code counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Figures {
    pub passages: usize,
    pub cases: usize,
    pub informants: usize,
    pub quotes: usize,
}

/// Per code (by its index in `index`): its passages, directly and with sub-codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodeTheme {
    pub direct: Vec<u32>,
    pub rolled: Vec<u32>,
    pub figures_direct: Figures,
    pub figures: Figures,
    /// Rolled-up passages per case (index into `cases`).
    pub by_case: BTreeMap<usize, usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Themes {
    pub index: CodeIndex,
    pub cases: Vec<CaseRow>,
    pub interviews: Vec<InterviewRow>,
    pub passages: Vec<Passage>,
    /// One per code of `index`.
    pub codes: Vec<CodeTheme>,
    /// (a, b, passages) with a < b by code index; most passages first.
    pub cooccurrence: Vec<(usize, usize, usize)>,
    /// Coders by the number `Passage::coding` uses.
    pub coders: Vec<ResearcherId>,
}

/// The three strata a theme's cases are broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    SizeBand,
    Region,
    FocusArea,
}

impl Spread {
    pub const ALL: [Spread; 3] = [Spread::SizeBand, Spread::Region, Spread::FocusArea];

    pub fn key(self) -> &'static str {
        match self {
            Spread::SizeBand => "size_band",
            Spread::Region => "region",
            Spread::FocusArea => "focus_area",
        }
    }
}

/// One span of one coding with one code, while a question is aggregated.
#[derive(Debug, Clone, Copy)]
struct Span {
    code: u32,
    start: usize,
    end: usize,
    quote: bool,
    /// The coding it is (coder, index), for its quote.
    from: (u32, u32),
}

impl Themes {
    pub fn compute(data: &StudyData, options: ThemeOptions) -> Themes {
        let index = CodeIndex::new(data);
        let n = index.codes.len();
        // Codes that gather sub-codes' passages: those with children.
        let ancestors: Vec<Vec<u32>> = (0..n)
            .map(|i| {
                index
                    .ancestors(i)
                    .filter(|&a| !index.codes[a].children.is_empty())
                    .map(|a| a as u32)
                    .collect()
            })
            .collect();
        let mut themes = Themes {
            index,
            cases: Vec::new(),
            interviews: Vec::new(),
            passages: Vec::new(),
            codes: vec![CodeTheme::default(); n],
            cooccurrence: Vec::new(),
            coders: Vec::new(),
        };
        // Code ids as codings name them, to where they count, hashed with a
        // hasher cheap enough for 200,000 short ids (no attacker here).
        let lookup: HashMap<String, Option<usize>, BuildHasherDefault<Fnv>> = themes
            .index
            .codes
            .iter()
            .map(|c| (c.id.to_string(), themes.index.effective(&c.id)))
            .collect();
        let effective = |id: &CodeId| -> Option<usize> { lookup.get(id.as_str()).copied().flatten() };
        let mut pairs: HashMap<(u32, u32), usize, BuildHasherDefault<Fnv>> = HashMap::default();
        let mut rolled_unions = Vec::new();
        let mut runs = Vec::new();
        let mut groups: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
        let (mut direct, mut rolled) = (Vec::new(), Vec::new());
        for case in data.cases.values() {
            let case_index = themes.cases.len();
            let mut case_used = false;
            for interview in case.interviews.values() {
                let interview_index = themes.interviews.len() as u32;
                let mut used = false;
                groups.values_mut().for_each(Vec::clear);
                for codings in interview.codings.values() {
                    if options.coder.is_some_and(|c| c != &codings.coder)
                        || !coding_visible_to(options.viewer, &data.study, interview, &codings.coder)
                    {
                        continue;
                    }
                    let coder = themes.coder_number(&codings.coder);
                    // Codings in a row are mostly on one question: ask the notes only on a change.
                    let mut last: Option<(&QuestionId, u32)> = None;
                    for (k, coding) in codings.codings.iter().enumerate() {
                        let note = match last {
                            Some((question, note)) if *question == coding.question => note,
                            _ => {
                                let note = interview
                                    .interview
                                    .notes
                                    .iter()
                                    .position(|n| n.question == coding.question)
                                    .map_or(u32::MAX, |p| p as u32);
                                last = Some((&coding.question, note));
                                note
                            }
                        };
                        let lost = coding.anchor == Anchor::Lost || note == u32::MAX;
                        for code in &coding.codes {
                            let Some(code) = effective(code) else {
                                continue;
                            };
                            used = true;
                            if lost {
                                // A passage of its own: where it is now is not known.
                                let p = themes.push(Passage {
                                    interview: interview_index,
                                    note,
                                    start: coding.start,
                                    end: coding.end,
                                    quote: coding.quote,
                                    lost: true,
                                    coding: Some((coder, k as u32)),
                                    quote_coding: coding.quote.then_some((coder, k as u32)),
                                });
                                themes.codes[code].direct.push(p);
                                if themes.index.codes[code].children.is_empty() {
                                    themes.codes[code].rolled.push(p);
                                }
                                for &a in &ancestors[code] {
                                    themes.codes[a as usize].rolled.push(p);
                                }
                                continue;
                            }
                            groups.entry(note).or_default().push(Span {
                                code: code as u32,
                                start: coding.start,
                                end: coding.end,
                                quote: coding.quote,
                                from: (coder, k as u32),
                            });
                        }
                    }
                }
                for (&note, spans) in groups.iter_mut() {
                    if spans.is_empty() {
                        continue;
                    }
                    spans.sort_unstable_by_key(|s| (s.code, s.start, s.end));
                    direct.clear();
                    union_by_code(spans, &mut direct);
                    rolled.clear();
                    for span in spans.iter() {
                        for &a in &ancestors[span.code as usize] {
                            rolled.push(Span { code: a, ..*span });
                        }
                    }
                    rolled.sort_unstable_by_key(|s| (s.code, s.start, s.end));
                    rolled_unions.clear();
                    union_by_code(&rolled, &mut rolled_unions);
                    let passage = |s: &Span| Passage {
                        interview: interview_index,
                        note,
                        start: s.start,
                        end: s.end,
                        quote: s.quote,
                        lost: false,
                        coding: None,
                        quote_coding: s.quote.then_some(s.from),
                    };
                    for union in &direct {
                        let p = themes.push(passage(union));
                        let leaf = themes.index.codes[union.code as usize].children.is_empty();
                        let code = &mut themes.codes[union.code as usize];
                        code.direct.push(p);
                        if leaf {
                            code.rolled.push(p);
                        }
                    }
                    for union in &rolled_unions {
                        let p = themes.push(passage(union));
                        themes.codes[union.code as usize].rolled.push(p);
                    }
                    count_pairs(&direct, &mut runs, &mut pairs);
                }
                if used {
                    case_used = true;
                    themes.interviews.push(InterviewRow {
                        case: case_index,
                        id: interview.interview.id.clone(),
                        informants: interview.interview.informants.clone(),
                    });
                }
            }
            if case_used {
                themes.cases.push(CaseRow {
                    id: case.case.id.clone(),
                    size_band: data.size_band_of(&case.case).map(str::to_string),
                    region: Some(case.case.region.clone()).filter(|r| !r.is_empty()),
                    focus_area: case.case.focus_area.clone(),
                });
            }
        }
        themes.figures();
        let mut cooccurrence: Vec<(usize, usize, usize)> = pairs
            .into_iter()
            .map(|((a, b), k)| (a as usize, b as usize, k))
            .collect();
        cooccurrence.sort_by(|x, y| y.2.cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        themes.cooccurrence = cooccurrence;
        themes
    }

    fn coder_number(&mut self, coder: &ResearcherId) -> u32 {
        match self.coders.iter().position(|c| c == coder) {
            Some(k) => k as u32,
            None => {
                self.coders.push(coder.clone());
                (self.coders.len() - 1) as u32
            }
        }
    }

    fn push(&mut self, passage: Passage) -> u32 {
        self.passages.push(passage);
        (self.passages.len() - 1) as u32
    }

    /// Counts each code's cases, informants and quotes from its passages.
    /// Cases and informants are numbered once, so counting distinct ones is
    /// a mark in an array per passage, not a sort of names.
    fn figures(&mut self) {
        let mut numbers: HashMap<&InformantId, u32> = HashMap::new();
        let informants_of: Vec<Vec<u32>> = self
            .interviews
            .iter()
            .map(|row| {
                row.informants
                    .iter()
                    .map(|i| {
                        let next = numbers.len() as u32;
                        *numbers.entry(i).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        // The pass that last marked a case or informant: a new pass needs no clearing.
        let mut case_seen = vec![u32::MAX; self.cases.len()];
        let mut informant_seen = vec![u32::MAX; numbers.len()];
        let mut per_case = vec![0usize; self.cases.len()];
        let mut pass = 0u32;
        for code in &mut self.codes {
            for rolled in [false, true] {
                let list = if rolled { &code.rolled } else { &code.direct };
                let (mut cases, mut informants, mut quotes) = (0, 0, 0);
                for &p in list {
                    let passage = &self.passages[p as usize];
                    let interview = passage.interview as usize;
                    let case = self.interviews[interview].case;
                    if case_seen[case] != pass {
                        case_seen[case] = pass;
                        cases += 1;
                    }
                    for &i in &informants_of[interview] {
                        if informant_seen[i as usize] != pass {
                            informant_seen[i as usize] = pass;
                            informants += 1;
                        }
                    }
                    quotes += usize::from(passage.quote);
                    if rolled {
                        per_case[case] += 1;
                    }
                }
                let figures = Figures {
                    passages: list.len(),
                    cases,
                    informants,
                    quotes,
                };
                if rolled {
                    code.figures = figures;
                    for (case, n) in per_case.iter_mut().enumerate() {
                        if *n > 0 {
                            code.by_case.insert(case, *n);
                            *n = 0;
                        }
                    }
                } else {
                    code.figures_direct = figures;
                }
                pass += 1;
            }
        }
    }

    /// The cases a code (with its sub-codes) occurs in, by one stratum's
    /// value; cases without a value for it are left out.
    pub fn spread(&self, code: usize, by: Spread) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for &case in self.codes[code].by_case.keys() {
            let row = &self.cases[case];
            let value = match by {
                Spread::SizeBand => &row.size_band,
                Spread::Region => &row.region,
                Spread::FocusArea => &row.focus_area,
            };
            if let Some(value) = value {
                *out.entry(value.clone()).or_default() += 1;
            }
        }
        out
    }

    /// Where a passage lives: case, interview, question.
    pub fn place<'a>(
        &'a self,
        data: &'a StudyData,
        passage: &Passage,
    ) -> (&'a CaseId, &'a InterviewId, Option<&'a QuestionId>) {
        let interview = &self.interviews[passage.interview as usize];
        let case = &self.cases[interview.case].id;
        let question = self
            .interview_data(data, passage)
            .and_then(|i| i.interview.notes.get(passage.note as usize))
            .map(|n| &n.question);
        (case, &interview.id, question)
    }

    fn interview_data<'a>(&self, data: &'a StudyData, passage: &Passage) -> Option<&'a InterviewData> {
        let interview = &self.interviews[passage.interview as usize];
        data.cases
            .get(&self.cases[interview.case].id)?
            .interviews
            .get(&interview.id)
    }

    /// A passage's words: from the notes, or the coding's stored text when
    /// its text is gone from them.
    pub fn text(&self, data: &StudyData, passage: &Passage) -> String {
        let Some(interview) = self.interview_data(data, passage) else {
            return String::new();
        };
        if let Some((coder, k)) = passage.coding {
            return self
                .coders
                .get(coder as usize)
                .and_then(|c| interview.codings.get(c))
                .and_then(|c| c.codings.get(k as usize))
                .map(|c| c.text.clone())
                .unwrap_or_default();
        }
        interview
            .interview
            .notes
            .get(passage.note as usize)
            .map(|n| {
                n.text
                    .chars()
                    .skip(passage.start)
                    .take(passage.end - passage.start)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The words a coder marked as a quote in this passage (their stored
    /// text), or `None` when it holds no quote.
    pub fn quote_text(&self, data: &StudyData, passage: &Passage) -> Option<String> {
        let (coder, k) = passage.quote_coding?;
        let interview = self.interview_data(data, passage)?;
        let coder = self.coders.get(coder as usize)?;
        Some(interview.codings.get(coder)?.codings.get(k as usize)?.text.clone())
    }

    /// Live top-level themes, in codebook order.
    pub fn top_level(&self) -> impl Iterator<Item = usize> + '_ {
        self.index.roots.iter().copied().filter(|&r| self.index.is_live(r))
    }
}

/// Merges overlapping spans of each code (sorted by code, then start) into
/// their unions; spans that only touch stay apart.
fn union_by_code(spans: &[Span], out: &mut Vec<Span>) {
    let mut current: Option<Span> = None;
    for span in spans {
        match &mut current {
            Some(c) if c.code == span.code && span.start < c.end => {
                c.end = c.end.max(span.end);
                if span.quote && !c.quote {
                    c.quote = true;
                    c.from = span.from;
                }
            }
            _ => {
                out.extend(current.take());
                current = Some(*span);
            }
        }
    }
    out.extend(current);
}

/// Two codes meet in a passage when their unions overlap: each group of
/// overlapping unions of the two counts once. `unions` is sorted by code,
/// then start, so each code's unions are one run, walked without copying.
fn count_pairs(
    unions: &[Span],
    runs: &mut Vec<(u32, usize, usize)>,
    pairs: &mut HashMap<(u32, u32), usize, BuildHasherDefault<Fnv>>,
) {
    runs.clear();
    let mut from = 0;
    for k in 1..=unions.len() {
        if k == unions.len() || unions[k].code != unions[from].code {
            runs.push((unions[from].code, from, k));
            from = k;
        }
    }
    for (i, &(a, x0, x1)) in runs.iter().enumerate() {
        for &(b, y0, y1) in &runs[i + 1..] {
            let (xs, ys) = (&unions[x0..x1], &unions[y0..y1]);
            let clusters = clusters_with_both(xs, ys);
            if clusters > 0 {
                *pairs.entry((a, b)).or_default() += clusters;
            }
        }
    }
}

/// Clusters of overlapping spans, over two lists each sorted by start,
/// that hold a span of each list.
fn clusters_with_both(xs: &[Span], ys: &[Span]) -> usize {
    let (mut i, mut j, mut clusters) = (0, 0, 0);
    // The next span by start, from either list, and which list it came from.
    let next = |i: &mut usize, j: &mut usize| -> Option<(Span, bool)> {
        match (xs.get(*i), ys.get(*j)) {
            (Some(x), Some(y)) if x.start <= y.start => {
                *i += 1;
                Some((*x, true))
            }
            (_, Some(y)) => {
                *j += 1;
                Some((*y, false))
            }
            (Some(x), None) => {
                *i += 1;
                Some((*x, true))
            }
            (None, None) => None,
        }
    };
    let mut current = next(&mut i, &mut j);
    while let Some((first, from_x)) = current {
        let (mut end, mut has_x, mut has_y) = (first.end, from_x, !from_x);
        current = next(&mut i, &mut j);
        while let Some((span, from_x)) = current {
            if span.start >= end {
                break;
            }
            end = end.max(span.end);
            has_x |= from_x;
            has_y |= !from_x;
            current = next(&mut i, &mut j);
        }
        clusters += usize::from(has_x && has_y);
    }
    clusters
}
