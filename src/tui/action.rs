//! What the user can ask for. Keys become actions (see `keymap`); the update
//! function in `app` is the one place that acts on them.

/// The six screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Screen {
    Cases,
    Coverage,
    Review,
    Recruitment,
    Interviews,
    Themes,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Cases,
        Screen::Coverage,
        Screen::Review,
        Screen::Recruitment,
        Screen::Interviews,
        Screen::Themes,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Cases => "Cases",
            Screen::Coverage => "Coverage",
            Screen::Review => "Review",
            Screen::Recruitment => "Recruitment",
            Screen::Interviews => "Interviews",
            Screen::Themes => "Themes",
        }
    }

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Screen {
        Screen::ALL[(self.index() + 1) % Screen::ALL.len()]
    }

    pub fn previous(self) -> Screen {
        Screen::ALL[(self.index() + Screen::ALL.len() - 1) % Screen::ALL.len()]
    }
}

/// The keyboard context: which bindings apply right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Lists and screens.
    Normal,
    /// Answering a review: digits and letters pick answers.
    ReviewForm,
    /// Typing notes on the interview screen: only its own bindings are
    /// keys, everything else is text.
    Interview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextScreen,
    PreviousScreen,
    GoTo(Screen),
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Enter: open or choose what is selected.
    Open,
    /// Esc: close a popup or go back.
    Back,
    ToggleHelp,
    /// Every message of this session, newest last.
    MessageLog,
    /// Say who is at the keyboard (after Esc at the start, or to change).
    WhoAmI,
    /// Read the study from disk again (after a `git pull`).
    Reload,
    /// A digit or letter picked in a form (a scale point, a category).
    Pick(char),
    /// Submit what the form holds (asks to confirm).
    Submit,
    /// Review screen: my queue, the conflicts list, the agreement panel.
    ShowQueue,
    ShowConflicts,
    ShowAgreement,
    /// Cases screen: search, filter, clear, sort, move a case's stage.
    Search,
    AddFilter,
    ClearFilters,
    SortNext,
    SortReverse,
    MoveStage,
    /// Coverage screen: change the matrix's rows or columns; show suggestions.
    CycleRows,
    CycleColumns,
    ToggleSuggestions,
    /// Coverage screen: set the target for a value of the matrix's rows.
    SetTarget,
    /// Recruitment screen: tree or by case; advance a status; add a referral;
    /// open the informant's interviews.
    ToggleTree,
    AdvanceStatus,
    AddReferral,
    OpenInterviews,
    /// Recruitment screen: start an interview with the informant.
    StartInterview,
    /// Interview screen: move between questions, mark one covered or
    /// skipped, add a note outside the guide, edit in `$EDITOR`, finish.
    NextQuestion,
    PreviousQuestion,
    ToggleCovered,
    SkipQuestion,
    NoteOutsideGuide,
    ExternalEditor,
    FinishInterview,
    /// Interview screen: select the line, then the paragraph, for coding;
    /// code the selected passage (a picker over the codebook).
    SelectPassage,
    CodePassage,
    /// Interview screen: the note-taker's notes (read-only, to code them) or mine.
    ReadNoteTaker,
    /// Themes screen: edit the codebook (the lead's; a coder's new codes
    /// go to their own file), and adopt or reject a coder's own code.
    NewCode,
    RenameCode,
    MoveCode,
    MergeCode,
    DeleteCode,
    AdoptCode,
    RejectCode,
    /// Themes screen: the code x case heat map or the tree; the matrix's
    /// previous and next case; a search over every coded passage.
    ToggleMatrix,
    ColumnLeft,
    ColumnRight,
    SearchPassages,
}

impl Action {
    /// The name a user's config file uses to rebind the action.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextScreen => "next_screen",
            Action::PreviousScreen => "previous_screen",
            Action::GoTo(Screen::Cases) => "screen_cases",
            Action::GoTo(Screen::Coverage) => "screen_coverage",
            Action::GoTo(Screen::Review) => "screen_review",
            Action::GoTo(Screen::Recruitment) => "screen_recruitment",
            Action::GoTo(Screen::Interviews) => "screen_interviews",
            Action::GoTo(Screen::Themes) => "screen_themes",
            Action::Up => "up",
            Action::Down => "down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Open => "open",
            Action::Back => "back",
            Action::ToggleHelp => "help",
            Action::MessageLog => "message_log",
            Action::WhoAmI => "who_am_i",
            Action::Reload => "reload",
            Action::Pick(_) => "pick",
            Action::Submit => "submit",
            Action::ShowQueue => "review_queue",
            Action::ShowConflicts => "review_conflicts",
            Action::ShowAgreement => "review_agreement",
            Action::Search => "search",
            Action::AddFilter => "filter",
            Action::ClearFilters => "clear_filters",
            Action::SortNext => "sort",
            Action::SortReverse => "sort_reverse",
            Action::MoveStage => "move_stage",
            Action::CycleRows => "matrix_rows",
            Action::CycleColumns => "matrix_columns",
            Action::ToggleSuggestions => "suggestions",
            Action::SetTarget => "set_target",
            Action::ToggleTree => "tree_or_by_case",
            Action::AdvanceStatus => "advance_status",
            Action::AddReferral => "add_referral",
            Action::OpenInterviews => "open_interviews",
            Action::StartInterview => "start_interview",
            Action::NextQuestion => "next_question",
            Action::PreviousQuestion => "previous_question",
            Action::ToggleCovered => "toggle_covered",
            Action::SkipQuestion => "skip_question",
            Action::NoteOutsideGuide => "note_outside_guide",
            Action::ExternalEditor => "external_editor",
            Action::FinishInterview => "finish_interview",
            Action::SelectPassage => "select_passage",
            Action::CodePassage => "code_passage",
            Action::ReadNoteTaker => "read_note_taker",
            Action::NewCode => "new_code",
            Action::RenameCode => "rename_code",
            Action::MoveCode => "move_code",
            Action::MergeCode => "merge_code",
            Action::DeleteCode => "delete_code",
            Action::AdoptCode => "adopt_code",
            Action::RejectCode => "reject_code",
            Action::ToggleMatrix => "themes_matrix",
            Action::ColumnLeft => "matrix_left",
            Action::ColumnRight => "matrix_right",
            Action::SearchPassages => "search_passages",
        }
    }
}
