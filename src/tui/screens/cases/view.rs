//! The Cases screen's view: the table (only the rows on screen are built),
//! the selected case's applications, documents, reviewers and stage log.

use super::super::{kroner, View};
use super::CasesScreen;
use crate::analysis::case_query::{Column, Matched};
use crate::domain::*;
use crate::tui::action::Action;
use crate::tui::input::InputPurpose;
use crate::tui::widgets::fit::fit;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Wrap};
use ratatui::Frame;

/// `text` with the characters at `positions` highlighted.
fn highlighted(text: &str, positions: &[usize]) -> Line<'static> {
    if positions.is_empty() {
        return Line::raw(text.to_string());
    }
    let hit = Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    Line::from(
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                if positions.contains(&i) {
                    Span::styled(c.to_string(), hit)
                } else {
                    Span::raw(c.to_string())
                }
            })
            .collect::<Vec<_>>(),
    )
}

fn filter_line(state: &CasesScreen, view: &View) -> Line<'static> {
    let query = &state.query;
    let mut parts: Vec<String> = query
        .filters
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(on, values)| {
            format!(
                "{} = {}",
                on.label(),
                values.iter().cloned().collect::<Vec<_>>().join(" or ")
            )
        })
        .collect();
    let searching = view.input.is_some_and(|i| i.purpose == InputPurpose::Search);
    if !query.search.is_empty() || searching {
        parts.push(format!("search \"{}\"", query.search));
    }
    let sort = if query.ordered_by_match() {
        format!(
            "ordered by match, then {} {}",
            query.sort.title().to_lowercase(),
            if query.descending { "▼" } else { "▲" }
        )
    } else {
        format!(
            "sorted by {} {}",
            query.sort.title().to_lowercase(),
            if query.descending { "▼" } else { "▲" }
        )
    };
    if parts.is_empty() {
        let hints = view.keys.hints(&[
            (Action::Search, "search"),
            (Action::AddFilter, "filter"),
            (Action::SortNext, "sort"),
            (Action::MoveStage, "move stage"),
            (Action::Open, "details"),
            (Action::ToggleHelp, "all keys"),
        ]);
        Line::from(vec![
            Span::styled(" no filters ", Style::new().fg(Color::DarkGray)),
            Span::raw(format!("· {sort} · {hints}")),
        ])
    } else {
        Line::from(vec![
            Span::styled(
                format!(" {} ", parts.join(" · ")),
                Style::new().fg(Color::Black).bg(Color::Yellow),
            ),
            Span::raw(format!(
                " · {sort} · {} clears",
                view.keys.key_for(Action::ClearFilters)
            )),
        ])
    }
}

pub fn render(frame: &mut Frame, area: Rect, state: &CasesScreen, view: &View) {
    let (rows, fresh) = state.rows_shown(view);
    let hits = &rows.hits.shown;
    let index = &rows.index;
    let query = &state.query;
    let data = view.data;
    let [filters_area, table_area, details_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Percentage(58), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(filter_line(state, view)), filters_area);
    let header_cells = Column::ALL.map(|c| {
        if c == query.sort {
            format!("{}{}", c.title(), if query.descending { "▼" } else { "▲" })
        } else {
            c.title().to_string()
        }
    });
    // Ids are never cut: their column is as wide as the longest (a minimum,
    // which the layout keeps before any other column's length). The rest
    // share what is left, and a cut cell ends in `…`.
    // (The longest id is computed with the rows, not per frame: 16,000 ids.)
    let id_width = rows.id_width.clamp(9, 28) as u16;
    let widths = [
        Constraint::Min(id_width),
        Constraint::Length(13),
        Constraint::Length(11),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Length(11),
        Constraint::Length(7),
    ];
    let fitted = selectable_table::column_widths(table_area, &widths);
    let width_of = |k: usize| fitted.get(k).copied().unwrap_or(0) as usize;
    let row = |i: usize| {
        let Some(c) = index.case_id(hits[i].entry).and_then(|id| data.cases.get(id)) else {
            return Row::default();
        };
        let matched = query.matched(index, hits[i].entry);
        let case = &c.case;
        let plain = |k: usize, text: &str| Cell::from(fit(text, width_of(k)));
        Row::new(vec![
            Cell::from(highlighted(case.id.as_str(), &matched.in_id)),
            Cell::from(highlighted(
                &fit(&case.municipality, width_of(1)),
                &matched.in_municipality,
            )),
            plain(2, data.size_band_of(case).unwrap_or("")),
            plain(3, &case.region),
            plain(
                4,
                case.focus_area
                    .as_deref()
                    .map(|f| data.focus_area_name(f))
                    .unwrap_or(""),
            ),
            plain(5, &case.years_label()),
            plain(6, case.kind.map(|k| k.label()).unwrap_or("")),
            plain(7, if case.pilot { "pilot" } else { "" }),
            plain(8, case.stage.label()),
            plain(
                9,
                &if case.reviewers.is_empty() {
                    String::new()
                } else {
                    format!("{}/{}", c.submitted_reviews(), case.reviewers.len())
                },
            ),
        ])
    };
    let header = Row::new(header_cells.iter().enumerate().map(|(k, t)| fit(t, width_of(k))));
    // While the rows for a new search or sort are computed, the last ones stay.
    let updating = if fresh { "" } else { ", updating…" };
    let title = format!(" Cases ({} of {}{updating}) ", hits.len(), data.cases.len());
    if hits.is_empty() && !data.cases.is_empty() {
        let text = format!(
            "No case matches the filters and search; {} clears them.",
            view.keys.key_for(Action::ClearFilters)
        );
        frame.render_widget(Paragraph::new(text).block(Block::bordered().title(title)), table_area);
        render_details(frame, details_area, view, None);
        return;
    }
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        hits.len(),
        row,
        &widths,
        &state.cursor,
    );
    let selected = state.cursor.pick(hits).and_then(|hit| {
        let case = data.cases.get(index.case_id(hit.entry)?)?;
        Some((case, query.matched(index, hit.entry)))
    });
    render_details(frame, details_area, view, selected);
}

