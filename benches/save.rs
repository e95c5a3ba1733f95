//! Saving one changed file in the 10,000-project study, as the TUI does after
//! an edit: fingerprint check against disk, atomic write with sync.

mod common;

use casebook::store::{load, save_value, Saved};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

fn save(c: &mut Criterion) {
    let layout = common::study();
    let loaded = load(&layout);
    let mut stamps = loaded.stamps;
    let (id, case) = loaded.data.cases.iter().next().expect("a case");
    let path = layout.case_file(id);
    let original = case.case.clone();
    let mut changed = original.clone();
    changed.title.push_str(" (changed)");
    let mut group = c.benchmark_group("save");
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    // Every iteration writes: the title toggles, so the bytes always differ.
    let mut flip = false;
    group.bench_function("save_one_changed_case_file", |b| {
        b.iter(|| {
            flip = !flip;
            let value = if flip { &changed } else { &original };
            let saved = save_value(&mut stamps, &path, value).expect("save");
            assert!(matches!(saved, Saved::Written));
        })
    });
    group.finish();
    // Leave the cached study as generated, for the other benchmarks.
    save_value(&mut stamps, &path, &original).expect("restore the case file");
}

criterion_group!(benches, save);
criterion_main!(benches);
