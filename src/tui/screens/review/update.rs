//! The Review screen's part of the update function: my queue, the blind
//! review form (digits and letters pick answers, every change saved as a
//! draft at once, submitting is explicit), conflicts and their resolution.

use super::ReviewView;
use crate::domain::*;
use crate::ops::review;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Pending, Popup, Scroll};
use crate::tui::input::{InputPurpose, TextInput};

impl App {
    pub(crate) fn update_review(&mut self, action: Action) -> Vec<Effect> {
        match (self.screens.review.view, action) {
            (_, Action::ShowQueue) => self.screens.review.view = ReviewView::Queue,
            (_, Action::ShowConflicts) => self.screens.review.view = ReviewView::Conflicts,
            (_, Action::ShowAgreement) => self.screens.review.view = ReviewView::Agreement,
            (ReviewView::Form, action) => return self.update_form(action),
            (ReviewView::Queue, Action::Open) => self.open_form(),
            (ReviewView::Conflicts, Action::Open) => self.start_resolution(),
            (ReviewView::Agreement, Action::Open) => {
                let shown = self.screens.review.agreement(&self.view());
                let agreement = shown.value.unwrap_or_default();
                if let Some(row) = self.screens.review.agreement_cursor.pick(&agreement) {
                    self.popup = Some(Popup::Disagreements(row.criterion.clone(), Scroll::default()));
                }
            }
            (_, Action::Back) => self.screens.review.view = ReviewView::Queue,
            (_, movement) => self.move_cursor(movement),
        }
        Vec::new()
    }

    fn open_form(&mut self) {
        let queue = self.screens.review.queue(&self.view());
        let Some(case) = self.screens.review.queue_cursor.pick(&queue).cloned() else {
            self.message = Some("nothing to review: no case is assigned to you".to_string());
            return;
        };
        self.screens.review.case = Some(case);
        self.screens.review.criterion = 0;
        self.screens.review.view = ReviewView::Form;
    }

    /// My review of the open case, as it stands (a fresh draft if none).
    fn my_review(&self) -> Option<(CaseId, Review)> {
        let me = self.me.as_ref()?;
        let case = self.screens.review.case.clone()?;
        let review = review::my_review(&self.data, me, &case);
        Some((case, review))
    }

    fn update_form(&mut self, action: Action) -> Vec<Effect> {
        let criteria = self.data.study.criteria.len();
        if !matches!(action, Action::Pick(_)) {
            self.screens.review.first_digit = None;
        }
        match action {
            Action::Back => self.screens.review.view = ReviewView::Queue,
            Action::Up => self.screens.review.criterion = self.screens.review.criterion.saturating_sub(1),
            Action::Down => {
                self.screens.review.criterion = (self.screens.review.criterion + 1).min(criteria.saturating_sub(1))
            }
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
        let Some(criterion) = self.data.study.criteria.get(self.screens.review.criterion).cloned() else {
            return Vec::new();
        };
        // On a scale past 9 a point may take two digits: `1` then `0` is 10.
        let first_digit = self.screens.review.first_digit.take();
        let mut stay = false;
        let answer = match &criterion.scale {
            Scale::Ordinal { min, max } => match c.to_digit(10).map(|d| d as i32) {
                Some(d) if first_digit.is_some_and(|f| (*min..=*max).contains(&(f * 10 + d))) => {
                    Ok(Answer::Point(first_digit.unwrap_or(0) * 10 + d))
                }
                Some(d) if (*min..=*max).contains(&d) => {
                    if d > 0 && d * 10 <= *max {
                        self.screens.review.first_digit = Some(d);
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
                    self.screens.review.criterion =
                        (self.screens.review.criterion + 1).min(self.data.study.criteria.len().saturating_sub(1));
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
        let Some(criterion) = self.data.study.criteria.get(self.screens.review.criterion) else {
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

    pub(crate) fn carry_out_pending(&mut self, pending: Pending) -> Vec<Effect> {
        match pending {
            Pending::SubmitReview(case) => self.apply(|ctx, data| review::submit(ctx, data, &case)),
            Pending::DeleteCode(code) => self.delete_code(code),
        }
    }

    fn start_resolution(&mut self) {
        let conflicts = self.screens.review.conflicts(&self.view());
        let Some((case, conflict, resolved)) = self.screens.review.conflicts_cursor.pick(&conflicts).cloned() else {
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

    /// The agreed value typed: on to its note, or asked again with why.
    pub(crate) fn confirm_resolve_value(&mut self, case: CaseId, criterion: CriterionId, text: String) -> Vec<Effect> {
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
                // The same question again, with what was wrong; the two
                // answers it is between stay in the title.
                let title = self
                    .screens
                    .review
                    .conflicts(&self.view())
                    .iter()
                    .find(|(c, conflict, _)| *c == case && conflict.criterion == criterion)
                    .map(|(_, conflict, _)| {
                        format!(
                            " Agreed value for {criterion} ({} vs {}) ",
                            conflict.first.1.label(),
                            conflict.second.1.label()
                        )
                    })
                    .unwrap_or_else(|| format!(" Agreed value for {criterion} "));
                self.input = Some(TextInput::new(
                    InputPurpose::ResolveValue { case, criterion },
                    title,
                    message,
                    &text,
                    false,
                ));
            }
        }
        Vec::new()
    }
}
