//! The Cases screen's part of the update function: search, filters that
//! combine, sorting, and moving a case between stages with a logged reason.

use super::action::{Action, Screen};
use super::app::{stage_items, App, Effect, ListId, PickerPurpose, Popup};
use super::input::{InputPurpose, TextInput};
use super::screens::cases::rows as case_rows;
use crate::analysis::case_query::FilterOn;
use crate::domain::{CaseId, Stage};
use crate::ops::stage::move_stage;

impl App {
    pub(super) fn update_cases(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Search => {
                let current = self.cases.search.clone();
                self.input = Some(TextInput::new(
                    InputPurpose::Search,
                    " Search municipality, title or id ",
                    "the list follows as you type; Enter keeps the search, Esc drops it",
                    &current,
                    false,
                ));
            }
            Action::AddFilter => {
                self.popup = Some(Popup::Picker {
                    title: " Filter on ".to_string(),
                    items: FilterOn::ALL.iter().map(|f| f.label().to_string()).collect(),
                    selected: 0,
                    purpose: PickerPurpose::FilterOn,
                });
            }
            Action::ClearFilters => {
                self.cases.filters.clear();
                self.cases.search.clear();
                self.select_first(ListId::Screen(Screen::Cases));
                self.message = Some("filters and search cleared".to_string());
            }
            Action::SortNext => {
                self.cases.sort = self.cases.sort.next();
                self.cases.descending = false;
            }
            Action::SortReverse => self.cases.descending = !self.cases.descending,
            Action::MoveStage => self.ask_for_stage(),
            _ => {}
        }
        Vec::new()
    }

    fn selected_case(&self) -> Option<CaseId> {
        let rows = case_rows(self);
        let selected = self
            .cursor(ListId::Screen(Screen::Cases))
            .selected
            .min(rows.len().saturating_sub(1));
        rows.get(selected).map(|f| f.case.case.id.clone())
    }

    fn ask_for_stage(&mut self) {
        if self.me.is_none() {
            self.message = Some("say who you are first (--as ID): a stage change records who made it".to_string());
            return;
        }
        let Some(case) = self.selected_case() else { return };
        let current = self.data.cases[&case].case.stage;
        self.popup = Some(Popup::Picker {
            title: format!(" Move {case} from {} to ", current.label()),
            items: stage_items(current),
            selected: 0,
            purpose: PickerPurpose::StageOf(case),
        });
    }

    /// What choosing `item` in a picker goes on to do.
    pub(super) fn picked(&mut self, purpose: PickerPurpose, item: String) -> Vec<Effect> {
        match purpose {
            PickerPurpose::FilterOn => {
                let Some(on) = FilterOn::ALL.into_iter().find(|f| f.label() == item) else {
                    return Vec::new();
                };
                let items = on.choices(&self.data);
                let labels: Vec<String> = match on {
                    FilterOn::Stratum(crate::domain::Stratum::FocusArea) => items
                        .iter()
                        .map(|id| format!("{id}: {}", self.data.focus_area_name(id)))
                        .collect(),
                    _ => items,
                };
                self.popup = Some(Popup::Picker {
                    title: format!(" {} is ", on.label()),
                    items: labels,
                    selected: 0,
                    purpose: PickerPurpose::FilterValue(on),
                });
            }
            PickerPurpose::FilterValue(on) => {
                let value = item.split(": ").next().unwrap_or(&item).to_string();
                self.cases.filters.entry(on).or_default().insert(value);
                self.select_first(ListId::Screen(Screen::Cases));
            }
            PickerPurpose::StatusOf(informant) => self.picked_status(informant, &item),
            PickerPurpose::ReferralCounty {
                referrer,
                role,
                municipality,
            } => self.picked_county(referrer, role, municipality, item),
            PickerPurpose::StageOf(case) => {
                let Some(to) = Stage::from_label(&item) else {
                    return Vec::new();
                };
                self.input = Some(TextInput::new(
                    InputPurpose::StageReason { case: case.clone(), to },
                    format!(" Why does {case} move to {}? ", to.label()),
                    "a reason is required and goes into the stage log; Enter saves, Esc cancels",
                    "",
                    false,
                ));
            }
        }
        Vec::new()
    }

    pub(super) fn confirm_stage_reason(&mut self, case: CaseId, to: Stage, reason: String) -> Vec<Effect> {
        let reason = reason.trim().to_string();
        if reason.is_empty() {
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
