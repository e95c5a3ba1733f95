//! The Recruitment screen's part of the update function: recording a new
//! status (with date and note), adding an informant the selected one
//! referred (creating a snowball case for a new municipality), and jumping
//! to the informant's interviews.

use crate::analysis::recruitment::next_status;
use crate::domain::fold::fold;
use crate::domain::*;
use crate::ops::informant::{add, record_contact, set_status, AddInformant, Place};
use crate::ops::privacy::refuse_details;
use crate::ops::Ctx;
use crate::tui::action::{Action, Screen};
use crate::tui::app::{App, Choice, Effect, Popup, ReferralFlow};
use crate::tui::input::{InputPurpose, TextInput};
use crate::tui::widgets::picker::Picker;
use chrono::NaiveDate;

impl App {
    pub(crate) fn update_recruitment(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::ToggleTree => {
                let screen = &mut self.screens.recruitment;
                screen.tree = !screen.tree;
                screen.cursor.to_top();
            }
            Action::AdvanceStatus => self.ask_for_status(),
            Action::AddReferral => self.ask_for_referral(),
            Action::OpenInterviews => self.open_interviews(),
            Action::StartInterview => {
                if let Some(id) = self.selected_informant() {
                    return self.start_interview_with(&id);
                }
            }
            movement => self.move_cursor(movement),
        }
        Vec::new()
    }

    fn selected_informant(&self) -> Option<InformantId> {
        let screen = &self.screens.recruitment;
        let rows = screen.rows(&self.view());
        screen.cursor.pick(&rows).map(|r| r.informant.clone())
    }

    fn needs_author(&mut self) -> bool {
        if self.me.is_none() {
            self.message = Some("say who you are first (--as ID): recruitment records who did it".to_string());
        }
        self.me.is_none()
    }

    fn ask_for_status(&mut self) {
        if self.needs_author() {
            return;
        }
        let Some(id) = self.selected_informant() else { return };
        let Some(current) = self.data.informant(&id).map(Informant::status) else {
            return;
        };
        // The usual next status first, then the rest.
        let usual = next_status(current);
        let items = usual
            .into_iter()
            .chain(
                RecruitmentStatus::ALL
                    .into_iter()
                    .filter(|s| *s != current && Some(*s) != usual),
            )
            .map(|s| (s.label().to_string(), s))
            .collect();
        let title = format!(" {id} is now ({} so far) ", current.label());
        self.popup = Some(Popup::Choose(Choice::Status(id, Picker::new(title, items))));
    }

    pub(crate) fn picked_status(&mut self, informant: InformantId, status: RecruitmentStatus) {
        let today = (self.now)().date_naive().to_string();
        self.input = Some(TextInput::new(
            InputPurpose::StatusDate {
                informant: informant.clone(),
                status,
            },
            format!(" When did {informant} become {}? ", status.label()),
            "YYYY-MM-DD; Enter goes on to the note, Esc cancels",
            &today,
            false,
        ));
    }

    pub(crate) fn confirm_status_date(&mut self, informant: InformantId, status: RecruitmentStatus, text: &str) {
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(date) => {
                self.input = Some(TextInput::new(
                    InputPurpose::StatusNote {
                        informant: informant.clone(),
                        status,
                        date,
                    },
                    format!(" Note on {informant} ({}) ", status.label()),
                    "optional; Enter saves, Esc cancels",
                    "",
                    false,
                ))
            }
            Err(_) => {
                self.input = Some(TextInput::new(
                    InputPurpose::StatusDate { informant, status },
                    " When? ",
                    format!("`{}` is not a date: YYYY-MM-DD", text.trim()),
                    text,
                    false,
                ))
            }
        }
    }

    pub(crate) fn confirm_status_note(
        &mut self,
        informant: InformantId,
        status: RecruitmentStatus,
        date: NaiveDate,
        note: String,
    ) -> Vec<Effect> {
        // A date before the last status is refused here; --backdate on the
        // command line records one knowingly.
        self.apply(|ctx, data| set_status(ctx, data, &informant, status, date, &note, false))
    }

    fn ask_for_referral(&mut self) {
        if self.needs_author() {
            return;
        }
        let Some(referrer) = self.selected_informant() else {
            return;
        };
        self.input = Some(role_prompt(referrer, ""));
    }

    /// A typed text holding a contact detail is refused at its own prompt,
    /// with the reason in the status line, before any later prompt: the
    /// same check the operation makes when it writes.
    fn refused_detail(&mut self, field: &str, text: &str) -> bool {
        let ctx = Ctx {
            layout: &self.layout,
            me: self.me.as_ref(),
            failed: &self.failed,
            now: (self.now)(),
        };
        match refuse_details(&ctx, &self.data.study, &[(field, text)]) {
            Ok(()) => false,
            Err(e) => {
                self.refuse(e.to_string());
                true
            }
        }
    }

    pub(crate) fn confirm_referral_role(&mut self, referrer: InformantId, role: String) {
        if role.trim().is_empty() {
            self.message = Some("a referral needs the new informant's role".to_string());
            return;
        }
        if self.refused_detail("the role", role.trim()) {
            // The prompt stays open with what was typed, to be put right.
            self.input = Some(role_prompt(referrer, &role));
            return;
        }
        let case = self
            .data
            .informant(&referrer)
            .map(|i| i.case.to_string())
            .unwrap_or_default();
        let hint = format!("Enter keeps {case}; a municipality that is not a case yet becomes a snowball case");
        self.input = Some(where_prompt(referrer, role.trim().to_string(), &case, hint));
    }

    /// The case a typed place means: a case id, else the one case (or the
    /// one in the sample) of a municipality with that name.
    fn case_for_place(&self, text: &str) -> Option<CaseId> {
        let id = CaseId::new(text.trim());
        if self.data.cases.contains_key(&id) {
            return Some(id);
        }
        let wanted = fold(text.trim());
        let same: Vec<&Case> = self
            .data
            .cases
            .values()
            .map(|c| &c.case)
            .filter(|c| fold(&c.municipality) == wanted)
            .collect();
        same.iter()
            .find(|c| matches!(c.stage, Stage::Selected | Stage::Snowball | Stage::Reserve))
            .or(same.first())
            .map(|c| c.id.clone())
    }

    pub(crate) fn confirm_referral_where(&mut self, referrer: InformantId, role: String, place: String) -> Vec<Effect> {
        if let Some(case) = self.case_for_place(&place) {
            return self.add_referred(referrer, role, Place::Case(case));
        }
        let municipality = place.trim().to_string();
        if municipality.is_empty() {
            self.message = Some("where is the new informant? a case id or a municipality".to_string());
            return Vec::new();
        }
        if self.refused_detail("the municipality", &municipality) {
            let hint = "a case id, or the name of a municipality; never a person's".to_string();
            self.input = Some(where_prompt(referrer, role, &place, hint));
            return Vec::new();
        }
        let counties = self
            .data
            .study
            .strata
            .counties
            .iter()
            .map(|c| (c.name.clone(), c.name.clone()))
            .collect();
        let picker = Picker::new(format!(" {municipality} is in the county "), counties);
        let flow = ReferralFlow {
            referrer,
            role,
            municipality,
        };
        self.popup = Some(Popup::Choose(Choice::County(flow, picker)));
        Vec::new()
    }

    pub(crate) fn picked_county(&mut self, flow: ReferralFlow, county: String) {
        let title = format!(" Inhabitants of {} ", flow.municipality);
        self.input = Some(TextInput::new(
            InputPurpose::ReferralPopulation { flow, county },
            title,
            "a whole number, for its size band; Enter saves, Esc cancels",
            "",
            false,
        ));
    }

    pub(crate) fn confirm_referral_population(
        &mut self,
        flow: ReferralFlow,
        county: String,
        text: &str,
    ) -> Vec<Effect> {
        let population = match text.trim() {
            "" => None,
            digits => match digits.replace(' ', "").parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.message = Some(format!("`{digits}` is not a number of inhabitants"));
                    self.input = Some(TextInput::new(
                        InputPurpose::ReferralPopulation { flow, county },
                        " Inhabitants ",
                        "a whole number",
                        text,
                        false,
                    ));
                    return Vec::new();
                }
            },
        };
        let ReferralFlow {
            referrer,
            role,
            municipality,
        } = flow;
        let place = Place::NewCase {
            id: None,
            municipality,
            county,
            population,
        };
        self.add_referred(referrer, role, place)
    }

    /// Adds the informant `referrer` pointed to; then asks, privately, how to reach them.
    fn add_referred(&mut self, referrer: InformantId, role: String, place: Place) -> Vec<Effect> {
        if self.refused_read_only() {
            return Vec::new();
        }
        let ctx = Ctx {
            layout: &self.layout,
            me: self.me.as_ref(),
            failed: &self.failed,
            now: (self.now)(),
        };
        let new = AddInformant {
            place,
            role,
            organisation: "municipality".to_string(),
            referred_by: Some(referrer),
            interview: None,
        };
        match add(&ctx, std::sync::Arc::make_mut(&mut self.data), new) {
            Ok((change, id)) => {
                self.revision += 1;
                self.message = Some(change.summary_line());
                self.input = Some(TextInput::new(
                    InputPurpose::ReferralContact { informant: id.clone() },
                    format!(" How to reach {id}: name; e-mail; phone (optional) "),
                    "kept privately on this computer only, never in the study; Enter saves, Esc skips",
                    "",
                    false,
                ));
                vec![Effect::Apply(change)]
            }
            Err(e) => {
                self.refuse(e.to_string());
                Vec::new()
            }
        }
    }

    fn open_interviews(&mut self) {
        let Some(id) = self.selected_informant() else { return };
        let rows = self.screens.interviews.rows(&self.view());
        let with = |key: &(CaseId, InterviewId)| {
            let interview = self.data.cases.get(&key.0).and_then(|c| c.interviews.get(&key.1));
            interview.is_some_and(|i| i.interview.informants.contains(&id))
        };
        match rows.iter().position(with) {
            Some(index) => {
                self.screen = Screen::Interviews;
                self.screens.interviews.cursor.selected = index;
            }
            None => self.message = Some(format!("{id} has no interview yet")),
        }
    }
}

