//! Loading and validating the 10,000-project study: `casebook::store::load`
//! reads every file, parses it and checks every reference.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

fn load(c: &mut Criterion) {
    let layout = common::study();
    let loaded = casebook::store::load(&layout);
    assert!(loaded.problems.is_empty(), "the generated study loads cleanly");
    let mut group = c.benchmark_group("load");
    // About half a second a load: ten samples keep a run near half a minute.
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function("load_and_validate_10000_projects", |b| {
        b.iter(|| casebook::store::load(&layout))
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
