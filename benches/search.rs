//! One search keystroke over every item (curated, built-in and the 7,754 USDA foods, whose index
//! is prepared at build time), and the cost of parsing the whole USDA table (what suggestions and
//! coverage pay once per process).
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
    // A first search parses the lines of the foods it returns (once each per process).
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
    // What reading every food (suggestions, coverage) pays once per process.
    c.bench_function("usda_parse_only", |b| {
        b.iter(|| UsdaTable::parse(black_box(USDA_TSV)).items.len())
    });
}

criterion_group!(benches, keystroke, first_load);
criterion_main!(benches);