/// The referral's first prompt: the new informant's role, holding `text`.
fn role_prompt(referrer: InformantId, text: &str) -> TextInput {
    TextInput::new(
        InputPurpose::ReferralRole {
            referrer: referrer.clone(),
        },
        format!(" Someone {referrer} pointed you to: their role "),
        "e.g. project leader, NAV adviser; never a name (names go to the private store)",
        text,
        false,
    )
}

/// The referral's second prompt: where the new informant is, holding `text`
/// (at first the referrer's case).
fn where_prompt(referrer: InformantId, role: String, text: &str, hint: String) -> TextInput {
    TextInput::new(
        InputPurpose::ReferralWhere { referrer, role },
        " Where: a case id or a municipality ",
        hint,
        text,
        false,
    )
}

impl App {
    /// Contact details typed as `name; e-mail; phone` go to the private store.
    pub(crate) fn confirm_referral_contact(&mut self, informant: InformantId, text: &str) -> Vec<Effect> {
        let parts: Vec<&str> = text.split(';').map(str::trim).collect();
        let part = |i: usize| parts.get(i).filter(|p| !p.is_empty()).map(|p| p.to_string());
        if parts.iter().all(|p| p.is_empty()) {
            return Vec::new();
        }
        let contact = crate::store::private::Contact {
            name: part(0).unwrap_or_default(),
            email: part(1),
            phone: part(2),
        };
        if self.refused_read_only() {
            return Vec::new();
        }
        match record_contact(self.contacts_path.as_deref(), &mut self.contacts, &informant, contact) {
            Ok(change) => {
                self.message = Some(format!("how to reach {informant} is kept privately on this computer"));
                vec![Effect::Apply(change)]
            }
            Err(e) => {
                self.refuse(e.to_string());
                // Asked again, with what was typed, to be put right.
                self.input = Some(TextInput::new(
                    InputPurpose::ReferralContact { informant },
                    " How to reach them: name; e-mail; phone (optional) ",
                    "kept privately on this computer only; Enter saves, Esc skips",
                    text,
                    false,
                ));
                Vec::new()
            }
        }
    }
}
