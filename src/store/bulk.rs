//! Many writes in one transaction: one commit (and one fsync) instead of one per entry, for
//! imports and the synthetic diaries of the benchmarks.

use super::{Result, Store, StoreError};
use crate::domain::Entry;

/// SQLite's page cache, in pages, while an import streams its rows in ([`Store::lean_batch`]) or
/// merges another diary (both diaries' caches).
/// SQLite's default is 2 MB (500 pages of 4 KiB), which an import of 10,000 rows or more fills:
/// the random uuids spread its inserts over the whole uuid index. 100 pages (400 KiB) took the
/// peak memory of importing 100,000 entries from 12.8 to 10.9 MB (200 pages: 11.4 MB) for 0.4 %
/// more instructions and about 40,000 more reads and writes of pages the kernel still holds.
pub(super) const LEAN_CACHE_PAGES: i64 = 100;

impl Store {
    /// Runs `f` inside one write transaction: everything it stored is committed together, or,
    /// when it fails, nothing is. Inside another batch it simply joins that one.
    pub fn batch<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        if let Err(e) = self.conn.execute_batch("BEGIN IMMEDIATE") {
            return Err(self.named_lock(e.into()).into());
        }
        match f(self) {
            Ok(v) => {
                self.conn
                    .execute_batch("COMMIT")
                    .map_err(StoreError::from)?;
                Ok(v)
            }
            Err(e) => {
                // The caller's error says what went wrong; a failed rollback adds nothing to it
                // (SQLite rolls back an open transaction when the connection closes anyway).
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// [`Store::batch`] with SQLite's page cache held small while it runs (see
    /// [`LEAN_CACHE_PAGES`]), and given back its size after.
    pub fn lean_batch<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.lean(|s| s.batch(f))
    }

    /// Runs `f` with this diary's page cache held to [`LEAN_CACHE_PAGES`], and gives it its size
    /// back after.
    pub(super) fn lean<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let before = self.cache_to(LEAN_CACHE_PAGES)?;
        let out = f(self);
        self.cache_back(out, before)
    }

    /// Runs `f`, which reads a long range of the diary once, with the page cache held to
    /// [`LEAN_CACHE_PAGES`]: a read that meets each page once gains nothing from a larger cache,
    /// and each page of it is memory the process touches for the first time (issue 19: a year's
    /// weekly export took 916 page faults, 490 with a cache of 256 KiB).
    pub fn lean_reading<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let before = self.cache_to(LEAN_CACHE_PAGES)?;
        self.cache_back(f(), before)
    }

    /// Sets the page cache to `pages`; what it was.
    fn cache_to(&self, pages: i64) -> Result<i64> {
        let before = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", pages)?;
        Ok(before)
    }

    /// Gives the page cache its size `before` back, after `out`.
    fn cache_back<T, E: From<StoreError>>(
        &self,
        out: std::result::Result<T, E>,
        before: i64,
    ) -> std::result::Result<T, E> {
        let restored = self.conn.pragma_update(None, "cache_size", before);
        let v = out?;
        restored.map_err(StoreError::from)?;
        Ok(v)
    }

    /// Stores entries in one transaction and returns their ids, in order.
    pub fn insert_entries(&mut self, entries: &[Entry]) -> Result<Vec<i64>> {
        self.batch(|s| entries.iter().map(|e| s.insert_entry(e)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use chrono::NaiveDate;

    fn entries() -> Vec<Entry> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        crate::demo::sample_entries(&Catalog::builtin(), today).unwrap()
    }

    #[test]
    fn insert_entries_stores_all_in_order() {
        let mut store = Store::open_in_memory().unwrap();
        let all = entries();
        let ids = store.insert_entries(&all).unwrap();
        assert_eq!(ids.len(), all.len());
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(store.entry_count().unwrap(), all.len() as i64);
    }

    fn cache_size(store: &Store) -> i64 {
        store
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_lean_batch_holds_the_cache_small_while_it_runs_and_gives_it_back() {
        let mut store = Store::open_in_memory().unwrap();
        let before = cache_size(&store);
        assert_ne!(before, LEAN_CACHE_PAGES);
        let all = entries();
        let during = store
            .lean_batch(|s| {
                s.insert_entries(&all)?;
                Ok::<_, StoreError>(cache_size(s))
            })
            .unwrap();
        assert_eq!(during, LEAN_CACHE_PAGES);
        assert_eq!(cache_size(&store), before);
        assert_eq!(store.entry_count().unwrap(), all.len() as i64);
        let failed: Result<()> = store.lean_batch(|s| {
            s.insert_entries(&all)?;
            Err(StoreError::Corrupt("stop".into()))
        });
        assert!(failed.is_err());
        assert_eq!(cache_size(&store), before);
        assert_eq!(store.entry_count().unwrap(), all.len() as i64);
    }

    #[test]
    fn a_lean_read_holds_the_cache_small_while_it_runs_and_gives_it_back() {
        let mut store = Store::open_in_memory().unwrap();
        let all = entries();
        store.insert_entries(&all).unwrap();
        let before = cache_size(&store);
        let dates = all.iter().map(|e| e.date);
        let (from, to) = (dates.clone().min().unwrap(), dates.max().unwrap());
        let read = store
            .lean_reading(|| {
                assert_eq!(cache_size(&store), LEAN_CACHE_PAGES);
                store.entries_between(from, to)
            })
            .unwrap();
        assert_eq!(read.len(), all.len());
        assert_eq!(cache_size(&store), before);
        let failed: Result<()> = store.lean_reading(|| Err(StoreError::Corrupt("stop".into())));
        assert!(failed.is_err());
        assert_eq!(cache_size(&store), before);
    }

    #[test]
    fn a_failing_batch_stores_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let all = entries();
        let r: Result<()> = store.batch(|s| {
            s.insert_entries(&all[..2])?;
            s.insert_entry(&all[2])?;
            Err(StoreError::Corrupt("stop".into()))
        });
        assert!(r.is_err());
        assert_eq!(store.entry_count().unwrap(), 0);
    }
}
