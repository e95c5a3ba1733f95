//! The Themes screen: the codebook tree with the figures `casebook themes`
//! computes, the code x case heat map, the bar charts, the passages of a
//! code or a cell, the passage search narrowing as it is typed, and Enter
//! on a passage opening its interview at its question.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::analysis::themes::{ThemeOptions, Themes};
use casebook::domain::{CodeId, OwnCode, OwnCodes, ResearcherId};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::App;
use casebook::tui::background::Jobs;
use casebook::tui::screens::themes::search::{prefix_hits, PassageIndex, Query};
use casebook::tui::screens::themes::Source;
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, draw, screen_text};

fn themes_app() -> App {
    let mut app = demo_app(Some("astrid"));
    app.update(Action::GoTo(Screen::Themes));
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The figures as `casebook themes` computes them for the one at the keyboard.
fn computed(app: &App) -> Themes {
    let me = ResearcherId::new("astrid");
    Themes::compute(
        &app.data,
        ThemeOptions {
            viewer: Some(&me),
            coder: None,
        },
    )
}

/// The passages the open list shows, as (case, interview, question, text).
fn listed_passages(app: &App) -> Vec<(String, String, String, String)> {
    let view = app.view();
    let listed = app.screens.themes.listed(&view).expect("a list is open");
    let model = listed.model();
    (0..listed.len())
        .map(|i| {
            let (p, _) = listed.row(i).expect("a row");
            let passage = &model.themes.passages[p as usize];
            let (case, interview, question) = model.themes.place(&app.data, passage);
            (
                case.to_string(),
                interview.to_string(),
                question.map(|q| q.to_string()).unwrap_or_default(),
                model.themes.text(&app.data, passage),
            )
        })
        .collect()
}

#[test]
fn the_tree_shows_each_codes_figures_as_casebook_themes_computes_them() {
    let app = themes_app();
    let themes = computed(&app);
    let text = screen_text(&app, 140, 45);
    let mut checked = 0;
    for (i, depth) in themes.index.tree() {
        let code = &themes.index.codes[i];
        let label = format!("│{}{}{} ", "  ", "  ".repeat(depth), code.name);
        let Some(line) = text.lines().find(|l| l.contains(&label)) else {
            continue; // below the window
        };
        let after = &line[line.find(&label).unwrap() + label.len()..];
        let numbers: Vec<usize> = after
            .split('│')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().expect("a count"))
            .collect();
        let f = themes.codes[i].figures;
        assert_eq!(
            numbers,
            vec![f.passages, f.cases, f.informants, f.quotes],
            "{}",
            code.name
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} codes on screen");
}

#[test]
fn the_side_panel_has_the_codes_own_and_rolled_up_figures_and_its_charts() {
    let mut app = themes_app();
    let themes = computed(&app);
    let text = screen_text(&app, 140, 60);
    let top = themes.top_level().next().unwrap();
    let (all, own) = (themes.codes[top].figures, themes.codes[top].figures_direct);
    assert!(
        text.contains(&format!("passages   {:>8}{:>6}", all.passages, own.passages)),
        "{text}"
    );
    assert!(text.contains(&format!("cases      {:>8}{:>6}", all.cases, own.cases)));
    assert!(text.contains("Cases by size band"));
    assert!(text.contains("Cases by region"));
    // Each bar is a region and how many of the code's cases are there.
    for (region, n) in themes.spread(top, casebook::analysis::themes::Spread::Region) {
        let bar = |l: &&str| {
            l.split_once(region.as_str())
                .is_some_and(|(_, after)| after.trim_start().starts_with(&format!("{n}█")))
        };
        assert!(text.lines().any(|l| bar(&l)), "no bar {region} {n}\n{text}");
    }
    app.update(Action::Down);
    assert_snapshot!(
        "tree_with_figures_and_charts",
        draw(&app, 140, 45).backend().to_string()
    );
}

#[test]
fn the_matrix_is_a_heat_map_that_scrolls_both_ways() {
    let mut app = themes_app();
    app.update(Action::ToggleMatrix);
    assert_snapshot!("matrix_at_80x24", draw(&app, 80, 24).backend().to_string());
    let themes = computed(&app);
    let columns = themes.cases.len();
    for _ in 0..columns + 3 {
        app.update(Action::ColumnRight);
    }
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let text = screen_text(&app, 80, 24);
    let last_case = &themes.cases[columns - 1].id;
    assert!(
        text.contains(&format!("{last_case} ")) && text.contains(&format!("case {columns} of {columns}")),
        "{text}"
    );
    let last_code = themes.index.tree().last().unwrap().0;
    let n = themes.codes[last_code]
        .by_case
        .get(&(columns - 1))
        .copied()
        .unwrap_or(0);
    assert!(
        text.contains(&format!("{}: {n} passage", themes.index.codes[last_code].name)),
        "{text}"
    );
    assert_snapshot!(
        "matrix_scrolled_to_the_corner",
        draw(&app, 80, 24).backend().to_string()
    );
    app.update(Action::ColumnLeft);
    assert!(screen_text(&app, 80, 24).contains(&format!("case {} of {columns}", columns - 1)));
}

#[test]
fn enter_on_a_cell_lists_its_passages() {
    let mut app = themes_app();
    let themes = computed(&app);
    app.update(Action::ToggleMatrix);
    app.update(Action::Down);
    app.update(Action::ColumnRight);
    app.update(Action::Open);
    let code = themes.index.tree()[1].0;
    let case = &themes.cases[1].id;
    let expected = themes.codes[code].by_case[&1];
    let listed = listed_passages(&app);
    assert_eq!(listed.len(), expected);
    assert!(listed.iter().all(|(c, ..)| c == case.as_str()));
    assert_snapshot!("cell_passages", draw(&app, 120, 40).backend().to_string());
    app.update(Action::Back);
    assert!(app.screens.themes.passages.is_none());
    assert!(app.screens.themes.matrix, "Esc goes back to the matrix");
}

#[test]
fn enter_on_a_code_lists_its_passages_with_sub_codes() {
    let mut app = themes_app();
    let themes = computed(&app);
    app.update(Action::Open);
    let top = themes.index.tree()[0].0;
    let listed = listed_passages(&app);
    assert_eq!(listed.len(), themes.codes[top].figures.passages);
    let expected: Vec<String> = themes.codes[top]
        .rolled
        .iter()
        .map(|&p| themes.text(&app.data, &themes.passages[p as usize]))
        .collect();
    assert_eq!(listed.iter().map(|l| l.3.clone()).collect::<Vec<_>>(), expected);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains(&format!(
        "{} passages with sub-codes",
        themes.codes[top].figures.passages
    )));
    // Informants by pseudonym, never a name.
    let first = &themes.passages[themes.codes[top].rolled[0] as usize];
    let informant = &themes.interviews[first.interview as usize].informants[0];
    assert!(text.contains(informant.as_str()), "{text}");
    assert_snapshot!("code_passages_at_80x24", draw(&app, 80, 24).backend().to_string());
}

