//! Where the cursor is in a list, and how far a long popup is scrolled:
//! the two positions the update function moves and rendering reads back.

use super::action::Action;
use std::cell::Cell;

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

    /// Back to the first row (after the rows changed).
    pub fn to_top(&mut self) {
        self.selected = 0;
        self.offset.set(0);
    }

    /// Moves within `rows` rows.
    pub fn step(&mut self, movement: Action, rows: usize) {
        let page = self.page.get().max(1);
        let last = rows.saturating_sub(1);
        let current = self.selected.min(last);
        self.selected = match movement {
            Action::Up => current.saturating_sub(1),
            Action::Down => (current + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageUp => current.saturating_sub(page),
            Action::PageDown => (current + page).min(last),
            _ => current,
        };
    }
}

/// How far a long popup (help, the message log) is scrolled; rendering
/// writes how far it can go, which only it knows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scroll {
    pub offset: u16,
    pub max: Cell<u16>,
}

impl Scroll {
    /// Moves with the list keys, within what fits.
    pub(crate) fn step(&mut self, action: Action, page: u16) {
        let max = self.max.get();
        self.offset = match action {
            Action::Up => self.offset.saturating_sub(1),
            Action::Down => self.offset.saturating_add(1),
            Action::PageUp => self.offset.saturating_sub(page),
            Action::PageDown => self.offset.saturating_add(page),
            Action::Top => 0,
            Action::Bottom => max,
            _ => self.offset,
        }
        .min(max);
    }
}
