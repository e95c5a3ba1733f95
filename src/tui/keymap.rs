//! Keys to actions, each binding with its description. The help popup is
//! built from this same table, so help can never drift from the keys.

use super::action::{Action, Mode, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// One key: a code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        // Shift is part of the character itself for letters and symbols.
        let relevant = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b && relevant == self.modifiers,
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && event.modifiers == self.modifiers,
        }
    }

    /// How help shows the key: `q`, `Ctrl-C`, `Shift-Tab`, `PageDown`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }

    /// Parses a key as written in the config file: `q`, `ctrl-q`, `f2`, `tab`, `esc`.
    pub fn parse(text: &str) -> Option<Key> {
        let lower = text.trim().to_lowercase();
        let (modifiers, rest) = if let Some(rest) = lower.strip_prefix("ctrl-") {
            (KeyModifiers::CONTROL, rest)
        } else if let Some(rest) = lower.strip_prefix("alt-") {
            (KeyModifiers::ALT, rest)
        } else {
            (KeyModifiers::NONE, lower.as_str())
        };
        let code = match rest {
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "esc" | "escape" => KeyCode::Esc,
            "enter" | "return" => KeyCode::Enter,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            f if f.starts_with('f') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
            c if c.chars().count() == 1 => {
                // Keep the case the user wrote: `G` and `g` are different keys.
                KeyCode::Char(text.trim().chars().last()?)
            }
            _ => return None,
        };
        Some(Key { code, modifiers })
    }
}

/// What sets a binding off: one key, or any digit or letter (passed on in
/// `Action::Pick`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Key(Key),
    AnyDigit,
    AnyLetter,
}

