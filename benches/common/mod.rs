//! The synthetic diaries the benchmarks read, written afresh into a temporary folder (about two
//! seconds for the ten-year one) so a change to the generator can never leave a stale file.
#![allow(dead_code)] // not every bench reads every diary

use chrono::NaiveDate;
use intake::store::Store;
use intake::synth::{self, Spec};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The last day of the synthetic diaries: the day the benchmarks show.
pub fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

/// The ten-year diary (about 104,000 entries) and the small one (its latest 1,000 entries).
pub struct Diaries {
    _dir: TempDir,
    pub ten_years: PathBuf,
    pub small: PathBuf,
}

pub fn diaries() -> Diaries {
    let dir = tempfile::tempdir().unwrap();
    let ten_years = dir.path().join("ten-years.db");
    let small = dir.path().join("small.db");
    write(&ten_years, Spec::ten_years(end()));
    write(&small, Spec::last_entries(end(), 1000));
    Diaries {
        _dir: dir,
        ten_years,
        small,
    }
}

fn write(path: &Path, spec: Spec) {
    let mut store = Store::open(path).unwrap();
    synth::write(&mut store, &spec).unwrap();
}
