//! Bringing history in: Cronometer's exports, intake's own per-entry CSV, another intake diary.
//!
//! Every file is streamed row by row and written in one transaction: a bad row (bad date, unknown
//! unit, a non-number in a number column, a file that is not the format) stops the import with
//! the file, line and column, and the diary is left as it was. Each imported row carries its
//! origin and a key derived from its content, so importing the same file again adds nothing.

pub mod cronometer;
pub mod entries;
pub mod names;
mod occurrences;

pub use occurrences::{Keyed, Occurrences};

use crate::catalog::Catalog;
use crate::domain::{Entry, Nutrient};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    /// The input is wrong: one line naming the file, line and column (exit 2).
    #[error("{0}; nothing was imported")]
    Bad(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What is wrong with one cell of a row.
#[derive(Debug)]
pub struct Bad {
    pub column: String,
    pub what: String,
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Rows read.
    pub rows: u64,
    /// Entries added (0 on a dry run); the rest were in the diary already.
    pub added: u64,
    pub days: BTreeSet<NaiveDate>,
    pub notes: Notes,
    /// Line by line, the times the local clocks skip or repeat (see [`crate::clock`]).
    pub clock: Vec<(u64, String)>,
}

/// What the mapping decided, per distinct item name, for `--dry-run` and the summary.
#[derive(Debug, Default)]
pub struct Notes {
    /// Name → "vitamin K → MK-7" and the like.
    pub forms: BTreeMap<String, BTreeSet<String>>,
    /// Name → the medicine it was taken as and its tags.
    pub medicines: BTreeMap<String, String>,
    /// Name → why a value of it could not be placed (left unknown).
    pub unmapped: BTreeMap<String, String>,
    catalog: Option<Catalog>,
}

impl Notes {
    pub fn form(&mut self, name: &str, what: &str, slot: Nutrient) {
        let label = format!("{what} → {}", slot.label());
        self.forms
            .entry(name.to_string())
            .or_default()
            .insert(label);
    }

    pub fn unmapped(&mut self, name: &str, why: &str) {
        self.unmapped.insert(name.to_string(), why.to_string());
    }

    /// The tags of the catalog medicine `key` (which a name was mapped to), noted once per name.
    pub fn medicine_tags(&mut self, name: &str, key: &str) -> Vec<String> {
        let catalog = self.catalog.get_or_insert_with(Catalog::builtin);
        let tags = catalog.get(key).map(|i| i.tags.clone()).unwrap_or_default();
        self.medicines
            .entry(name.to_string())
            .or_insert_with(|| format!("{key} ({})", tags.join(", ")));
        tags
    }
}

/// A digest of the cells that identify a source row (128-bit FNV-1a: stable across versions and
/// machines, unlike std's hasher); the n-th identical row of a file gets `#n`, so two identical
/// servings on one day stay two entries, and a re-import maps each to the same key again.
pub struct RowKey(u128);

impl RowKey {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    pub fn new(origin: &str) -> RowKey {
        let mut k = RowKey(Self::OFFSET);
        k.push(origin);
        k
    }

    /// Adds one cell (with a separator, so "ab","c" differs from "a","bc").
    pub fn push(&mut self, cell: &str) {
        self.mix(cell.bytes().chain([0x1f]));
    }

    fn mix(&mut self, bytes: impl Iterator<Item = u8>) {
        for b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// The digest as 32 hex digits.
    pub fn hex(&self) -> String {
        format!("{:032x}", self.0)
    }
}

/// Opens a CSV file for streaming; a missing file is bad input.
pub fn csv_reader(path: &Path) -> Result<csv::Reader<std::fs::File>, ImportError> {
    let file = std::fs::File::open(path)
        .map_err(|e| ImportError::Bad(format!("{}: cannot read: {e}", path.display())))?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(file))
}

/// "FILE:LINE: column `X`: what".
pub fn at(path: &Path, line: u64, bad: Bad) -> ImportError {
    ImportError::Bad(format!(
        "{}:{line}: column `{}`: {}",
        path.display(),
        bad.column,
        bad.what
    ))
}

/// A CSV-level error (not UTF-8, a row with another number of cells) as one line.
pub fn csv_error(path: &Path, e: &csv::Error) -> ImportError {
    let line = e.position().map_or(0, |p| p.line());
    let what = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} cells where the header has {expected_len}: not a CSV of this format"),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text: not a CSV of this format".into(),
        _ => e.to_string(),
    };
    ImportError::Bad(format!("{}:{line}: {what}", path.display()))
}

