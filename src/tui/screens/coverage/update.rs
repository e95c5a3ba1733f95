//! The Coverage screen's part of the update function: which strata make the
//! matrix, and gaps or suggestions beside it.

use crate::domain::{Stage, Stratum};
use crate::ops::target::set_target;
use crate::tui::action::Action;
use crate::tui::app::{App, Choice, Effect, Popup};
use crate::tui::input::{InputPurpose, TextInput};
use crate::tui::widgets::picker::Picker;

impl App {
    pub(crate) fn update_coverage(&mut self, action: Action) -> Vec<Effect> {
        let coverage = &mut self.screens.coverage;
        match action {
            Action::CycleRows => coverage.rows = next_stratum(coverage.rows, coverage.columns),
            Action::CycleColumns => coverage.columns = next_stratum(coverage.columns, coverage.rows),
            Action::ToggleSuggestions => coverage.suggestions = !coverage.suggestions,
            Action::Open => self.select_suggestion(),
            Action::SetTarget => self.ask_target_value(),
            movement => self.move_cursor(movement),
        }
        Vec::new()
    }
}

impl App {
    /// Enter on the suggestions: move the suggested case to selected, asking
    /// why as `m` on the Cases screen does, the suggestion's reason offered.
    fn select_suggestion(&mut self) {
        if !self.screens.coverage.suggestions {
            self.message = Some(format!(
                "{} shows suggestions; Enter then selects the first",
                self.keymap.key_for(Action::ToggleSuggestions)
            ));
            return;
        }
        if self.me.is_none() {
            self.message = Some("say who you are first (w): a stage change records who made it".to_string());
            return;
        }
        let side = self.screens.coverage.side(&self.view());
        let Some((case, why)) = side.suggested.clone() else {
            self.message = Some("nothing to suggest".to_string());
            return;
        };
        self.ask_stage_reason(case, Stage::Selected, &why);
    }
}

impl App {
    /// `t`: which value of the rows' stratum gets a target.
    fn ask_target_value(&mut self) {
        let stratum = self.screens.coverage.rows;
        let items = crate::analysis::coverage::values(&self.data, stratum)
            .into_iter()
            .map(|value| {
                let current = self
                    .data
                    .study
                    .targets
                    .iter()
                    .find(|t| t.stratum == stratum && t.value == value)
                    .map(|t| format!(" (now ≥{})", t.min_selected))
                    .unwrap_or_default();
                let name = match stratum {
                    Stratum::FocusArea => self.data.focus_area_name(&value).to_string(),
                    _ => value.clone(),
                };
                (format!("{name}{current}"), value)
            })
            .collect();
        let title = format!(" Target for which {}? ", stratum.key().replace('_', " "));
        self.popup = Some(Popup::Choose(Choice::TargetValue(stratum, Picker::new(title, items))));
    }

    pub(crate) fn picked_target_value(&mut self, stratum: Stratum, value: String) {
        self.input = Some(TextInput::new(
            InputPurpose::TargetMin {
                stratum,
                value: value.clone(),
            },
            format!(" At least how many selected cases in {value}? "),
            "a whole number; 0 removes the target; written to study.ron (the lead's)",
            "",
            false,
        ));
    }

    pub(crate) fn confirm_target(&mut self, stratum: Stratum, value: String, text: &str) -> Vec<Effect> {
        let Ok(min) = text.trim().parse::<u32>() else {
            self.message = Some(format!(
                "`{}` is not a whole number; the target is unchanged",
                text.trim()
            ));
            return Vec::new();
        };
        self.apply(|ctx, data| set_target(ctx, data, stratum, &value, min))
    }
}

/// The next stratum for a matrix axis, skipping the other axis's.
fn next_stratum(current: Stratum, other: Stratum) -> Stratum {
    let all = Stratum::ALL;
    let mut i = all.iter().position(|s| *s == current).unwrap_or(0);
    loop {
        i = (i + 1) % all.len();
        if all[i] != other {
            return all[i];
        }
    }
}
