//! Import budgets in-process (issue 17): a 10,000-row Cronometer servings.csv under 1 s and a
//! 100,000-row per-entry CSV under 5 s, each into an empty diary file. The inputs are the synthetic
//! diary's latest entries, written as Cronometer would (`synth::cronometer`) and as
//! `intake export --entries` does. Peak memory is a whole-process figure: `scripts/bench.sh`.
//!
//! Run: `cargo bench --bench import` (about two minutes)

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use intake::store::Store;
use intake::synth::{self, Spec};
use intake::{export, import};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The input files, written once into a temporary folder.
struct Inputs {
    dir: tempfile::TempDir,
    servings: PathBuf,
    entries: PathBuf,
}

fn inputs() -> Inputs {
    let dir = tempfile::tempdir().unwrap();
    let catalog = synth::catalog().unwrap();
    let servings = dir.path().join("servings-10k.csv");
    let rows = synth::entries(&catalog, &Spec::last_entries(common::end(), 10_000)).unwrap();
    let file = std::fs::File::create(&servings).unwrap();
    synth::cronometer::write_servings(&rows, std::io::BufWriter::new(file)).unwrap();
    let source = dir.path().join("source-100k.db");
    let mut store = Store::open(&source).unwrap();
    synth::write(&mut store, &Spec::last_entries(common::end(), 100_000)).unwrap();
    let entries = dir.path().join("entries-100k.csv");
    let file = std::fs::File::create(&entries).unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    export::write_entries_range_csv(&store, first, common::end(), std::io::BufWriter::new(file))
        .unwrap();
    Inputs {
        dir,
        servings,
        entries,
    }
}

/// A new empty diary file for one run (made outside the timed part), the last run's removed.
fn empty(dir: &Path, n: &mut u32) -> Store {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("import-{n}.db{suffix}")));
    }
    *n += 1;
    Store::open(&dir.join(format!("import-{n}.db"))).unwrap()
}

fn imports(c: &mut Criterion) {
    let inp = inputs();
    let mut n = 0;
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("cronometer_servings_10k_rows", |b| {
        b.iter_batched(
            || empty(inp.dir.path(), &mut n),
            |mut s| {
                let o = import::cronometer::import(&mut s, &inp.servings, false).unwrap();
                assert_eq!(o.added, 10_000);
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("entries_csv_100k_rows", |b| {
        b.iter_batched(
            || empty(inp.dir.path(), &mut n),
            |mut s| {
                let o = import::entries::import(&mut s, &inp.entries, false).unwrap();
                assert_eq!(o.added, 100_000);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, imports);
criterion_main!(benches);
