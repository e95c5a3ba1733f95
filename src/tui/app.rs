//! The model and the update function: a key or an `Action` comes in, the
//! state changes, and anything that touches the outside world (saving a
//! file, the config) goes out as an `Effect` for the terminal loop to carry
//! out. `App` holds the shared study, each screen's own state (`screens`),
//! and what lies over the screens (a popup, a text field); it routes every
//! action to the overlay or the active screen. Tests drive `handle_key` and
//! `update` directly.

use super::action::{Action, Mode, Screen};
use super::input::{InputOutcome, InputPurpose, TextInput};
use super::keymap::Keymap;
use super::screens::{self, Screens};
use super::widgets::picker::Picker;
use crate::analysis::case_query::FilterOn;
use crate::domain::{CaseId, InformantId, RecruitmentStatus, ResearcherId, Stage, StudyData};
use crate::ops::{Change, Ctx, OpError};
use crate::store::identity::Config;
use crate::store::private::Contacts;
use crate::store::{Layout, Problem, Stamps};
use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

pub use super::cursor::{Cursor, Scroll};

/// What lies over the screen and takes the keys first.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help(Scroll),
    /// Every message of this session (the status line shows the latest).
    Messages(Scroll),
    /// A case's details and its whole stage log (Enter on the Cases screen).
    CaseDetails(CaseId, Scroll),
    /// Where reviewers differ on one criterion (Enter on an agreement row).
    Disagreements(crate::domain::CriterionId, Scroll),
    /// Nobody said who is at the keyboard: pick a member of the team.
    WhoAmI(Picker<ResearcherId>),
    /// A yes/no question before something that cannot be undone.
    Confirm {
        question: String,
        on_yes: Pending,
    },
    /// Choose one value; what it is for travels with the picker.
    Choose(Choice),
}

/// A picker and what its chosen value goes on to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// Which dimension to filter the cases on; then its value.
    FilterOn(Picker<FilterOn>),
    FilterValue(FilterOn, Picker<String>),
    /// Where to move a case.
    Stage(CaseId, Picker<Stage>),
    /// Which status an informant now has.
    Status(InformantId, Picker<RecruitmentStatus>),
    /// The county of a municipality reached by snowball.
    County(ReferralFlow, Picker<String>),
    /// Which value of a stratum gets a target (then how many).
    TargetValue(crate::domain::Stratum, Picker<String>),
    /// Which of a case's informants an interview starts with.
    InterviewWith(Picker<InformantId>),
    /// Themes screen: the code to move under, merge into or adopt under.
    CodeTarget(
        crate::tui::screens::themes::codebook_edit::CodeEdit,
        Picker<Option<crate::domain::CodeId>>,
    ),
}

/// Adding someone an informant pointed to: what has been asked so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFlow {
    pub referrer: InformantId,
    pub role: String,
    pub municipality: String,
}

impl Choice {
    /// The picker's title, labels and selected row, for drawing.
    pub fn shown(&self) -> (&str, Vec<&str>, usize) {
        fn of<T: Clone>(p: &Picker<T>) -> (&str, Vec<&str>, usize) {
            (p.title.as_str(), p.labels().collect(), p.selected())
        }
        match self {
            Choice::FilterOn(p) => of(p),
            Choice::FilterValue(_, p) => of(p),
            Choice::Stage(_, p) => of(p),
            Choice::Status(_, p) => of(p),
            Choice::County(_, p) => of(p),
            Choice::TargetValue(_, p) => of(p),
            Choice::InterviewWith(p) => of(p),
            Choice::CodeTarget(_, p) => of(p),
        }
    }

    /// Moves the picker's cursor.
    fn navigate(&mut self, action: Action) {
        fn step<T: Clone>(p: &mut Picker<T>, action: Action) {
            match action {
                Action::Up => p.up(),
                Action::Down => p.down(),
                Action::Top | Action::PageUp => p.top(),
                Action::Bottom | Action::PageDown => p.bottom(),
                _ => {}
            }
        }
        match self {
            Choice::FilterOn(p) => step(p, action),
            Choice::FilterValue(_, p) => step(p, action),
            Choice::Stage(_, p) => step(p, action),
            Choice::Status(_, p) => step(p, action),
            Choice::County(_, p) => step(p, action),
            Choice::TargetValue(_, p) => step(p, action),
            Choice::InterviewWith(p) => step(p, action),
            Choice::CodeTarget(_, p) => step(p, action),
        }
    }
}

