//! One search keystroke over every item (curated, built-in and the 7,754 USDA foods), and the
//! one-off cost of parsing the USDA table on first use.
//!
//! Run: `cargo bench --bench search -- --warm-up-time 1 --measurement-time 3`

use criterion::{Criterion, criterion_group, criterion_main};
use intake::catalog::Catalog;
use intake::catalog::usda::{USDA_TSV, UsdaTable};
use std::hint::black_box;

/// What a user types, keystroke by keystroke, a typo (fuzzy matching) and a query that matches
/// nothing.
const QUERIES: [&str; 9] = [
    "s",
    "sa",
    "salmon",
    "salmon canned",
    "kale r",
    "greek yogurt",
    "spinach boiled",
    "brocoli",
    "zzqx",
];

fn keystroke(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let recent: Vec<String> = ["milk", "d3", "usda-11458"].map(String::from).to_vec();
    // The first search parses the USDA table; exclude it from the keystroke figures.
    let _ = catalog.search("warm up", &recent, 10);
    let mut group = c.benchmark_group("keystroke");
    for q in QUERIES {
        group.bench_function(q, |b| {
            b.iter(|| catalog.search(black_box(q), &recent, 10).len())
        });
    }
    group.finish();
}

fn first_load(c: &mut Criterion) {
    // What the first search pays: parse the table and index it.
    c.bench_function("usda_first_load", |b| {
        b.iter(|| UsdaTable::build(black_box(USDA_TSV)).items.len())
    });
    // What a first lookup by key (`intake add usda-11458`) pays: the parse alone.
    c.bench_function("usda_parse_only", |b| {
        b.iter(|| UsdaTable::parse(black_box(USDA_TSV)).items.len())
    });
}

criterion_group!(benches, keystroke, first_load);
criterion_main!(benches);
