//! The selected code's cases spread over size band, region and focus area:
//! a horizontal bar chart each, one value a line, stacked as far as the
//! room goes. A chart is drawn whole or not at all; those left out are
//! named, so a small window never shows half a chart as if it were all.

use super::model::Model;
use crate::analysis::themes::Spread;
use crate::domain::StudyData;
use crate::tui::widgets::fit::fit;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Block, Paragraph};
use ratatui::Frame;

fn title(by: Spread) -> &'static str {
    match by {
        Spread::SizeBand => "size band",
        Spread::Region => "region",
        Spread::FocusArea => "focus area",
    }
}

/// The chart's title; when some of the code's cases have no value for the
/// stratum (the directorate has no size band), how many the bars hold.
fn chart_title(by: Spread, values: &[(String, usize)], cases: usize) -> String {
    let counted: usize = values.iter().map(|(_, n)| n).sum();
    if counted < cases {
        format!(" Cases by {} ({counted} of {cases}) ", title(by))
    } else {
        format!(" Cases by {} ", title(by))
    }
}

pub fn render(frame: &mut Frame, area: Rect, model: &Model, code: usize, data: &StudyData) {
    if area.height == 0 || area.width < 12 {
        return;
    }
    let spreads: Vec<(Spread, Vec<(String, usize)>)> = Spread::ALL
        .iter()
        .map(|&by| (by, model.spread(code, by)))
        .filter(|(_, values)| !values.is_empty())
        .collect();
    // Each chart needs its values and two border lines; one line is kept
    // for naming the charts left out.
    let mut room = area.height;
    let mut shown = Vec::new();
    for (k, (_, values)) in spreads.iter().enumerate() {
        let need = values.len() as u16 + 2;
        let rest = spreads.len() - k - 1;
        let reserve = u16::from(rest > 0);
        if need + reserve <= room || (need <= room && rest == 0) {
            shown.push(k);
            room -= need;
        } else {
            break;
        }
    }
    let left_out: Vec<&str> = spreads
        .iter()
        .enumerate()
        .filter(|(k, _)| !shown.contains(k))
        .map(|(_, (by, _))| title(*by))
        .collect();
    let mut constraints: Vec<Constraint> = shown
        .iter()
        .map(|&k| Constraint::Length(spreads[k].1.len() as u16 + 2))
        .collect();
    constraints.push(Constraint::Fill(1));
    let areas = Layout::vertical(constraints).split(area);
    let label_width = (area.width as usize / 3).clamp(4, 18);
    let cases = model.themes.codes[code].figures.cases;
    for (slot, &k) in shown.iter().enumerate() {
        let (by, values) = &spreads[k];
        let max = values.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as u64;
        let bars: Vec<Bar> = values
            .iter()
            .map(|(value, n)| {
                let label = match by {
                    Spread::FocusArea => data.focus_area_name(value),
                    _ => value.as_str(),
                };
                Bar::default()
                    .value(*n as u64)
                    .text_value(n.to_string())
                    .label(Line::raw(fit(label, label_width)))
            })
            .collect();
        let chart = BarChart::horizontal(bars)
            .max(max)
            .bar_width(1)
            .bar_gap(0)
            .bar_style(Style::new().fg(Color::Cyan))
            .value_style(Style::new().fg(Color::Black).bg(Color::Cyan))
            .block(Block::bordered().title(chart_title(*by, values, cases)));
        frame.render_widget(chart, areas[slot]);
    }
    if !left_out.is_empty() {
        let text = format!("({}: a taller window shows them)", left_out.join(", "));
        frame.render_widget(
            Paragraph::new(fit(&text, area.width as usize)).style(Style::new().fg(Color::DarkGray)),
            areas[shown.len()],
        );
    }
}