/// What a confirmed question goes on to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    SubmitReview(CaseId),
    /// Themes screen: delete a code no coding uses.
    DeleteCode(crate::domain::CodeId),
}

/// Something the terminal loop must do on the update's behalf.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveConfig(Config),
    /// Write what an operation changed (see `ops`).
    Apply(Change),
    /// Read the study from disk again.
    Reload,
}

/// A change that could not be saved: what it was for and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    pub path: std::path::PathBuf,
    pub text: String,
    pub why: String,
}

pub struct App {
    /// The study as loaded, and its revision: every change to it counts one
    /// up, and the screens' cached view models are keyed by it.
    pub data: std::sync::Arc<StudyData>,
    pub revision: u64,
    /// View models asked for while updating and drawing, for the compute
    /// thread (`background.rs`); computed in line without the loop.
    pub jobs: super::background::Jobs,
    pub layout: Layout,
    pub stamps: Stamps,
    /// Problems found at load, shown in the status line.
    pub problems: Vec<Problem>,
    /// Files that failed to load: never written over.
    pub failed: BTreeMap<std::path::PathBuf, String>,
    pub me: Option<ResearcherId>,
    pub config: Config,
    pub keymap: Keymap,
    /// The active screen, and every screen's own state.
    pub screen: Screen,
    pub screens: Screens,
    pub popup: Option<Popup>,
    pub input: Option<TextInput>,
    /// This user's private contacts: names shown beside pseudonyms, here only.
    pub contacts: Contacts,
    /// Where the private contacts are kept for this study and user.
    pub contacts_path: Option<std::path::PathBuf>,
    /// Changes a save failed for; kept until saved or written out on quit.
    pub unsaved: Vec<Unsaved>,
    /// Files someone else changed on disk since the study was loaded.
    pub changed_on_disk: usize,
    /// The latest message for the status line; it stays until the next key.
    pub message: Option<String>,
    /// Every message of this session, oldest first (`L` shows them), so a
    /// message cut at the window's edge or gone with a key can be read.
    pub messages: Vec<String>,
    /// Why the last change was refused or not saved, shown in full above the
    /// status line until the next key.
    pub refusal: Option<String>,
    pub should_quit: bool,
    /// The clock, replaceable in tests so timestamps are known.
    pub now: fn() -> DateTime<FixedOffset>,
    /// Another casebook has this study open (who, process, since): this one
    /// only reads.
    pub read_only: Option<String>,
    /// Ctrl-Z was pressed: the loop gives the terminal back and stops.
    pub suspend: bool,
    /// Draw without colours (the `NO_COLOR` convention).
    pub no_color: bool,
    /// Set while the study is read in the background: the loading frame
    /// shows and only the quit keys work (`app_jobs`).
    pub loading: Option<super::app_jobs::Loading>,
}

fn local_now() -> DateTime<FixedOffset> {
    crate::ops::local_now()
}

impl App {
    pub fn new(
        data: StudyData,
        layout: Layout,
        stamps: Stamps,
        problems: Vec<Problem>,
        me: Option<ResearcherId>,
        config: Config,
    ) -> App {
        let (keymap, rejected) = Keymap::with_overrides(&config.keys);
        let message =
            (!rejected.is_empty()).then(|| format!("config: key overrides not understood: {}", rejected.join(", ")));
        let popup = (me.is_none() && !data.study.team.is_empty()).then(|| Popup::WhoAmI(team_picker(&data)));
        App {
            data: std::sync::Arc::new(data),
            jobs: super::background::Jobs::default(),
            revision: 0,
            layout,
            stamps,
            problems,
            failed: BTreeMap::new(),
            me,
            config,
            keymap,
            screen: Screen::Cases,
            screens: Screens::default(),
            popup,
            input: None,
            contacts: Contacts::default(),
            contacts_path: None,
            unsaved: Vec::new(),
            changed_on_disk: 0,
            messages: message.iter().cloned().collect(),
            message,
            refusal: None,
            should_quit: false,
            now: local_now,
            read_only: None,
            suspend: false,
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            loading: None,
        }
    }

