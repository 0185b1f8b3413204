//! The diary budgets in-process, on the ten-year synthetic diary (and the 1,000-entry one): a
//! day's totals plus warnings, the summary export of a whole year (< 100 ms), opening the diary,
//! and the recently-logged keys the add dialog ranks first.
//!
//! Run: `cargo bench --bench diary -- --warm-up-time 1 --measurement-time 3`

mod common;

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};
use intake::store::Store;
use intake::{export, report};
use std::hint::black_box;

fn diary(c: &mut Criterion) {
    let d = common::diaries();
    let end = common::end();
    for (name, path) in [("ten_years", &d.ten_years), ("small", &d.small)] {
        let store = Store::open(path).unwrap();
        let profile = store.profile().unwrap();
        c.bench_function(&format!("day_report_{name}"), |b| {
            b.iter(|| report::day_report(&store, black_box(end), &profile).unwrap())
        });
        c.bench_function(&format!("recent_keys_{name}"), |b| {
            b.iter(|| store.recent_keys(black_box(20)).unwrap())
        });
        c.bench_function(&format!("open_{name}"), |b| {
            b.iter(|| {
                let s = Store::open(black_box(path)).unwrap();
                s.profile().unwrap()
            })
        });
    }
    let store = Store::open(&d.ten_years).unwrap();
    let profile = store.profile().unwrap();
    let from = end - Duration::days(364);
    c.bench_function("export_year_ten_years", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(64 * 1024);
            export::write_range_csv(&store, black_box(from), end, &profile, &mut out).unwrap();
            out.len()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = diary
}
criterion_main!(benches);
