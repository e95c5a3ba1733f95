//! The REFI-QDA export (`export::refi::export`: codebook.qdc and study.qdpx,
//! written to disk) on a study of 2,000 interviews and 200,000 codings.
//! `casebook generate` makes 22 interviews at any size, so the study is the
//! demo's fieldwork copied: each coded interview cloned under new ids into
//! its own case, its codings repeated, until the counts are reached. The
//! copy is also written once to `<target>/bench-refi-study-2000`, for
//! timing the whole command (load included) by hand: docs/benchmarks.md.

mod common;

use casebook::domain::*;
use casebook::generate::{generate, Options};
use casebook::store::{save_all, Layout, Stamps};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

const INTERVIEWS: usize = 2_000;
const CODINGS: usize = 200_000;

/// The demo with its coded interviews copied up to `interviews`, holding
/// at least `codings` codings in all.
fn scaled(interviews: usize, codings: usize) -> StudyData {
    let mut data = generate(Options::DEMO);
    let templates: Vec<InterviewData> = data
        .interviews()
        .filter(|i| i.codings.values().any(|c| !c.codings.is_empty()))
        .cloned()
        .collect();
    let existing = data.interviews().count();
    let copies = interviews.saturating_sub(existing);
    let per_interview = codings.saturating_sub(data.counts().codings).div_ceil(copies.max(1));
    for n in 0..copies {
        let mut copy = templates[n % templates.len()].clone();
        let id = InterviewId::new(format!("{}-x{n:04}", copy.interview.id));
        copy.interview.id = id.clone();
        let coders = copy.codings.len().max(1);
        for file in copy.codings.values_mut() {
            file.interview = id.clone();
            let base = file.codings.clone();
            let want = per_interview.div_ceil(coders);
            while file.codings.len() < want {
                file.codings.extend(base.iter().cloned());
            }
            file.codings.truncate(want);
        }
        data.cases
            .get_mut(&copy.interview.case)
            .expect("the template's case")
            .interviews
            .insert(id, copy);
    }
    data
}

fn export(c: &mut Criterion) {
    let data = scaled(INTERVIEWS, CODINGS);
    let counts = data.counts();
    eprintln!("{} interviews, {} codings", counts.interviews, counts.codings);
    let on_disk = common::target_dir().join(format!("bench-refi-study-{INTERVIEWS}"));
    if !on_disk.join("cases/study.ron").is_file() {
        save_all(&Layout::new(&on_disk), &mut Stamps::default(), &data).expect("write the study");
    }
    let out = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("refi");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    group.bench_function("export_2000_interviews_200000_codings", |b| {
        b.iter(|| casebook::export::refi::export(&data, out.path(), &Default::default()).expect("export"))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
