//! The search over every coded passage: folded the way the Cases search is
//! (Norwegian letters spelled plainly, `aa` as `å`, case and marks ignored),
//! words matched at their start first, then fuzzy matches whose letters lie
//! close together. Pure functions over the aggregation, run on the compute
//! thread; a query that only grows looks only among the last one's matches.

use crate::analysis::themes::Themes;
use crate::domain::fold::push_folded;
use crate::domain::StudyData;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::collections::HashMap;

/// One coded span of the notes, however many codes and coders it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// A passage of this span, to show and to open.
    pub passage: u32,
    /// The codes given exactly this span (indices into the codebook index).
    pub codes: Vec<u32>,
    /// The words, folded, each after one space (" word word"), so a word's
    /// start is a space before it.
    folded: String,
}

/// A span of the notes: interview, note, start, end, and for a passage
/// whose text is gone, the coding it is shown from.
type SpanKey = (u32, u32, usize, usize, Option<(u32, u32)>);

/// Every coded span, folded once per change of the study.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassageIndex {
    pub entries: Vec<Entry>,
}

impl PassageIndex {
    /// The spans of the passages coded directly, in the order of the study
    /// (case, interview, question); one entry per span, with all its codes.
    pub fn build(data: &StudyData, themes: &Themes) -> PassageIndex {
        let mut at: HashMap<SpanKey, usize> = HashMap::new();
        let mut entries: Vec<Entry> = Vec::new();
        for (code, theme) in themes.codes.iter().enumerate() {
            for &p in &theme.direct {
                let passage = &themes.passages[p as usize];
                let key = (
                    passage.interview,
                    passage.note,
                    passage.start,
                    passage.end,
                    passage.coding,
                );
                match at.get(&key) {
                    Some(&e) => entries[e].codes.push(code as u32),
                    None => {
                        at.insert(key, entries.len());
                        entries.push(Entry {
                            passage: p,
                            codes: vec![code as u32],
                            folded: String::new(),
                        });
                    }
                }
            }
        }
        entries.sort_by_key(|e| {
            let p = &themes.passages[e.passage as usize];
            (p.interview, p.note, p.start, p.end)
        });
        for entry in &mut entries {
            entry.folded = folded_words(&themes.text(data, &themes.passages[entry.passage as usize]));
        }
        PassageIndex { entries }
    }
}

/// `text` folded for matching: lower case, Norwegian and accented letters
/// spelled plainly, a double `a` as one (`aa` is the old `å`), anything
/// but letters and digits a single space, with one space in front.
pub fn folded_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(' ');
    let mut buffer = String::new();
    for c in text.chars() {
        buffer.clear();
        push_folded(c, &mut buffer);
        for f in buffer.chars() {
            let f = if f.is_alphanumeric() { f } else { ' ' };
            if (f == 'a' || f == ' ') && out.ends_with(f) {
                continue;
            }
            out.push(f);
        }
    }
    out
}

/// A query as typed, folded like the texts: its words, each with the
/// space in front that marks a word's start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The folded query without its leading space (" helse tid" → "helse tid").
    pub text: String,
    starts: Vec<String>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        let folded = folded_words(typed);
        let text = folded.trim().to_string();
        let starts = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| format!(" {w}"))
            .collect();
        Query { text, starts }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Every passage this query matches, the earlier one matched too:
    /// typing on only takes matches away.
    pub fn narrows(&self, earlier: &Query) -> bool {
        !earlier.is_empty() && self.text.starts_with(&earlier.text)
    }

    /// Every word of the query starts a word of the text.
    fn prefix_match(&self, folded: &str) -> bool {
        !self.starts.is_empty() && self.starts.iter().all(|w| folded.contains(w.as_str()))
    }
}

/// The passages whose words start with the query's words, in the study's
/// order (entries of `index`), among `within` when given.
pub fn prefix_hits(index: &PassageIndex, query: &Query, within: Option<&[u32]>) -> Vec<u32> {
    let matches = |e: u32| {
        index
            .entries
            .get(e as usize)
            .is_some_and(|entry| query.prefix_match(&entry.folded))
    };
    match within {
        Some(within) => within.iter().copied().filter(|&e| matches(e)).collect(),
        None => (0..index.entries.len() as u32).filter(|&e| matches(e)).collect(),
    }
}

