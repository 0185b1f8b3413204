//! Many writes in one transaction: one commit (and one fsync) instead of one per entry, for
//! imports and the synthetic diaries of the benchmarks.

use super::{Result, Store, StoreError};
use crate::domain::Entry;

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
