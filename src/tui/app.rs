//! The model and the update function: a key or an `Action` comes in, the
//! state changes, and anything that touches the outside world (saving a
//! file, the config) goes out as an `Effect` for the terminal loop to carry
//! out. Tests drive `handle_key` and `update` directly.

use super::action::{Action, Mode, Screen};
use super::input::{InputOutcome, InputPurpose, TextInput};
use super::keymap::Keymap;
use super::screens;
use crate::analysis::case_query::{CaseQuery, FilterOn};
use crate::domain::{CaseId, InformantId, ResearcherId, Stage, Stratum, StudyData};
use crate::ops::{Change, Ctx, OpError};
use crate::store::identity::Config;
use crate::store::private::Contacts;
use crate::store::{Layout, Problem, Stamps};
use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::Cell;
use std::collections::BTreeMap;

/// A selection in a list or table. The offset and page height are written by
/// rendering (which alone knows the height) and read by the next update.
#[derive(Debug, Default, Clone)]
pub struct Cursor {
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

impl Cursor {
    /// The selected item of `items` (the last one if the list got shorter).
    pub fn pick<'a, T>(&self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.selected.min(items.len().saturating_sub(1)))
    }
}

/// Every list the user can move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ListId {
    Screen(Screen),
    ReviewConflicts,
    ReviewAgreement,
}

impl ListId {
    pub fn all() -> impl Iterator<Item = ListId> {
        Screen::ALL
            .into_iter()
            .map(ListId::Screen)
            .chain([ListId::ReviewConflicts, ListId::ReviewAgreement])
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help,
    /// Nobody said who is at the keyboard: pick a member of the team.
    WhoAmI {
        selected: usize,
    },
    /// A yes/no question before something that cannot be undone.
    Confirm {
        question: String,
        on_yes: Pending,
    },
    /// Choose one of a few items.
    Picker {
        title: String,
        items: Vec<String>,
        selected: usize,
        purpose: PickerPurpose,
    },
}

/// What a choice in a picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerPurpose {
    /// Which dimension to filter on; then its value.
    FilterOn,
    FilterValue(FilterOn),
    /// Where to move a case.
    StageOf(CaseId),
    /// Which status an informant now has.
    StatusOf(InformantId),
    /// The county of a municipality reached by snowball.
    ReferralCounty {
        referrer: InformantId,
        role: String,
        municipality: String,
    },
}

/// What a confirmed question goes on to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    SubmitReview(CaseId),
}

/// What the Review screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewView {
    #[default]
    Queue,
    Form,
    Conflicts,
    Agreement,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewState {
    pub view: ReviewView,
    /// The case whose form is open.
    pub case: Option<CaseId>,
    /// The criterion the form's cursor is on.
    pub criterion: usize,
    /// On a scale past 9, the first digit typed, waiting for a possible second.
    pub first_digit: Option<i32>,
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

/// The Coverage screen's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageState {
    pub rows: Stratum,
    pub columns: Stratum,
    pub suggestions: bool,
}

impl Default for CoverageState {
    fn default() -> Self {
        CoverageState {
            rows: Stratum::SizeBand,
            columns: Stratum::Region,
            suggestions: false,
        }
    }
}

pub struct App {
    pub data: StudyData,
    pub layout: Layout,
    pub stamps: Stamps,
    /// Problems found at load, shown in the status line.
    pub problems: Vec<Problem>,
    /// Files that failed to load: never written over.
    pub failed: BTreeMap<std::path::PathBuf, String>,
    pub me: Option<ResearcherId>,
    pub config: Config,
    pub keymap: Keymap,
    pub screen: Screen,
    pub popup: Option<Popup>,
    pub input: Option<TextInput>,
    pub cursors: BTreeMap<ListId, Cursor>,
    pub review: ReviewState,
    /// The Cases screen's filters, search and sort.
    pub cases: CaseQuery,
    pub coverage: CoverageState,
    /// The Recruitment screen shows the snowball tree (else informants by case).
    pub recruitment_tree: bool,
    /// This user's private contacts: names shown beside pseudonyms, here only.
    pub contacts: Contacts,
    /// Where the private contacts are kept for this study and user.
    pub contacts_path: Option<std::path::PathBuf>,
    /// Changes a save failed for; kept until saved or written out on quit.
    pub unsaved: Vec<Unsaved>,
    /// Files casebook wrote since the terminal loop last looked.
    pub written: Vec<std::path::PathBuf>,
    /// Files someone else changed on disk since the study was loaded.
    pub changed_on_disk: usize,
    /// The latest message for the status line.
    pub message: Option<String>,
    /// Why the last change was refused or not saved, shown in full above the
    /// status line until the next key.
    pub refusal: Option<String>,
    pub should_quit: bool,
    /// The clock, replaceable in tests so timestamps are known.
    pub now: fn() -> DateTime<FixedOffset>,
    /// What `cursor()` shows for a list not moved in yet.
    unused_cursor: Cursor,
    /// Set while the study is read in the background: the loading frame
    /// shows and only the quit keys work (`app_jobs`).
    pub loading: Option<super::app_jobs::Loading>,
}