/// Streams `path` row by row through `parse` into the diary as entries from `origin` (one
/// transaction), or only reads and counts with `dry_run`. `parse` gives each row's entry and the
/// digest of the cells that identify it.
pub fn stream_into(
    store: &mut Store,
    path: &Path,
    mut rdr: csv::Reader<std::fs::File>,
    origin: &str,
    dry_run: bool,
    mut parse: impl FnMut(&csv::StringRecord, &mut Notes) -> Result<(Entry, RowKey), Bad>,
) -> Result<Outcome, ImportError> {
    let mut out = Outcome::default();
    // A regular file can be read again if its dates go back; a pipe cannot (see `Occurrences`).
    let mut occurrences = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Occurrences::default(),
        _ => Occurrences::keeping_earlier(),
    };
    let mut clock_days = crate::clock::ClockDays::default();
    let mut record = csv::StringRecord::new();
    let legacy = !dry_run && Occurrences::legacy(store, origin)?;
    store.lean_batch(|s| {
        loop {
            match rdr.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(csv_error(path, &e)),
            }
            let line = record.position().map_or(0, |p| p.line());
            let (entry, digest) = parse(&record, &mut out.notes).map_err(|b| at(path, line, b))?;
            let before = || digests(path, out.rows, &mut parse);
            let keyed = occurrences.key(entry.date, digest, before)?;
            out.rows += 1;
            out.days.insert(entry.date);
            if let Some(n) = clock_days.note(&entry) {
                out.clock.push((line, n));
            }
            let known = legacy && s.has_origin_key(origin, &keyed.legacy)?;
            if !dry_run && !known && s.insert_imported(&entry, origin, &keyed.key)? {
                out.added += 1;
            }
        }
        Ok(out)
    })
}

/// The digests of the first `rows` rows of `path`, read again (see [`Occurrences`]).
fn digests(
    path: &Path,
    rows: u64,
    parse: &mut impl FnMut(&csv::StringRecord, &mut Notes) -> Result<(Entry, RowKey), Bad>,
) -> Result<Vec<RowKey>, ImportError> {
    let mut rdr = csv_reader(path)?;
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    for _ in 0..rows {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                return Err(ImportError::Bad(format!(
                    "{}: changed while it was read",
                    path.display()
                )));
            }
            Err(e) => return Err(csv_error(path, &e)),
        }
        let line = record.position().map_or(0, |p| p.line());
        let (_, digest) = parse(&record, &mut Notes::default()).map_err(|b| at(path, line, b))?;
        out.push(digest);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_keys_are_stable_and_separate_cells() {
        let key = |cells: &[&str]| {
            let mut k = RowKey::new("o");
            cells.iter().for_each(|c| k.push(c));
            k.hex()
        };
        assert_eq!(key(&["a", "b"]), key(&["a", "b"]));
        assert_ne!(key(&["ab", ""]), key(&["a", "b"]));
        // FNV-1a 128 of "a" (worked out apart from this code): a change in the digest would make every
        // earlier import look new.
        let mut a = RowKey(RowKey::OFFSET);
        a.mix("a".bytes());
        assert_eq!(a.hex(), "d228cb696f1a8caf78912b704e4a8964");
        let mut occ = Occurrences::default();
        let d = || {
            let mut k = RowKey::new("o");
            k.push("x");
            k
        };
        let hex = d().hex();
        let day = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
        let none = || Ok::<Vec<RowKey>, ()>(Vec::new());
        let first = occ.key(day, d(), none).unwrap();
        assert_eq!(first.key, format!("2024-03-04 {hex}#1"));
        assert_eq!(first.legacy, format!("{hex}#1"));
        let second = occ.key(day, d(), none).unwrap();
        assert_eq!(second.key, format!("2024-03-04 {hex}#2"));
    }
}
