//! View models computed off the UI thread. A screen asks for a value by key
//! (the study's revision and its own settings) and gets at once what it has:
//! the value for that key, or the last one computed (stale, shown as
//! "updating"), while a job for the new key goes to the compute thread
//! (`compute.rs`). When the job is done its result is filled in and the
//! screen redrawn. A key is never waited for on the UI thread, however much
//! work it starts (agreement over every review, a search over every case).
//!
//! Without the terminal loop (tests, benchmarks of the update function) the
//! app computes in line, so what an update does is there when it returns.

use super::screens::Screens;
use crate::domain::StudyData;
use std::cell::RefCell;
use std::sync::Arc;

/// A result to fill in on the UI thread.
pub type Delivery = Box<dyn FnOnce(&Screens) + Send>;

/// Work for the compute thread. Only the latest job of a `slot` is worth
/// doing: an older one's key is already out of date.
pub struct Job {
    pub slot: &'static str,
    pub run: Box<dyn FnOnce() -> Delivery + Send>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Job({})", self.slot)
    }
}

/// Where jobs are collected while the update function and the views run,
/// for the loop to send on; and whether to defer at all.
#[derive(Debug, Default)]
pub struct Jobs {
    /// Set by the terminal loop: compute in the background. Unset, every
    /// value is computed in line.
    pub defer: bool,
    pending: RefCell<Vec<Job>>,
}

impl Jobs {
    pub fn deferring() -> Jobs {
        Jobs {
            defer: true,
            pending: RefCell::default(),
        }
    }

    /// The jobs asked for since the last call.
    pub fn take(&self) -> Vec<Job> {
        std::mem::take(&mut *self.pending.borrow_mut())
    }

    fn push(&self, job: Job) {
        let mut pending = self.pending.borrow_mut();
        // A newer job for the same slot makes an older one pointless.
        pending.retain(|j| j.slot != job.slot);
        pending.push(job);
    }
}

/// What a view gets: the value, if any has been computed, and whether it is
/// for the key asked (else it is the last one, and a newer one is coming).
pub struct Shown<V> {
    pub value: Option<Arc<V>>,
    pub fresh: bool,
}

impl<V> Shown<V> {
    /// The value, or an empty one while the first is computed.
    pub fn or_empty(&self) -> Arc<V>
    where
        V: Default,
    {
        self.value.clone().unwrap_or_default()
    }
}

/// One view model, computed in the background.
pub struct Background<K, V> {
    held: RefCell<Option<(K, Arc<V>)>>,
    /// The key of the job sent last, so a redraw does not send it again.
    requested: RefCell<Option<K>>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Background {
            held: RefCell::new(None),
            requested: RefCell::new(None),
        }
    }
}

impl<K, V> std::fmt::Debug for Background<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = self.held.try_borrow().map(|s| s.is_some()).unwrap_or(true);
        write!(f, "Background({})", if held { "held" } else { "empty" })
    }
}

/// How to ask for a value: the job's slot (only a slot's latest job runs)
/// and where its result goes back to.
pub struct Ask<K, V> {
    pub slot: &'static str,
    pub locate: fn(&Screens) -> &Background<K, V>,
}