#[test]
fn enter_on_a_passage_opens_its_interview_at_its_question() {
    let mut app = themes_app();
    let themes = computed(&app);
    app.update(Action::Open);
    // A passage in notes astrid took: the interview screen shows my notes.
    let top = themes.index.tree()[0].0;
    let astrid = ResearcherId::new("astrid");
    let row = themes.codes[top]
        .rolled
        .iter()
        .position(|&p| {
            let passage = &themes.passages[p as usize];
            let (case, interview, _) = themes.place(&app.data, passage);
            app.data.cases[case].interviews[interview].interview.writer() == Some(&astrid) && passage.start > 0
        })
        .expect("a passage in astrid's notes");
    for _ in 0..row {
        app.update(Action::Down);
    }
    let passage = themes.passages[themes.codes[top].rolled[row] as usize];
    let (case, interview, question) = themes.place(&app.data, &passage);
    let (case, interview, question) = (case.clone(), interview.clone(), question.cloned().unwrap());
    app.update(Action::Open);
    assert_eq!(app.screen, Screen::Interviews);
    let session = app.screens.interview.session.as_ref().expect("the interview is open");
    assert_eq!((&session.case, &session.id), (&case, &interview));
    assert_eq!(session.question(), Some(&question));
    // The cursor is on the passage's first character.
    let note = session.note(&question).expect("its note").text.clone();
    let before: String = note.chars().take(passage.start).collect();
    let (row, column) = (session.editor.area.cursor().0, session.editor.area.cursor().1);
    assert_eq!(row, before.matches('\n').count());
    assert_eq!(column, before.rsplit('\n').next().unwrap().chars().count());
    assert!(screen_text(&app, 120, 40).contains(question.as_str()));
}

