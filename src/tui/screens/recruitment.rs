//! The Recruitment screen: the snowball tree (seeds at the top, each
//! referral under its referrer, waves, status glyphs, size band and region
//! badges, dead ends marked) or the informants by case; counts by status
//! and wave; and the selected informant's history, consent and interviews.
//! Names from the private store appear beside pseudonyms here, for the local
//! user only.

use crate::analysis::recruitment::{is_dead_end, next_step, recruitment};
use crate::analysis::waves::{waves, TreeNode};
use crate::domain::*;
use crate::tui::action::Screen;
use crate::tui::app::{App, ListId};
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Wrap};
use ratatui::Frame;

/// One line of the list: an informant, indented by its depth in the tree.
pub struct RecruitRow<'a> {
    pub depth: usize,
    pub informant: &'a Informant,
    pub wave: Option<u32>,
}

pub fn rows(app: &App) -> Vec<RecruitRow<'_>> {
    if app.recruitment_tree {
        fn walk<'a>(nodes: &[TreeNode], depth: usize, app: &'a App, out: &mut Vec<RecruitRow<'a>>) {
            for node in nodes {
                if let Some(informant) = app.data.informant(&node.id) {
                    out.push(RecruitRow {
                        depth,
                        informant,
                        wave: node.wave,
                    });
                }
                walk(&node.children, depth + 1, app, out);
            }
        }
        let mut out = Vec::new();
        walk(&crate::analysis::waves::tree(&app.data), 0, app, &mut out);
        out
    } else {
        let waves = waves(&app.data);
        app.data
            .informants()
            .map(|i| RecruitRow {
                depth: 0,
                informant: i,
                wave: waves.wave.get(&i.id).copied(),
            })
            .collect()
    }
}

pub fn glyph(status: RecruitmentStatus) -> &'static str {
    match status {
        RecruitmentStatus::Identified => "○",
        RecruitmentStatus::Contacted => "◔",
        RecruitmentStatus::Agreed => "◑",
        RecruitmentStatus::Scheduled => "◕",
        RecruitmentStatus::Interviewed => "●",
        RecruitmentStatus::Declined => "✗",
        RecruitmentStatus::NoAnswer => "∅",
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let list = rows(app);
    let summary = recruitment(&app.data);
    let [counts_area, table_area, details_area] =
        Layout::vertical([Constraint::Length(4), Constraint::Percentage(60), Constraint::Fill(1)]).areas(area);
    let statuses: Vec<String> = RecruitmentStatus::ALL
        .iter()
        .filter_map(|s| {
            summary
                .by_status
                .get(s.label())
                .map(|n| format!("{} {} {n}", glyph(*s), s.label()))
        })
        .collect();
    let waves: Vec<String> = summary.by_wave.iter().map(|(w, n)| format!("wave {w}: {n}")).collect();
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(format!(
                "{} case informants interviewed in {} municipalities · {} interviews with the administration",
                summary.interviewed, summary.municipalities, summary.administration
            )),
            Line::raw(format!("{} · {}", statuses.join("  "), waves.join(", "))),
        ])
        .block(Block::bordered().title(format!(" {} informants ", summary.informants))),
        counts_area,
    );
    let header = Row::new([
        "Informant",
        "Status",
        "Wave",
        "Size band · region",
        "Municipality",
        "Role",
        "Next step",
    ]);
    let table_rows: Vec<Row> = list
        .iter()
        .map(|row| {
            let informant = row.informant;
            let status = informant.status();
            let case = app.data.cases.get(&informant.case).map(|c| &c.case);
            let badge = case
                .map(|c| {
                    let band = app.data.size_band_of(c).unwrap_or("");
                    if c.region.is_empty() {
                        band.to_string()
                    } else {
                        format!("{band} · {}", c.region)
                    }
                })
                .unwrap_or_default();
            let indent = if row.depth == 0 {
                String::new()
            } else {
                format!("{}└ ", "  ".repeat(row.depth - 1))
            };
            let name = app
                .contacts
                .contacts
                .get(&informant.id)
                .map(|c| format!(" ({})", c.name))
                .unwrap_or_default();
            let next = match next_step(status) {
                Some(step) => step.to_string(),
                None if is_dead_end(status) => "dead end".to_string(),
                None => String::new(),
            };
            let style = if is_dead_end(status) {
                Style::new().fg(Color::Red)
            } else {
                Style::new()
            };
            Row::new(vec![
                Cell::from(format!("{indent}{}{name}", informant.id)),
                Cell::from(format!("{} {}", glyph(status), status.label())),
                Cell::from(row.wave.map(|w| w.to_string()).unwrap_or_else(|| "cycle".to_string())),
                Cell::from(badge),
                Cell::from(case.map(|c| c.municipality.clone()).unwrap_or_default()),
                Cell::from(informant.role.clone()),
                Cell::from(next),
            ])
            .style(style)
        })
        .collect();
    let widths = [
        Constraint::Length(26),
        Constraint::Length(14),
        Constraint::Length(5),
        Constraint::Length(24),
        Constraint::Length(13),
        Constraint::Fill(1),
        Constraint::Length(14),
    ];
    let cursor = app.cursor(ListId::Screen(Screen::Recruitment));
    let title = if app.recruitment_tree {
        " Snowball tree (t: by case) "
    } else {
        " Informants by case (t: tree) "
    };
    selectable_table::render(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        table_rows,
        &widths,
        cursor,
    );
    let selected = cursor.pick(&list);
    render_details(frame, details_area, app, selected.map(|r| r.informant));
}

