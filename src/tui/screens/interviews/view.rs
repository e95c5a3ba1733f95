//! The Interviews screen's view: the list, and the notes of the selected
//! interview question by question.

use super::super::View;
use super::InterviewsScreen;
use crate::domain::*;
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, state: &InterviewsScreen, view: &View) {
    let keys = state.rows(view);
    let find = |(case, id): &(CaseId, InterviewId)| view.data.cases.get(case)?.interviews.get(id);
    let interviews: Vec<&InterviewData> = keys.iter().filter_map(find).collect();
    let [table_area, notes_area] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let widths = [
        Constraint::Length(13),
        Constraint::Length(19),
        Constraint::Length(10),
        Constraint::Length(14),
        Constraint::Length(14),
        Constraint::Length(13),
        Constraint::Length(7),
        Constraint::Fill(1),
    ];
    // The header is cut as the cells are, with a visible `…`.
    let labels = [
        "Interview",
        "Case",
        "Date",
        "Guide",
        "Informants",
        "Researchers",
        "Covered",
        "Coded by",
    ];
    let fitted = selectable_table::column_widths(table_area, &widths);
    let header = Row::new(
        labels
            .iter()
            .enumerate()
            .map(|(k, label)| fit(label, fitted.get(k).copied().unwrap_or(0) as usize)),
    );
    let row = |index: usize| {
        let i = interviews[index];
        let record = &i.interview;
        // Coverage counts only the questions whose condition holds for the case.
        let coverage = view
            .data
            .cases
            .get(&record.case)
            .map(|case| crate::analysis::interviews::row(view.data, case, i).coverage())
            .unwrap_or_default();
        let join = |ids: Vec<String>| ids.join(", ");
        let texts = vec![
            record.id.to_string(),
            record.case.to_string(),
            record.date.map(|d| d.to_string()).unwrap_or_default(),
            record.guide.to_string(),
            join(record.informants.iter().map(|i| i.to_string()).collect()),
            join(record.researchers.iter().map(|r| r.to_string()).collect()),
            coverage,
            join(i.codings.keys().map(|c| c.to_string()).collect()),
        ];
        (texts, Style::new())
    };
    let cursor = &state.cursor;
    let title = format!(" Interviews ({}): Enter opens one ", interviews.len());
    // Cells too long for their column (ids, several informants) end in a
    // visible `…`, never cut silently.
    selectable_table::render_texts(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        interviews.len(),
        row,
        &widths,
        cursor,
    );

    let mut lines = Vec::new();
    if let Some(data) = cursor.pick(&interviews) {
        let guide = view.data.guides.get(&data.interview.guide);
        for note in &data.interview.notes {
            let question = guide
                .and_then(|g| g.question(&note.question))
                .map(|q| q.text.as_str())
                .unwrap_or(note.question.as_str());
            lines.push(Line::styled(
                question.to_string(),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            lines.push(Line::raw(note.text.clone()));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Notes ")),
        notes_area,
    );
}
