//! Themes across cases on a hand-made study with answers worked out by hand
//! (see tests/support/themes_study.rs): roll-up to parents, the union of two
//! coders' overlapping spans, co-occurrence, one coder alone, blind coding,
//! two-coder agreement, and the report's Markdown.

#[path = "support/themes_study.rs"]
mod fixture;

use casebook::analysis::coding_agreement::coding_agreement;
use casebook::analysis::theme_report::render;
use casebook::analysis::themes::{Figures, Spread, ThemeOptions, Themes};
use casebook::domain::*;
use std::collections::BTreeMap;

fn figures(themes: &Themes, id: &str) -> (Figures, Figures) {
    let i = themes.index.get(&CodeId::new(id)).expect("code");
    (themes.codes[i].figures, themes.codes[i].figures_direct)
}

fn f(passages: usize, cases: usize, informants: usize, quotes: usize) -> Figures {
    Figures {
        passages,
        cases,
        informants,
        quotes,
    }
}

#[test]
fn figures_roll_up_to_parents_and_two_coders_overlapping_spans_count_once() {
    let themes = Themes::compute(&fixture::study(), ThemeOptions::default());
    // a.one: INT-1 q1 (astrid's and brage's spans overlap: one passage) and INT-2.
    assert_eq!(figures(&themes, "a.one"), (f(2, 2, 2, 2), f(2, 2, 2, 2)));
    assert_eq!(figures(&themes, "a.two"), (f(2, 1, 2, 1), f(2, 1, 2, 1)));
    // Theme A with its sub-codes: INT-1 q1, INT-1 q2, INT-2 q1, INT-3 q1.
    assert_eq!(figures(&themes, "a"), (f(4, 2, 3, 3), f(0, 0, 0, 0)));
    assert_eq!(figures(&themes, "b.one"), (f(3, 1, 2, 2), f(3, 1, 2, 2)));
    assert_eq!(figures(&themes, "b"), (f(3, 1, 2, 2), f(0, 0, 0, 0)));
    assert_eq!(figures(&themes, "c"), (f(0, 0, 0, 0), f(0, 0, 0, 0)));
    // The union is one passage from astrid's start to brage's end.
    let a_one = themes.index.get(&CodeId::new("a.one")).unwrap();
    let first = themes.passages[themes.codes[a_one].direct[0] as usize];
    assert_eq!((first.start, first.end), (0, 22));
    assert_eq!(themes.text(&fixture::study(), &first), "Alpha beta gamma delta");
}

#[test]
fn matrix_spread_and_cooccurrence() {
    let themes = Themes::compute(&fixture::study(), ThemeOptions::default());
    let a = themes.index.get(&CodeId::new("a")).unwrap();
    let by_case: BTreeMap<&str, usize> = themes.codes[a]
        .by_case
        .iter()
        .map(|(c, n)| (themes.cases[*c].id.as_str(), *n))
        .collect();
    assert_eq!(by_case, BTreeMap::from([("c1", 3), ("c2", 1)]));
    let band = themes.spread(a, Spread::SizeBand);
    assert_eq!(
        band,
        BTreeMap::from([("20000-50000".into(), 1), ("2000-5000".into(), 1)])
    );
    let region = themes.spread(a, Spread::Region);
    assert_eq!(
        region,
        BTreeMap::from([("Vestlandet".into(), 1), ("Nord-Norge".into(), 1)])
    );
    assert_eq!(
        themes.spread(a, Spread::FocusArea),
        BTreeMap::from([("work".into(), 2)])
    );
    let pairs: Vec<(&str, &str, usize)> = themes
        .cooccurrence
        .iter()
        .map(|(a, b, n)| {
            (
                themes.index.codes[*a].id.as_str(),
                themes.index.codes[*b].id.as_str(),
                *n,
            )
        })
        .collect();
    // INT-1 q1 (a.one and b.one overlap) and INT-3 (a.two and b.one on one span);
    // in INT-1 q2 "Theta iota" and "kappa" do not touch.
    assert_eq!(pairs, vec![("a.one", "b.one", 1), ("a.two", "b.one", 1)]);
}

#[test]
fn one_coder_alone() {
    let brage = ResearcherId::new("brage");
    let themes = Themes::compute(
        &fixture::study(),
        ThemeOptions {
            viewer: None,
            coder: Some(&brage),
        },
    );
    assert_eq!(figures(&themes, "a.one").0, f(1, 1, 1, 0));
    assert_eq!(figures(&themes, "b.one").0, f(1, 1, 1, 0));
    assert_eq!(figures(&themes, "a").0, f(1, 1, 1, 0));
}

