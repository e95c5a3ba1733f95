//! Finding a code by what a coder types: its name, its path (the themes it
//! sits under) or its description, folded the way the Cases search folds
//! (`bomlo` finds Bømlo, `aa` is `å`). Names that start with the query come
//! first, then names with a word starting with it, then fuzzy matches on the
//! path, then on the description.

use crate::domain::codes::CodeIndex;
use crate::domain::fold::fold;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// How a code matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    NamePrefix,
    WordPrefix,
    Path,
    Description,
}

/// Folds as the search does, with the old spelling `aa` read as `å`.
fn folded(text: &str) -> String {
    fold(text).replace("aa", "a")
}

/// The least fuzzy score worth showing: about what the query's letters get
/// when most of them run together, so "res" does not find every path with
/// an r, an e and an s in it.
fn strong(query: &str) -> i64 {
    16 * query.chars().count() as i64
}

/// The codes among `usable` (indices into `index`) that match `query`, best
/// first; all of them in their order when the query is blank.
pub fn find_codes(index: &CodeIndex, usable: &[usize], query: &str) -> Vec<usize> {
    let query = folded(query.trim());
    if query.is_empty() {
        return usable.to_vec();
    }
    let matcher = SkimMatcherV2::default();
    let mut found: Vec<(Tier, i64, usize, usize)> = Vec::new();
    for (order, &i) in usable.iter().enumerate() {
        let code = &index.codes[i];
        let name = folded(&code.name);
        let tier_score = if name.starts_with(&query) || folded(code.id.as_str()).starts_with(&query) {
            Some((Tier::NamePrefix, 0))
        } else if name
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.starts_with(&query))
        {
            Some((Tier::WordPrefix, 0))
        } else if let Some(score) = matcher
            .fuzzy_match(&folded(&index.path(i).join(" ")), &query)
            .filter(|score| *score >= strong(&query))
        {
            Some((Tier::Path, -score))
        } else {
            matcher
                .fuzzy_match(&folded(&code.description), &query)
                .filter(|score| *score >= strong(&query))
                .map(|score| (Tier::Description, -score))
        };
        if let Some((tier, score)) = tier_score {
            found.push((tier, score, order, i));
        }
    }
    found.sort();
    found.into_iter().map(|(_, _, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    fn study() -> StudyData {
        let mut data = StudyData::empty(crate::generate::study());
        let mut parent = Code::new("results", "Resultater");
        let mut child = Code::new("results.schools", "Skoler og barnehager");
        child.description = "samarbeid med skolen".to_string();
        parent.children.push(child);
        parent.children.push(Code::new("results.work", "Arbeid og språk"));
        data.codebook.codes.push(parent);
        let mut other = Code::new("anchoring", "Forankring i kommunen");
        other.description = "politisk og administrativ forankring".to_string();
        data.codebook.codes.push(other);
        data.codebook.codes.push(Code::new("aalesund", "Ålesund-modellen"));
        data
    }

    fn names(index: &CodeIndex, found: &[usize]) -> Vec<String> {
        found.iter().map(|&i| index.codes[i].id.to_string()).collect()
    }

    #[test]
    fn name_prefixes_come_before_words_paths_and_descriptions() {
        let data = study();
        let index = CodeIndex::new(&data);
        let all: Vec<usize> = index.tree().into_iter().map(|(i, _)| i).collect();
        assert_eq!(names(&index, &find_codes(&index, &all, "")).len(), 5);
        assert_eq!(names(&index, &find_codes(&index, &all, "skol")), ["results.schools"]);
        // A word inside the name, folded: "sprak" finds "Arbeid og språk".
        assert_eq!(names(&index, &find_codes(&index, &all, "sprak")), ["results.work"]);
        // The theme above: "resultater" finds the theme first, then its codes by path.
        let found = names(&index, &find_codes(&index, &all, "resultater"));
        assert_eq!(found[0], "results");
        assert!(found.contains(&"results.schools".to_string()));
        // The old spelling: "aalesund" finds Ålesund.
        assert_eq!(names(&index, &find_codes(&index, &all, "aalesund"))[0], "aalesund");
        // A description word.
        assert!(names(&index, &find_codes(&index, &all, "politisk")).contains(&"anchoring".to_string()));
        assert!(find_codes(&index, &all, "zzzz").is_empty());
    }
}
