//! Analysis over the whole 10,000-project study: agreement between reviewers
//! over all 20,000 reviews, and the conflicts of every case.

mod common;

use casebook::analysis::conflicts::case_conflicts;
use casebook::analysis::review_agreement::study_agreement;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn analysis(c: &mut Criterion) {
    let data = casebook::store::load(&common::study()).data;
    let mut group = c.benchmark_group("analysis");
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    group.bench_function("study_agreement_all_reviews", |b| {
        b.iter(|| study_agreement(black_box(&data), None))
    });
    group.bench_function("conflicts_of_every_case", |b| {
        b.iter(|| {
            data.cases
                .values()
                .map(|case| case_conflicts(&data.study, black_box(case), None).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