fn local_now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
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
        let popup = (me.is_none() && !data.study.team.is_empty()).then_some(Popup::WhoAmI { selected: 0 });
        App {
            data,
            layout,
            stamps,
            problems,
            failed: BTreeMap::new(),
            me,
            config,
            keymap,
            screen: Screen::Cases,
            popup,
            input: None,
            cursors: ListId::all().map(|l| (l, Cursor::default())).collect(),
            review: ReviewState::default(),
            cases: CaseQuery::default(),
            coverage: CoverageState::default(),
            recruitment_tree: true,
            contacts: Contacts::default(),
            contacts_path: None,
            unsaved: Vec::new(),
            written: Vec::new(),
            changed_on_disk: 0,
            message,
            refusal: None,
            should_quit: false,
            now: local_now,
            unused_cursor: Cursor::default(),
            loading: None,
        }
    }

    /// The list the cursor keys move in right now.
    pub fn active_list(&self) -> ListId {
        match (self.screen, self.review.view) {
            (Screen::Review, ReviewView::Conflicts) => ListId::ReviewConflicts,
            (Screen::Review, ReviewView::Agreement) => ListId::ReviewAgreement,
            (screen, _) => ListId::Screen(screen),
        }
    }

    pub fn cursor(&self, list: ListId) -> &Cursor {
        self.cursors.get(&list).unwrap_or(&self.unused_cursor)
    }

    pub fn mode(&self) -> Mode {
        if self.screen == Screen::Review && self.review.view == ReviewView::Form {
            Mode::ReviewForm
        } else {
            Mode::Normal
        }
    }

    /// A key press: typed text goes to an open field, y/n to a question,
    /// everything else through the keymap.
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.refusal = None;
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
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
            if input.purpose == InputPurpose::Search {
                // The list follows the search as it is typed.
                self.cases.search = match &outcome {
                    InputOutcome::Cancelled => String::new(),
                    _ => input.text(),
                };
                self.select_first(ListId::Screen(Screen::Cases));
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

    /// The one place actions change the state.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match (&self.popup, action) {
            (_, Action::Quit) => self.should_quit = true,
            (Some(Popup::Help), Action::ToggleHelp | Action::Back) => self.popup = None,
            (Some(Popup::Help), _) | (Some(Popup::Confirm { .. }), _) => {}
            (Some(Popup::WhoAmI { selected }), action) => return self.update_who_am_i(*selected, action),
            (Some(Popup::Picker { .. }), action) => return self.update_picker(action),
            (None, Action::ToggleHelp) => self.popup = Some(Popup::Help),
            (None, Action::Reload) => return vec![Effect::Reload],
            (None, Action::NextScreen) => self.screen = self.screen.next(),
            (None, Action::PreviousScreen) => self.screen = self.screen.previous(),
            (None, Action::GoTo(screen)) => self.screen = screen,
            (None, action) if self.screen == Screen::Review => return self.update_review(action),
            (None, action) if self.screen == Screen::Cases && action.is_for_cases() => {
                return self.update_cases(action)
            }
            (None, action) if self.screen == Screen::Recruitment && action.is_for_recruitment() => {
                return self.update_recruitment(action)
            }
            (None, Action::CycleRows) if self.screen == Screen::Coverage => {
                self.coverage.rows = next_stratum(self.coverage.rows, self.coverage.columns)
            }
            (None, Action::CycleColumns) if self.screen == Screen::Coverage => {
                self.coverage.columns = next_stratum(self.coverage.columns, self.coverage.rows)
            }
            (None, Action::ToggleSuggestions) if self.screen == Screen::Coverage => {
                self.coverage.suggestions = !self.coverage.suggestions
            }
            (None, Action::Up | Action::Down | Action::Top | Action::Bottom | Action::PageUp | Action::PageDown) => {
                self.move_cursor(action)
            }
            (None, _) => {}
        }
        Vec::new()
    }

    /// Swaps in a study read from disk (at start, on Ctrl-R, after a change
    /// on disk). Unsaved work of mine stays listed, to be kept on quit.
    pub fn replace_study(&mut self, loaded: crate::store::Loaded) {
        self.data = loaded.data;
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
        let ctx = Ctx {
            layout: &self.layout,
            me: self.me.as_ref(),
            failed: &self.failed,
            now: (self.now)(),
        };
        match op(&ctx, &mut self.data) {
            Ok(change) => {
                self.message = Some(change.summary_line());
                vec![Effect::Apply(change)]
            }
            Err(e) => {
                self.refuse(e.to_string());
                Vec::new()
            }
        }
    }

    /// Says why a change was not made: in the status line, and in full above it.
    pub(super) fn refuse(&mut self, why: String) {
        self.message = Some(why.clone());
        self.refusal = Some(why);
    }

    /// Puts the cursor of `list` back on its first row (after the rows changed).
    pub(super) fn select_first(&mut self, list: ListId) {
        if let Some(cursor) = self.cursors.get_mut(&list) {
            cursor.selected = 0;
            cursor.offset.set(0);
        }
    }

    fn update_picker(&mut self, action: Action) -> Vec<Effect> {
        let Some(Popup::Picker {
            title,
            items,
            selected,
            purpose,
        }) = self.popup.take()
        else {
            return Vec::new();
        };
        let last = items.len().saturating_sub(1);
        let selected = match action {
            Action::Up => selected.saturating_sub(1),
            Action::Down => (selected + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Back => return Vec::new(),
            Action::Open => {
                return items
                    .get(selected)
                    .map(|item| self.picked(purpose, item.clone()))
                    .unwrap_or_default()
            }
            _ => selected,
        };
        self.popup = Some(Popup::Picker {
            title,
            items,
            selected,
            purpose,
        });
        Vec::new()
    }

    pub(super) fn move_cursor(&mut self, movement: Action) {
        let list = self.active_list();
        let rows = screens::row_count(self, list);
        let cursor = self.cursors.entry(list).or_default();
        let page = cursor.page.get().max(1);
        let last = rows.saturating_sub(1);
        cursor.selected = match movement {
            Action::Up => cursor.selected.saturating_sub(1),
            Action::Down => (cursor.selected + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageUp => cursor.selected.saturating_sub(page),
            Action::PageDown => (cursor.selected + page).min(last),
            _ => cursor.selected,
        };
    }

    fn update_who_am_i(&mut self, selected: usize, action: Action) -> Vec<Effect> {
        let team = self.data.study.team.len();
        let selected = match action {
            Action::Up => selected.saturating_sub(1),
            Action::Down => (selected + 1).min(team.saturating_sub(1)),
            Action::Top => 0,
            Action::Bottom => team.saturating_sub(1),
            Action::Back => {
                self.popup = None;
                self.message = Some("not saying who you are: changes that need an author are off".to_string());
                return Vec::new();
            }
            Action::Open => {
                self.popup = None;
                let Some(researcher) = self.data.study.team.get(selected) else {
                    return Vec::new();
                };
                self.me = Some(researcher.id.clone());
                self.config.user = Some(researcher.id.clone());
                self.message = Some(format!("you are {}; remembered in your config file", researcher.id));
                return vec![Effect::SaveConfig(self.config.clone())];
            }
            _ => selected,
        };
        self.popup = Some(Popup::WhoAmI { selected });
        Vec::new()
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

impl Action {
    fn is_for_recruitment(self) -> bool {
        matches!(
            self,
            Action::ToggleTree | Action::AdvanceStatus | Action::AddReferral | Action::OpenInterviews
        )
    }

    fn is_for_cases(self) -> bool {
        matches!(
            self,
            Action::Search
                | Action::AddFilter
                | Action::ClearFilters
                | Action::SortNext
                | Action::SortReverse
                | Action::MoveStage
        )
    }
}

/// A stage label for pickers.
pub fn stage_items(current: Stage) -> Vec<String> {
    Stage::ALL
        .iter()
        .filter(|s| **s != current)
        .map(|s| s.label().to_string())
        .collect()
}
