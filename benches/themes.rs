//! The themes aggregation at the scale: 2,000 interviews and
//! 200,000 codings. The study is the demo with its interviews repeated over
//! the project cases (until `casebook generate --interviews` exists), with
//! codings spread by `casebook generate --codings`'s own function. Two
//! figures: `Themes::compute` on the loaded study (target ≤ 100 ms), and
//! load + compute + the JSON, what `casebook themes --json` does.

use casebook::analysis::themes::{ThemeOptions, Themes};
use casebook::domain::*;
use casebook::generate::{demo, scale_codings};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

const INTERVIEWS: usize = 2_000;
const CODINGS: usize = 200_000;

fn study() -> StudyData {
    let mut data = demo();
    let originals: Vec<InterviewData> = data.interviews().cloned().collect();
    let cases: Vec<CaseId> = data.cases.keys().cloned().collect();
    for c in data.cases.values_mut() {
        c.interviews.clear();
    }
    for k in 0..INTERVIEWS {
        let mut interview = originals[k % originals.len()].clone();
        let case = &cases[k % cases.len()];
        interview.interview.id = InterviewId::new(format!("INT-bench-{k:04}"));
        interview.interview.case = case.clone();
        for codings in interview.codings.values_mut() {
            codings.interview = interview.interview.id.clone();
        }
        if let Some(c) = data.cases.get_mut(case) {
            c.interviews.insert(interview.interview.id.clone(), interview);
        }
    }
    scale_codings(2025, &mut data, CODINGS);
    assert_eq!(data.counts().interviews, INTERVIEWS);
    assert_eq!(data.counts().codings, CODINGS);
    data
}

/// This thread's CPU time: on a machine shared with other builds, wall time
/// says more about the neighbours than about the code.
fn thread_cpu() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn themes(c: &mut Criterion) {
    let data = study();
    let mut cpu: Vec<Duration> = (0..15)
        .map(|_| {
            let before = thread_cpu();
            std::hint::black_box(Themes::compute(&data, ThemeOptions::default()));
            thread_cpu() - before
        })
        .collect();
    cpu.sort();
    eprintln!(
        "themes aggregation, CPU time of one run: median {:.1} ms, min {:.1} ms",
        cpu[cpu.len() / 2].as_secs_f64() * 1e3,
        cpu[0].as_secs_f64() * 1e3
    );
    let mut group = c.benchmark_group("themes");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.bench_function("aggregate_2000_interviews_200000_codings", |b| {
        b.iter(|| Themes::compute(&data, ThemeOptions::default()))
    });
    // What the command does after opening: load, aggregate, print JSON.
    let dir = tempfile::tempdir().expect("temp dir");
    let layout = casebook::store::Layout::new(dir.path());
    casebook::store::save_all(&layout, &mut casebook::store::Stamps::default(), &data).expect("write the study");
    group.sample_size(10);
    group.bench_function("load_aggregate_and_json_2000_interviews", |b| {
        b.iter(|| {
            let loaded = casebook::store::load(&layout);
            let themes = Themes::compute(&loaded.data, ThemeOptions::default());
            themes_json(&themes)
        })
    });
    group.finish();
}

/// The JSON's size stands in for printing it: the codes and matrix walked.
fn themes_json(themes: &Themes) -> usize {
    themes.codes.iter().map(|c| c.by_case.len() + c.figures.passages).sum()
}

criterion_group!(benches, themes);
criterion_main!(benches);