impl<K, V> Background<K, V>
where
    K: PartialEq + Clone + Send + 'static,
    V: Send + Sync + 'static,
{
    /// The value for `key`, or the last one (none at first) while `compute`
    /// runs on the compute thread; in line when `jobs` does not defer.
    pub fn get(&self, jobs: &Jobs, ask: Ask<K, V>, key: K, compute: impl FnOnce() -> V + Send + 'static) -> Shown<V> {
        let held = self.held.borrow().clone();
        match held {
            Some((held_key, value)) if held_key == key => Shown {
                value: Some(value),
                fresh: true,
            },
            _ if !jobs.defer => Shown {
                value: Some(self.compute_now(key, compute)),
                fresh: true,
            },
            held => {
                self.request(jobs, ask, key, compute);
                Shown {
                    value: held.map(|(_, v)| v),
                    fresh: false,
                }
            }
        }
    }

    /// As `get`, but the very first value is computed in line, for a view
    /// model quick enough that an empty screen would be worse than the wait
    /// (the Cases table of the first frame). Returns the value and whether
    /// it is for `key`.
    pub fn current(
        &self,
        jobs: &Jobs,
        ask: Ask<K, V>,
        key: K,
        compute: impl FnOnce() -> V + Send + 'static,
    ) -> (Arc<V>, bool) {
        let held = self.held.borrow().clone();
        match held {
            Some((held_key, value)) if held_key == key => (value, true),
            Some((_, value)) if jobs.defer => {
                self.request(jobs, ask, key, compute);
                (value, false)
            }
            _ => (self.compute_now(key, compute), true),
        }
    }

    fn compute_now(&self, key: K, compute: impl FnOnce() -> V) -> Arc<V> {
        let value = Arc::new(compute());
        *self.held.borrow_mut() = Some((key, Arc::clone(&value)));
        value
    }

    /// Sends a job for `key`, once: a redraw before its result does not
    /// send it again.
    fn request(&self, jobs: &Jobs, ask: Ask<K, V>, key: K, compute: impl FnOnce() -> V + Send + 'static) {
        if self.requested.borrow().as_ref() == Some(&key) {
            return;
        }
        *self.requested.borrow_mut() = Some(key.clone());
        let locate = ask.locate;
        jobs.push(Job {
            slot: ask.slot,
            run: Box::new(move || {
                let value = compute();
                Box::new(move |screens: &Screens| locate(screens).fill(key, value))
            }),
        });
    }

    /// A result from the compute thread.
    pub fn fill(&self, key: K, value: V) {
        *self.held.borrow_mut() = Some((key, Arc::new(value)));
    }

    /// The key and value held now, fresh or not.
    pub fn peek(&self) -> Option<(K, Arc<V>)> {
        self.held.borrow().clone()
    }
}

/// The study as the compute thread sees it: shared, never changed in place
/// while a job reads it (the app changes its own copy, `Arc::make_mut`).
pub type Shared = Arc<StudyData>;

#[cfg(test)]
mod tests {
    use super::*;

    fn locate(screens: &Screens) -> &Background<u64, String> {
        let _ = screens;
        unreachable!("not used in these tests")
    }

    fn ask() -> Ask<u64, String> {
        Ask { slot: "test", locate }
    }

    #[test]
    fn in_line_without_the_loop() {
        let value: Background<u64, String> = Background::default();
        let jobs = Jobs::default();
        let shown = value.get(&jobs, ask(), 1, || "one".to_string());
        assert!(shown.fresh);
        assert_eq!(shown.value.as_deref().map(String::as_str), Some("one"));
        assert!(jobs.take().is_empty());
    }

    #[test]
    fn deferred_keeps_the_last_value_and_asks_once() {
        let value: Background<u64, String> = Background::default();
        let jobs = Jobs::deferring();
        value.fill(1, "one".to_string());
        let shown = value.get(&jobs, ask(), 2, || "two".to_string());
        assert!(!shown.fresh);
        assert_eq!(shown.value.as_deref().map(String::as_str), Some("one"));
        // A redraw before the result comes does not ask again.
        let again = value.get(&jobs, ask(), 2, || "two".to_string());
        assert!(!again.fresh);
        let sent = jobs.take();
        assert_eq!(sent.len(), 1);
        // The job, run elsewhere, gives a delivery; filling makes it fresh.
        value.fill(2, "two".to_string());
        let shown = value.get(&jobs, ask(), 2, || unreachable!());
        assert!(shown.fresh);
        assert_eq!(shown.value.as_deref().map(String::as_str), Some("two"));
    }

    #[test]
    fn the_first_value_in_line_when_asked() {
        let value: Background<u64, String> = Background::default();
        let jobs = Jobs::deferring();
        let (first, fresh) = value.current(&jobs, ask(), 1, || "one".to_string());
        assert!(fresh);
        assert_eq!(*first, "one");
        let (later, fresh) = value.current(&jobs, ask(), 2, || "two".to_string());
        assert!(!fresh, "only the first value is computed in line");
        assert_eq!(*later, "one");
        assert_eq!(jobs.take().len(), 1);
    }

    #[test]
    fn a_newer_job_for_a_slot_replaces_an_older_one() {
        let value: Background<u64, String> = Background::default();
        let jobs = Jobs::deferring();
        value.fill(0, "zero".to_string());
        value.get(&jobs, ask(), 1, || "one".to_string());
        value.get(&jobs, ask(), 2, || "two".to_string());
        let sent = jobs.take();
        assert_eq!(sent.len(), 1);
    }
}
