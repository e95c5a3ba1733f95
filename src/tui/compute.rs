//! The compute thread: runs the jobs of `background.rs` (view models too
//! slow for a keystroke) and hands their results to the loop. Only the
//! latest job of each slot is run: while one search runs, three more letters
//! may be typed, and only the last query matters.

use super::background::{Delivery, Job};
use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender};

/// Jobs that take longer than a frame or several (agreement over every
/// review, the themes aggregation, the fuzzy step of the passage search)
/// run on a second compute thread, so a quick job asked after them (the
/// next letter's word-start matches, a screenful of cases) never waits
/// behind them.
const SLOW_SLOTS: [&str; 3] = ["review.agreement", "themes.model", "themes.search.fuzzy"];

/// Whether a slot's jobs go to the slow lane.
pub fn is_slow(slot: &str) -> bool {
    SLOW_SLOTS.contains(&slot)
}

/// Starts a compute thread; `report` hands a result to the loop and says
/// whether anyone still listens. Fails only when the system cannot start a
/// thread.
pub fn spawn(report: impl Fn(Delivery) -> bool + Send + 'static) -> std::io::Result<Sender<Job>> {
    let (jobs, queue) = mpsc::channel();
    std::thread::Builder::new()
        .name("casebook-compute".into())
        .spawn(move || work(&queue, report))?;
    Ok(jobs)
}

fn work(queue: &Receiver<Job>, report: impl Fn(Delivery) -> bool) {
    let mut waiting: VecDeque<Job> = VecDeque::new();
    loop {
        if waiting.is_empty() {
            match queue.recv() {
                Ok(job) => waiting.push_back(job),
                Err(_) => return,
            }
        }
        // Whatever else came in meanwhile: a newer job of a slot replaces
        // the older one, which is no longer worth its time.
        while let Ok(job) = queue.try_recv() {
            waiting.retain(|j| j.slot != job.slot);
            waiting.push_back(job);
        }
        let Some(job) = waiting.pop_front() else { continue };
        if !report((job.run)()) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    fn job(slot: &'static str, log: &Arc<Mutex<Vec<String>>>, name: &str) -> Job {
        let log = Arc::clone(log);
        let name = name.to_string();
        Job {
            slot,
            run: Box::new(move || {
                log.lock().unwrap().push(name);
                Box::new(|_| {})
            }),
        }
    }

    #[test]
    fn the_quick_steps_of_a_search_never_share_a_lane_with_the_slow_ones() {
        assert!(!is_slow("themes.search"));
        assert!(!is_slow("cases.rows"));
        assert!(is_slow("themes.search.fuzzy"));
        assert!(is_slow("review.agreement"));
    }

    #[test]
    fn runs_only_the_latest_job_of_a_slot() {
        let log = Arc::new(Mutex::new(Vec::new()));
        let (done_tx, done_rx) = mpsc::channel();
        let (tx, rx) = mpsc::channel();
        // Queue everything before the worker starts, as a burst of keys does.
        tx.send(job("search", &log, "b")).unwrap();
        tx.send(job("agreement", &log, "agreement")).unwrap();
        tx.send(job("search", &log, "bo")).unwrap();
        tx.send(job("search", &log, "bod")).unwrap();
        drop(tx);
        let handle = std::thread::spawn(move || work(&rx, move |d| done_tx.send(d).is_ok()));
        handle.join().unwrap();
        assert_eq!(done_rx.iter().count(), 2);
        assert_eq!(*log.lock().unwrap(), vec!["agreement".to_string(), "bod".to_string()]);
    }
}
