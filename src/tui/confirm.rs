//! What a confirmed text field goes on to do: each purpose to the screen
//! whose flow it belongs to.

use super::app::{App, Effect};
use super::input::InputPurpose;
use crate::domain::Answer;
use crate::ops::{resolve::resolve, review};

impl App {
    pub(crate) fn confirm_input(&mut self, purpose: InputPurpose, text: String) -> Vec<Effect> {
        match purpose {
            InputPurpose::Search => {
                self.search_typed(text);
                Vec::new()
            }
            InputPurpose::PassageSearch => {
                self.passage_search_typed(text);
                Vec::new()
            }
            InputPurpose::StageReason { case, to } => self.confirm_stage_reason(case, to, text),
            InputPurpose::StatusDate { informant, status } => {
                self.confirm_status_date(informant, status, &text);
                Vec::new()
            }
            InputPurpose::StatusNote {
                informant,
                status,
                date,
            } => self.confirm_status_note(informant, status, date, text),
            InputPurpose::ReferralRole { referrer } => {
                self.confirm_referral_role(referrer, text);
                Vec::new()
            }
            InputPurpose::ReferralWhere { referrer, role } => self.confirm_referral_where(referrer, role, text),
            InputPurpose::ReferralContact { informant } => self.confirm_referral_contact(informant, &text),
            InputPurpose::ReferralPopulation { flow, county } => self.confirm_referral_population(flow, county, &text),
            InputPurpose::TargetMin { stratum, value } => self.confirm_target(stratum, value, &text),
            InputPurpose::NewCodeName { parent } => {
                self.confirm_new_code_name(parent, text);
                Vec::new()
            }
            InputPurpose::NewCodeDescription { parent, name } => self.confirm_new_code(parent, name, text),
            InputPurpose::RenameCode(id) => self.confirm_rename_code(id, text),
            InputPurpose::ReviewText { case, criterion } => {
                self.apply(|ctx, data| review::answer(ctx, data, &case, &criterion, Some(Answer::Text(text))))
            }
            InputPurpose::ResolveValue { case, criterion } => self.confirm_resolve_value(case, criterion, text),
            InputPurpose::ResolveNote { case, criterion, value } => {
                self.apply(|ctx, data| resolve(ctx, data, &case, &criterion, value, &text))
            }
        }
    }
}
