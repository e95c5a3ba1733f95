//! Work done once per change: a view model kept with the key it was computed
//! for (the study's revision and the screen's own settings), and computed
//! again only when the key changes. Rendering and the update function both
//! read it, so a cursor move costs no query.

use std::cell::RefCell;
use std::sync::Arc;

pub struct Cached<K, V> {
    slot: RefCell<Option<(K, Arc<V>)>>,
}

impl<K: PartialEq, V> Cached<K, V> {
    /// The value for `key`, computed by `compute` when the key is new.
    pub fn get(&self, key: K, compute: impl FnOnce() -> V) -> Arc<V> {
        if let Some((held, value)) = self.slot.borrow().as_ref() {
            if *held == key {
                return Arc::clone(value);
            }
        }
        let value = Arc::new(compute());
        *self.slot.borrow_mut() = Some((key, Arc::clone(&value)));
        value
    }

    /// The key and value held now, if any.
    pub fn peek(&self) -> Option<(K, Arc<V>)>
    where
        K: Clone,
    {
        self.slot.borrow().as_ref().map(|(k, v)| (k.clone(), Arc::clone(v)))
    }

    /// Forgets the value (the next `get` computes it).
    pub fn clear(&self) {
        self.slot.borrow_mut().take();
    }
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Cached {
            slot: RefCell::new(None),
        }
    }
}

impl<K, V> std::fmt::Debug for Cached<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = self.slot.try_borrow().map(|s| s.is_some()).unwrap_or(true);
        write!(f, "Cached({})", if held { "held" } else { "empty" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_value_is_computed_once_per_key() {
        let cache: Cached<u64, String> = Cached::default();
        let runs = Cell::new(0);
        let compute = |text: &str| {
            runs.set(runs.get() + 1);
            text.to_string()
        };
        assert_eq!(*cache.get(1, || compute("a")), "a");
        assert_eq!(*cache.get(1, || compute("b")), "a");
        assert_eq!(runs.get(), 1);
        assert_eq!(*cache.get(2, || compute("c")), "c");
        assert_eq!(runs.get(), 2);
    }
}
