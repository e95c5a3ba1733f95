//! The Review screen's part of the update function: my queue, the blind
//! review form (digits and letters pick answers, every change saved as a
//! draft at once, submitting is explicit), conflicts and their resolution.

use super::action::Action;
use super::app::{App, Effect, ListId, Pending, Popup, ReviewView};
use super::input::{InputPurpose, TextInput};
use super::screens::review::{conflict_rows, rows as queue_rows};
use crate::domain::*;
use crate::ops::{resolve::resolve, review};

impl App {
    pub(super) fn update_review(&mut self, action: Action) -> Vec<Effect> {
        match (self.review.view, action) {
            (_, Action::ShowQueue) => self.review.view = ReviewView::Queue,
            (_, Action::ShowConflicts) => self.review.view = ReviewView::Conflicts,
            (_, Action::ShowAgreement) => self.review.view = ReviewView::Agreement,
            (ReviewView::Form, action) => return self.update_form(action),
            (ReviewView::Queue, Action::Open) => self.open_form(),
            (ReviewView::Conflicts, Action::Open) => self.start_resolution(),
            (_, Action::Back) => self.review.view = ReviewView::Queue,
            (_, movement) => self.move_cursor(movement),
        }
        Vec::new()
    }

    fn open_form(&mut self) {
        let selected = self.cursor(ListId::Screen(super::action::Screen::Review)).selected;
        let Some(case) = queue_rows(self).get(selected).map(|c| c.case.id.clone()) else {
            self.message = Some("nothing to review: no case is assigned to you".to_string());
            return;
        };
        self.review.case = Some(case);
        self.review.criterion = 0;
        self.review.view = ReviewView::Form;
    }

    /// My review of the open case, as it stands (a fresh draft if none).
    fn my_review(&self) -> Option<(CaseId, Review)> {
        let me = self.me.as_ref()?;
        let case = self.review.case.clone()?;
        let review = review::my_review(&self.data, me, &case);
        Some((case, review))
    }

    fn update_form(&mut self, action: Action) -> Vec<Effect> {
        let criteria = self.data.study.criteria.len();
        if !matches!(action, Action::Pick(_)) {
            self.review.first_digit = None;
        }
        match action {
            Action::Back => self.review.view = ReviewView::Queue,
            Action::Up => self.review.criterion = self.review.criterion.saturating_sub(1),
            Action::Down => self.review.criterion = (self.review.criterion + 1).min(criteria.saturating_sub(1)),
            Action::Pick(c) => return self.pick(c),
            Action::Open => self.open_free_text(),
            Action::Submit => self.ask_to_submit(),
            _ => {}
        }
        Vec::new()
    }

    fn pick(&mut self, c: char) -> Vec<Effect> {
        let Some((case, _)) = self.my_review() else {
            self.message = Some("say who you are first (--as ID): a review has an author".to_string());
            return Vec::new();
        };
        let Some(criterion) = self.data.study.criteria.get(self.review.criterion).cloned() else {
            return Vec::new();
        };
        // On a scale past 9 a point may take two digits: `1` then `0` is 10.
        let first_digit = self.review.first_digit.take();
        let mut stay = false;
        let answer = match &criterion.scale {
            Scale::Ordinal { min, max } => match c.to_digit(10).map(|d| d as i32) {
                Some(d) if first_digit.is_some_and(|f| (*min..=*max).contains(&(f * 10 + d))) => {
                    Ok(Answer::Point(first_digit.unwrap_or(0) * 10 + d))
                }
                Some(d) if (*min..=*max).contains(&d) => {
                    if d > 0 && d * 10 <= *max {
                        self.review.first_digit = Some(d);
                        stay = true;
                    }
                    Ok(Answer::Point(d))
                }
                _ => Err(format!("`{c}` is not on the scale {min}..{max}")),
            },
            Scale::Categories(options) => {
                let by_number = c.to_digit(10).and_then(|d| options.get((d as usize).checked_sub(1)?));
                let by_letter = options
                    .iter()
                    .find(|o| o.chars().next().is_some_and(|f| f.eq_ignore_ascii_case(&c)));
                by_number
                    .or(by_letter)
                    .map(|o| Answer::Category(o.clone()))
                    .ok_or_else(|| format!("pick one of: {}", options.join(", ")))
            }
            Scale::YesNo => match c.to_ascii_lowercase() {
                'y' => Ok(Answer::YesNo(true)),
                'n' => Ok(Answer::YesNo(false)),
                _ => Err("y for yes, n for no".to_string()),
            },
            Scale::FreeText => Err("press Enter to write this answer".to_string()),
        };
        match answer {
            Ok(answer) => {
                let effects = self.apply(|ctx, data| review::answer(ctx, data, &case, &criterion.id, Some(answer)));
                if !stay && !effects.is_empty() {
                    self.review.criterion =
                        (self.review.criterion + 1).min(self.data.study.criteria.len().saturating_sub(1));
                }
                effects
            }
            Err(message) => {
                self.message = Some(message);
                Vec::new()
            }
        }
    }

