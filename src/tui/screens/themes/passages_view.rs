//! Passages listed: a code's (with its sub-codes), a matrix cell's, or the
//! search's hits. Each row is its case, the informants by pseudonym (never
//! a name or a contact detail), the question, whether it holds a quote, and
//! its words cut to fit; the selected one in full below.

use super::super::View;
use super::model::Model;
use super::search::FUZZY_FROM;
use super::{Listed, PassageList, Source, ThemesScreen};
use crate::analysis::themes::Passage;
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, state: &ThemesScreen, list: &PassageList, listed: &Listed, view: &View) {
    let model = listed.model();
    let themes = &model.themes;
    let title = title(state, list, listed, model);
    let detail_height = if area.height >= 16 { 7 } else { 4 };
    let [table_area, detail_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_height)]).areas(area);
    if listed.is_empty() {
        let text = match &list.source {
            Source::Search if state.query.trim().is_empty() => {
                "Type to search the words of every coded passage.".to_string()
            }
            Source::Search => "No coded passage matches.".to_string(),
            _ => "No passages here.".to_string(),
        };
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(title)),
            area,
        );
        return;
    }
    let search = list.source == Source::Search;
    let mut widths = vec![
        Constraint::Length(14),
        Constraint::Length(10),
        Constraint::Length(16),
        Constraint::Length(1),
    ];
    if search {
        widths.push(Constraint::Length(16));
    }
    widths.push(Constraint::Fill(1));
    let fitted = selectable_table::column_widths(table_area, &widths);
    let width_of = |k: usize| fitted.get(k).copied().unwrap_or(0) as usize;
    let mut headers = vec!["Case", "Informants", "Question", "«"];
    if search {
        headers.push("Codes");
    }
    headers.push("Passage");
    let header = Row::new(headers.iter().enumerate().map(|(k, t)| fit(t, width_of(k))));
    let row = |i: usize| {
        let Some((p, codes)) = listed.row(i) else {
            return Row::default();
        };
        let passage = &themes.passages[p as usize];
        let (case, _, question) = themes.place(view.data, passage);
        let informants = informants(model, passage);
        let mut cells = vec![
            Cell::from(fit(case.as_str(), width_of(0))),
            Cell::from(fit(&informants, width_of(1))),
            Cell::from(fit(question.map_or("?", |q| q.as_str()), width_of(2))),
            Cell::from(if passage.quote { "«" } else { "" }),
        ];
        let mut k = 4;
        if let Some(codes) = codes {
            cells.push(Cell::from(fit(&code_names(model, codes), width_of(k))));
            k += 1;
        }
        let text = one_line(&themes.text(view.data, passage));
        let text = if passage.lost { format!("⚠ {text}") } else { text };
        cells.push(Cell::from(fit(&text, width_of(k))));
        Row::new(cells)
    };
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        listed.len(),
        row,
        &widths,
        &list.cursor,
    );
    let selected = list.cursor.selected.min(listed.len().saturating_sub(1));
    if let Some((p, codes)) = listed.row(selected) {
        render_detail(frame, detail_area, model, &themes.passages[p as usize], codes, view);
    }
}

fn title(state: &ThemesScreen, list: &PassageList, listed: &Listed, model: &Model) -> String {
    let index = &model.themes.index;
    let n = listed.len();
    match (&list.source, listed) {
        (Source::Code(id), _) => {
            let path = index.get(id).map(|c| index.path(c).join(" › ")).unwrap_or_default();
            format!(" {path}: {n} passages with sub-codes ")
        }
        (Source::Cell(id, case), _) => {
            let name = index.get(id).map_or("", |c| index.codes[c].name.as_str());
            format!(" {name} in {case}: {n} passages ")
        }
        (Source::Search, Listed::Search { prefix, fuzzy, fresh }) => {
            let searching = if !fresh {
                ", searching…"
            } else if fuzzy.is_none() && prefix.query.text.chars().count() >= FUZZY_FROM {
                ", looking for fuzzy matches…"
            } else {
                ""
            };
            let fuzzy_count = fuzzy.as_ref().map_or(0, |f| f.fuzzy.hits.len());
            let of = model.built_search_index().map_or(0, |i| i.entries.len());
            format!(
                " Search \"{}\": {} by word start, {fuzzy_count} fuzzy, of {of} coded passages{searching} ",
                state.query.trim(),
                prefix.hits.len()
            )
        }
        (Source::Search, _) => " Search ".to_string(),
    }
}

/// The informants of a passage's interview, by pseudonym.
fn informants(model: &Model, passage: &Passage) -> String {
    let row = &model.themes.interviews[passage.interview as usize];
    row.informants.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(",")
}

fn code_names(model: &Model, codes: &[u32]) -> String {
    codes
        .iter()
        .filter_map(|&c| model.themes.index.codes.get(c as usize))
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Text on one line: line ends and runs of spaces as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn render_detail(frame: &mut Frame, area: Rect, model: &Model, passage: &Passage, codes: Option<&[u32]>, view: &View) {
    let themes = &model.themes;
    let (case, interview, question) = themes.place(view.data, passage);
    let mut about = format!(
        "{case} · {interview} · {} · {}",
        question.map_or("?", |q| q.as_str()),
        informants(model, passage)
    );
    if let Some(codes) = codes {
        about.push_str(&format!(" · {}", code_names(model, codes)));
    }
    let mut lines = vec![Line::styled(about, Style::new().fg(Color::DarkGray))];
    if passage.lost {
        lines.push(Line::styled(
            "⚠ its text is gone from the notes: shown as coded",
            Style::new().fg(Color::Yellow),
        ));
    }
    let text = themes.text(view.data, passage);
    lines.push(Line::raw(one_line(&text)));
    if let Some(quote) = themes
        .quote_text(view.data, passage)
        .filter(|q| one_line(q) != one_line(&text))
    {
        lines.push(Line::styled(
            format!("quote: «{}»", one_line(&quote)),
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Passage (Enter opens the interview there) ")),
        area,
    );
}
