//! The Themes screen: the codebook as a tree, with how many passages and
//! cases each code has across every coder's codings.

use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::{App, ListId};
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;
use std::collections::BTreeSet;

pub fn rows(app: &App) -> Vec<(usize, &Code)> {
    app.data.codebook.flatten()
}

/// Passages coded with `code` or one of its sub-codes, and the cases they are from.
fn usage(app: &App, code: &Code) -> (usize, usize) {
    let mut ids = BTreeSet::new();
    fn collect<'a>(code: &'a Code, ids: &mut BTreeSet<&'a CodeId>) {
        ids.insert(&code.id);
        for child in &code.children {
            collect(child, ids);
        }
    }
    collect(code, &mut ids);
    let mut passages = 0;
    let mut cases = BTreeSet::new();
    for interview in app.data.interviews() {
        for codings in interview.codings.values() {
            for coding in &codings.codings {
                if coding.codes.iter().any(|c| ids.contains(c)) {
                    passages += 1;
                    cases.insert(&interview.interview.case);
                }
            }
        }
    }
    (passages, cases.len())
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let codes = rows(app);
    let [table_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
    let header = Row::new(["Code", "Passages", "Cases"]);
    let table_rows: Vec<Row> = codes
        .iter()
        .map(|(depth, code)| {
            let (passages, cases) = usage(app, code);
            Row::new([
                format!("{}{}", "  ".repeat(*depth), code.name),
                passages.to_string(),
                cases.to_string(),
            ])
        })
        .collect();
    let widths = [Constraint::Fill(1), Constraint::Length(8), Constraint::Length(6)];
    let cursor = app.cursor(ListId::Screen(Screen::Themes));
    let title = format!(" Codebook ({} codes) ", codes.len());
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        table_rows,
        &widths,
        cursor,
    );
    let mut lines = Vec::new();
    if let Some((_, code)) = cursor.pick(&codes) {
        lines.push(Line::raw(code.id.to_string()));
        lines.push(Line::raw(""));
        lines.push(Line::raw(code.description.clone()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Code ")),
        detail_area,
    );
}