#[test]
fn a_merged_code_counts_under_its_target() {
    let mut data = fixture::study();
    data.codebook.find_mut(&CodeId::new("a.two")).unwrap().merged_into = Some(CodeId::new("a.one"));
    let themes = Themes::compute(&data, ThemeOptions::default());
    // a.one now also has INT-1 q2 and INT-3: four passages.
    assert_eq!(figures(&themes, "a.one").0.passages, 4);
    assert!(!themes
        .index
        .tree()
        .iter()
        .any(|(i, _)| themes.index.codes[*i].id.as_str() == "a.two"));
}

#[test]
fn blind_coding_hides_the_other_coders_work_until_both_are_done() {
    let mut data = fixture::study();
    data.study.blind_coding = true;
    let brage = ResearcherId::new("brage");
    let as_brage = |data: &StudyData| {
        let themes = Themes::compute(
            data,
            ThemeOptions {
                viewer: Some(&brage),
                coder: None,
            },
        );
        figures(&themes, "a.one").0.passages
    };
    // Only brage's own span in INT-1; astrid's INT-2 is not done, so hidden too.
    assert_eq!(as_brage(&data), 1);
    fn int1(data: &mut StudyData) -> &mut InterviewData {
        data.cases
            .get_mut(&CaseId::new("c1"))
            .unwrap()
            .interviews
            .get_mut(&InterviewId::new("INT-1"))
            .unwrap()
    }
    int1(&mut data)
        .codings
        .get_mut(&ResearcherId::new("astrid"))
        .unwrap()
        .done = true;
    assert_eq!(as_brage(&data), 1, "astrid done, brage not: still blind");
    assert!(coding_agreement(&data, Some(&brage), None).interviews.is_empty());
    int1(&mut data).codings.get_mut(&brage).unwrap().done = true;
    // Both done: astrid's INT-1 span joins brage's (still one passage, their
    // union); her INT-2 is not done, so it stays hidden.
    assert_eq!(as_brage(&data), 1);
    let themes = Themes::compute(
        &data,
        ThemeOptions {
            viewer: Some(&brage),
            coder: None,
        },
    );
    assert_eq!(
        figures(&themes, "b.one").0.passages,
        2,
        "astrid's INT-1 b.one is visible now"
    );
    assert_eq!(coding_agreement(&data, Some(&brage), None).interviews.len(), 1);
}

#[test]
fn two_coder_agreement_matches_hand_computed_values() {
    let report = coding_agreement(&fixture::study(), None, None);
    assert_eq!(report.interviews, vec![InterviewId::new("INT-1")]);
    let by: BTreeMap<&str, _> = report.codes.iter().map(|c| (c.code.as_str(), c)).collect();
    let close = |x: Option<f64>, want: f64| (x.expect("a value") - want).abs() < 1e-9;
    // a.one: q1 both yes, q2 both no.
    assert!(close(by["a.one"].percent_agreement, 1.0));
    assert!(close(by["a.one"].krippendorff_alpha, 1.0));
    // a.two: q1 both no, q2 astrid yes and brage no: Do = 0.5, De = 0.5.
    assert!(close(by["a.two"].percent_agreement, 0.5));
    assert!(close(by["a.two"].krippendorff_alpha, 0.0));
    // b.one: q1 astrid only, q2 brage only: Do = 1, De = 2/3.
    assert!(close(by["b.one"].percent_agreement, 0.0));
    assert!(close(by["b.one"].krippendorff_alpha, -0.5));
    let differ: Vec<(&str, Vec<&str>)> = by["b.one"]
        .differences
        .iter()
        .map(|d| (d.question.as_str(), d.with.iter().map(|c| c.as_str()).collect()))
        .collect();
    assert_eq!(differ, vec![("q1", vec!["astrid"]), ("q2", vec!["brage"])]);
    assert_eq!(
        by["b.one"].differences[1].passages,
        vec![(ResearcherId::new("brage"), "kappa".to_string())]
    );
}

#[test]
fn the_report_material_as_markdown() {
    let data = fixture::study();
    let themes = Themes::compute(&data, ThemeOptions::default());
    let markdown = render(&data, &themes);
    // Never the municipality together with a role, and the left-out quote is counted.
    assert!(!markdown.contains("project leader, Bergen"));
    assert!(markdown.contains("1 quote left out"));
    insta::assert_snapshot!(markdown);
}

#[test]
fn the_demo_has_every_theme_in_several_cases() {
    let data = casebook::generate::demo();
    let themes = Themes::compute(&data, ThemeOptions::default());
    for theme in themes.top_level() {
        assert!(
            themes.codes[theme].figures.cases >= 3,
            "{} has passages in {} cases",
            themes.index.codes[theme].id,
            themes.codes[theme].figures.cases
        );
    }
    assert!(render(&data, &themes).contains("> «"));
}