    fn open_free_text(&mut self) {
        let Some((case, review)) = self.my_review() else { return };
        let Some(criterion) = self.data.study.criteria.get(self.review.criterion) else {
            return;
        };
        if criterion.scale != Scale::FreeText {
            return;
        }
        if review.is_submitted() {
            self.message = Some("this review is submitted and can no longer change".to_string());
            return;
        }
        let text = match review.answers.get(&criterion.id) {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        };
        self.input = Some(TextInput::new(
            InputPurpose::ReviewText {
                case,
                criterion: criterion.id.clone(),
            },
            format!(" {} ", criterion.question),
            "Ctrl-S or Esc keeps the text",
            &text,
            true,
        ));
    }

    fn ask_to_submit(&mut self) {
        let Some((case, review)) = self.my_review() else { return };
        if review.is_submitted() {
            self.message = Some("already submitted".to_string());
            return;
        }
        let missing = review::missing_answers(&self.data.study, &review);
        if !missing.is_empty() {
            self.message = Some(format!("answer every criterion first; missing: {}", missing.join(", ")));
            return;
        }
        self.popup = Some(Popup::Confirm {
            question: format!("Submit your review of {case}? It cannot be changed afterwards. (y/n)"),
            on_yes: Pending::SubmitReview(case),
        });
    }

    pub(super) fn carry_out_pending(&mut self, pending: Pending) -> Vec<Effect> {
        match pending {
            Pending::SubmitReview(case) => self.apply(|ctx, data| review::submit(ctx, data, &case)),
        }
    }

    fn start_resolution(&mut self) {
        let selected = self.cursor(ListId::ReviewConflicts).selected;
        let Some((case, conflict, resolved)) = conflict_rows(self).get(selected).cloned() else {
            return;
        };
        if resolved {
            self.message = Some(format!("{} on {case} is resolved already", conflict.criterion));
            return;
        }
        if self.me.is_none() {
            self.message = Some("say who you are first (--as ID): a resolution has an author".to_string());
            return;
        }
        let hint = self
            .data
            .study
            .criterion(&conflict.criterion)
            .map(Criterion::scale_hint)
            .unwrap_or_default();
        self.input = Some(TextInput::new(
            InputPurpose::ResolveValue {
                case,
                criterion: conflict.criterion.clone(),
            },
            format!(
                " Agreed value for {} ({} vs {}) ",
                conflict.criterion,
                conflict.first.1.label(),
                conflict.second.1.label()
            ),
            hint,
            "",
            false,
        ));
    }

    /// What a confirmed text field goes on to do.
    pub(super) fn confirm_input(&mut self, purpose: InputPurpose, text: String) -> Vec<Effect> {
        match purpose {
            InputPurpose::Search => {
                self.cases.search = text;
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
            InputPurpose::ReferralPopulation {
                referrer,
                role,
                municipality,
                county,
            } => self.confirm_referral_population(referrer, role, municipality, county, &text),
            InputPurpose::ReviewText { case, criterion } => {
                self.apply(|ctx, data| review::answer(ctx, data, &case, &criterion, Some(Answer::Text(text))))
            }
            InputPurpose::ResolveValue { case, criterion } => {
                let Some(spec) = self.data.study.criterion(&criterion).cloned() else {
                    return Vec::new();
                };
                match spec.parse_answer(text.trim()) {
                    Ok(value) => {
                        self.input = Some(TextInput::new(
                            InputPurpose::ResolveNote {
                                case,
                                criterion,
                                value: value.clone(),
                            },
                            format!(" Note on agreeing {} ", value.label()),
                            "why the team agreed on this; Enter saves, Esc drops the resolution",
                            "",
                            false,
                        ));
                    }
                    Err(message) => {
                        let hint = format!("{message}; {}", spec.scale_hint());
                        self.input = Some(TextInput::new(
                            InputPurpose::ResolveValue { case, criterion },
                            " Agreed value ",
                            hint,
                            &text,
                            false,
                        ));
                    }
                }
                Vec::new()
            }
            InputPurpose::ResolveNote { case, criterion, value } => {
                self.apply(|ctx, data| resolve(ctx, data, &case, &criterion, value, &text))
            }
        }
    }
}