    /// An app on a study as loaded, with the load's failed files (never
    /// written over) and problems.
    pub fn on_loaded(layout: Layout, loaded: crate::store::Loaded, me: Option<ResearcherId>, config: Config) -> App {
        let mut app = App::new(loaded.data, layout, loaded.stamps, loaded.problems, me, config);
        app.failed = loaded.failed;
        app
    }

    /// The study, to change by hand (tests, imports): its revision moves on,
    /// so every cached view model is computed again.
    pub fn data_mut(&mut self) -> &mut StudyData {
        self.revision += 1;
        std::sync::Arc::make_mut(&mut self.data)
    }

    /// The form's keys (digits and letters answer) only while my review of
    /// the open case can still change; a submitted review is read like any
    /// screen, so `q`, the digits and the screen keys do what they say.
    pub fn mode(&self) -> Mode {
        if self.screen == Screen::Review && self.screens.review.in_form() && self.open_review_is_draft() {
            Mode::ReviewForm
        } else if self.screen == Screen::Interviews && self.screens.interview.is_open() {
            Mode::Interview
        } else {
            Mode::Normal
        }
    }

    fn open_review_is_draft(&self) -> bool {
        let (Some(me), Some(case)) = (&self.me, &self.screens.review.case) else {
            return false;
        };
        let submitted = self
            .data
            .cases
            .get(case)
            .and_then(|c| c.reviews.get(me))
            .is_some_and(|r| r.is_submitted());
        !submitted
    }

