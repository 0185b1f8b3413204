//! Typed queries on entries.

pub use super::entry_row::Fields;
use super::entry_row::{
    COLUMNS, RULE_SELECT, SELECT, Seen, entry_values, from_row, insert_values, logged_from_row,
};
use super::{Result, Store, StoreError, now_stamp};
use crate::domain::{Entry, Logged};
use chrono::NaiveDate;
use rusqlite::{
    Connection, OptionalExtension, Row, TransactionBehavior, params_from_iter, types::Value as Sql,
};

impl Store {
    /// Stores a new entry and returns its id.
    pub fn insert_entry(&mut self, e: &Entry) -> Result<i64> {
        self.write_entry(None, e, None)
    }

    /// Re-inserts an entry with its own id (undo of a delete), and its own uuid when this
    /// connection deleted it.
    pub fn restore_entry(&mut self, e: &Entry) -> Result<()> {
        let uuid = self.deleted.get(&e.id).cloned();
        self.write_entry(Some(e.id), e, uuid).map(|_| ())
    }

    /// Stores `e` with a given uuid (or a new one, [`new_uuid`], when `None`).
    fn write_entry(&mut self, id: Option<i64>, e: &Entry, uuid: Option<String>) -> Result<i64> {
        let sql = insert_sql(&["uuid"], "");
        let mut vals = insert_values(id, e);
        vals.push(Sql::Text(uuid.unwrap_or_else(new_uuid)));
        self.write(|c| {
            c.prepare_cached(&sql)?
                .execute(params_from_iter(vals.iter()))?;
            Ok(c.last_insert_rowid())
        })
    }

    /// Stores an imported entry unless one with the same origin and key is in the diary; says
    /// whether it was added.
    pub fn insert_imported(&mut self, e: &Entry, origin: &str, key: &str) -> Result<bool> {
        let sql = insert_sql(
            &["uuid", "origin", "origin_key"],
            " ON CONFLICT (origin, origin_key) WHERE origin_key IS NOT NULL DO NOTHING",
        );
        let mut vals = insert_values(None, e);
        vals.extend([
            Sql::Text(new_uuid()),
            Sql::Text(origin.into()),
            Sql::Text(key.into()),
        ]);
        self.write(|c| {
            let n = c
                .prepare_cached(&sql)?
                .execute(params_from_iter(vals.iter()))?;
            Ok(n == 1)
        })
    }

    /// Rewrites an entry's fields (time, quantity and nutrients, meal, note).
    pub fn update_entry(&mut self, e: &Entry) -> Result<()> {
        let names: Vec<&str> = COLUMNS.split(", ").skip(1).collect();
        let sets: Vec<String> = names.iter().map(|c| format!("{c} = ?")).collect();
        let sql = format!(
            "UPDATE entries SET {}, updated_at = ? WHERE id = ?",
            sets.join(", ")
        );
        let mut vals = entry_values(None, e);
        vals.remove(0);
        vals.push(Sql::Text(now_stamp()));
        vals.push(Sql::Integer(e.id));
        match self.write(|c| Ok(c.execute(&sql, params_from_iter(vals.iter()))?))? {
            0 => Err(StoreError::NoEntry(e.id)),
            _ => Ok(()),
        }
    }

    /// Deletes an entry and returns it (so it can be restored), or `None` if absent.
    pub fn delete_entry(&mut self, id: i64) -> Result<Option<Entry>> {
        let found = self.write(|c| {
            let found = select_one(c, id)?;
            let uuid: Option<String> = c
                .query_row("SELECT uuid FROM entries WHERE id = ?", [id], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                c.execute("DELETE FROM entries WHERE id = ?", [id])?;
            }
            Ok(found.zip(uuid))
        })?;
        Ok(found.map(|(e, uuid)| {
            self.deleted.insert(id, uuid);
            e
        }))
    }