/// The fuzzy tier: passages that do not match by word starts but hold the
/// query's letters close together (a typo, a letter left out), best first;
/// and every passage holding its letters in order at all, for a longer
/// query to narrow from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fuzzy {
    pub hits: Vec<u32>,
    pub in_order: Vec<u32>,
}

/// Fewer letters than this match too much to be worth a fuzzy tier.
pub const FUZZY_FROM: usize = 3;

pub fn fuzzy_hits(index: &PassageIndex, query: &Query, within: Option<&[u32]>) -> Fuzzy {
    let pattern = &query.text;
    let length = pattern.chars().count();
    if length == 0 {
        return Fuzzy::default();
    }
    let all: Vec<u32>;
    let within = match within {
        Some(within) => within,
        None => {
            all = (0..index.entries.len() as u32).collect();
            &all
        }
    };
    let matcher = SkimMatcherV2::default();
    let mut in_order = Vec::new();
    let mut scored: Vec<(i64, u32)> = Vec::new();
    for &e in within {
        let Some(entry) = index.entries.get(e as usize) else {
            continue;
        };
        if !is_subsequence(&entry.folded, pattern) {
            continue;
        }
        in_order.push(e);
        if length < FUZZY_FROM || query.prefix_match(&entry.folded) {
            continue;
        }
        let Some((score, indices)) = matcher.fuzzy_indices(&entry.folded, pattern) else {
            continue;
        };
        let span = match (indices.first(), indices.last()) {
            (Some(first), Some(last)) => last - first + 1,
            _ => usize::MAX,
        };
        // Close together: one letter too many for every four typed, and one more.
        if span <= length + length / 4 + 1 {
            scored.push((score, e));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Fuzzy {
        hits: scored.into_iter().map(|(_, e)| e).collect(),
        in_order,
    }
}

/// Whether `pattern`'s characters occur in `text` in order.
fn is_subsequence(text: &str, pattern: &str) -> bool {
    let mut rest = text.chars();
    pattern.chars().all(|p| rest.any(|t| t == p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> PassageIndex {
        PassageIndex {
            entries: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Entry {
                    passage: i as u32,
                    codes: Vec::new(),
                    folded: folded_words(t),
                })
                .collect(),
        }
    }

    #[test]
    fn norwegian_letters_fold_to_plain_ones() {
        assert_eq!(folded_words("Bømlo og Ålesund"), " bomlo og alesund");
        assert_eq!(folded_words("Bærum, Aasen!"), " baerum asen ");
        assert_eq!(Query::new("  BAERUM ").text, "baerum");
        assert_eq!(Query::new("aalesund").text, "alesund");
    }

    #[test]
    fn word_starts_match_and_words_inside_do_not() {
        let index = index(&["Søknaden tok tid", "Tidsfristen var kort", "Mange søknader", "utid"]);
        assert_eq!(prefix_hits(&index, &Query::new("tid"), None), vec![0, 1]);
        assert_eq!(prefix_hits(&index, &Query::new("soknad"), None), vec![0, 2]);
        assert_eq!(prefix_hits(&index, &Query::new("tid sokn"), None), vec![0]);
        assert!(prefix_hits(&index, &Query::new(""), None).is_empty());
    }

    #[test]
    fn a_typo_matches_fuzzily_after_the_word_starts() {
        let index = index(&["kommunen søkte", "kommnue", "kom mun en"]);
        let query = Query::new("kommune");
        assert_eq!(prefix_hits(&index, &query, None), vec![0]);
        // A letter left out; letters spread over three words are too far apart.
        let fuzzy = fuzzy_hits(&index, &Query::new("komune"), None);
        assert_eq!(fuzzy.hits, vec![0]);
        let typo = fuzzy_hits(&index, &Query::new("kommne"), None);
        assert!(typo.hits.contains(&0), "{typo:?}");
    }

    #[test]
    fn a_longer_query_narrows_and_finds_the_same() {
        let index = index(&["tid og ressurser", "tidlig", "ressurs", "tiden går"]);
        let short = Query::new("ti");
        let long = Query::new("tide");
        assert!(long.narrows(&short));
        assert!(!short.narrows(&long));
        let first = prefix_hits(&index, &short, None);
        assert_eq!(
            prefix_hits(&index, &long, Some(&first)),
            prefix_hits(&index, &long, None)
        );
        let fuzzy = fuzzy_hits(&index, &short, None);
        assert_eq!(
            fuzzy_hits(&index, &long, Some(&fuzzy.in_order)),
            fuzzy_hits(&index, &long, None)
        );
    }
}