    /// A key press: typed text goes to an open field, y/n to a question,
    /// everything else through the keymap. The message of the last key goes
    /// (it is in the log), so none is left standing after it stopped being
    /// true.
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let typing = self.input.is_some();
        if !typing {
            self.message = None;
        }
        let effects = self.handle_key_now(key);
        self.log_message();
        effects
    }

    /// Adds the message shown now to the log, once.
    pub fn log_message(&mut self) {
        if let Some(message) = &self.message {
            if self.messages.last() != Some(message) {
                self.messages.push(message.clone());
            }
        }
    }

    fn handle_key_now(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.refusal = None;
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
            // Suspend as a shell job; a text field keeps what was typed, and
            // interview notes are saved first.
            self.suspend = true;
            return self.flush_interview();
        }
        // Debug builds only: a way to panic on purpose, to test that the
        // terminal is restored after a panic.
        #[cfg(debug_assertions)]
        if key.code == KeyCode::Char('!') && std::env::var_os("CASEBOOK_TEST_PANIC").is_some() {
            panic!("a panic on purpose (CASEBOOK_TEST_PANIC)");
        }
        if let Some(input) = &mut self.input {
            if ctrl_c {
                // Quitting from a field keeps what was typed where it can be kept.
                let effects = if input.esc_keeps {
                    let text = input.text();
                    self.input
                        .take()
                        .map(|i| self.confirm_input(i.purpose, text))
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                self.should_quit = true;
                return effects;
            }
            let outcome = input.handle(key);
            if matches!(input.purpose, InputPurpose::Search | InputPurpose::PassageSearch) {
                // The list follows the search as it is typed.
                let passages = input.purpose == InputPurpose::PassageSearch;
                let text = match &outcome {
                    InputOutcome::Cancelled => String::new(),
                    _ => input.text(),
                };
                if passages {
                    self.passage_search_typed(text);
                } else {
                    self.search_typed(text);
                }
            }
            return match outcome {
                InputOutcome::Editing => Vec::new(),
                InputOutcome::Confirmed(text) => self
                    .input
                    .take()
                    .map(|i| self.confirm_input(i.purpose, text))
                    .unwrap_or_default(),
                InputOutcome::Cancelled => {
                    self.input = None;
                    Vec::new()
                }
            };
        }
        if let Some(effects) = self.interview_key(key) {
            return effects;
        }
        if let Some(Popup::Confirm { on_yes, .. }) = &self.popup {
            let on_yes = on_yes.clone();
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    self.popup = None;
                    self.carry_out_pending(on_yes)
                }
                _ if ctrl_c => {
                    self.should_quit = true;
                    Vec::new()
                }
                KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                    self.popup = None;
                    self.message = Some("nothing done".to_string());
                    Vec::new()
                }
                _ => Vec::new(),
            };
        }
        match self.keymap.action_for(&key, self.screen, self.mode()) {
            Some(action) => self.update(action),
            None => Vec::new(),
        }
    }

    /// The one place actions change the state: the overlay first, then what
    /// every screen shares, then the active screen.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Quit {
            self.should_quit = true;
            // Typed interview notes go to be saved before the loop ends.
            return self.flush_interview();
        }
        match &self.popup {
            Some(Popup::Help(_) | Popup::Messages(_) | Popup::CaseDetails(..) | Popup::Disagreements(..)) => {
                match (&mut self.popup, action) {
                    (_, Action::ToggleHelp | Action::Back | Action::MessageLog | Action::Open) => self.popup = None,
                    (
                        Some(
                            Popup::Help(scroll)
                            | Popup::Messages(scroll)
                            | Popup::CaseDetails(_, scroll)
                            | Popup::Disagreements(_, scroll),
                        ),
                        movement,
                    ) => scroll.step(movement, 10),
                    _ => {}
                }
                return Vec::new();
            }
            Some(Popup::Confirm { .. }) => return Vec::new(),
            Some(Popup::WhoAmI(_)) => return self.update_who_am_i(action),
            Some(Popup::Choose(_)) => return self.update_choice(action),
            None => {}
        }
        match action {
            Action::ToggleHelp => self.popup = Some(Popup::Help(Scroll::default())),
            Action::MessageLog => self.popup = Some(Popup::Messages(Scroll::default())),
            Action::WhoAmI if !self.data.study.team.is_empty() => {
                self.popup = Some(Popup::WhoAmI(team_picker(&self.data)));
            }
            Action::Reload => return vec![Effect::Reload],
            Action::NextScreen => self.screen = self.screen.next(),
            Action::PreviousScreen => self.screen = self.screen.previous(),
            Action::GoTo(screen) => self.screen = screen,
            action => {
                return match self.screen {
                    Screen::Cases => self.update_cases(action),
                    Screen::Coverage => self.update_coverage(action),
                    Screen::Review => self.update_review(action),
                    Screen::Recruitment => self.update_recruitment(action),
                    Screen::Interviews => self.update_interviews(action),
                    Screen::Themes => self.update_themes(action),
                }
            }
        }
        Vec::new()
    }

    /// Swaps in a study read from disk (at start, on Ctrl-R, after a change
    /// on disk). Unsaved work of mine stays listed, to be kept on quit.
    pub fn replace_study(&mut self, loaded: crate::store::Loaded) {
        self.data = std::sync::Arc::new(loaded.data);
        self.revision += 1;
        self.stamps = loaded.stamps;
        self.problems = loaded.problems;
        self.failed = loaded.failed;
        self.message = Some(match (self.problems.len(), self.unsaved.len()) {
            (0, 0) => "reloaded from disk".to_string(),
            (p, 0) => format!("reloaded from disk: {p} problem(s)"),
            (_, u) => format!("reloaded from disk; {u} change(s) of yours are still unsaved and will be kept on quit"),
        });
    }

    /// Runs an operation on the study as the one at the keyboard: its change
    /// goes out to be written and its summary to the status line; a refusal
    /// goes to the status line and changes nothing.
    pub fn apply(&mut self, op: impl FnOnce(&Ctx, &mut StudyData) -> Result<Change, OpError>) -> Vec<Effect> {
        if self.refused_read_only() {
            return Vec::new();
        }
        let ctx = Ctx {
            layout: &self.layout,
            me: self.me.as_ref(),
            failed: &self.failed,
            now: (self.now)(),
        };
        // The compute thread may still read the study: then this copies it
        // (`Arc::make_mut`), and the job finishes on the old one.
        match op(&ctx, std::sync::Arc::make_mut(&mut self.data)) {
            Ok(change) => {
                self.revision += 1;
                self.message = Some(change.summary_line());
                vec![Effect::Apply(change)]
            }
            Err(e) => {
                self.refuse(e.to_string());
                Vec::new()
            }
        }
    }

    /// Refuses a change while another casebook holds the study; says so.
    pub(crate) fn refused_read_only(&mut self) -> bool {
        let Some(holder) = self.read_only.clone() else {
            return false;
        };
        self.refuse(format!(
            "read-only: {holder} has this study open in casebook; quit it there to make changes here"
        ));
        true
    }

    /// Says why a change was not made: in the status line, and in full above it.
    pub(crate) fn refuse(&mut self, why: String) {
        self.message = Some(why.clone());
        self.refusal = Some(why);
    }

    /// Moves the cursor of the list the active screen shows.
    pub(crate) fn move_cursor(&mut self, movement: Action) {
        let view = self.view();
        let Some((rows, list)) = screens::active_list(&self.screens, self.screen, &view) else {
            return;
        };
        self.screens.cursor_mut(list).step(movement, rows);
    }

    fn update_choice(&mut self, action: Action) -> Vec<Effect> {
        let Some(Popup::Choose(mut choice)) = self.popup.take() else {
            return Vec::new();
        };
        match action {
            Action::Back => Vec::new(),
            Action::Open => self.chose(choice),
            movement => {
                choice.navigate(movement);
                self.popup = Some(Popup::Choose(choice));
                Vec::new()
            }
        }
    }

    /// What the chosen value goes on to do.
    fn chose(&mut self, choice: Choice) -> Vec<Effect> {
        if let Choice::CodeTarget(edit, p) = &choice {
            return match p.value().cloned() {
                Some(target) => self.picked_code_target(edit.clone(), target),
                None => Vec::new(),
            };
        }
        if let Choice::InterviewWith(p) = &choice {
            return match p.value().cloned() {
                Some(informant) => self.start_interview_with(&informant),
                None => Vec::new(),
            };
        }
        match choice {
            Choice::FilterOn(p) => p.value().copied().map(|on| self.picked_filter_on(on)),
            Choice::FilterValue(on, p) => p.value().cloned().map(|v| self.picked_filter_value(on, v)),
            Choice::Stage(case, p) => p.value().copied().map(|to| self.picked_stage(case, to)),
            Choice::Status(informant, p) => p.value().copied().map(|s| self.picked_status(informant, s)),
            Choice::County(flow, p) => p.value().cloned().map(|county| self.picked_county(flow, county)),
            Choice::TargetValue(stratum, p) => p.value().cloned().map(|value| self.picked_target_value(stratum, value)),
            Choice::InterviewWith(_) | Choice::CodeTarget(..) => None,
        };
        Vec::new()
    }

    fn update_who_am_i(&mut self, action: Action) -> Vec<Effect> {
        let Some(Popup::WhoAmI(mut picker)) = self.popup.take() else {
            return Vec::new();
        };
        match action {
            Action::Up => picker.up(),
            Action::Down => picker.down(),
            Action::Top => picker.top(),
            Action::Bottom => picker.bottom(),
            Action::Back => {
                self.message = Some("not saying who you are: changes that need an author are off".to_string());
                return Vec::new();
            }
            Action::Open => {
                let Some(researcher) = picker.value().cloned() else {
                    return Vec::new();
                };
                self.me = Some(researcher.clone());
                self.config.user = Some(researcher.clone());
                self.message = Some(format!("you are {researcher}; remembered in your config file"));
                return vec![Effect::SaveConfig(self.config.clone())];
            }
            _ => {}
        }
        self.popup = Some(Popup::WhoAmI(picker));
        Vec::new()
    }
}

/// The team, to say who is at the keyboard.
fn team_picker(data: &StudyData) -> Picker<ResearcherId> {
    let items = data
        .study
        .team
        .iter()
        .map(|r| (format!("{} ({})", r.name, r.id), r.id.clone()))
        .collect();
    Picker::new(" Who are you? Enter picks, Esc skips ", items)
}
