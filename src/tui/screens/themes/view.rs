//! The Themes screen's view: a line of keys, then the passages listed (a
//! code's, a cell's or the search's), or the heat map, or the codebook tree
//! with the selected code's details and charts beside it.

use super::super::View;
use super::model::{Mark, Model, TreeRow};
use super::{charts, matrix_view, passages_view, ThemesScreen};
use crate::analysis::themes::{Figures, Spread};
use crate::tui::action::{Action, Screen};
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, state: &ThemesScreen, view: &View) {
    let [hint_area, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let shown = state.model(view);
    let Some(model) = shown.value else {
        let codings = view
            .data
            .interviews()
            .map(|i| i.codings.values().map(|c| c.codings.len()).sum::<usize>());
        let text = format!("Counting themes over {} codings…", codings.sum::<usize>());
        frame.render_widget(Paragraph::new(text).block(Block::bordered().title(" Themes ")), body);
        return;
    };
    let updating = if shown.fresh { "" } else { "updating… " };
    if let Some(listed) = state.listed(view) {
        let hints = view.keys.hints(&[
            (Action::Open, "opens the interview there"),
            (Action::Back, "back"),
            (Action::SearchPassages, "search passages"),
            (Action::ToggleHelp, "all keys"),
        ]);
        hint_line(frame, hint_area, updating, &hints);
        if let Some(list) = &state.passages {
            passages_view::render(frame, body, state, list, &listed, view);
        }
        return;
    }
    if state.matrix {
        let hints = view.keys.hints(&[
            (Action::ColumnRight, "/ h cases"),
            (Action::Down, "/ k codes"),
            (Action::Open, "the cell's passages"),
            (Action::ToggleMatrix, "tree"),
            (Action::SearchPassages, "search passages"),
        ]);
        hint_line(frame, hint_area, updating, &hints);
        matrix_view::render(frame, body, state, &model, view);
        return;
    }
    let hints = view.keys.hints(&[
        (Action::Open, "passages"),
        (Action::ToggleMatrix, "heat map"),
        (Action::SearchPassages, "search passages"),
        (Action::ToggleHelp, "all keys"),
    ]);
    // With nothing coded, how to start is the first thing to read.
    let hints = if model.has_passages() {
        hints
    } else {
        format!("{} · {hints}", how_to_code(view))
    };
    hint_line(frame, hint_area, updating, &hints);
    render_tree(frame, body, state, &model, view);
}

fn hint_line(frame: &mut Frame, area: Rect, updating: &str, hints: &str) {
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {updating}{hints}"),
            Style::new().fg(Color::DarkGray),
        )),
        area,
    );
}

/// How to start coding, for an empty screen.
pub fn how_to_code(view: &View) -> String {
    format!(
        "no codings yet: open an interview ({}) and select a passage",
        view.keys.key_for(Action::GoTo(Screen::Interviews))
    )
}

/// A code's name as the tree shows it: indented, with what became of it.
pub fn tree_label(model: &Model, row: &TreeRow) -> String {
    let code = &model.themes.index.codes[row.code];
    let indent = "  ".repeat(row.depth.min(12));
    match &row.mark {
        Mark::Live => format!("{indent}{}", code.name),
        Mark::Proposed(coder) => format!("{indent}+ {} (proposed by {coder})", code.name),
        Mark::Merged(into) => format!("{indent}→ {} (merged into {into})", code.name),
        Mark::Rejected => format!("{indent}✗ {} (rejected)", code.name),
    }
}

pub fn mark_style(mark: &Mark) -> Style {
    match mark {
        Mark::Live => Style::new(),
        Mark::Proposed(_) => Style::new().fg(Color::Yellow),
        Mark::Merged(_) => Style::new().fg(Color::DarkGray),
        Mark::Rejected => Style::new().fg(Color::DarkGray).add_modifier(Modifier::CROSSED_OUT),
    }
}

fn render_tree(frame: &mut Frame, area: Rect, state: &ThemesScreen, model: &Model, view: &View) {
    let [tree_area, side_area] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
    let rows = &model.rows;
    let title = format!(
        " Codebook ({} codes, {} cases coded) ",
        rows.len(),
        model.themes.cases.len()
    );
    if rows.is_empty() {
        let text = format!(
            "The codebook is empty: the lead adds codes with `casebook code add ID NAME`, a coder proposes their own the same way.\n\n{}.",
            how_to_code(view)
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(title)),
            area,
        );
        return;
    }
    // Counts are with sub-codes; a code's own are in the side panel.
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
    ];
    let fitted = selectable_table::column_widths(tree_area, &widths);
    let width_of = |k: usize| fitted.get(k).copied().unwrap_or(0) as usize;
    let header = Row::new(
        ["Code", "Pass.", "Cases", "Inf.", "Quot."]
            .iter()
            .enumerate()
            .map(|(k, t)| fit(t, width_of(k))),
    );
    let row = |i: usize| {
        let tree_row = &rows[i];
        let counts: [String; 4] = match tree_row.mark {
            // A merged or rejected code counts nowhere of its own.
            Mark::Merged(_) | Mark::Rejected => Default::default(),
            _ => {
                let f = model.themes.codes[tree_row.code].figures;
                [f.passages, f.cases, f.informants, f.quotes].map(|n| n.to_string())
            }
        };
        let mut cells = vec![Cell::from(fit(&tree_label(model, tree_row), width_of(0)))];
        cells.extend(
            counts
                .iter()
                .enumerate()
                .map(|(k, n)| Cell::from(fit(n, width_of(k + 1)))),
        );
        Row::new(cells).style(mark_style(&tree_row.mark))
    };
    selectable_table::render(
        frame,
        tree_area,
        Block::bordered().title(title),
        header,
        rows.len(),
        row,
        &widths,
        &state.cursor,
    );
    match state.selected_code(model) {
        Some(code) => render_side(frame, side_area, model, code, view),
        None => frame.render_widget(Block::bordered(), side_area),
    }
}