    /// The stable identity of entry `id` (kept by merges between diaries).
    pub fn entry_uuid(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT uuid FROM entries WHERE id = ?", [id], |r| r.get(0))
            .optional()?)
    }

    pub fn entry(&self, id: i64) -> Result<Option<Entry>> {
        select_one(&self.conn, id)
    }

    pub fn entries_on(&self, date: NaiveDate) -> Result<Vec<Entry>> {
        self.entries_between(date, date)
    }

    /// Entries from `from` to `to` inclusive, in date and time order.
    pub fn entries_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.each_entry_between(from, to, |e| {
            out.push(e);
            Ok::<(), StoreError>(())
        })?;
        Ok(out)
    }

    /// Hands `f` each entry from `from` to `to` inclusive, in date and time order, as one query
    /// reads them: a range of years is read once and never held whole.
    pub fn each_entry_between<E: From<StoreError>>(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        f: impl FnMut(Entry) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_entry_between_as(from, to, Fields::All, f)
    }

    /// [`Self::each_entry_between`], filling only `fields` of each entry.
    pub fn each_entry_between_as<E: From<StoreError>>(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        fields: Fields,
        mut f: impl FnMut(Entry) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_row_between(from, to, fields, |row, seen| {
            f(from_row(row, fields, seen)?)
        })
    }

    /// [`Self::each_entry_between_as`], reading each entry onto the end of `entries` before
    /// calling `f` with them: an entry is ~430 bytes, and handing it over by value copied it
    /// twice more on its way to a caller's vector (issue 19).
    pub fn push_entries_between<E: From<StoreError>>(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        fields: Fields,
        entries: &mut Vec<Entry>,
        mut f: impl FnMut(&mut Vec<Entry>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_row_between(from, to, fields, |row, seen| {
            entries.push(from_row(row, fields, seen)?);
            f(entries)
        })
    }

    /// Hands `f` each row of the entries from `from` to `to`, in date and time order, with
    /// what the read has seen so far.
    fn each_row_between<E: From<StoreError>>(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        fields: Fields,
        mut f: impl FnMut(&Row<'_>, &mut Seen) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let columns = match fields {
            Fields::All => SELECT.as_str(),
            Fields::Rules => RULE_SELECT.as_str(),
        };
        let sql = format!(
            "SELECT {columns} FROM entries WHERE date BETWEEN ?1 AND ?2 ORDER BY date, time, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(StoreError::from)?;
        let mut rows =
            (stmt.query([from.to_string(), to.to_string()])).map_err(StoreError::from)?;
        let mut seen = Seen::default();
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            f(row, &mut seen)?;
        }
        Ok(())
    }

    /// Keys of the most recently logged items, newest first, without repeats.
    ///
    /// Walks the distinct keys through the `(item_key, date)` index and looks up each key's
    /// latest entry, so the cost grows with the number of distinct items, not of entries.
    pub fn recent_keys(&self, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE keys(k) AS (
                 SELECT (SELECT min(item_key) FROM entries)
                 UNION ALL
                 SELECT (SELECT min(item_key) FROM entries WHERE item_key > k)
                 FROM keys WHERE k IS NOT NULL)
             SELECT k FROM keys WHERE k IS NOT NULL
             ORDER BY (SELECT date || ' ' || time FROM entries WHERE item_key = k
                       ORDER BY date DESC, time DESC LIMIT 1) DESC
             LIMIT ?",
        )?;
        let rows = stmt.query_map([limit as i64], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// For each of `keys`, when its latest `per_key` entries from `from` to `to` inclusive were
    /// logged; all of them in date and time order. Read from the `(item_key, date, time)` index
    /// alone (schema 7), without the rows: what the dose-time rule reads of earlier doses. The
    /// limit is written into the SQL (a number, not text): a bound LIMIT makes SQLite re-prepare
    /// on every rebind.
    pub fn latest_times_of_keys_between(
        &self,
        keys: &[&str],
        from: NaiveDate,
        to: NaiveDate,
        per_key: usize,
    ) -> Result<Vec<Logged>> {
        let mut stmt = self.conn.prepare_cached(&latest_times_sql(per_key))?;
        let (from, to) = (from.to_string(), to.to_string());
        let mut out = Vec::new();
        for k in keys {
            let params = rusqlite::params![k, from, to];
            for r in stmt.query_map(params, |r| logged_from_row(r, k))? {
                out.push(r??);
            }
        }
        out.sort_by_key(|l| (l.date, l.time, l.id));
        Ok(out)
    }

    /// How many entries the diary holds.
    pub fn entry_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?)
    }
}

