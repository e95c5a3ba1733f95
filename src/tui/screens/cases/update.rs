//! The Cases screen's part of the update function: search, filters that
//! combine, sorting, and moving a case between stages with a logged reason.

use crate::analysis::case_query::FilterOn;
use crate::domain::{CaseId, Stage, Stratum};
use crate::ops::stage::move_stage;
use crate::tui::action::Action;
use crate::tui::app::{App, Choice, Effect, Popup, Scroll};
use crate::tui::input::{InputPurpose, TextInput};
use crate::tui::widgets::picker::Picker;

impl App {
    pub(crate) fn update_cases(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Search => {
                let current = self.screens.cases.query.search.clone();
                self.input = Some(TextInput::new(
                    InputPurpose::Search,
                    " Search municipality, title, focus area, region or id ",
                    "the list follows as you type; Enter keeps the search, Esc drops it",
                    &current,
                    false,
                ));
            }
            Action::AddFilter => {
                let items = FilterOn::ALL.iter().map(|f| (f.label().to_string(), *f)).collect();
                self.popup = Some(Popup::Choose(Choice::FilterOn(Picker::new(" Filter on ", items))));
            }
            Action::ClearFilters => {
                let query = &mut self.screens.cases.query;
                query.filters.clear();
                query.search.clear();
                self.screens.cases.cursor.to_top();
                self.message = Some("filters and search cleared".to_string());
            }
            Action::SortNext => {
                let query = &mut self.screens.cases.query;
                query.sort = query.sort.next();
                query.descending = false;
            }
            Action::SortReverse => self.screens.cases.query.descending = !self.screens.cases.query.descending,
            Action::MoveStage => self.ask_for_stage(),
            Action::StartInterview => return self.interview_on_case(),
            Action::Open => {
                if let Some(case) = self.screens.cases.selected(&self.view()) {
                    self.popup = Some(Popup::CaseDetails(case, Scroll::default()));
                }
            }
            movement => self.move_cursor(movement),
        }
        Vec::new()
    }

    /// The search as typed so far: the list follows at once.
    pub(crate) fn search_typed(&mut self, text: String) {
        self.screens.cases.query.search = text;
        self.screens.cases.cursor.to_top();
    }

    /// `n`: an interview on the case under the cursor, with one of its
    /// informants (asked when it has several).
    fn interview_on_case(&mut self) -> Vec<Effect> {
        let Some(case) = self.screens.cases.selected(&self.view()) else {
            return Vec::new();
        };
        let informants: Vec<(String, crate::domain::InformantId)> = self.data.cases[&case]
            .informants
            .values()
            .map(|i| (format!("{} ({}, {})", i.id, i.role, i.status().label()), i.id.clone()))
            .collect();
        match informants.as_slice() {
            [] => {
                self.message = Some(format!(
                    "{case} has no informant yet: add one on the Recruitment screen or with `casebook informant add --case {case}`"
                ));
                Vec::new()
            }
            [(_, only)] => {
                let only = only.clone();
                self.start_interview_with(&only)
            }
            _ => {
                let title = format!(" Interview on {case} with ");
                self.popup = Some(Popup::Choose(Choice::InterviewWith(Picker::new(title, informants))));
                Vec::new()
            }
        }
    }

    fn ask_for_stage(&mut self) {
        if self.me.is_none() {
            self.message = Some("say who you are first (--as ID): a stage change records who made it".to_string());
            return;
        }
        let Some(case) = self.screens.cases.selected(&self.view()) else {
            return;
        };
        let current = self.data.cases[&case].case.stage;
        // Only a case reached by snowball has the snowball stage.
        let snowball = matches!(
            self.data.cases[&case].case.origin,
            crate::domain::Origin::Snowball { .. }
        );
        let items = Stage::ALL
            .iter()
            .filter(|s| **s != current && (**s != Stage::Snowball || snowball))
            .map(|s| (s.label().to_string(), *s))
            .collect();
        let title = format!(" Move {case} from {} to ", current.label());
        self.popup = Some(Popup::Choose(Choice::Stage(case, Picker::new(title, items))));
    }

    /// Which dimension to filter on was chosen: now its value.
    pub(crate) fn picked_filter_on(&mut self, on: FilterOn) {
        let items = on
            .choices(&self.data)
            .into_iter()
            .map(|value| {
                let label = match on {
                    FilterOn::Stratum(Stratum::FocusArea) => format!("{value}: {}", self.data.focus_area_name(&value)),
                    _ => value.clone(),
                };
                (label, value)
            })
            .collect();
        let title = format!(" {} is ", on.label());
        self.popup = Some(Popup::Choose(Choice::FilterValue(on, Picker::new(title, items))));
    }

    pub(crate) fn picked_filter_value(&mut self, on: FilterOn, value: String) {
        self.screens.cases.query.filters.entry(on).or_default().insert(value);
        self.screens.cases.cursor.to_top();
    }

    pub(crate) fn picked_stage(&mut self, case: CaseId, to: Stage) {
        self.ask_stage_reason(case, to, "");
    }

    /// Asks why `case` moves to `to`, with `offered` as the reason to start from.
    pub(crate) fn ask_stage_reason(&mut self, case: CaseId, to: Stage, offered: &str) {
        self.input = Some(TextInput::new(
            InputPurpose::StageReason { case: case.clone(), to },
            format!(" Why does {case} move to {}? ", to.label()),
            "a reason is required and goes into the stage log; Enter saves, Esc cancels",
            offered,
            false,
        ));
    }

    pub(crate) fn confirm_stage_reason(&mut self, case: CaseId, to: Stage, reason: String) -> Vec<Effect> {
        if reason.trim().is_empty() {
            self.message = Some("a stage change needs a reason".to_string());
            self.input = Some(TextInput::new(
                InputPurpose::StageReason { case: case.clone(), to },
                format!(" Why does {case} move to {}? ", to.label()),
                "a reason is required; Enter saves, Esc cancels",
                "",
                false,
            ));
            return Vec::new();
        }
        self.apply(|ctx, data| move_stage(ctx, data, &case, to, &reason))
    }
}
