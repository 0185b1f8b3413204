//! Typed queries on entries.

use super::{Result, Store, StoreError, now_stamp};
use crate::domain::{Entry, Kind, Milli, Nutrient, Nutrients, Value};
use chrono::{NaiveDate, NaiveTime, Timelike};
use rusqlite::{
    Connection, OptionalExtension, Row, TransactionBehavior, params_from_iter, types::Value as Sql,
};
use std::sync::LazyLock;

/// Column list shared by every SELECT, in the order `from_row` reads.
static COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let mut cols = vec![
        "id",
        "date",
        "time",
        "item_key",
        "item_name",
        "kind",
        "quantity",
        "unit",
        "servings",
        "tags",
        "meal",
        "note",
        "partial",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    for n in Nutrient::ALL {
        cols.push(format!("{}_lo", n.column()));
        cols.push(format!("{}_hi", n.column()));
    }
    cols.join(", ")
});

const BASE_COLS: usize = 13;

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
        mut f: impl FnMut(Entry) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let sql = format!(
            "SELECT {} FROM entries WHERE date BETWEEN ?1 AND ?2 ORDER BY date, time, id",
            COLUMNS.as_str()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(StoreError::from)?;
        let mut rows =
            (stmt.query([from.to_string(), to.to_string()])).map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            f(from_row(row).map_err(StoreError::from)??)?;
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

    /// For each of `keys`, its latest `per_key` entries from `from` to `to` inclusive; all of
    /// them in date and time order. Served by the `(item_key, date)` index. The limit is written
    /// into the SQL (a number, not text): a bound LIMIT makes SQLite re-prepare on every rebind.
    pub fn latest_of_keys_between(
        &self,
        keys: &[&str],
        from: NaiveDate,
        to: NaiveDate,
        per_key: usize,
    ) -> Result<Vec<Entry>> {
        let sql = format!(
            "SELECT {} FROM entries WHERE item_key = ?1 AND date BETWEEN ?2 AND ?3
             ORDER BY date DESC, time DESC, id DESC LIMIT {per_key}",
            COLUMNS.as_str()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let (from, to) = (from.to_string(), to.to_string());
        let mut out = Vec::new();
        for k in keys {
            let params = rusqlite::params![k, from, to];
            for r in stmt.query_map(params, from_row)? {
                out.push(r??);
            }
        }
        out.sort_by_key(|e| (e.date, e.time, e.id));
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
    let n = BASE_COLS + 2 * Nutrient::ALL.len() + 2 + extra.len();
    let marks = vec!["?"; n].join(", ");
    let extra: String = extra.iter().map(|c| format!(", {c}")).collect();
    format!(
        "INSERT INTO entries ({}, created_at, updated_at{extra}) VALUES ({marks}){tail}",
        COLUMNS.as_str()
    )
}

fn select_one(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let sql = format!("SELECT {} FROM entries WHERE id = ?", COLUMNS.as_str());
    let row = conn.query_row(&sql, [id], from_row).optional()?;
    row.transpose()
}

fn entry_values(id: Option<i64>, e: &Entry) -> Vec<Sql> {
    let opt = |s: &Option<String>| s.clone().map(Sql::Text).unwrap_or(Sql::Null);
    let tags = serde_json::to_string(&e.tags).unwrap_or_else(|_| "[]".into());
    let mut v = vec![
        id.map(Sql::Integer).unwrap_or(Sql::Null),
        // Display is YYYY-MM-DD for every accepted date (1900 to 9999), without the format
        // parser `format("%Y-%m-%d")` runs on each call (a tenth of a large import's time).
        Sql::Text(e.date.to_string()),
        e.time.map_or(Sql::Null, |t| {
            Sql::Text(format!("{:02}:{:02}", t.hour(), t.minute()))
        }),
        Sql::Text(e.item_key.clone()),
        Sql::Text(e.item_name.clone()),
        Sql::Text(e.kind.as_str().into()),
        Sql::Real(e.quantity),
        Sql::Text(e.unit.clone()),
        Sql::Real(e.servings),
        Sql::Text(tags),
        opt(&e.meal),
        opt(&e.note),
        Sql::Integer(i64::from(e.nutrients.partial_bits())),
    ];
    for n in Nutrient::ALL {
        match e.nutrients.get(n).bounds() {
            Some((lo, hi)) => v.extend([Sql::Integer(lo.0), Sql::Integer(hi.0)]),
            None => v.extend([Sql::Null, Sql::Null]),
        }
    }
    v
}

/// The entry's values for an insert: [`entry_values`] and the created/updated stamps.
fn insert_values(id: Option<i64>, e: &Entry) -> Vec<Sql> {
    let mut v = entry_values(id, e);
    let now = now_stamp();
    v.extend([Sql::Text(now.clone()), Sql::Text(now)]);
    v
}

/// Reads one row; a malformed row is a `Corrupt` error, never a panic.
fn from_row(r: &Row<'_>) -> rusqlite::Result<Result<Entry>> {
    let date: String = r.get(1)?;
    let time: Option<String> = r.get(2)?;
    let kind: String = r.get(5)?;
    let tags: String = r.get(9)?;
    let partial: i64 = r.get(12)?;
    let mut nutrients = Nutrients::default();
    for (i, n) in Nutrient::ALL.into_iter().enumerate() {
        let lo: Option<i64> = r.get(BASE_COLS + 2 * i)?;
        let hi: Option<i64> = r.get(BASE_COLS + 2 * i + 1)?;
        let v = match (lo, hi) {
            (Some(lo), Some(hi)) => {
                Value::from_bounds(Milli(lo), Milli(hi)).with_partial(partial >> i & 1 == 1)
            }
            _ => Value::Unknown,
        };
        nutrients.set(n, v);
    }
    let corrupt = |what: &str, v: &str| {
        StoreError::Corrupt(format!(
            "entry {}: bad {what} `{v}`",
            r.get::<_, i64>(0).unwrap_or(0)
        ))
    };
    let parsed = (|| {
        Ok(Entry {
            id: r.get(0)?,
            date: parse_date(&date).ok_or_else(|| corrupt("date", &date))?,
            time: match &time {
                Some(t) => Some(parse_time(t).ok_or_else(|| corrupt("time", t))?),
                None => None,
            },
            item_key: r.get(3)?,
            item_name: r.get(4)?,
            kind: Kind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
            quantity: r.get(6)?,
            unit: r.get(7)?,
            servings: r.get(8)?,
            nutrients,
            tags: parse_tags(&tags).ok_or_else(|| corrupt("tags", &tags))?,
            meal: r.get(10)?,
            note: r.get(11)?,
        })
    })();
    Ok(parsed)
}

/// `YYYY-MM-DD` as the diary writes it, read by hand (chrono's format parser costs more than the
/// rest of the row); anything else (a row edited by hand) goes through chrono.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let fast = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| {
            let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
            NaiveDate::from_ymd_opt(y as i32, m, d)
        })
        .flatten();
    fast.or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// `HH:MM`, the same way.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    let fast = (b.len() == 5 && b[2] == b':')
        .then(|| NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, 0))
        .flatten();
    fast.or_else(|| NaiveTime::parse_from_str(s, "%H:%M").ok())
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// The JSON array of tags; most entries have none.
fn parse_tags(s: &str) -> Option<Vec<String>> {
    if s == "[]" {
        return Some(Vec::new());
    }
    serde_json::from_str(s).ok()
}