#[test]
fn the_passage_search_narrows_as_it_is_typed() {
    let mut app = themes_app();
    app.update(Action::SearchPassages);
    assert!(app.input.is_some());
    let themes = computed(&app);
    let index = PassageIndex::build(&app.data, &themes);
    let mut last = usize::MAX;
    for (typed, query) in [("a", "a"), ("p", "ap"), ("p", "app"), ("l", "appl")] {
        type_text(&mut app, typed);
        assert_eq!(app.screens.themes.query, query);
        let view = app.view();
        let listed = app.screens.themes.listed(&view).expect("the search's list");
        // Word starts first, in the study's order, exactly as a search of
        // every passage finds them (the list looked only among the last ones).
        let words = prefix_hits(&index, &Query::new(query), None);
        assert!(words.len() <= last, "{query}: {} after {last}", words.len());
        assert!(!words.is_empty(), "{query} finds something in the demo");
        assert!(listed.len() >= words.len());
        last = words.len();
        for (k, &e) in words.iter().enumerate() {
            assert_eq!(listed.row(k).map(|r| r.0), Some(index.entries[e as usize].passage));
        }
    }
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("Search \"appl\""), "{text}");
    assert_snapshot!("search_appl", draw(&app, 120, 40).backend().to_string());
    // Enter keeps the list; Enter on a hit opens its interview.
    key(&mut app, KeyCode::Enter);
    assert!(app.input.is_none());
    assert_eq!(
        app.screens.themes.passages.as_ref().map(|l| &l.source),
        Some(&Source::Search)
    );
    app.update(Action::Open);
    assert_eq!(app.screen, Screen::Interviews);
}

#[test]
fn a_typo_finds_passages_fuzzily_after_the_word_starts() {
    let mut app = themes_app();
    app.update(Action::SearchPassages);
    type_text(&mut app, "aplications");
    let listed = listed_passages(&app);
    assert!(!listed.is_empty(), "a letter left out still finds applications");
    assert!(
        listed.iter().all(|l| l.3.to_lowercase().contains("applica")),
        "{listed:?}"
    );
    // Esc drops the search and goes back to the tree.
    key(&mut app, KeyCode::Esc);
    assert!(app.screens.themes.passages.is_none());
    assert!(app.screens.themes.query.is_empty());
}

#[test]
fn the_search_runs_on_the_compute_thread_and_shows_its_first_screenful_when_done() {
    let mut app = themes_app();
    app.jobs = Jobs::deferring();
    let run_jobs = |app: &App| {
        for job in app.jobs.take() {
            (job.run)()(&app.screens);
        }
    };
    draw(&app, 120, 40);
    run_jobs(&app);
    assert!(screen_text(&app, 120, 40).contains("Codebook"));
    app.update(Action::SearchPassages);
    type_text(&mut app, "routine");
    let waiting = screen_text(&app, 120, 40);
    assert!(
        !waiting.contains("Search \"routine\""),
        "nothing is computed on the UI thread"
    );
    run_jobs(&app);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("Search \"routine\""), "{text}");
    assert!(text.contains("routine"));
}