impl Store {
    /// Runs `f`'s reads in one read transaction: they see one snapshot of the diary even while
    /// another program writes, and SQLite takes its read lock once instead of per statement
    /// (`intake day` reads the day, the day before and the last doses in separate queries).
    pub fn reading<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn.execute_batch("BEGIN").map_err(StoreError::from)?;
        let out = f();
        // It only read: ending it cannot lose anything; should COMMIT fail, ROLLBACK still ends
        // it, so that a later write (the app keeps its connection) never joins it.
        if self.conn.execute_batch("COMMIT").is_err() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        out
    }

    /// Runs `f` in a write transaction that takes the write lock at its start (BEGIN IMMEDIATE),
    /// so waiting for another writer goes through the busy timeout; a transaction that read first
    /// and wrote later would instead fail at once when another process had written in between.
    /// Busy at once without waiting, it is tried once more; still busy after the wait, it says
    /// another program holds the diary ([`StoreError::Locked`]). Inside a `batch` it joins that
    /// one.
    pub(super) fn write<T>(&mut self, f: impl Fn(&Connection) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(&self.conn);
        }
        let started = std::time::Instant::now();
        let done = match self.write_once(&f) {
            // Busy at once, without waiting (a snapshot another process overtook): once more.
            Err(e) if e.is_busy() && started.elapsed() < super::lock::wait_limit() => {
                self.write_once(&f)
            }
            r => r,
        };
        done.map_err(|e| self.named_lock(e))
    }

    fn write_once<T>(&mut self, f: &impl Fn(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// A new entry's identity: a time-ordered UUID (version 7: milliseconds since 1970, then random
/// bits; monotonic within the process). Entries written one after another get uuids that sort
/// after each other, so the unique `uuid` index grows at its end: a 100,000-row import no longer
/// scatters inserts over the whole index (a random version 4 uuid each did, spilling SQLite's
/// page cache; BENCHMARKS.md, Import). Uuids are compared only for equality (merges), so diaries
/// whose older entries have version 4 uuids mix both without a change.
fn new_uuid() -> String {
    uuid::Uuid::now_v7().hyphenated().to_string()
}

/// `INSERT INTO entries` of every entry column, the stamps and `extra` columns (values in that
/// order: [`insert_values`], then those of `extra`), followed by `tail`.
fn insert_sql(extra: &[&str], tail: &str) -> String {
    let n = COLUMNS.split(", ").count() + 2 + extra.len();
    let marks = vec!["?"; n].join(", ");
    let extra: String = extra.iter().map(|c| format!(", {c}")).collect();
    format!(
        "INSERT INTO entries ({}, created_at, updated_at{extra}) VALUES ({marks}){tail}",
        COLUMNS.as_str()
    )
}

fn select_one(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let sql = format!("SELECT {} FROM entries WHERE id = ?", SELECT.as_str());
    let row = (conn.query_row(&sql, [id], |r| {
        Ok(from_row(r, Fields::All, &mut Seen::default()))
    }))
    .optional()?;
    row.transpose()
}

fn latest_times_sql(per_key: usize) -> String {
    format!(
        "SELECT id, date, time FROM entries WHERE item_key = ?1 AND date BETWEEN ?2 AND ?3
         ORDER BY date DESC, time DESC, id DESC LIMIT {per_key}"
    )
}

#[cfg(test)]
mod reading_tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn reads_inside_reading_see_one_snapshot_and_it_ends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("diary.db");
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let all = crate::demo::sample_entries(&Catalog::builtin(), today).unwrap();
        let mut store = Store::open(&path).unwrap();
        store.insert_entries(&all[..10]).unwrap();
        let mut other = Store::open(&path).unwrap();
        let (before, after) = store
            .reading(|| {
                let before = store.entry_count()?;
                other.insert_entries(&all[10..])?;
                Ok::<_, StoreError>((before, store.entry_count()?))
            })
            .unwrap();
        assert_eq!((before, after), (10, 10), "one snapshot");
        assert_eq!(store.entry_count().unwrap(), all.len() as i64, "ended");
        store.insert_entry(&all[0]).unwrap();
    }

    #[test]
    fn latest_times_come_from_the_index_alone_in_its_order() {
        let store = Store::open_in_memory().unwrap();
        let sql = format!("EXPLAIN QUERY PLAN {}", latest_times_sql(8));
        let mut stmt = store.conn.prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map(["d3", "2026-01-01", "2026-02-01"], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert!(
            plan[0].contains("COVERING INDEX entries_by_key"),
            "{plan:?}"
        );
    }
}