impl Trigger {
    fn fires(&self, event: &KeyEvent) -> Option<Option<char>> {
        let plain = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT) == KeyModifiers::NONE;
        match (self, event.code) {
            (Trigger::Key(key), _) => key.matches(event).then_some(None),
            (Trigger::AnyDigit, KeyCode::Char(c)) if plain && c.is_ascii_digit() => Some(Some(c)),
            (Trigger::AnyLetter, KeyCode::Char(c)) if plain && c.is_alphabetic() => Some(Some(c)),
            _ => None,
        }
    }

    pub fn label(&self) -> String {
        match self {
            Trigger::Key(key) => key.label(),
            Trigger::AnyDigit => "0-9".to_string(),
            Trigger::AnyLetter => "a-z".to_string(),
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    /// In lists and tables, on every screen.
    Lists,
    /// Only on this screen.
    On(Screen),
    /// Only in this mode (where it comes before everything else).
    In(Mode),
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Trigger>,
    pub action: Action,
    pub description: &'static str,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The default keys: one binding a line, read like a table.
    #[rustfmt::skip]
    fn default() -> Self {
        use KeyCode::*;
        use Screen::*;
        let b = |scope, keys: &[Key], action, description| Binding {
            scope,
            keys: keys.iter().map(|k| Trigger::Key(*k)).collect(),
            action,
            description,
        };
        let everywhere = Scope::Everywhere;
        let lists = Scope::Lists;
        let form = Scope::In(Mode::ReviewForm);
        let interview = Scope::In(Mode::Interview);
        let mut bindings = vec![
            b(everywhere, &[Key::char('?')], Action::ToggleHelp, "help for this screen"),
            b(everywhere, &[Key::char('q'), Key::ctrl('c')], Action::Quit, "quit (nothing typed is lost)"),
            b(everywhere, &[Key::char('L')], Action::MessageLog, "every message of this session"),
            b(everywhere, &[Key::char('w')], Action::WhoAmI, "say who you are (whose reviews, who signs changes)"),
            b(everywhere, &[Key::ctrl('r')], Action::Reload, "reload the study from disk (after a git pull)"),
            b(everywhere, &[Key::plain(Tab)], Action::NextScreen, "next screen"),
            b(everywhere, &[Key::plain(BackTab)], Action::PreviousScreen, "previous screen"),
            b(everywhere, &[Key::char('1')], Action::GoTo(Cases), "Cases screen"),
            b(everywhere, &[Key::char('2')], Action::GoTo(Coverage), "Coverage screen"),
            b(everywhere, &[Key::char('3')], Action::GoTo(Review), "Review screen"),
            b(everywhere, &[Key::char('4')], Action::GoTo(Recruitment), "Recruitment screen"),
            b(everywhere, &[Key::char('5')], Action::GoTo(Interviews), "Interviews screen"),
            b(everywhere, &[Key::char('6')], Action::GoTo(Themes), "Themes screen"),
            b(lists, &[Key::plain(Up), Key::char('k')], Action::Up, "move up"),
            b(lists, &[Key::plain(Down), Key::char('j')], Action::Down, "move down"),
            b(lists, &[Key::char('g'), Key::plain(Home)], Action::Top, "first row"),
            b(lists, &[Key::char('G'), Key::plain(End)], Action::Bottom, "last row"),
            b(lists, &[Key::plain(PageUp)], Action::PageUp, "page up"),
            b(lists, &[Key::plain(PageDown)], Action::PageDown, "page down"),
            b(lists, &[Key::plain(Enter)], Action::Open, "open / choose"),
            b(everywhere, &[Key::plain(Esc)], Action::Back, "close popup / back"),
            b(Scope::On(Cases), &[Key::char('/')], Action::Search, "search municipality, title, focus area, region, id (bomlo finds Bømlo, aa is å)"),
            b(Scope::On(Cases), &[Key::char('f')], Action::AddFilter, "filter by a stratum or the stage (filters combine)"),
            b(Scope::On(Cases), &[Key::char('x')], Action::ClearFilters, "clear every filter and the search"),
            b(Scope::On(Cases), &[Key::char('s')], Action::SortNext, "sort by the next column"),
            b(Scope::On(Cases), &[Key::char('S')], Action::SortReverse, "reverse the sort"),
            b(Scope::On(Cases), &[Key::char('m')], Action::MoveStage, "move the case to another stage (asks why)"),
            b(Scope::On(Coverage), &[Key::char('r')], Action::CycleRows, "matrix rows: next stratum"),
            b(Scope::On(Coverage), &[Key::char('c')], Action::CycleColumns, "matrix columns: next stratum"),
            b(Scope::On(Coverage), &[Key::char('s')], Action::ToggleSuggestions, "suggest the next case and reserves / show gaps"),
            b(Scope::On(Coverage), &[Key::char('t')], Action::SetTarget, "set a target: at least n selected for a value of the rows (lead)"),
            b(Scope::On(Coverage), &[Key::plain(Enter)], Action::Open, "with suggestions shown: select the suggested case (asks why)"),
            b(Scope::On(Review), &[Key::char('m')], Action::ShowQueue, "my review queue"),
            b(Scope::On(Review), &[Key::char('c')], Action::ShowConflicts, "conflicts between reviewers (Enter resolves)"),
            b(Scope::On(Review), &[Key::char('a')], Action::ShowAgreement, "agreement per criterion"),
            b(Scope::On(Recruitment), &[Key::char('t')], Action::ToggleTree, "snowball tree / informants by case"),
            b(Scope::On(Recruitment), &[Key::char('a')], Action::AdvanceStatus, "record a new status (asks date and note)"),
            b(Scope::On(Recruitment), &[Key::char('r')], Action::AddReferral, "add an informant this one referred"),
            b(Scope::On(Recruitment), &[Key::char('i')], Action::OpenInterviews, "open this informant's interviews"),
            b(Scope::On(Themes), &[Key::char('m')], Action::ToggleMatrix, "code x case heat map / the codebook tree"),
            b(Scope::On(Themes), &[Key::plain(Left), Key::char('h')], Action::ColumnLeft, "matrix: previous case"),
            b(Scope::On(Themes), &[Key::plain(Right), Key::char('l')], Action::ColumnRight, "matrix: next case"),
            b(Scope::On(Themes), &[Key::plain(Enter)], Action::Open, "the passages of the code or cell; on a passage, its interview there"),
            b(Scope::On(Themes), &[Key::char('/')], Action::SearchPassages, "search every coded passage (word starts, then fuzzy; bomlo finds Bømlo)"),
            b(Scope::On(Cases), &[Key::char('n')], Action::StartInterview, "start an interview on this case (asks which informant)"),
            b(Scope::On(Recruitment), &[Key::char('n')], Action::StartInterview, "start an interview with this informant (asks consent once)"),
            b(Scope::On(Themes), &[Key::char('+')], Action::NewCode, "a new code under the selected one (top level on a coder's own code)"),
            b(Scope::On(Themes), &[Key::char('e')], Action::RenameCode, "rename the code (its id stays)"),
            b(Scope::On(Themes), &[Key::char('>')], Action::MoveCode, "move the code under another (or to the top)"),
            b(Scope::On(Themes), &[Key::char('M')], Action::MergeCode, "merge the code into another (its codings count there)"),
            b(Scope::On(Themes), &[Key::char('D')], Action::DeleteCode, "delete a code no coding uses"),
            b(Scope::On(Themes), &[Key::char('A')], Action::AdoptCode, "adopt a coder's own code into the codebook (lead)"),
            b(Scope::On(Themes), &[Key::char('X')], Action::RejectCode, "reject a coder's own code (lead)"),
            b(interview, &[Key::ctrl('n')], Action::NextQuestion, "next question (the note is saved)"),
            b(interview, &[Key::ctrl('p')], Action::PreviousQuestion, "previous question (the note is saved)"),
            b(interview, &[Key::ctrl('t')], Action::ToggleCovered, "mark the question covered / not"),
            b(interview, &[Key::ctrl('s')], Action::SkipQuestion, "skip the question (and go to the next)"),
            b(interview, &[Key::ctrl('g')], Action::NoteOutsideGuide, "a note outside the guide"),
            b(interview, &[Key::ctrl('e')], Action::ExternalEditor, "edit the note in $EDITOR"),
            b(interview, &[Key::ctrl('l')], Action::SelectPassage, "select the line; again: the paragraph (Shift+arrows extend)"),
            b(interview, &[Key::ctrl('o')], Action::CodePassage, "code the selected passage (or the line): pick codes, quote, memo"),
            b(interview, &[Key::plain(F(2))], Action::ReadNoteTaker, "the note-taker's notes, read-only, to code them / back to mine"),
            b(interview, &[Key::plain(F(10))], Action::FinishInterview, "finish the interview (asks; status interviewed, duration)"),
            b(interview, &[Key::plain(F(1))], Action::ToggleHelp, "help"),
            b(interview, &[Key::plain(Esc)], Action::Back, "back to the interviews (the notes are saved)"),
            b(form, &[Key::plain(Up), Key::char('k')], Action::Up, "previous criterion"),
            b(form, &[Key::plain(Down), Key::char('j')], Action::Down, "next criterion"),
            b(form, &[Key::plain(Enter)], Action::Open, "write the free-text answer"),
            b(form, &[Key::char('S')], Action::Submit, "submit the review (asks first)"),
            b(form, &[Key::plain(Esc)], Action::Back, "back to the queue (the draft is saved)"),
        ];
        bindings.push(Binding {
            scope: form,
            keys: vec![Trigger::AnyDigit, Trigger::AnyLetter],
            action: Action::Pick(' '),
            description: "answer: a digit picks a point, a letter the category it starts with (y/n for yes/no)",
        });
        Keymap { bindings }
    }
}

impl Keymap {
    /// The default keys with a user's overrides (action name → key) applied.
    /// Returns the overrides that could not be understood, for the status line.
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let mut rejected = Vec::new();
        for (name, key_text) in overrides {
            // An action bound on several screens (start_interview on Cases and
            // Recruitment) is rebound on all of them.
            let key = Key::parse(key_text);
            let mut found = false;
            for binding in keymap.bindings.iter_mut().filter(|b| b.action.name() == name) {
                if let Some(key) = key {
                    binding.keys = vec![Trigger::Key(key)];
                    found = true;
                }
            }
            if !found {
                rejected.push(format!("{name} = {key_text}"));
            }
        }
        (keymap, rejected)
    }

    /// The action a key asks for on `screen` in `mode`, if any. In a form,
    /// the form's bindings come first and only the global ones follow.
    pub fn action_for(&self, event: &KeyEvent, screen: Screen, mode: Mode) -> Option<Action> {
        // Esc followed at once by a digit reaches us as Alt+digit: the digit's screen.
        if let (KeyCode::Char(c @ '1'..='6'), KeyModifiers::ALT) = (event.code, event.modifiers) {
            let digit = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            return self.action_for(&digit, screen, Mode::Normal);
        }
        let applies = |b: &&Binding| match (b.scope, mode) {
            (Scope::In(m), _) => m == mode,
            (Scope::Everywhere, _) => true,
            (Scope::Lists, Mode::Normal) => true,
            (Scope::On(s), Mode::Normal) => s == screen,
            _ => false,
        };
        let rank = |b: &Binding| match b.scope {
            Scope::In(_) => 0,
            Scope::On(_) => 1,
            Scope::Lists => 2,
            Scope::Everywhere => 3,
        };
        let mut candidates: Vec<&Binding> = self.bindings.iter().filter(applies).collect();
        candidates.sort_by_key(|b| rank(b));
        candidates.into_iter().find_map(|b| {
            b.keys
                .iter()
                .find_map(|t| t.fires(event))
                .map(|picked| match (b.action, picked) {
                    (Action::Pick(_), Some(c)) => Action::Pick(c),
                    (action, _) => action,
                })
        })
    }

    /// The key that does `action` now, as the user would type it (after any
    /// rebinding), for hints and footers.
    pub fn key_for(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(Trigger::label)
            .unwrap_or_else(|| "?".to_string())
    }

    /// A hint line, `/ search  f filter`, from the keys bound now.
    pub fn hints(&self, items: &[(Action, &str)]) -> String {
        items
            .iter()
            .map(|(action, what)| format!("{} {what}", self.key_for(*action)))
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// The action a key asks for among `mode`'s own bindings alone: where
    /// letters are text, no other key is a command.
    pub fn mode_action(&self, event: &KeyEvent, mode: Mode) -> Option<Action> {
        self.bindings
            .iter()
            .filter(|b| b.scope == Scope::In(mode))
            .find(|b| b.keys.iter().any(|t| t.fires(event).is_some()))
            .map(|b| b.action)
    }

    /// The bindings help shows on `screen` in `mode`: the most specific first.
    pub fn help_for(&self, screen: Screen, mode: Mode) -> Vec<&Binding> {
        let in_mode = self.bindings.iter().filter(|b| b.scope == Scope::In(mode));
        let own = self
            .bindings
            .iter()
            .filter(|b| mode == Mode::Normal && b.scope == Scope::On(screen));
        let lists = self
            .bindings
            .iter()
            .filter(|b| mode == Mode::Normal && b.scope == Scope::Lists);
        // While typing notes, the keys of everywhere else are text.
        let everywhere = self
            .bindings
            .iter()
            .filter(|b| mode != Mode::Interview && b.scope == Scope::Everywhere);
        in_mode.chain(own).chain(lists).chain(everywhere).collect()
    }
}
