//! A list to choose one value from. It carries the values themselves, each
//! with the label it is shown by, so choosing gives back a value, never a
//! label to be parsed.

#[derive(Debug, Clone, PartialEq)]
pub struct Picker<T> {
    pub title: String,
    items: Vec<(String, T)>,
    selected: usize,
}

impl<T: Clone> Picker<T> {
    pub fn new(title: impl Into<String>, items: Vec<(String, T)>) -> Self {
        Picker {
            title: title.into(),
            items,
            selected: 0,
        }
    }

    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(label, _)| label.as_str())
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The value under the cursor.
    pub fn value(&self) -> Option<&T> {
        self.items.get(self.selected).map(|(_, value)| value)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1));
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self) {
        self.selected = self.items.len().saturating_sub(1);
    }

    /// Puts the cursor on the first item whose value is `value`.
    pub fn select(&mut self, value: &T)
    where
        T: PartialEq,
    {
        if let Some(i) = self.items.iter().position(|(_, v)| v == value) {
            self.selected = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_gives_the_value_not_its_label() {
        let mut picker = Picker::new("Stage", vec![("pool".to_string(), 1), ("selected".to_string(), 2)]);
        assert_eq!(picker.value(), Some(&1));
        picker.down();
        picker.down();
        assert_eq!(picker.value(), Some(&2), "stays on the last item");
        picker.top();
        picker.select(&2);
        assert_eq!((picker.selected(), picker.labels().nth(1)), (1, Some("selected")));
    }
}