#[test]
fn proposed_merged_and_rejected_codes_are_marked() {
    let mut app = themes_app();
    let data = app.data_mut();
    let first = data.codebook.codes[0].children[0].id.clone();
    let target = data.codebook.codes[0].children[1].id.clone();
    data.codebook.codes[0].children[0].merged_into = Some(target);
    let parent = Some(data.codebook.codes[0].id.clone());
    let own = |id: &str, name: &str| OwnCode {
        id: CodeId::new(id),
        name: name.to_string(),
        description: String::new(),
        colour: None,
        parent: parent.clone(),
    };
    data.own_codes.insert(
        ResearcherId::new("cora"),
        OwnCodes {
            coder: ResearcherId::new("cora"),
            codes: vec![
                own("cora.new", "Applying together"),
                own("cora.gone", "A rejected idea"),
            ],
        },
    );
    data.codebook.rejected.push(CodeId::new("cora.gone"));
    let text = screen_text(&app, 140, 45);
    assert!(text.contains("→ Applying is routine (merged into"), "{text}");
    assert!(text.contains("+ Applying together (proposed by cora)"), "{text}");
    assert!(text.contains("✗ A rejected idea (rejected)"), "{text}");
    let _ = first;
    app.update(Action::Down);
    let text = screen_text(&app, 140, 45);
    assert!(
        text.contains("merged into First-time applicants: its codings count"),
        "{text}"
    );
    assert_snapshot!("marked_codes", draw(&app, 140, 45).backend().to_string());
}

#[test]
fn no_codings_says_how_to_code() {
    let mut app = themes_app();
    for case in app.data_mut().cases.values_mut() {
        for interview in case.interviews.values_mut() {
            interview.codings.clear();
        }
    }
    let text = screen_text(&app, 140, 45);
    assert!(
        text.contains("no codings yet: open an interview (5) and select a passage"),
        "{text}"
    );
    app.update(Action::ToggleMatrix);
    assert!(screen_text(&app, 80, 24).contains("no codings yet"));
    app.update(Action::ToggleMatrix);
    app.update(Action::Open);
    assert!(app.screens.themes.passages.is_none(), "nothing to list");
    app.data_mut().codebook.codes.clear();
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("The codebook is empty"), "{text}");
    assert_snapshot!("empty_codebook_at_80x24", draw(&app, 80, 24).backend().to_string());
}

#[test]
fn help_lists_the_themes_keys() {
    let mut app = themes_app();
    app.update(Action::ToggleHelp);
    let text = screen_text(&app, 140, 45);
    for what in [
        "code x case heat map / the codebook tree",
        "matrix: previous case",
        "matrix: next case",
        "search every coded passage",
        "the passages of the code or cell",
    ] {
        assert!(text.contains(what), "{what}\n{text}");
    }
}

#[test]
fn every_view_draws_at_80x24_and_140x45_and_smaller_without_panic() {
    let mut app = themes_app();
    let sizes = [(80, 24), (140, 45), (60, 12), (61, 13), (70, 16), (200, 60)];
    let draw_all = |app: &App| {
        for (w, h) in sizes {
            draw(app, w, h);
        }
        for w in (55..=90).step_by(5) {
            for h in 10..=26 {
                draw(app, w, h);
            }
        }
    };
    draw_all(&app);
    app.update(Action::Bottom);
    draw_all(&app);
    app.update(Action::Open);
    draw_all(&app);
    app.update(Action::Bottom);
    draw_all(&app);
    app.update(Action::Back);
    app.update(Action::ToggleMatrix);
    app.update(Action::ColumnRight);
    draw_all(&app);
    app.update(Action::SearchPassages);
    type_text(&mut app, "zzzzqx");
    draw_all(&app);
    assert!(screen_text(&app, 120, 40).contains("No coded passage matches"));
}