/// The selected code: where it sits, what it is for, its figures with and
/// without its sub-codes, and its charts.
fn render_side(frame: &mut Frame, area: Rect, model: &Model, code: usize, view: &View) {
    let index = &model.themes.index;
    let indexed = &index.codes[code];
    let theme = &model.themes.codes[code];
    let inner_width = area.width.saturating_sub(2).max(1) as usize;
    let mut lines = vec![
        Line::styled(index.path(code).join(" › "), Style::new().add_modifier(Modifier::BOLD)),
        Line::styled(indexed.id.to_string(), Style::new().fg(Color::DarkGray)),
    ];
    let row = model.rows.iter().find(|r| r.code == code);
    let live = match row.map(|r| &r.mark) {
        Some(Mark::Proposed(coder)) => {
            lines.push(Line::styled(
                format!("proposed by {coder}: the lead can adopt, merge or reject it"),
                Style::new().fg(Color::Yellow),
            ));
            true
        }
        Some(Mark::Merged(into)) => {
            lines.push(Line::raw(format!("merged into {into}: its codings count there")));
            false
        }
        Some(Mark::Rejected) => {
            lines.push(Line::raw("rejected: its codings count nowhere"));
            false
        }
        _ => true,
    };
    let rows_of = |lines: &[Line]| -> u16 {
        lines
            .iter()
            .map(|l| l.width().div_ceil(inner_width).max(1) as u16)
            .sum()
    };
    let head_rows = rows_of(&lines);
    let description_rows = if indexed.description.is_empty() {
        0
    } else {
        rows_of(&[Line::raw(indexed.description.as_str())])
    };
    let empty_note = live && !model.has_passages();
    let with_charts = live && theme.figures.cases > 0;
    // Room for the first chart, if there is one: its values and borders.
    let chart_need = if with_charts {
        Spread::ALL
            .iter()
            .map(|&by| model.spread(code, by).len() as u16)
            .find(|&n| n > 0)
            .map_or(0, |n| n + 2)
    } else {
        0
    };
    let full_figures = if live { 6 } else { 0 };
    let note_rows = if empty_note { 2 } else { 0 };
    // In a small window the figures go on three lines and the description
    // is cut, so a chart still fits beside the tree.
    let fits =
        |figures: u16, description: u16| 2 + head_rows + description + figures + note_rows + chart_need <= area.height;
    let compact = live && !fits(full_figures, description_rows);
    let figure_rows = if compact { 3 } else { full_figures };
    let description_room = area
        .height
        .saturating_sub(2 + head_rows + figure_rows + note_rows + chart_need)
        .min(description_rows);
    if description_room > 0 {
        let room = description_room as usize * inner_width;
        lines.push(Line::raw(fit(&indexed.description, room)));
    }
    if live {
        if compact {
            lines.extend(compact_figure_lines(&theme.figures, &theme.figures_direct));
        } else {
            lines.push(Line::raw(""));
            lines.extend(figure_lines(&theme.figures, &theme.figures_direct));
        }
        if empty_note {
            lines.push(Line::raw(""));
            lines.push(Line::raw(how_to_code(view)));
        }
    }
    let height = (2 + rows_of(&lines)).min(area.height);
    let [details_area, charts_area] = Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", indexed.name))),
        details_area,
    );
    if with_charts {
        charts::render(frame, charts_area, model, code, view.data);
    }
}

/// The figures on three lines: with sub-codes / own.
fn compact_figure_lines(all: &Figures, own: &Figures) -> Vec<Line<'static>> {
    vec![
        Line::styled("with sub-codes / own:", Style::new().fg(Color::DarkGray)),
        Line::raw(format!(
            "passages {}/{}  cases {}/{}",
            all.passages, own.passages, all.cases, own.cases
        )),
        Line::raw(format!(
            "informants {}/{}  quotes {}/{}",
            all.informants, own.informants, all.quotes, own.quotes
        )),
    ]
}

fn figure_lines(all: &Figures, own: &Figures) -> Vec<Line<'static>> {
    let line = |name: &str, a: String, o: String| Line::raw(format!("{name:<11}{a:>8}{o:>6}"));
    vec![
        line("", "with sub".into(), "own".into()),
        line("passages", all.passages.to_string(), own.passages.to_string()),
        line("cases", all.cases.to_string(), own.cases.to_string()),
        line("informants", all.informants.to_string(), own.informants.to_string()),
        line("quotes", all.quotes.to_string(), own.quotes.to_string()),
    ]
}
