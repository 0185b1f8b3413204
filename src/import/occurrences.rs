//! The occurrence number of each row's key: the n-th row of a file with the same digest gets `#n`.

use super::RowKey;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Gives each row's key its occurrence number within the file, and the row's date in front.
///
/// The key is `YYYY-MM-DD <digest>#n`: with the date first, keys sort with the dates, so a file
/// in date order (every export is) writes the diary's unique `(origin, origin_key)` index at its
/// end instead of all over it (a 100,000-row import spilled SQLite's page cache on the random
/// digests; BENCHMARKS.md, Import). The date is the row's own, read at import: a later edit of
/// the entry changes nothing in the key. Diaries that imported before this (schema 5) had
/// `<digest>#n`: the upgrade to schema 6 puts the date in front of those whose entry was never
/// edited, and the others keep their key and are still recognised ([`Occurrences::legacy`]).
///
/// `n` counts the earlier rows of the file with the same digest. The digest covers the row's date
/// cell, so those rows are all on the row's date: while the file's dates do not go back (every
/// export's), only the current date's digests are counted, and the earlier dates' are let go
/// (a map of a whole file's digests held 6.5 MB at its peak for 100,000 rows). The first row
/// that goes back to an earlier date has the file's rows before it read again (or, from a source
/// that cannot be read twice, such as a pipe, the earlier dates' digests are kept as a list), and
/// from then on every digest is counted, so `n` is the same whatever the order of the file.
#[derive(Default)]
pub struct Occurrences {
    /// The date of the last row.
    date: Option<NaiveDate>,
    /// The digests of the last row's date so far, and how often each came.
    today: HashMap<u128, u32>,
    /// The digests of the rows on earlier dates, one per row, when the file cannot be read again.
    earlier: Option<Vec<u128>>,
    /// Every digest so far and how often it came, once the file has gone back to an earlier date.
    all: Option<HashMap<u128, u32>>,
}

/// A row's key, and the key intake before schema 6 gave the same row.
pub struct Keyed {
    pub key: String,
    pub legacy: String,
}

impl Occurrences {
    /// For a file that cannot be read a second time: keeps every digest (16 bytes a row).
    pub fn keeping_earlier() -> Occurrences {
        Occurrences {
            earlier: Some(Vec::new()),
            ..Occurrences::default()
        }
    }

    /// The key of the next row of the file, which is on `date` and has the digest `k` (of cells
    /// that include its date). `before` gives the digests of all the file's rows before this
    /// one; it is called only for the first row that goes back to an earlier date, and only if
    /// the earlier digests were not kept.
    pub fn key<E>(
        &mut self,
        date: NaiveDate,
        k: RowKey,
        before: impl FnOnce() -> Result<Vec<RowKey>, E>,
    ) -> Result<Keyed, E> {
        if self.all.is_none() {
            match self.date {
                Some(last) if date < last => {
                    self.close_day();
                    let all = match self.earlier.take() {
                        Some(earlier) => earlier,
                        None => before()?.into_iter().map(|k| k.0).collect(),
                    };
                    self.all = Some(counted(all));
                }
                Some(last) if date == last => {}
                _ => {
                    self.close_day();
                    self.date = Some(date);
                }
            }
        }
        let counts = self.all.as_mut().unwrap_or(&mut self.today);
        let n = counts.entry(k.0).or_default();
        *n += 1;
        let legacy = format!("{}#{n}", k.hex());
        Ok(Keyed {
            key: format!("{date} {legacy}"), // Display: YYYY-MM-DD
            legacy,
        })
    }

    /// Lets the last date's digests go, or moves them to the earlier ones if those are kept.
    fn close_day(&mut self) {
        match &mut self.earlier {
            Some(earlier) => {
                for (digest, n) in self.today.drain() {
                    earlier.extend(std::iter::repeat_n(digest, n as usize));
                }
            }
            None => self.today.clear(),
        }
    }

    /// Whether a diary may hold keys without a date (see above): then each row is also looked
    /// up by its legacy key before it is added.
    pub fn legacy(store: &Store, origin: &str) -> Result<bool, StoreError> {
        store.has_undated_origin_keys(origin)
    }
}

/// How often each digest comes.
fn counted(digests: Vec<u128>) -> HashMap<u128, u32> {
    let mut counts = HashMap::new();
    for digest in digests {
        *counts.entry(digest).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A digest that covers its date, as the parsers' do.
    fn digest(day: u32, cell: u8) -> RowKey {
        let mut k = RowKey::new("o");
        k.push(&day.to_string());
        k.push(&cell.to_string());
        k
    }

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day.into())
    }

    /// The occurrence numbers a file's rows get, `(day, cell)` each, with the earlier digests
    /// kept or read again.
    fn numbers(rows: &[(u32, u8)], keep: bool) -> Vec<String> {
        let mut occ = match keep {
            true => Occurrences::keeping_earlier(),
            false => Occurrences::default(),
        };
        let mut out = Vec::new();
        for (i, &(d, c)) in rows.iter().enumerate() {
            let before = || match keep {
                true => Err("read again though the digests were kept"),
                false => Ok(rows[..i].iter().map(|&(d, c)| digest(d, c)).collect()),
            };
            let k = occ.key(date(d), digest(d, c), before).unwrap().key;
            out.push(k[k.find('#').unwrap()..].to_string());
        }
        out
    }

    #[test]
    fn identical_rows_count_up_in_date_order_and_out_of_it() {
        // In date order: the repeats on one day, and the same cells on another day apart.
        let sorted = [(1, 7), (1, 7), (1, 8), (2, 7), (2, 7), (2, 7), (3, 7)];
        // Going back to a day counts on from that day's rows before.
        let back = [(1, 7), (2, 7), (1, 7), (3, 7), (2, 7), (1, 7), (1, 8)];
        for keep in [false, true] {
            let sorted = numbers(&sorted, keep);
            assert_eq!(sorted, ["#1", "#2", "#1", "#1", "#2", "#3", "#1"]);
            let back = numbers(&back, keep);
            assert_eq!(back, ["#1", "#1", "#2", "#1", "#2", "#3", "#1"]);
        }
    }

    proptest! {
        /// Whatever the order of the file, `n` is the number of rows with the same digest up to
        /// and including this one: what one map over the whole file gave.
        #[test]
        fn numbers_match_one_map_over_the_file(
            rows in prop::collection::vec((0u32..6, 0u8..3), 0..60),
        ) {
            let mut sorted = rows.clone();
            sorted.sort_by_key(|&(d, _)| d);
            for file in [rows, sorted] {
                let mut seen: HashMap<(u32, u8), u32> = HashMap::new();
                let expected: Vec<String> = file
                    .iter()
                    .map(|r| {
                        let n = seen.entry(*r).or_default();
                        *n += 1;
                        format!("#{n}")
                    })
                    .collect();
                prop_assert_eq!(&numbers(&file, false), &expected);
                prop_assert_eq!(&numbers(&file, true), &expected);
            }
        }
    }
}
