//! The screens. Each is a folder: its state (`mod.rs`, with the view models
//! it caches per change of the study), its part of the update function
//! (`update.rs`) and its view (`view.rs`). A view reads its own state and the
//! study through `View`, never the whole `App`. Adding a screen means a
//! folder, a field in `Screens` and an arm in the three functions below.

pub mod cases;
pub mod coverage;
pub mod interview;
pub mod interviews;
pub mod recruitment;
pub mod review;
pub mod themes;

use super::action::Screen;
use super::app::{App, Cursor};
use super::input::TextInput;
use crate::domain::{ResearcherId, StudyData};
use crate::store::private::Contacts;
use ratatui::layout::Rect;
use ratatui::Frame;

/// Every screen's own state.
#[derive(Debug, Default)]
pub struct Screens {
    pub cases: cases::CasesScreen,
    pub coverage: coverage::CoverageScreen,
    pub review: review::ReviewScreen,
    pub recruitment: recruitment::RecruitmentScreen,
    pub interviews: interviews::InterviewsScreen,
    /// The interview open on the Interviews screen, if any.
    pub interview: interview::InterviewScreen,
    pub themes: themes::ThemesScreen,
}

/// What a view may read besides its own state: the study (and its revision,
/// which keys every cached view model), who I am, my private contacts, and
/// the text field being typed in, if any.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub data: &'a StudyData,
    /// The same study, shared with the compute thread.
    pub shared: &'a std::sync::Arc<StudyData>,
    /// Where view models too slow for a keystroke are sent (`background.rs`).
    pub jobs: &'a super::background::Jobs,
    /// The keys as bound now, for the hints a screen shows.
    pub keys: &'a super::keymap::Keymap,
    pub revision: u64,
    pub me: Option<&'a ResearcherId>,
    pub contacts: &'a Contacts,
    pub input: Option<&'a TextInput>,
}

impl App {
    /// What the views of this app may read.
    pub fn view(&self) -> View<'_> {
        View {
            data: &self.data,
            shared: &self.data,
            jobs: &self.jobs,
            keys: &self.keymap,
            revision: self.revision,
            me: self.me.as_ref(),
            contacts: &self.contacts,
            input: self.input.as_ref(),
        }
    }
}

/// The list the cursor keys move in on `screen`, and how many rows it has.
pub fn active_list(screens: &Screens, screen: Screen, view: &View) -> Option<(usize, ListRef)> {
    Some(match screen {
        Screen::Cases => (screens.cases.rows(view).hits.shown.len(), ListRef::Cases),
        Screen::Coverage => (screens.coverage.progress(view).0.len(), ListRef::Coverage),
        Screen::Review => return screens.review.active_list(view),
        Screen::Recruitment => (screens.recruitment.rows(view).len(), ListRef::Recruitment),
        Screen::Interviews => (screens.interviews.rows(view).len(), ListRef::Interviews),
        Screen::Themes => (screens.themes.row_count(view), ListRef::Themes),
    })
}

/// Which screen's cursor a movement applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRef {
    Cases,
    Coverage,
    ReviewQueue,
    ReviewConflicts,
    ReviewAgreement,
    Recruitment,
    Interviews,
    Themes,
}

impl Screens {
    pub fn cursor_mut(&mut self, list: ListRef) -> &mut Cursor {
        match list {
            ListRef::Cases => &mut self.cases.cursor,
            ListRef::Coverage => &mut self.coverage.cursor,
            ListRef::ReviewQueue => &mut self.review.queue_cursor,
            ListRef::ReviewConflicts => &mut self.review.conflicts_cursor,
            ListRef::ReviewAgreement => &mut self.review.agreement_cursor,
            ListRef::Recruitment => &mut self.recruitment.cursor,
            ListRef::Interviews => &mut self.interviews.cursor,
            ListRef::Themes => &mut self.themes.cursor,
        }
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let view = app.view();
    let screens = &app.screens;
    match app.screen {
        Screen::Cases => cases::view::render(frame, area, &screens.cases, &view),
        Screen::Coverage => coverage::view::render(frame, area, &screens.coverage, &view),
        Screen::Review => review::view::render(frame, area, &screens.review, &view),
        Screen::Recruitment => recruitment::view::render(frame, area, &screens.recruitment, &view),
        Screen::Interviews if screens.interview.is_open() => {
            interview::view::render(frame, area, &screens.interview, &view, (app.now)())
        }
        Screen::Interviews => interviews::view::render(frame, area, &screens.interviews, &view),
        Screen::Themes => themes::view::render(frame, area, &screens.themes, &view),
    }
}

pub use crate::domain::fold::thousands as kroner;