fn render_details(frame: &mut Frame, area: Rect, view: &View, found: Option<(&CaseData, Matched)>) {
    let Some((data, matched)) = found else {
        let text = if view.data.cases.is_empty() {
            "No cases yet: `casebook import pool FILE.csv` brings in the pool."
        } else {
            "No case matches the filters and search; x clears them."
        };
        frame.render_widget(Paragraph::new(text).block(Block::bordered().title(" Details ")), area);
        return;
    };
    let case = &data.case;
    let [facts_area, log_area] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    frame.render_widget(
        Paragraph::new(facts(view, data, &matched))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", case.id))),
        facts_area,
    );
    frame.render_widget(
        Paragraph::new(stage_log(case))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(
                " Stage log ({} moves, Enter shows all) ",
                view.keys.key_for(Action::MoveStage)
            ))),
        log_area,
    );
}

/// The case's details and its whole stage log, for the popup Enter opens.
pub fn details_lines(view: &View, data: &CaseData) -> Vec<Line<'static>> {
    let mut lines = facts(view, data, &Matched::default());
    lines.push(Line::raw(""));
    lines.extend(stage_log(&data.case));
    lines
}

/// What is known of a case, its title first.
fn facts(view: &View, data: &CaseData, matched: &Matched) -> Vec<Line<'static>> {
    let case = &data.case;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut title = highlighted(&case.title, &matched.in_title);
    title.style = bold;
    let mut facts = vec![title];
    let place: Vec<String> = [
        Some(case.municipality.clone()),
        Some(case.county.clone()).filter(|c| !c.is_empty()),
        Some(case.region.clone()).filter(|r| !r.is_empty()),
        case.population.map(|p| format!("{p} inhabitants")),
    ]
    .into_iter()
    .flatten()
    .collect();
    facts.push(Line::raw(place.join(", ")));
    let mut traits = Vec::new();
    if let Some(focus) = &case.focus_area {
        traits.push(view.data.focus_area_name(focus).to_string());
    }
    if let Some(kind) = case.kind {
        traits.push(format!("kind: {}", kind.label()));
    }
    if case.pilot {
        traits.push("pilot project".to_string());
    }
    match &case.origin {
        Origin::Project => {}
        Origin::Snowball { referred_by } => traits.push(format!("snowball, referred by {referred_by}")),
        Origin::Administration => traits.push("the directorate's staff".to_string()),
    }
    if !traits.is_empty() {
        facts.push(Line::raw(traits.join(" · ")));
    }
    for application in &case.applications {
        let status = match application.status {
            ApplicationStatus::Granted => "granted",
            ApplicationStatus::Rejected => "rejected",
        };
        facts.push(Line::raw(format!(
            "{} {} {status}: applied {} granted {}",
            application.year,
            application.id,
            kroner(application.amount_applied),
            kroner(application.amount_granted)
        )));
    }
    if case.applications.len() > 1 {
        facts.push(Line::raw(format!(
            "in all: applied {} granted {}",
            kroner(case.amount_applied()),
            kroner(case.amount_granted())
        )));
    }
    if !case.documents.is_empty() {
        let titles: Vec<&str> = case.documents.iter().map(|d| d.title.as_str()).collect();
        facts.push(Line::raw(format!("Documents: {}", titles.join(", "))));
    }
    if !case.reviewers.is_empty() {
        let reviewers: Vec<String> = case
            .reviewers
            .iter()
            .map(|r| {
                let state = match data.reviews.get(r) {
                    Some(review) if review.is_submitted() => "submitted",
                    Some(_) => "draft",
                    None => "to do",
                };
                format!("{r} ({state})")
            })
            .collect();
        facts.push(Line::raw(format!("Reviewers: {}", reviewers.join(", "))));
    }
    for (name, value) in &case.attributes {
        facts.push(Line::raw(format!("{name}: {value}")));
    }
    if !data.informants.is_empty() || !data.interviews.is_empty() {
        facts.push(Line::raw(format!(
            "{} informants, {} interviews",
            data.informants.len(),
            data.interviews.len()
        )));
    }
    facts
}

/// The current stage, then every move, newest first, with who and why.
fn stage_log(case: &Case) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut log = vec![Line::styled(format!("Stage: {}", case.stage.label()), bold)];
    for change in case.stage_log.iter().rev() {
        log.push(Line::raw(format!(
            "{} {} {} → {}",
            change.at.format("%Y-%m-%d %H:%M"),
            change.by,
            change.from.label(),
            change.to.label()
        )));
        log.push(Line::raw(format!("  {}", change.reason)));
    }
    log
}