fn render_details(frame: &mut Frame, area: Rect, app: &App, informant: Option<&Informant>) {
    let Some(informant) = informant else {
        frame.render_widget(
            Paragraph::new("No informants yet.").block(Block::bordered().title(" Informant ")),
            area,
        );
        return;
    };
    let [history_area, about_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let mut history = Vec::new();
    for change in informant.status_history.iter().rev() {
        let note = if change.note.is_empty() {
            String::new()
        } else {
            format!(": {}", change.note)
        };
        history.push(Line::raw(format!(
            "{} {} {} ({}){note}",
            change.date,
            glyph(change.status),
            change.status.label(),
            change.by
        )));
    }
    frame.render_widget(
        Paragraph::new(history)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Status history (a adds) ")),
        history_area,
    );
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut about = vec![Line::styled(
        format!("{} · {} · {}", informant.id, informant.role, informant.organisation),
        bold,
    )];
    if let Some(contact) = app.contacts.contacts.get(&informant.id) {
        let reach: Vec<&str> = [contact.email.as_deref(), contact.phone.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        about.push(Line::styled(
            format!("{} {} (private, this computer only)", contact.name, reach.join(" ")),
            Style::new().fg(Color::Magenta),
        ));
    }
    about.push(Line::raw(format!("case {}", informant.case)));
    match &informant.referred_by {
        Some(Referral::Informant { id, interview }) => about.push(Line::raw(format!(
            "referred by {id}{}",
            interview.as_ref().map(|i| format!(" in {i}")).unwrap_or_default()
        ))),
        Some(Referral::Case(case)) => about.push(Line::raw(format!("found through case {case}"))),
        None => {}
    }
    if let Some(consent) = &informant.consent {
        let covers: Vec<&str> = [
            (consent.notes, "notes"),
            (consent.recording, "recording"),
            (consent.quotes, "quotes"),
        ]
        .into_iter()
        .filter(|(yes, _)| *yes)
        .map(|(_, what)| what)
        .collect();
        about.push(Line::raw(format!("consent {}: {}", consent.date, covers.join(", "))));
    }
    let interviews: Vec<String> = app
        .data
        .interviews()
        .filter(|i| i.interview.informants.contains(&informant.id))
        .map(|i| {
            format!(
                "{} {}",
                i.interview.id,
                i.interview.date.map(|d| d.to_string()).unwrap_or_default()
            )
        })
        .collect();
    if !interviews.is_empty() {
        about.push(Line::raw(format!("interviews (i opens): {}", interviews.join(", "))));
    }
    frame.render_widget(
        Paragraph::new(about)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Informant (r adds a referral) ")),
        about_area,
    );
}
