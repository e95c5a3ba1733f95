//! The Recruitment screen: the snowball tree (seeds at the top, each
//! referral under its referrer, waves, status glyphs, size band and region
//! badges, dead ends marked) or the informants by case; counts by status
//! and wave; and the selected informant's history, consent and interviews.
//! Names from the private store appear beside pseudonyms here, for the local
//! user only.

use super::super::View;
use super::RecruitmentScreen;
use crate::analysis::recruitment::{is_dead_end, next_step};
use crate::domain::*;
use crate::tui::widgets::selectable_table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Wrap};
use ratatui::Frame;

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

pub fn render(frame: &mut Frame, area: Rect, state: &RecruitmentScreen, view: &View) {
    let list = state.rows(view);
    let summary = state.summary(view);
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
    // By case, the case heads its group of informants, once.
    let place_title = if state.tree { "Municipality" } else { "Case" };
    let header = Row::new([
        "Informant",
        "Status",
        "Wave",
        "Size band · region",
        place_title,
        "Role",
        "Next step",
    ]);
    let case_of = |i: usize| view.data.informant(&list[i].informant).map(|inf| inf.case.clone());
    let row = |i: usize| {
        let row = &list[i];
        let Some(informant) = view.data.informant(&row.informant) else {
            return (Vec::new(), Style::new());
        };
        let status = informant.status();
        let case = view.data.cases.get(&informant.case).map(|c| &c.case);
        let badge = case
            .map(|c| {
                let band = view.data.size_band_of(c).unwrap_or("");
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
        let name = view
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
        let texts = vec![
            format!("{indent}{}{name}", informant.id),
            format!("{} {}", glyph(status), status.label()),
            row.wave.map(|w| w.to_string()).unwrap_or_else(|| "cycle".to_string()),
            badge,
            match case {
                Some(c) if state.tree => c.municipality.clone(),
                Some(c) if i == 0 || case_of(i - 1).as_ref() != Some(&c.id) => format!("{} {}", c.id, c.municipality),
                _ => String::new(),
            },
            informant.role.clone(),
            next,
        ];
        (texts, style)
    };
    let widths = [
        Constraint::Length(26),
        Constraint::Length(14),
        Constraint::Length(5),
        Constraint::Length(24),
        Constraint::Length(if state.tree { 13 } else { 26 }),
        Constraint::Fill(1),
        Constraint::Length(14),
    ];
    let cursor = &state.cursor;
    let title = if state.tree {
        " Snowball tree (t: by case) "
    } else {
        " Informants by case (t: tree) "
    };
    selectable_table::render_texts(
        frame,
        table_area,
        Block::bordered().title(title),
        header,
        list.len(),
        row,
        &widths,
        cursor,
    );
    let selected = cursor.pick(&list).and_then(|r| view.data.informant(&r.informant));
    render_details(frame, details_area, view, selected);
}

fn render_details(frame: &mut Frame, area: Rect, view: &View, informant: Option<&Informant>) {
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
    if let Some(contact) = view.contacts.contacts.get(&informant.id) {
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
    let interviews: Vec<String> = view
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
